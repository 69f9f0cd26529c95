// FunctionRegistry (registration, replacement, resolution), call signatures and typed
// registration through make_native (runtime/register.hpp).
#include <gtest/gtest.h>

#include <typeindex>

#include "runtime/engine_core.hpp"
#include "runtime/native.hpp"
#include "runtime/register.hpp"

using namespace rhai;

namespace {

Dynamic ret_one(NativeCallContext&, Dynamic**) { return Dynamic(INT(1)); }
Dynamic ret_two(NativeCallContext&, Dynamic**) { return Dynamic(INT(2)); }
Dynamic ret_three(NativeCallContext&, Dynamic**) { return Dynamic(INT(3)); }

// Calls `fn` with the given values (args[0] is the first value's real storage).
Dynamic call(const NativeFunction& fn, std::vector<Dynamic>& vals) {
    EngineCore core;
    NativeCallContext ctx(core, fn.name, Position{});
    std::vector<Dynamic*> ptrs;
    for (auto& v : vals) ptrs.push_back(&v);
    return fn.call(ctx, ptrs.data());
}

struct Counter {
    INT n = 0;
    void bump(INT by) { n += by; }
    INT get() const { return n; }
};

}  // namespace

TEST(RuntimeNative, ParamTypeAccepts) {
    EXPECT_TRUE(ParamType::of(Tag::Int).accepts(Dynamic(INT(1))));
    EXPECT_FALSE(ParamType::of(Tag::Int).accepts(Dynamic(1.0)));
    EXPECT_TRUE(ParamType::dynamic().accepts(Dynamic("x")));
    EXPECT_TRUE(ParamType::custom_type<Counter>().accepts(make_custom(Counter{})));
    EXPECT_FALSE(ParamType::custom_type<int>().accepts(make_custom(Counter{})));
    EXPECT_FALSE(ParamType::of(Tag::Range).accepts(Dynamic::range(1, 2, true)));
}

TEST(RuntimeNative, ResolveByNameArityAndTypes) {
    FunctionRegistry r;
    r.add("f", {ParamType::of(Tag::Int)}, ret_one);
    r.add("f", {ParamType::of(Tag::String)}, ret_two);
    r.add("f", {ParamType::of(Tag::Int), ParamType::of(Tag::Int)}, ret_three);
    Dynamic i(INT(1)), s("x"), fl(1.0);
    Dynamic* a1[] = {&i};
    Dynamic* a2[] = {&s};
    Dynamic* a3[] = {&fl};
    Dynamic* a4[] = {&i, &i};
    ASSERT_NE(r.resolve("f", a1, 1), nullptr);
    std::vector<Dynamic> v1{i}, v2{s}, v4{i, i};
    EXPECT_EQ(call(*r.resolve("f", a1, 1), v1).as_int(), 1);
    EXPECT_EQ(call(*r.resolve("f", a2, 1), v2).as_int(), 2);
    EXPECT_EQ(r.resolve("f", a3, 1), nullptr);
    EXPECT_EQ(call(*r.resolve("f", a4, 2), v4).as_int(), 3);
    EXPECT_EQ(r.resolve("g", a1, 1), nullptr);
    EXPECT_EQ(r.resolve("f", a1, 0), nullptr);
    EXPECT_TRUE(r.contains("f", 2));
    EXPECT_FALSE(r.contains("f", 3));
    EXPECT_TRUE(r.contains_name("f"));
    EXPECT_FALSE(r.contains_name("g"));
}

TEST(RuntimeNative, SameSignatureReplaces) {
    FunctionRegistry r;
    r.add("f", {ParamType::of(Tag::Int)}, ret_one);
    uint64_t gen = r.generation();
    r.add("f", {ParamType::of(Tag::Int)}, ret_two);
    EXPECT_GT(r.generation(), gen);
    EXPECT_EQ(r.overloads("f", 1)->size(), 1u);
    Dynamic i(INT(1));
    Dynamic* a[] = {&i};
    std::vector<Dynamic> v{i};
    EXPECT_EQ(call(*r.resolve("f", a, 1), v).as_int(), 2);
}

