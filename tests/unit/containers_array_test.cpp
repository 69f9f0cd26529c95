// Array natives (array.cpp), called directly.
#include "containers_harness.hpp"

using namespace containers_test;

namespace {

TEST(ContainersArray, PushPopShiftOnEmpty) {
    Natives n;
    Dynamic a = Array{};
    n.method(a, "push", INT(1));
    n.method(a, "push", Dynamic(ints({2, 3})));
    EXPECT_EQ(dbg(a), "[1, [2, 3]]");
    EXPECT_EQ(dbg(n.method(a, "pop")), "[2, 3]");
    EXPECT_EQ(n.method(a, "shift").as_int(), 1);
    EXPECT_TRUE(n.method(a, "pop").is_unit());
    EXPECT_TRUE(n.method(a, "shift").is_unit());
}

TEST(ContainersArray, PlusAssignPushesOrAppends) {
    Natives n;
    Dynamic a = ints({1, 2});
    n.method(a, "+=", "x");
    n.method(a, "+=", Dynamic(Array{Dynamic(ints({3}))}));
    EXPECT_EQ(dbg(a), "[1, 2, \"x\", [3]]");
    Dynamic b = n.call("+", {a, Dynamic(ints({4}))});
    EXPECT_EQ(b.as_array().size(), 5u);
    EXPECT_EQ(a.as_array().size(), 4u);  // `+` leaves its operands alone
}

TEST(ContainersArray, InsertNegativeAndPastEnd) {
    Natives n;
    Dynamic a = ints({1, 2, 3});
    n.method(a, "insert", INT(-2), "x");
    n.method(a, "insert", INT(-100), "front");
    n.method(a, "insert", INT(100), "back");
    EXPECT_EQ(dbg(a), "[\"front\", 1, \"x\", 2, 3, \"back\"]");
}

TEST(ContainersArray, RemoveOutsideGivesUnit) {
    Natives n;
    Dynamic a = ints({1, 2, 3});
    EXPECT_TRUE(n.method(a, "remove", INT(3)).is_unit());
    EXPECT_TRUE(n.method(a, "remove", INT(-4)).is_unit());
    EXPECT_EQ(n.method(a, "remove", INT(-1)).as_int(), 3);
    EXPECT_EQ(dbg(a), "[1, 2]");
}

TEST(ContainersArray, GetSetBelowMinusLenDoNothing) {
    Natives n;
    Dynamic a = ints({1, 2, 3});
    EXPECT_TRUE(n.method(a, "get", INT(-4)).is_unit());
    EXPECT_TRUE(n.method(a, "get", INT(3)).is_unit());
    EXPECT_EQ(n.method(a, "get", INT(-3)).as_int(), 1);
    n.method(a, "set", INT(-4), "no");
    n.method(a, "set", INT(3), "no");
    n.method(a, "set", INT(-1), "last");
    EXPECT_EQ(dbg(a), "[1, 2, \"last\"]");
}

TEST(ContainersArray, ExtractForms) {
    Natives n;
    Dynamic a = ints({0, 1, 2, 3, 4});
    EXPECT_EQ(dbg(n.method(a, "extract", INT(10))), "[]");
    EXPECT_EQ(dbg(n.method(a, "extract", INT(-100))), "[0, 1, 2, 3, 4]");
    EXPECT_EQ(dbg(n.method(a, "extract", INT(-2), INT(1))), "[3]");
    EXPECT_EQ(dbg(n.method(a, "extract", INT(1), INT(-2))), "[]");
    EXPECT_EQ(dbg(n.method(a, "extract", Dynamic::range(3, 1, false))), "[]");
    EXPECT_EQ(dbg(n.method(a, "extract", Dynamic::range(2, 100, true))), "[2, 3, 4]");
    EXPECT_EQ(dbg(n.method(a, "extract", Dynamic::range(-5, 2, false))), "[0, 1]");
    EXPECT_EQ(dbg(n.method(a, "extract", INT(0), INT64_MAX)), "[0, 1, 2, 3, 4]");
    EXPECT_EQ(dbg(n.method(a, "extract", INT64_MIN, INT(2))), "[0, 1]");
}

TEST(ContainersArray, DrainAndRetainForms) {
    Natives n;
    Dynamic a = ints({0, 1, 2, 3, 4, 5});
    EXPECT_EQ(dbg(n.method(a, "drain", INT(-2), INT(1))), "[4]");
    EXPECT_EQ(dbg(a), "[0, 1, 2, 3, 5]");
    Dynamic b = ints({0, 1, 2, 3});
    EXPECT_EQ(dbg(n.method(b, "drain", Dynamic::range(1, 2, true))), "[1, 2]");
    EXPECT_EQ(dbg(b), "[0, 3]");
    Dynamic c = ints({0, 1, 2, 3, 4, 5});
    EXPECT_EQ(dbg(n.method(c, "retain", INT(2), INT(2))), "[0, 1, 4, 5]");
    EXPECT_EQ(dbg(c), "[2, 3]");
    Dynamic d = ints({0, 1, 2});
    EXPECT_EQ(dbg(n.method(d, "retain", INT(1), INT(0))), "[]");
    EXPECT_EQ(dbg(d), "[0, 1, 2]");
}

TEST(ContainersArray, SpliceNegativeAndPastEnd) {
    Natives n;
    Dynamic a = ints({1, 2, 3, 4});
    n.method(a, "splice", INT(-2), INT(1), Dynamic(Array{Dynamic("x")}));
    EXPECT_EQ(dbg(a), "[1, 2, \"x\", 4]");
    Dynamic b = ints({1, 2, 3});
    n.method(b, "splice", INT(10), INT(2), Dynamic(ints({9, 9})));
    EXPECT_EQ(dbg(b), "[1, 2, 3, 9, 9]");
    Dynamic c = Array{};
    n.method(c, "splice", Dynamic::range(1, 3, false), Dynamic(ints({7})));
    EXPECT_EQ(dbg(c), "[7]");
}

TEST(ContainersArray, SplitTruncateChopReverse) {
    Natives n;
    Dynamic a = ints({1, 2, 3, 4, 5});
    EXPECT_EQ(dbg(n.method(a, "split", INT(-2))), "[4, 5]");
    EXPECT_EQ(dbg(a), "[1, 2, 3]");
    EXPECT_EQ(dbg(n.method(a, "split", INT(0))), "[1, 2, 3]");
    EXPECT_EQ(dbg(a), "[]");
    Dynamic b = ints({1, 2, 3, 4, 5});
    n.method(b, "chop", INT(2));
    EXPECT_EQ(dbg(b), "[4, 5]");
    n.method(b, "truncate", INT(1));
    EXPECT_EQ(dbg(b), "[4]");
    n.method(b, "truncate", INT(-1));
    EXPECT_EQ(dbg(b), "[]");
    Dynamic c = ints({1, 2, 3});
    n.method(c, "reverse");
    EXPECT_EQ(dbg(c), "[3, 2, 1]");
}

TEST(ContainersArray, HugePadIsAClearError) {
    Natives n;
    Dynamic a = ints({1});
    try {
        n.method(a, "pad", INT64_MAX, INT(0));
        FAIL() << "pad did not fail";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorDataTooLarge);
        EXPECT_NE(e.message().find("Size of array"), std::string::npos);
    }
    n.method(a, "pad", INT(3), INT(7));
    EXPECT_EQ(dbg(a), "[1, 7, 7]");
}

