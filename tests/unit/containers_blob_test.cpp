// BLOB natives (blob.cpp), called directly.
#include "containers_harness.hpp"

using namespace containers_test;

namespace {

Dynamic bytes(std::initializer_list<uint8_t> b) { return Blob(b); }

TEST(ContainersBlob, ConstructAndMaskBytes) {
    Natives n;
    EXPECT_EQ(dbg(n.call("blob", {Dynamic(INT(3)), Dynamic(INT(0x1ff))})), "[ffffff]");
    EXPECT_EQ(n.call("blob", {Dynamic(INT(-5))}).as_blob().size(), 0u);
    Dynamic b = n.call("blob", std::vector<Dynamic>{});
    n.method(b, "push", INT(-1));
    n.method(b, "push", INT(256));
    n.method(b, "insert", INT(0), INT(-128));
    EXPECT_EQ(dbg(b), "[80ff00]");
    EXPECT_EQ(dbg(n.method(b, "to_array")), "[128, 255, 0]");
}

TEST(ContainersBlob, HugeBlobIsAClearError) {
    Natives n;
    EXPECT_THROW(n.call("blob", {Dynamic(INT64_MAX)}), EvalError);
    Dynamic b = bytes({1});
    EXPECT_THROW(n.method(b, "pad", INT(1) << 40, INT(0)), EvalError);
}

TEST(ContainersBlob, GetSetOutOfRange) {
    Natives n;
    Dynamic b = bytes({0x10, 0x10, 0x10});
    EXPECT_EQ(n.method(b, "get", INT(10)).as_int(), 0);
    EXPECT_EQ(n.method(b, "get", INT(-4)).as_int(), 0);
    n.method(b, "set", INT(1), INT(0x1ff));
    n.method(b, "set", INT(-1), INT(0x20));
    n.method(b, "set", INT(-4), INT(0x99));
    EXPECT_EQ(dbg(b), "[10ff20]");
    EXPECT_EQ(n.method(b, "remove", INT(7)).as_int(), 0);
    Dynamic e = Blob{};
    EXPECT_EQ(n.method(e, "pop").as_int(), 0);
}

TEST(ContainersBlob, WriteParseIntRoundTrip) {
    Natives n;
    Dynamic b = Blob(8, 0);
    n.method(b, "write_le", INT(0), INT(8), INT(-2));
    EXPECT_EQ(dbg(b), "[feffffffffffffff]");
    EXPECT_EQ(n.method(b, "parse_le_int", INT(0), INT(8)).as_int(), -2);
    EXPECT_EQ(n.method(b, "parse_le_int", INT(0), INT(2)).as_int(), 65534);
    Dynamic c = Blob(4, 0);
    n.method(c, "write_be", INT(0), INT(2), INT(0x1234));
    // big-endian writes the most significant bytes of the 8-byte value first
    EXPECT_EQ(dbg(c), "[00000000]");
    n.method(c, "write_be", INT(0), INT(8), INT(0x0102030400000000));
    EXPECT_EQ(dbg(c), "[01020304]");
    EXPECT_EQ(n.method(c, "parse_be_int", Dynamic::range(0, 2, false)).as_int(), INT(0x0102000000000000));
}

TEST(ContainersBlob, FloatRoundTrip) {
    Natives n;
    Dynamic b = Blob(16, 0);
    n.method(b, "write_le", INT(0), INT(8), 1.5);
    n.method(b, "write_be", Dynamic::range(8, 15, true), -0.25);
    EXPECT_EQ(dbg(b), "[000000000000f83f bfd0000000000000]");
    EXPECT_EQ(n.method(b, "parse_le_float", INT(0), INT(8)).as_float(), 1.5);
    EXPECT_EQ(n.method(b, "parse_be_float", INT(8), INT(8)).as_float(), -0.25);
}

TEST(ContainersBlob, ParseEdges) {
    Natives n;
    Dynamic e = Blob{};
    EXPECT_EQ(n.method(e, "parse_le_int", INT(0), INT(4)).as_int(), 0);
    EXPECT_EQ(n.method(e, "parse_be_float", INT(0), INT(8)).as_float(), 0.0);
    Dynamic b = Blob(4, 1);
    EXPECT_EQ(n.method(b, "parse_le_int", INT(0), INT(0)).as_int(), 0);
    EXPECT_EQ(n.method(b, "parse_le_int", INT(9), INT(2)).as_int(), 0);
    EXPECT_EQ(n.method(b, "parse_le_int", INT(-1), INT(8)).as_int(), 1);
}

TEST(ContainersBlob, WriteUtf8AndAscii) {
    Natives n;
    Dynamic b = Blob(6, 0x2e);
    n.method(b, "write_utf8", INT(1), INT(3), "h\xC3\xA9llo");
    EXPECT_EQ(dbg(b), "[2e68c3a92e2e]");
    Dynamic c = Blob(6, 0x2e);
    n.method(c, "write_ascii", INT(0), INT(6), "h\xC3\xA9!");
    EXPECT_EQ(dbg(c), "[68212e2e2e2e]");
    EXPECT_EQ(n.method(c, "as_string").as_string(), "h!....");
    Dynamic d = Blob(4, 0);
    n.method(d, "write_utf8", Dynamic::range(1, 2, true), "xyz");
    EXPECT_EQ(dbg(d), "[00787900]");
}

TEST(ContainersBlob, AsStringIsLossy) {
    Natives n;
    Dynamic b = bytes({'a', 0xff, 'b', 0xc3});
    EXPECT_EQ(n.method(b, "as_string").as_string(), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(ContainersBlob, SpliceDrainRetainSplitChopPad) {
    Natives n;
    Dynamic b = bytes({0, 1, 2, 3, 4, 5});
    n.method(b, "splice", INT(1), INT(2), bytes({0xaa, 0xaa, 0xaa}));
    EXPECT_EQ(dbg(b), "[00aaaaaa030405]");
    EXPECT_EQ(dbg(n.method(b, "drain", INT(0), INT(2))), "[00aa]");
    EXPECT_EQ(dbg(n.method(b, "retain", Dynamic::range(1, 3, false))), "[aa0405]");
    EXPECT_EQ(dbg(b), "[aa03]");
    Dynamic c = bytes({1, 1, 1, 1, 9});
    EXPECT_EQ(dbg(n.method(c, "split", INT(3))), "[0109]");
    n.method(c, "chop", INT(2));
    EXPECT_EQ(dbg(c), "[0101]");
    n.method(c, "pad", INT(5), INT(0x7f));
    EXPECT_EQ(dbg(c), "[01017f7f7f]");
}

TEST(ContainersBlob, AppendForms) {
    Natives n;
    Dynamic b = Blob{};
    n.method(b, "append", "hi");
    n.method(b, "append", char32_t(0xe9));
    n.method(b, "+=", INT(0x21));
    n.method(b, "+=", bytes({1}));
    EXPECT_EQ(dbg(b), "[6869c3a92101]");
    EXPECT_TRUE(n.call("==", {bytes({1, 2}), bytes({1, 2})}).as_bool());
    EXPECT_TRUE(n.method(b, "contains", INT(0x121)).as_bool());
}

}  // namespace