TEST(RuntimeNative, TypedOverloadBeatsDynamic) {
    FunctionRegistry r;
    r.add("f", {ParamType::dynamic()}, ret_one);
    r.add("f", {ParamType::of(Tag::Int)}, ret_two);
    Dynamic i(INT(1)), s("x");
    Dynamic* a[] = {&i};
    Dynamic* b[] = {&s};
    std::vector<Dynamic> v{i};
    EXPECT_EQ(call(*r.resolve("f", a, 1), v).as_int(), 2);
    EXPECT_EQ(call(*r.resolve("f", b, 1), v).as_int(), 1);
}

TEST(RuntimeNative, LayerOverSharedBase) {
    FunctionRegistry base_fns;
    base_fns.add("f", {ParamType::dynamic()}, ret_one);
    base_fns.add("f", {ParamType::of(Tag::String)}, ret_two);
    base_fns.add("g", {ParamType::of(Tag::Int)}, ret_one);
    auto base = std::make_shared<const FunctionRegistry>(std::move(base_fns));
    FunctionRegistry a(base), b(base);
    Dynamic i(INT(1)), s("x");
    Dynamic* ai[] = {&i};
    Dynamic* as[] = {&s};
    std::vector<Dynamic> v{i};
    // Untouched names come from the base itself.
    EXPECT_EQ(a.resolve("g", ai, 1), base->resolve("g", ai, 1));
    EXPECT_TRUE(a.contains_name("f"));
    EXPECT_TRUE(a.contains("g", 1));
    // A more specific overload added to one layer: that layer keeps the base's others, in order.
    a.add("f", {ParamType::of(Tag::Int)}, ret_three);
    EXPECT_EQ(a.overloads("f", 1)->size(), 3u);
    EXPECT_EQ(call(*a.resolve("f", ai, 1), v).as_int(), 3);
    EXPECT_EQ(call(*a.resolve("f", as, 1), v).as_int(), 2);
    // Replacing a base signature replaces it in the layer only.
    b.add("f", {ParamType::of(Tag::String)}, ret_three);
    EXPECT_EQ(b.overloads("f", 1)->size(), 2u);
    EXPECT_EQ(call(*b.resolve("f", as, 1), v).as_int(), 3);
    EXPECT_EQ(call(*b.resolve("f", ai, 1), v).as_int(), 1);
    // Neither the base nor the other layer sees any of it.
    EXPECT_EQ(base->overloads("f", 1)->size(), 2u);
    EXPECT_EQ(call(*base->resolve("f", as, 1), v).as_int(), 2);
    EXPECT_EQ(call(*a.resolve("f", as, 1), v).as_int(), 2);
    EXPECT_EQ(call(*b.resolve("f", ai, 1), v).as_int(), 1);
    EXPECT_GT(a.generation(), base->generation());
}

TEST(RuntimeNative, CallSignature) {
    Dynamic i(INT(1)), b(true), arr(Array{});
    Dynamic* a[] = {&i, &b};
    EXPECT_EQ(call_signature("missing_fn", a, 2), "missing_fn (i64, bool)");
    EXPECT_EQ(call_signature("zero_args", nullptr, 0), "zero_args ()");
    Dynamic* c[] = {&b, &i};
    EXPECT_EQ(call_signature("+", c, 2), "+ (bool, i64)");
    Dynamic* d[] = {&i, &arr};
    EXPECT_EQ(call_signature("-", d, 2), "- (i64, array)");
}

TEST(RuntimeNative, MakeNativeFreeFunctionAndLambda) {
    auto add = make_native("add", +[](INT a, INT b) { return a + b; });
    ASSERT_EQ(add.params.size(), 2u);
    EXPECT_EQ(add.params[0].tag, Tag::Int);
    EXPECT_FALSE(add.first_by_ref);
    std::vector<Dynamic> v{Dynamic(INT(2)), Dynamic(INT(40))};
    EXPECT_EQ(call(add, v).as_int(), 42);

    int captured = 10;
    auto cap = make_native("cap", [captured](double x) { return x * captured; });
    EXPECT_EQ(cap.params[0].tag, Tag::Float);
    std::vector<Dynamic> w{Dynamic(1.5)};
    EXPECT_EQ(call(cap, w).as_float(), 15.0);
}

