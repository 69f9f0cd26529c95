// String natives: split and split_rev in all their forms (Rust str::split semantics).
#include "strings_harness.hpp"

using namespace strings_test;

TEST_F(StringNatives, SplitBySeparator) {
    EXPECT_EQ(shown("split", {Dynamic("a,b,c"), Dynamic(",")}), R"(["a", "b", "c"])");
    EXPECT_EQ(shown("split", {Dynamic("a  b"), Dynamic(" ")}), R"(["a", "", "b"])");
    EXPECT_EQ(shown("split", {Dynamic(""), Dynamic(",")}), R"([""])");
    EXPECT_EQ(shown("split", {Dynamic("hello, world! hello, foo!"), Dynamic("ll")}),
              R"(["he", "o, world! he", "o, foo!"])");
    EXPECT_EQ(shown("split", {Dynamic("a€b€"), ch(U'€')}), R"(["a", "b", ""])");
}

TEST_F(StringNatives, SplitByEmptySeparatorCutsEveryCharacter) {
    EXPECT_EQ(shown("split", {Dynamic("añc"), Dynamic("")}), R"(["", "a", "ñ", "c", ""])");
    EXPECT_EQ(shown("split", {Dynamic(""), Dynamic("")}), R"(["", ""])");
    EXPECT_EQ(shown("split", {Dynamic("abc"), Dynamic(""), num(3)}), R"(["", "a", "bc"])");
    EXPECT_EQ(shown("split_rev", {Dynamic("añc"), Dynamic("")}), R"(["", "c", "ñ", "a", ""])");
}

TEST_F(StringNatives, SplitWithPieceCount) {
    const Dynamic s("hello, world! hello, foo!");
    EXPECT_EQ(shown("split", {s, Dynamic("ll"), num(2)}), R"(["he", "o, world! hello, foo!"])");
    EXPECT_EQ(shown("split", {s, ch(U'l'), num(3)}), R"(["he", "", "o, world! hello, foo!"])");
    EXPECT_EQ(shown("split", {s, ch(U'l'), num(0)}), R"(["hello, world! hello, foo!"])");
    EXPECT_EQ(shown("split", {s, ch(U'l'), num(-5)}), R"(["hello, world! hello, foo!"])");
}

TEST_F(StringNatives, SplitRev) {
    EXPECT_EQ(shown("split_rev", {Dynamic("1/2/3/4"), ch(U'/')}), R"(["4", "3", "2", "1"])");
    EXPECT_EQ(shown("split_rev", {Dynamic("1/2/3/4"), ch(U'/'), num(3)}), R"(["4", "3", "1/2"])");
    EXPECT_EQ(shown("split_rev", {Dynamic("1/2/3/4"), Dynamic("/"), num(1)}), R"(["1/2/3/4"])");
    EXPECT_EQ(shown("split_rev", {Dynamic("abc"), Dynamic("x")}), R"(["abc"])");
    EXPECT_EQ(shown("split_rev", {Dynamic("hello, world! hello, foo!"), Dynamic("ll"), num(2)}),
              R"(["o, foo!", "hello, world! he"])");
    // Searching from the end finds different matches when the separator overlaps itself.
    EXPECT_EQ(shown("split_rev", {Dynamic("aaa"), Dynamic("aa")}), R"(["", "a"])");
    EXPECT_EQ(shown("split", {Dynamic("aaa"), Dynamic("aa")}), R"(["", "a"])");
}

TEST_F(StringNatives, SplitOnWhitespace) {
    EXPECT_EQ(shown("split", {Dynamic("  lead and trail  ")}), R"(["lead", "and", "trail"])");
    EXPECT_EQ(shown("split", {Dynamic("tab\tsep\nnewline")}), R"(["tab", "sep", "newline"])");
    EXPECT_EQ(shown("split", {Dynamic("")}), R"([""])");
    EXPECT_EQ(shown("split", {Dynamic("a\u3000b")}), R"(["a", "b"])");
}

TEST_F(StringNatives, SplitAtIndex) {
    EXPECT_EQ(shown("split", {Dynamic("hello"), num(1)}), R"(["h", "ello"])");
    EXPECT_EQ(shown("split", {Dynamic("hello"), num(5)}), R"(["hello", ""])");
    EXPECT_EQ(shown("split", {Dynamic("hello"), num(99)}), R"(["hello", ""])");
    EXPECT_EQ(shown("split", {Dynamic("hello"), num(-99)}), R"(["", "hello"])");
    EXPECT_EQ(shown("split", {Dynamic("hello"), num(-1)}), R"(["hell", "o"])");
    EXPECT_EQ(shown("split", {Dynamic("añb€"), num(2)}), R"(["añ", "b€"])");
    EXPECT_EQ(shown("split", {Dynamic("añb€"), num(-1)}), R"(["añb", "€"])");
}
