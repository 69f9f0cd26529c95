// Dynamic: copy-on-write, type names, Rhai equality (incl. float tolerance), shared cells.
#include <gtest/gtest.h>

#include <limits>

#include "rhai/dynamic.hpp"
#include "runtime/float_compare.hpp"
#include "runtime/register.hpp"

using namespace rhai;

TEST(RuntimeDynamic, SizeAndScalars) {
    EXPECT_EQ(sizeof(Dynamic), 16u);
    EXPECT_TRUE(Dynamic().is_unit());
    EXPECT_EQ(Dynamic(INT(5)).as_int(), 5);
    EXPECT_EQ(Dynamic(2.5).as_float(), 2.5);
    EXPECT_EQ(Dynamic(U'x').as_char(), U'x');
}

TEST(RuntimeDynamic, TypeNames) {
    EXPECT_EQ(Dynamic().type_name(), "()");
    EXPECT_EQ(Dynamic(true).type_name(), "bool");
    EXPECT_EQ(Dynamic(INT(1)).type_name(), "i64");
    EXPECT_EQ(Dynamic(1.0).type_name(), "f64");
    EXPECT_EQ(Dynamic(U'c').type_name(), "char");
    EXPECT_EQ(Dynamic("s").type_name(), "string");
    EXPECT_EQ(Dynamic(Array{}).type_name(), "array");
    EXPECT_EQ(Dynamic(Map{}).type_name(), "map");
    EXPECT_EQ(Dynamic(Blob{}).type_name(), "blob");
    EXPECT_EQ(Dynamic::fn_ptr("f").type_name(), "Fn");
    EXPECT_EQ(Dynamic::range(1, 2, false).type_name(), "range");
    EXPECT_EQ(Dynamic::range(1, 2, true).type_name(), "range=");
    EXPECT_EQ(Dynamic::timestamp(0).type_name(), "timestamp");
    EXPECT_EQ(Dynamic::shared(Dynamic(INT(1))).type_name(), "i64");
}

namespace {
struct Point {
    INT x = 0, y = 0;
};
}  // namespace

TEST(RuntimeDynamic, CustomTypeNameDefaultsToCppName) {
    Dynamic p = make_custom(Point{1, 2});
    EXPECT_TRUE(p.is_custom());
    EXPECT_NE(p.type_name().find("Point"), std::string::npos);
}

TEST(RuntimeDynamic, CopyOnWriteArray) {
    Dynamic a(Array{INT(1), INT(2)});
    Dynamic b = a;
    EXPECT_EQ(a.heap(), b.heap());
    b.array_mut().push_back(Dynamic(INT(3)));
    EXPECT_NE(a.heap(), b.heap());
    EXPECT_EQ(a.as_array().size(), 2u);
    EXPECT_EQ(b.as_array().size(), 3u);
}

TEST(RuntimeDynamic, CopyOnWriteUniqueDoesNotClone) {
    Dynamic s("abc");
    HeapObject* before = s.heap();
    s.string_mut() += "d";
    EXPECT_EQ(s.heap(), before);
    EXPECT_EQ(s.as_string(), "abcd");
}

TEST(RuntimeDynamic, CopyOnWriteMapBlobFnPtrCustom) {
    Dynamic m(Map{{"a", Dynamic(INT(1))}});
    Dynamic m2 = m;
    m2.map_mut()["b"] = Dynamic(INT(2));
    EXPECT_EQ(m.as_map().size(), 1u);
    Dynamic bl(Blob{1});
    Dynamic bl2 = bl;
    bl2.blob_mut().push_back(2);
    EXPECT_EQ(bl.as_blob().size(), 1u);
    Dynamic f = Dynamic::fn_ptr("f");
    Dynamic f2 = f;
    f2.fn_ptr_mut().curried.push_back(Dynamic(INT(1)));
    EXPECT_TRUE(f.as_fn_ptr().curried.empty());
    Dynamic p = make_custom(Point{1, 2});
    Dynamic p2 = p;
    custom_ptr<Point>(p2)->x = 10;
    EXPECT_EQ(custom_ptr<Point>(std::as_const(p))->x, 1);
    EXPECT_EQ(custom_ptr<Point>(std::as_const(p2))->x, 10);
}

TEST(RuntimeDynamic, SharedCellIsSharedByIdentity) {
    Dynamic cell = Dynamic::shared(Dynamic(INT(1)));
    Dynamic alias = cell;
    alias.as_shared().value() = Dynamic(INT(5));
    EXPECT_EQ(cell.flatten().as_int(), 5);
    EXPECT_EQ(Dynamic::shared(cell).heap(), cell.heap());  // never nested
}

