// Ranges and step ranges (iterators.cpp), timestamps (time.cpp) and function pointers (fn_ptr.cpp).
#include "containers_harness.hpp"

using namespace containers_test;

namespace {

TEST(ContainersRange, RangeIsPlainRange) {
    Natives n;
    Dynamic r = n.call("range", {Dynamic(INT(1)), Dynamic(INT(4))});
    EXPECT_EQ(r.tag(), Tag::Range);
    EXPECT_EQ(r.as_range().start, 1);
    EXPECT_EQ(r.as_range().end, 4);
}

TEST(ContainersRange, StepRanges) {
    Natives n;
    Dynamic up = n.call("range", {Dynamic(INT(0)), Dynamic(INT(10)), Dynamic(INT(3))});
    EXPECT_EQ(dbg(Dynamic(collect(up))), "[0, 3, 6, 9]");
    EXPECT_EQ(dbg(Dynamic(collect(up))), "[0, 3, 6, 9]");  // iterating twice gives the same
    EXPECT_EQ(up.type_name(), "rhai::packages::iter_basic::StepRange<i64>");
    Dynamic down = n.call("range", {Dynamic(INT(10)), Dynamic(INT(0)), Dynamic(INT(-3))});
    EXPECT_EQ(dbg(Dynamic(collect(down))), "[10, 7, 4, 1]");
    Dynamic wrong_way = n.call("range", {Dynamic(INT(0)), Dynamic(INT(10)), Dynamic(INT(-1))});
    EXPECT_TRUE(collect(wrong_way).empty());
    Dynamic from_range = n.call("range", {Dynamic::range(1, 6, false), Dynamic(INT(2))});
    EXPECT_EQ(dbg(Dynamic(collect(from_range))), "[1, 3, 5]");
    EXPECT_FALSE(n.has("range", {Dynamic::range(0, 10, true), Dynamic(INT(5))}));
}

TEST(ContainersRange, StepZeroIsAnError) {
    Natives n;
    try {
        n.call("range", {Dynamic(INT(0)), Dynamic(INT(10)), Dynamic(INT(0))});
        FAIL() << "step 0 accepted";
    } catch (const EvalError& e) {
        // Rhai's StepRange::new wraps it: ErrorInFunctionCall("range", ErrorArithmetic).
        EXPECT_EQ(e.kind(), ErrorKind::ErrorInFunctionCall);
    }
    EXPECT_THROW(n.call("range", {Dynamic(0.0), Dynamic(1.0), Dynamic(0.0)}), EvalError);
}

TEST(ContainersRange, StepRangeNearIntMaxKeepsLastValue) {
    Natives n;
    Dynamic r = n.call("range", {Dynamic(INT64_MAX - 2), Dynamic(INT64_MAX), Dynamic(INT(2))});
    EXPECT_EQ(dbg(Dynamic(collect(r))), "[9223372036854775805]");
    Dynamic r2 = n.call("range", {Dynamic(INT64_MAX - 3), Dynamic(INT64_MAX), Dynamic(INT(2))});
    EXPECT_EQ(dbg(Dynamic(collect(r2))), "[9223372036854775804, 9223372036854775806]");
    Dynamic r3 = n.call("range", {Dynamic(INT64_MIN + 1), Dynamic(INT64_MIN), Dynamic(INT(-5))});
    EXPECT_EQ(collect(r3).size(), 1u);
}

TEST(ContainersRange, FloatStepRange) {
    Natives n;
    Dynamic r = n.call("range", {Dynamic(0.0), Dynamic(1.0), Dynamic(0.25)});
    EXPECT_EQ(dbg(Dynamic(collect(r))), "[0.0, 0.25, 0.5, 0.75]");
    EXPECT_EQ(r.type_name(), "rhai::packages::iter_basic::StepRange<f64>");
    // a step too small to move the start is the zero-step error, as in Rhai
    EXPECT_THROW(n.call("range", {Dynamic(1e20), Dynamic(2e20), Dynamic(1.0)}), EvalError);
}

TEST(ContainersRange, Properties) {
    Natives n;
    Dynamic r = Dynamic::range(1, 5, false), q = Dynamic::range(1, 5, true);
    EXPECT_FALSE(n.method(r, "contains", INT(5)).as_bool());
    EXPECT_TRUE(n.method(q, "contains", INT(5)).as_bool());
    EXPECT_TRUE(n.method(r, "contains", INT(1)).as_bool());
    Dynamic back = Dynamic::range(5, 1, false);
    EXPECT_FALSE(n.method(back, "contains", INT(3)).as_bool());
    EXPECT_TRUE(n.method(back, "is_empty").as_bool());
    EXPECT_EQ(n.method(q, "get$end").as_int(), 5);
    EXPECT_TRUE(n.method(q, "is_inclusive").as_bool());
    EXPECT_TRUE(n.method(r, "is_exclusive").as_bool());
    EXPECT_TRUE(n.call("==", {Dynamic::range(1, 3, false), Dynamic::range(1, 3, false)}).as_bool());
}

TEST(ContainersTime, ArithmeticAndComparison) {
    Natives n;
    Dynamic t = n.call("timestamp", std::vector<Dynamic>{});
    EXPECT_EQ(t.type_name(), "timestamp");
    Dynamic later = n.call("+", {t, Dynamic(INT(2))});
    EXPECT_DOUBLE_EQ(n.call("-", {later, t}).as_float(), 2.0);
    EXPECT_DOUBLE_EQ(n.call("-", {t, later}).as_float(), -2.0);
    Dynamic half = n.call("-", {later, Dynamic(1.5)});
    EXPECT_DOUBLE_EQ(n.call("-", {half, t}).as_float(), 0.5);
    EXPECT_TRUE(n.call("<", {t, later}).as_bool());
    EXPECT_TRUE(n.call(">=", {later, t}).as_bool());
    EXPECT_FALSE(n.call("==", {t, later}).as_bool());
    EXPECT_FALSE(n.has("==", {t, Dynamic(INT(0))}));
    EXPECT_GE(n.call("elapsed", {t}).as_float(), 0.0);
    EXPECT_THROW(n.call("elapsed", {later}), EvalError);  // in the future
    EXPECT_THROW(n.call("+", {t, Dynamic(1e300)}), EvalError);
    EXPECT_THROW(n.call("+", {t, Dynamic(INT64_MAX)}), EvalError);
    Dynamic u = t;
    n.method(u, "+=", INT(1));
    EXPECT_DOUBLE_EQ(n.call("-", {u, t}).as_float(), 1.0);
}

TEST(ContainersFnPtr, CurryAndProperties) {
    Natives n;
    Dynamic f = Dynamic::fn_ptr("sum3");
    Dynamic g = n.call("curry", {f, Dynamic(INT(1))});
    Dynamic h = n.call("curry", {g, Dynamic(INT(2)), Dynamic("x")});
    EXPECT_EQ(h.as_fn_ptr().name, "sum3");
    ASSERT_EQ(h.as_fn_ptr().curried.size(), 3u);
    EXPECT_EQ(h.as_fn_ptr().curried[2].as_string(), "x");
    EXPECT_EQ(g.as_fn_ptr().curried.size(), 1u);  // the original is unchanged
    EXPECT_EQ(n.call("name", {h}).as_string(), "sum3");
    EXPECT_FALSE(n.call("is_anonymous", {h}).as_bool());
    EXPECT_TRUE(n.has("curry", {f}));
}

}  // namespace