TEST(RuntimeNative, MakeNativeStringsAndVoid) {
    auto greet = make_native("greet", [](const std::string& a, std::string_view b, std::string c) {
        return a + std::string(b) + c;
    });
    for (auto& p : greet.params) EXPECT_EQ(p.tag, Tag::String);
    std::vector<Dynamic> v{Dynamic("a"), Dynamic("b"), Dynamic("c")};
    EXPECT_EQ(call(greet, v).as_string(), "abc");
    int hits = 0;
    auto side = make_native("side", [&hits](bool b, char32_t c) { hits += b && c == U'x'; });
    std::vector<Dynamic> w{Dynamic(true), Dynamic(U'x')};
    EXPECT_TRUE(call(side, w).is_unit());
    EXPECT_EQ(hits, 1);
}

TEST(RuntimeNative, MakeNativeByRefReceiverMutates) {
    auto push2 = make_native("push2", [](Array& a, Dynamic v) {
        a.push_back(v);
        a.push_back(v);
    });
    EXPECT_TRUE(push2.first_by_ref);
    EXPECT_FALSE(push2.pure);
    EXPECT_TRUE(push2.params[1].any);
    std::vector<Dynamic> v{Dynamic(Array{}), Dynamic(INT(7))};
    call(push2, v);
    EXPECT_EQ(v[0].as_array().size(), 2u);
}

TEST(RuntimeNative, MakeNativeByRefDoesNotLeakIntoCopies) {
    auto push = make_native("push", [](Array& a, INT x) { a.push_back(Dynamic(x)); });
    Dynamic original(Array{});
    std::vector<Dynamic> v{original, Dynamic(INT(1))};  // v[0] shares the payload
    call(push, v);
    EXPECT_EQ(v[0].as_array().size(), 1u);
    EXPECT_EQ(original.as_array().size(), 0u);
}

TEST(RuntimeNative, MakeNativeMemberFunctions) {
    auto bump = make_native("bump", &Counter::bump);
    EXPECT_TRUE(bump.first_by_ref);
    EXPECT_EQ(bump.params[0].tag, Tag::Custom);
    EXPECT_EQ(bump.params[1].tag, Tag::Int);
    auto get = make_native("get", &Counter::get);
    EXPECT_FALSE(get.first_by_ref);
    std::vector<Dynamic> v{make_custom(Counter{}), Dynamic(INT(5))};
    call(bump, v);
    call(bump, v);
    std::vector<Dynamic> w{v[0]};
    EXPECT_EQ(call(get, w).as_int(), 10);
}

TEST(RuntimeNative, MakeNativeCustomByValueAndReturn) {
    auto mk = make_native("counter", [](INT n) { return Counter{n}; });
    std::vector<Dynamic> v{Dynamic(INT(3))};
    Dynamic c = call(mk, v);
    ASSERT_TRUE(c.is_custom());
    EXPECT_EQ(custom_ptr<Counter>(std::as_const(c))->n, 3);
    auto read = make_native("read", [](Counter c) { return c.n; });
    std::vector<Dynamic> w{c};
    EXPECT_EQ(call(read, w).as_int(), 3);
}

TEST(RuntimeNative, MakeNativeContextAndErrors) {
    auto named = make_native("who", [](NativeCallContext& ctx, INT) { return std::string(ctx.fn_name()); });
    ASSERT_EQ(named.params.size(), 1u);
    std::vector<Dynamic> v{Dynamic(INT(1))};
    EXPECT_EQ(call(named, v).as_string(), "who");

    auto fail = make_native("fail", [](INT) -> INT { throw EvalError::arithmetic("nope"); });
    EXPECT_THROW(call(fail, v), EvalError);

    auto res = make_native("res", [](INT x) -> Result<INT> {
        if (x < 0) return EvalError::runtime(Dynamic("negative"));
        return x * 2;
    });
    EXPECT_EQ(call(res, v).as_int(), 2);
    std::vector<Dynamic> neg{Dynamic(INT(-1))};
    EXPECT_THROW(call(res, neg), EvalError);
}

