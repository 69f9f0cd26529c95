// Dynamic::is / cast / try_cast / from, and custom values inside Dynamic.
#include <gtest/gtest.h>

#include "test_types.hpp"

using namespace rhai;
using api_test::Point;
using api_test::Tracked;

TEST(Dynamic, IsCastTryCastBuiltins) {
    Dynamic i = Dynamic::from(42);
    EXPECT_TRUE(i.is<INT>());
    EXPECT_TRUE(i.is<int>());
    EXPECT_FALSE(i.is<double>());
    EXPECT_FALSE(i.is<std::string>());
    EXPECT_EQ(i.cast<INT>(), 42);
    EXPECT_EQ(i.try_cast<std::string>(), std::nullopt);

    Dynamic s = Dynamic::from("hello");
    EXPECT_TRUE(s.is<std::string>());
    EXPECT_EQ(s.cast<std::string>(), "hello");
    EXPECT_EQ(Dynamic::from(2.5).cast<double>(), 2.5);
    EXPECT_EQ(Dynamic::from(U'é').cast<char32_t>(), U'é');
    EXPECT_TRUE(Dynamic::from(Unit{}).is<Unit>());

    Array a{Dynamic(1), Dynamic("two")};
    Dynamic arr = Dynamic::from(a);
    ASSERT_TRUE(arr.is<Array>());
    EXPECT_EQ(arr.cast<Array>().size(), 2u);
}

TEST(Dynamic, CastToWrongTypeThrowsMismatch) {
    Dynamic b = Dynamic::from(true);
    try {
        (void)b.cast<INT>();
        FAIL() << "cast<INT> of a bool must throw";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorMismatchOutputType);
        EXPECT_NE(e.message().find("bool"), std::string::npos) << e.message();
    }
    // A narrower integer type rejects values it cannot hold instead of truncating.
    EXPECT_FALSE(Dynamic::from(INT(300)).is<uint8_t>());
    EXPECT_FALSE(Dynamic::from(INT(-1)).try_cast<unsigned>().has_value());
    EXPECT_EQ(Dynamic::from(INT(200)).try_cast<uint8_t>(), uint8_t(200));
}

TEST(Dynamic, CustomValuesKeepTheirExactType) {
    struct Base {
        int v = 1;
    };
    struct Derived : Base {
        int w = 2;
    };
    Dynamic d = Dynamic::from(Derived{});
    EXPECT_TRUE(d.is<Derived>());
    EXPECT_FALSE(d.is<Base>());  // never sliced or reinterpreted
    EXPECT_FALSE(d.try_cast<Base>().has_value());
    EXPECT_EQ(d.cast<Derived>().w, 2);

    Dynamic p = Dynamic::from(Point{1, 2});
    EXPECT_EQ(p.cast<Point>(), (Point{1, 2}));
    EXPECT_FALSE(p.is<INT>());
}

TEST(Dynamic, CustomValuesAreCopyOnWrite) {
    Dynamic a = Dynamic::from(Point{1, 2});
    Dynamic b = a;  // shares the payload
    dynamic_ptr_mut<Point>(b)->x = 100;
    EXPECT_EQ(a.cast<Point>().x, 1);
    EXPECT_EQ(b.cast<Point>().x, 100);
}

TEST(Dynamic, CustomValuesAreFreed) {
    ASSERT_EQ(Tracked::live.load(), 0);
    {
        Dynamic a = Dynamic::from(Tracked(7));
        Dynamic b = a;
        Dynamic c = b;
        dynamic_ptr_mut<Tracked>(c)->payload = 8;  // clones once
        EXPECT_EQ(Tracked::live.load(), 2);
        EXPECT_EQ(a.cast<Tracked>().payload, 7);
    }
    EXPECT_EQ(Tracked::live.load(), 0);

    Engine engine;
    engine.register_type_with_name<Tracked>("Tracked")
        .register_fn("tracked", [](INT p) { return Tracked(static_cast<int>(p)); })
        .register_get("payload", [](const Tracked& t) { return INT(t.payload); });
    EXPECT_EQ(engine.eval<INT>("let a = [tracked(1), tracked(2)]; let b = a; b[0] = tracked(5); "
                               "a[0].payload + b[0].payload"),
              6);
    EXPECT_EQ(Tracked::live.load(), 0);
}
