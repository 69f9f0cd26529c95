// The string natives inside the full standard package set: no other package's overload may
// shadow them.
#include "runtime/register.hpp"
#include "strings_harness.hpp"

using namespace strings_test;

namespace {

class StandardStrings : public StringNatives {
protected:
    void SetUp() override { packages::register_standard_packages(engine); }
};

}  // namespace

TEST_F(StandardStrings, PlusWithMixedOperands) {
    EXPECT_EQ(text("+", {Dynamic("a"), num(1)}), "a1");
    EXPECT_EQ(text("+", {num(1), Dynamic("a")}), "1a");
    EXPECT_EQ(text("+", {Dynamic("v="), Dynamic(2.0)}), "v=2.0");
    EXPECT_EQ(text("+", {ch(U'a'), ch(U'b')}), "ab");
    EXPECT_EQ(text("+", {Dynamic("x"), Dynamic(Blob{'h', 'i'})}), "xhi");
    EXPECT_EQ(text("+", {Dynamic("a"), Dynamic()}), "a");
    EXPECT_FALSE(has("+", {ch(U'a'), num(1)}));
    EXPECT_FALSE(has("*", {Dynamic("ab"), num(3)}));
}

TEST_F(StandardStrings, ComparisonsAndMinMax) {
    EXPECT_TRUE(call("==", {Dynamic("4"), ch(U'4')}).as_bool());
    EXPECT_TRUE(call("<", {Dynamic("Zebra"), Dynamic("apple")}).as_bool());
    EXPECT_FALSE(call("==", {Dynamic("x"), Dynamic()}).as_bool());
    EXPECT_EQ(text("max", {Dynamic("apple"), Dynamic("banana")}), "banana");
    EXPECT_EQ(call("max", {ch(U'a'), ch(U'z')}).as_char(), U'z');
}

TEST_F(StandardStrings, ConversionsAndMethods) {
    EXPECT_EQ(text("to_string", {num(42)}), "42");
    EXPECT_EQ(text("to_debug", {ch(U'q')}), "q");
    EXPECT_EQ(text("to_debug", {Dynamic("s")}), "\"s\"");
    EXPECT_TRUE(call("contains", {Dynamic("abc"), ch(U'b')}).as_bool());
    EXPECT_EQ(call("len", {Dynamic("héllo")}).as_int(), 5);
    EXPECT_EQ(call("get$len", {Dynamic("héllo")}).as_int(), 5);
    EXPECT_EQ(call("chars", {Dynamic("abc")}).tag(), Tag::Iterable);
    EXPECT_EQ(shown("split", {Dynamic("a,b"), Dynamic(",")}), R"(["a", "b"])");
}

TEST_F(StandardStrings, HostToStringForItsTypeBeatsTheGenericOne) {
    struct Point {
        int x = 3;
    };
    engine.functions.add("to_string", {ParamType::custom_type<Point>()},
                         [](NativeCallContext&, Dynamic**) -> Dynamic { return Dynamic("point"); });
    EXPECT_EQ(text("to_string", {make_custom(Point{})}), "point");
    EXPECT_EQ(text("to_string", {num(7)}), "7");
}
