// String natives: lengths, to_string/to_debug, operators and comparisons.
#include "strings_harness.hpp"

using namespace strings_test;

TEST_F(StringNatives, LenCountsCharactersBytesCountsBytes) {
    EXPECT_EQ(call("len", {Dynamic("héllo")}).as_int(), 5);
    EXPECT_EQ(call("bytes", {Dynamic("héllo")}).as_int(), 6);
    EXPECT_EQ(call("len", {Dynamic("日本語")}).as_int(), 3);
    EXPECT_EQ(call("len", {Dynamic("")}).as_int(), 0);
    EXPECT_EQ(call("get$len", {Dynamic("añb€c😀d")}).as_int(), 7);
    EXPECT_EQ(call("get$bytes", {Dynamic("añb€c😀d")}).as_int(), 13);
}

TEST_F(StringNatives, IsEmptyMethodAndProperty) {
    EXPECT_TRUE(call("is_empty", {Dynamic("")}).as_bool());
    EXPECT_FALSE(call("get$is_empty", {Dynamic("x")}).as_bool());
}

TEST_F(StringNatives, ToStringAndToDebug) {
    EXPECT_EQ(text("to_string", {num(42)}), "42");
    EXPECT_EQ(text("to_string", {Dynamic("s")}), "s");
    EXPECT_EQ(text("to_string", {Dynamic()}), "");
    EXPECT_EQ(text("to_debug", {Dynamic("a\"b\n")}), "\"a\\\"b\\n\"");
    EXPECT_EQ(text("to_debug", {ch(U'q')}), "q");
    EXPECT_EQ(text("to_debug", {Dynamic()}), "()");
}

TEST_F(StringNatives, ToBlobGivesUtf8Bytes) {
    Dynamic b = call("to_blob", {Dynamic("é")});
    ASSERT_TRUE(b.is_blob());
    EXPECT_EQ(b.as_blob(), (Blob{0xC3, 0xA9}));
}

TEST_F(StringNatives, PlusJoinsStringsCharsAndDisplayText) {
    EXPECT_EQ(text("+", {Dynamic("ab"), Dynamic("cd")}), "abcd");
    EXPECT_EQ(text("+", {Dynamic("ab"), ch(U'ñ')}), "abñ");
    EXPECT_EQ(text("+", {ch(U'x'), Dynamic("yz")}), "xyz");
    EXPECT_EQ(text("+", {ch(U'a'), ch(U'b')}), "ab");
    EXPECT_EQ(text("+", {Dynamic("v="), Dynamic(2.0)}), "v=2.0");
    EXPECT_EQ(text("+", {num(1), Dynamic("a")}), "1a");
    EXPECT_EQ(text("+", {Dynamic("a"), Dynamic()}), "a");
    EXPECT_EQ(text("+", {Dynamic(), Dynamic("b")}), "b");
    EXPECT_EQ(text("+", {Dynamic("x"), Dynamic(Array{num(1), Dynamic("a")})}), "x[1, \"a\"]");
    EXPECT_EQ(text("+", {Dynamic("x"), Dynamic(true)}), "xtrue");
}

TEST_F(StringNatives, PlusWithBlobAppendsItsBytesAsText) {
    EXPECT_EQ(text("+", {Dynamic("x"), Dynamic(Blob{'h', 'i'})}), "xhi");
    // Invalid UTF-8 becomes U+FFFD, so strings always stay valid UTF-8.
    EXPECT_EQ(text("+", {Dynamic("x"), Dynamic(Blob{0xFF})}), "x\xEF\xBF\xBD");
}

TEST_F(StringNatives, NoPlusForCharAndNumberNoTimesForStrings) {
    EXPECT_FALSE(has("+", {ch(U'a'), num(1)}));
    EXPECT_FALSE(has("*", {Dynamic("ab"), num(3)}));
}

TEST_F(StringNatives, PlusAssignAppendsInPlace) {
    Dynamic s("abc");
    call_on("+=", s, {Dynamic("def")});
    call_on("+=", s, {num(1)});
    call_on("+=", s, {ch(U'g')});
    call_on("+=", s, {Dynamic(2.5)});
    call_on("+=", s, {Dynamic()});
    EXPECT_EQ(s.as_string(), "abcdef1g2.5");
    call_on("append", s, {ch(U'!')});
    EXPECT_EQ(s.as_string(), "abcdef1g2.5!");
}