TEST(ContainersArray, PadRespectsEngineLimit) {
    Natives n;
    n.e.limits.max_array_size = 10;
    Dynamic a = Array{};
    EXPECT_THROW(n.method(a, "pad", INT(11), INT(0)), EvalError);
    n.method(a, "pad", INT(10), INT(0));
    EXPECT_EQ(a.as_array().size(), 10u);
}

TEST(ContainersArray, ContainsAndIndexOfUseLooseEquality) {
    Natives n;
    Dynamic a = Array{Dynamic(INT(1)), Dynamic(2.0), Dynamic("3"), Dynamic(char32_t('4'))};
    EXPECT_TRUE(n.method(a, "contains", INT(2)).as_bool());
    EXPECT_TRUE(n.method(a, "contains", 1.0).as_bool());
    EXPECT_FALSE(n.method(a, "contains", INT(3)).as_bool());
    EXPECT_TRUE(n.method(a, "contains", "4").as_bool());
    EXPECT_TRUE(n.method(a, "contains", char32_t('3')).as_bool());
    EXPECT_EQ(n.method(a, "index_of", 2.0).as_int(), 1);
    EXPECT_EQ(n.method(a, "index_of", INT(1), INT(1)).as_int(), -1);
    EXPECT_EQ(n.method(a, "__index_of_value", "4", INT(-1)).as_int(), 3);
    EXPECT_EQ(n.method(a, "index_of", INT(1), INT(-100)).as_int(), 0);
}

