// Object map natives and JSON (map.cpp, map_json.cpp), called directly.
#include <cmath>

#include "containers_harness.hpp"

using namespace containers_test;

namespace {

Dynamic sample() {
    Map m;
    m["b"] = INT(1);
    m["B"] = INT(2);
    m["a"] = INT(3);
    m[""] = INT(6);
    return m;
}

TEST(ContainersMap, KeysAndValuesInKeyOrder) {
    Natives n;
    Dynamic m = sample();
    EXPECT_EQ(dbg(n.method(m, "keys")), "[\"\", \"B\", \"a\", \"b\"]");
    EXPECT_EQ(dbg(n.method(m, "values")), "[6, 2, 3, 1]");
    EXPECT_EQ(n.method(m, "len").as_int(), 4);
}

TEST(ContainersMap, NoLenProperty) {
    Natives n;  // `m.len` is a key lookup in Rhai, so there must be no getter
    EXPECT_FALSE(n.has("get$len", {Dynamic(Map{})}));
}

TEST(ContainersMap, GetSetRemoveContains) {
    Natives n;
    Dynamic m = sample();
    EXPECT_EQ(n.method(m, "get", "a").as_int(), 3);
    EXPECT_TRUE(n.method(m, "get", "zz").is_unit());
    n.method(m, "set", "zz", INT(9));
    EXPECT_TRUE(n.method(m, "contains", "zz").as_bool());
    EXPECT_EQ(n.method(m, "remove", "zz").as_int(), 9);
    EXPECT_TRUE(n.method(m, "remove", "zz").is_unit());
    EXPECT_FALSE(n.method(m, "contains", "zz").as_bool());
    EXPECT_FALSE(n.has("contains", {Dynamic(Map{}), Dynamic(INT(1))}));
}

TEST(ContainersMap, MixinPlusFillWith) {
    Natives n;
    Map x{{"x", Dynamic(INT(1))}, {"y", Dynamic(INT(2))}};
    Map y{{"y", Dynamic(INT(20))}, {"z", Dynamic(INT(30))}};
    Dynamic a = x;
    Dynamic c = n.call("+", {a, Dynamic(y)});
    EXPECT_EQ(dbg(c), "#{\"x\": 1, \"y\": 20, \"z\": 30}");
    EXPECT_EQ(dbg(a), "#{\"x\": 1, \"y\": 2}");
    Dynamic f = x;
    n.method(f, "fill_with", Dynamic(y));
    EXPECT_EQ(dbg(f), "#{\"x\": 1, \"y\": 2, \"z\": 30}");
    n.method(a, "mixin", Dynamic(y));
    EXPECT_EQ(dbg(a), "#{\"x\": 1, \"y\": 20, \"z\": 30}");
    n.method(a, "clear");
    EXPECT_TRUE(n.method(a, "is_empty").as_bool());
}

TEST(ContainersMap, Equality) {
    Natives n;
    Map x{{"a", Dynamic(INT(1))}};
    Map y{{"a", Dynamic(1.0)}};
    EXPECT_TRUE(n.call("==", {Dynamic(x), Dynamic(y)}).as_bool());
    Map z{{"b", Dynamic(INT(1))}};
    EXPECT_TRUE(n.call("!=", {Dynamic(x), Dynamic(z)}).as_bool());
}

TEST(ContainersMap, ToJson) {
    Natives n;
    Map m;
    m["a"] = INT(1);
    m["b"] = Array{Dynamic(true), Dynamic()};
    m["c"] = "s\"\n";
    m["d"] = char32_t('x');
    m["e"] = 1.0;
    m["f"] = Blob{7, 7};
    m["g"] = Dynamic::fn_ptr("len", {Dynamic(INT(1))});
    m["h"] = Dynamic::fn_ptr("len");
    m["i"] = std::nan("");
    EXPECT_EQ(n.call("to_json", {Dynamic(m)}).as_string(),
              R"({"a":1,"b":[true,null],"c":"s\"\n","d":"x","e":1.0,"f":[7,7],"g":["len",1],"h":"len","i":null})");
}

TEST(ContainersMap, ParseJson) {
    Natives n;
    Dynamic v = n.call("parse_json", {Dynamic(R"( {"x": 1, "y": [1, 2.5, -3e2], "z": null, "w": "h\u00e9\n", "t": true} )")});
    ASSERT_TRUE(v.is_map());
    const Map& m = v.as_map();
    EXPECT_EQ(m.at("x").as_int(), 1);
    EXPECT_EQ(dbg(m.at("y")), "[1, 2.5, -300.0]");
    EXPECT_TRUE(m.at("z").is_unit());
    EXPECT_EQ(m.at("w").as_string(), "h\xC3\xA9\n");
    EXPECT_TRUE(m.at("t").as_bool());
    EXPECT_TRUE(n.call("parse_json", {Dynamic("[]")}).is_array());
    EXPECT_EQ(n.call("parse_json", {Dynamic("\"\\ud83d\\ude00\"")}).as_string(), "\xF0\x9F\x98\x80");
    EXPECT_TRUE(n.call("parse_json", {Dynamic("123456789012345678901234")}).is_float());
}

TEST(ContainersMap, ParseJsonErrors) {
    Natives n;
    for (const char* bad : {"", "{", "{\"a\" 1}", "[1,]", "tru", "{\"a\":1} x", "\"\\q\"", "01", "[1 2]"}) {
        try {
            n.call("parse_json", {Dynamic(bad)});
            ADD_FAILURE() << "accepted: " << bad;
        } catch (const EvalError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::ErrorRuntime) << bad;
        }
    }
    std::string deep(1000, '[');
    EXPECT_THROW(n.call("parse_json", {Dynamic(deep)}), EvalError);
}

}  // namespace