TEST_F(StringNatives, PlusAssignDoesNotTouchOtherCopies) {
    Dynamic a("hello");
    Dynamic b = a;  // shares the payload
    call_on("+=", b, {Dynamic(" world")});
    EXPECT_EQ(a.as_string(), "hello");
    EXPECT_EQ(b.as_string(), "hello world");
}

TEST_F(StringNatives, MinusRemovesEveryOccurrence) {
    EXPECT_EQ(text("-", {Dynamic("hello"), ch(U'l')}), "heo");
    EXPECT_EQ(text("-", {Dynamic("banana"), Dynamic("an")}), "ba");
    EXPECT_EQ(text("-", {Dynamic("abc"), Dynamic("")}), "abc");
    Dynamic s("a-b-c");
    call_on("-=", s, {ch(U'-')});
    EXPECT_EQ(s.as_string(), "abc");
}

TEST_F(StringNatives, StringComparisonsAreByCodePoint) {
    EXPECT_TRUE(call("<", {Dynamic("apple"), Dynamic("banana")}).as_bool());
    EXPECT_TRUE(call("<", {Dynamic("Zebra"), Dynamic("apple")}).as_bool());
    EXPECT_TRUE(call(">", {Dynamic("abc"), Dynamic("ab")}).as_bool());
    EXPECT_TRUE(call(">", {Dynamic("b"), Dynamic("abc")}).as_bool());
    EXPECT_TRUE(call(">=", {Dynamic(""), Dynamic("")}).as_bool());
    EXPECT_FALSE(call("==", {Dynamic("a"), Dynamic("A")}).as_bool());
    EXPECT_TRUE(call("!=", {Dynamic("abc"), Dynamic("abd")}).as_bool());
    // Multi-byte characters order by code point, not by signed bytes.
    EXPECT_TRUE(call("<", {Dynamic("z"), Dynamic("é")}).as_bool());
}

TEST_F(StringNatives, StringAndCharCompareByFirstCharacters) {
    EXPECT_TRUE(call("==", {Dynamic("4"), ch(U'4')}).as_bool());
    EXPECT_TRUE(call("==", {ch(U'4'), Dynamic("4")}).as_bool());
    EXPECT_FALSE(call("==", {Dynamic("ab"), ch(U'a')}).as_bool());
    EXPECT_TRUE(call(">", {Dynamic("ab"), ch(U'a')}).as_bool());
    EXPECT_TRUE(call("<", {Dynamic(""), ch(U'a')}).as_bool());
}

TEST_F(StringNatives, StringAndUnitAreNeverEqual) {
    EXPECT_FALSE(call("==", {Dynamic("x"), Dynamic()}).as_bool());
    EXPECT_TRUE(call("!=", {Dynamic(), Dynamic("x")}).as_bool());
    EXPECT_FALSE(call("<", {Dynamic(""), Dynamic()}).as_bool());
}

TEST_F(StringNatives, MinMaxOfStringsAndChars) {
    EXPECT_EQ(text("max", {Dynamic("apple"), Dynamic("banana")}), "banana");
    EXPECT_EQ(text("min", {Dynamic("apple"), Dynamic("banana")}), "apple");
    EXPECT_EQ(call("max", {ch(U'a'), ch(U'z')}).as_char(), U'z');
    EXPECT_EQ(call("min", {ch(U'a'), ch(U'z')}).as_char(), U'a');
}

TEST_F(StringNatives, ResultsOfConstantsAreWritable) {
    Dynamic k("abc");
    k.set_read_only(true);
    Dynamic r = call("+", {k, Dynamic()});
    EXPECT_EQ(r.as_string(), "abc");
    EXPECT_FALSE(r.is_read_only());
}

TEST_F(StringNatives, ConcatenationRespectsMaxStringSize) {
    engine.limits.max_string_size = 5;
    EXPECT_EQ(text("+", {Dynamic("ab"), Dynamic("cde")}), "abcde");
    try {
        call("+", {Dynamic("abc"), Dynamic("def")});
        FAIL() << "expected ErrorDataTooLarge";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorDataTooLarge);
        EXPECT_EQ(e.message(), "Length of string too large");
    }
    Dynamic s("abcd");
    EXPECT_THROW(call_on("+=", s, {Dynamic("xy")}), EvalError);
    EXPECT_EQ(s.as_string(), "abcd");
}