// A FnPtr, and a string (which may name a predicate), go to the prelude's index_of; the prelude
// searches for the string value through __index_of_value when no such function exists.
TEST(ContainersArray, IndexOfWithFnPtrIsLeftToThePrelude) {
    Natives n;
    EXPECT_FALSE(n.has("index_of", {Dynamic(Array{}), Dynamic::fn_ptr("f")}));
    EXPECT_FALSE(n.has("index_of", {Dynamic(Array{}), Dynamic("f")}));
    EXPECT_TRUE(n.has("index_of", {Dynamic(Array{}), Dynamic(INT(1))}));
    EXPECT_TRUE(n.has("__index_of_value", {Dynamic(Array{}), Dynamic("f"), Dynamic(INT(0))}));
    EXPECT_FALSE(n.has("drain", {Dynamic(Array{}), Dynamic::fn_ptr("f")}));
}

TEST(ContainersArray, SortNaturalOrders) {
    Natives n;
    Dynamic a = ints({5, 3, 9, 1});
    n.method(a, "sort");
    EXPECT_EQ(dbg(a), "[1, 3, 5, 9]");
    n.method(a, "sort_desc");
    EXPECT_EQ(dbg(a), "[9, 5, 3, 1]");
    Dynamic s = Array{Dynamic("pear"), Dynamic("apple"), Dynamic("fig")};
    n.method(s, "sort");
    EXPECT_EQ(dbg(s), "[\"apple\", \"fig\", \"pear\"]");
    Dynamic b = Array{Dynamic(true), Dynamic(false)};
    n.method(b, "sort");
    EXPECT_EQ(dbg(b), "[false, true]");
    Dynamic o = ints({3, 1, 2});
    EXPECT_EQ(dbg(n.method(o, "order")), "[1, 2, 3]");
    EXPECT_EQ(dbg(o), "[3, 1, 2]");
}

TEST(ContainersArray, SortMixedTypesFails) {
    Natives n;
    Dynamic a = Array{Dynamic(INT(1)), Dynamic(2.0)};
    try {
        n.method(a, "sort");
        FAIL() << "sort of mixed types did not fail";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
    }
}

TEST(ContainersArray, DedupLooseEquality) {
    Natives n;
    Dynamic c = Array{Dynamic(), Dynamic(), Dynamic(INT(1)), Dynamic(1.0), Dynamic(INT(1)), Dynamic("a")};
    n.method(c, "dedup");
    EXPECT_EQ(dbg(c), "[(), 1, \"a\"]");
}

TEST(ContainersArray, EqualityAndLen) {
    Natives n;
    EXPECT_TRUE(n.call("==", {Dynamic(ints({1, 2})), Dynamic(Array{Dynamic(1.0), Dynamic(INT(2))})}).as_bool());
    EXPECT_TRUE(n.call("!=", {Dynamic(ints({1, 2})), Dynamic(ints({2, 1}))}).as_bool());
    EXPECT_EQ(n.call("len", {Dynamic(ints({1, 2}))}).as_int(), 2);
    EXPECT_EQ(n.call("get$len", {Dynamic(ints({1, 2}))}).as_int(), 2);
    EXPECT_TRUE(n.call("is_empty", {Dynamic(Array{})}).as_bool());
}

TEST(ContainersArray, MutationIsCopyOnWrite) {
    Natives n;
    Dynamic a = ints({1, 2});
    Dynamic alias = a;  // shares the ArrayObj
    n.method(a, "push", INT(3));
    EXPECT_EQ(dbg(alias), "[1, 2]");
    EXPECT_EQ(dbg(a), "[1, 2, 3]");
}

}  // namespace