TEST(RuntimeNative, MakeNativeMutableLambdaKeepsState) {
    auto counter = make_native("next", [n = INT(0)]() mutable { return ++n; });
    std::vector<Dynamic> none;
    EXPECT_EQ(call(counter, none).as_int(), 1);
    EXPECT_EQ(call(counter, none).as_int(), 2);
}

TEST(RuntimeNative, MakeNativeNarrowIntegerRangeChecked) {
    auto f = make_native("small", [](int32_t x) { return x; });
    std::vector<Dynamic> ok{Dynamic(INT(5))};
    EXPECT_EQ(call(f, ok).as_int(), 5);
    std::vector<Dynamic> big{Dynamic(INT(1) << 40)};
    EXPECT_THROW(call(f, big), EvalError);
}

TEST(RuntimeNative, EngineTypeNamesForCustomTypes) {
    EngineCore core;
    Dynamic c = make_custom(Counter{});
    Dynamic i(INT(1));
    EXPECT_NE(engine_type_name(core, c).find("Counter"), std::string::npos);
    core.custom_type_names[std::type_index(typeid(Counter))] = "Counter";
    EXPECT_EQ(engine_type_name(core, c), "Counter");
    EXPECT_EQ(engine_type_name(core, Dynamic::shared(c)), "Counter");
    Dynamic* args[] = {&c, &i};
    EXPECT_EQ(call_signature(core, "bump", args, 2), "bump (Counter, i64)");
}

TEST(RuntimeNative, MakeNativeContainersByConstRefAndMutableRef) {
    auto keys = make_native("count", [](const Map& m, const Array& a) { return INT(m.size() + a.size()); });
    EXPECT_EQ(keys.params[0].tag, Tag::Map);
    EXPECT_FALSE(keys.first_by_ref);
    std::vector<Dynamic> v{Dynamic(Map{{"a", Dynamic()}}), Dynamic(Array{INT(1), INT(2)})};
    EXPECT_EQ(call(keys, v).as_int(), 3);

    auto push_byte = make_native("push", [](Blob& b, INT x) { b.push_back(uint8_t(x)); });
    EXPECT_TRUE(push_byte.first_by_ref);
    std::vector<Dynamic> w{Dynamic(Blob{}), Dynamic(INT(7))};
    call(push_byte, w);
    EXPECT_EQ(w[0].as_blob().size(), 1u);

    auto set_any = make_native("reset", [](Dynamic& d) { d = Dynamic(INT(0)); });
    EXPECT_TRUE(set_any.first_by_ref);
    EXPECT_TRUE(set_any.params[0].any);
    std::vector<Dynamic> x{Dynamic("text")};
    call(set_any, x);
    EXPECT_EQ(x[0].as_int(), 0);
}

TEST(RuntimeNative, MakeNativeFnPtrParameter) {
    auto name = make_native("fn_name", [](const FnPtrObj& f) { return f.name; });
    EXPECT_EQ(name.params[0].tag, Tag::FnPtr);
    std::vector<Dynamic> v{Dynamic::fn_ptr("foo")};
    EXPECT_EQ(call(name, v).as_string(), "foo");
}

TEST(RuntimeNative, RegistryWithMakeNativeResolvesCustomOverloads) {
    FunctionRegistry r;
    r.add(make_native("describe", [](const Counter& c) { return "counter " + std::to_string(c.n); }));
    r.add(make_native("describe", [](INT x) { return "int " + std::to_string(x); }));
    Dynamic c = make_custom(Counter{4});
    Dynamic i(INT(9));
    Dynamic* a[] = {&c};
    Dynamic* b[] = {&i};
    std::vector<Dynamic> va{c}, vb{i};
    EXPECT_EQ(call(*r.resolve("describe", a, 1), va).as_string(), "counter 4");
    EXPECT_EQ(call(*r.resolve("describe", b, 1), vb).as_string(), "int 9");
    EXPECT_EQ(r.overloads("describe", 2), nullptr);
    EXPECT_EQ(r.overloads("nothing", 0), nullptr);
}