TEST(RuntimeDynamic, FnPtrAnonymous) {
    EXPECT_FALSE(Dynamic::fn_ptr("f").as_fn_ptr().is_anonymous());
    EXPECT_TRUE(Dynamic::fn_ptr("anon$1f2e").as_fn_ptr().is_anonymous());
}

TEST(RuntimeDynamic, EqualityAcrossTypes) {
    EXPECT_FALSE(Dynamic(INT(1)) == Dynamic(true));
    EXPECT_FALSE(Dynamic("1") == Dynamic(INT(1)));
    EXPECT_FALSE(Dynamic(Array{INT(1)}) == Dynamic(INT(1)));
    EXPECT_FALSE(Dynamic(Map{}) == Dynamic(Array{}));
    EXPECT_FALSE(Dynamic() == Dynamic(false));
    EXPECT_FALSE(Dynamic(1.0) == Dynamic("1.0"));
    EXPECT_TRUE(Dynamic() == Dynamic());
    EXPECT_TRUE(Dynamic(INT(2)) == Dynamic(2.0));
    EXPECT_TRUE(Dynamic(2.0) == Dynamic(INT(2)));
    EXPECT_TRUE(Dynamic("a") == Dynamic(U'a'));
    EXPECT_TRUE(Dynamic(U'é') == Dynamic("é"));
    EXPECT_FALSE(Dynamic("ab") == Dynamic(U'a'));
}

TEST(RuntimeDynamic, EqualityContainers) {
    EXPECT_TRUE(Dynamic(Array{INT(1), Dynamic("4")}) == Dynamic(Array{Dynamic(1.0), Dynamic(U'4')}));
    EXPECT_FALSE(Dynamic(Array{INT(1)}) == Dynamic(Array{INT(1), INT(2)}));
    EXPECT_TRUE(Dynamic(Map{{"a", Dynamic(INT(1))}}) == Dynamic(Map{{"a", Dynamic(INT(1))}}));
    EXPECT_FALSE(Dynamic(Map{{"a", Dynamic(INT(1))}}) == Dynamic(Map{{"b", Dynamic(INT(1))}}));
    EXPECT_TRUE(Dynamic(Blob{1, 2}) == Dynamic(Blob{1, 2}));
    EXPECT_TRUE(Dynamic::range(1, 3, false) == Dynamic::range(1, 3, false));
    EXPECT_FALSE(Dynamic::range(1, 3, false) == Dynamic::range(1, 3, true));
    EXPECT_TRUE(Dynamic::shared(Dynamic(INT(3))) == Dynamic(INT(3)));
}

TEST(RuntimeDynamic, FloatToleranceNearZero) {
    // ops_float_epsilon_near_zero
    EXPECT_TRUE(float_eq(1e-17, 0.0));
    EXPECT_FALSE(float_gt(1e-17, 0.0));
    EXPECT_FALSE(float_ne(1e-17, 0.0));
    EXPECT_TRUE(float_gt(1e-10, 0.0));
    EXPECT_FALSE(float_lt(-1e-17, 0.0));
    EXPECT_TRUE(float_eq(0.0, -0.0));
}

TEST(RuntimeDynamic, FloatToleranceRelative) {
    // ops_float_epsilon_relative
    double a = 1.0, b = a + 2.220446049250313e-16;
    EXPECT_FALSE(float_gt(b, a));
    EXPECT_TRUE(float_eq(b, a));
    EXPECT_TRUE(float_ge(b, a));
    EXPECT_TRUE(float_le(a, b));
    EXPECT_TRUE(float_eq(1e300, 1e300 * (1.0 + 1e-16)));
    EXPECT_FALSE(float_eq(1.0, 1.000000000001));
    EXPECT_TRUE(Dynamic(0.1 + 0.2) == Dynamic(0.3));
}

TEST(RuntimeDynamic, FloatSpecialValues) {
    double inf = std::numeric_limits<double>::infinity();
    double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(float_eq(inf, inf));
    EXPECT_FALSE(float_eq(nan, nan));
    EXPECT_FALSE(float_lt(nan, 1.0));
    EXPECT_FALSE(float_gt(nan, 1.0));
    EXPECT_TRUE(float_gt(inf, 1.0));
    EXPECT_TRUE(float_ge(inf, inf));
}
