// String natives: searching, slicing and in-place editing, with character (not byte) positions.
#include <climits>

#include "strings_harness.hpp"

using namespace strings_test;

TEST_F(StringNatives, IndexOfWithStartPositions) {
    const Dynamic s("hello, world!");
    EXPECT_EQ(call("index_of", {s, ch(U'l'), num(5)}).as_int(), 10);
    EXPECT_EQ(call("index_of", {s, ch(U'o'), num(-7)}).as_int(), 8);
    EXPECT_EQ(call("index_of", {s, ch(U'o'), num(100)}).as_int(), -1);
    EXPECT_EQ(call("index_of", {s, ch(U'h'), num(-100)}).as_int(), 0);
    EXPECT_EQ(call("index_of", {s, Dynamic("o"), num(5)}).as_int(), 8);
    EXPECT_EQ(call("index_of", {s, Dynamic(""), num(3)}).as_int(), 3);
    EXPECT_EQ(call("index_of", {Dynamic(""), ch(U'a')}).as_int(), -1);
    EXPECT_EQ(call("index_of", {s, ch(U'o'), num(INT_MIN)}).as_int(), 4);
    EXPECT_EQ(call("index_of", {s, ch(U'o'), num(LLONG_MAX)}).as_int(), -1);
}

TEST_F(StringNatives, IndexOfCountsCharacters) {
    EXPECT_EQ(call("index_of", {Dynamic("日本語"), ch(U'語')}).as_int(), 2);
    EXPECT_EQ(call("index_of", {Dynamic("añb€c"), Dynamic("c")}).as_int(), 4);
    EXPECT_EQ(call("index_of", {Dynamic("añbñ"), ch(U'ñ'), num(2)}).as_int(), 3);
}

TEST_F(StringNatives, ContainsStartsEndsWith) {
    EXPECT_TRUE(call("contains", {Dynamic("hello"), Dynamic("ell")}).as_bool());
    EXPECT_TRUE(call("contains", {Dynamic("héllo"), ch(U'é')}).as_bool());
    EXPECT_FALSE(call("contains", {Dynamic("hello"), ch(U'x')}).as_bool());
    EXPECT_TRUE(call("starts_with", {Dynamic("hello"), Dynamic("")}).as_bool());
    EXPECT_TRUE(call("ends_with", {Dynamic("hello"), Dynamic("")}).as_bool());
    EXPECT_TRUE(call("starts_with", {Dynamic("hello"), ch(U'h')}).as_bool());
    EXPECT_FALSE(call("starts_with", {Dynamic("hello"), ch(U'H')}).as_bool());
    EXPECT_FALSE(call("ends_with", {Dynamic("hello"), Dynamic("hello!")}).as_bool());
    EXPECT_FALSE(call("starts_with", {Dynamic(""), ch(U'x')}).as_bool());
}

TEST_F(StringNatives, GetCountsFromEitherEnd) {
    const Dynamic s("héllo");
    EXPECT_EQ(call("get", {s, num(1)}).as_char(), U'é');
    EXPECT_EQ(call("get", {s, num(-1)}).as_char(), U'o');
    EXPECT_EQ(call("get", {s, num(-5)}).as_char(), U'h');
    EXPECT_TRUE(call("get", {s, num(5)}).is_unit());
    EXPECT_TRUE(call("get", {s, num(-6)}).is_unit());
    EXPECT_TRUE(call("get", {s, num(INT_MIN)}).is_unit());
}

TEST_F(StringNatives, SetReplacesOneCharacter) {
    EXPECT_EQ(edited("set", "hello", {num(0), ch(U'J')}), "Jello");
    EXPECT_EQ(edited("set", "hello", {num(-1), ch(U'ö')}), "hellö");
    EXPECT_EQ(edited("set", "héllo", {num(1), ch(U'e')}), "hello");
    EXPECT_EQ(edited("set", "hello", {num(5), ch(U'x')}), "hello");
    EXPECT_EQ(edited("set", "hello", {num(-6), ch(U'x')}), "hello");
}

TEST_F(StringNatives, SubStringByStartAndLength) {
    const Dynamic s("añb€c😀d");
    EXPECT_EQ(text("sub_string", {s, num(1), num(3)}), "ñb€");
    EXPECT_EQ(text("sub_string", {s, num(-3)}), "c😀d");
    EXPECT_EQ(text("sub_string", {s, num(-99), num(2)}), "añ");
    EXPECT_EQ(text("sub_string", {s, num(7)}), "");
    EXPECT_EQ(text("sub_string", {s, num(2), num(0)}), "");
    EXPECT_EQ(text("sub_string", {s, num(5), num(100)}), "😀d");
    EXPECT_EQ(text("sub_string", {Dynamic("日本語"), num(1), num(2)}), "本語");
    EXPECT_EQ(text("sub_string", {Dynamic("hello, world!"), num(-8), num(3)}), ", w");
}

TEST_F(StringNatives, SubStringByRange) {
    const Dynamic s("hello, world!");
    EXPECT_EQ(text("sub_string", {s, Dynamic::range(3, 7, false)}), "lo, ");
    EXPECT_EQ(text("sub_string", {s, Dynamic::range(3, 7, true)}), "lo, w");
    EXPECT_EQ(text("sub_string", {Dynamic("añb€c😀d"), Dynamic::range(3, 5, false)}), "€c");
    EXPECT_EQ(text("sub_string", {s, Dynamic::range(-5, 2, false)}), "he");
    EXPECT_EQ(text("sub_string", {s, Dynamic::range(5, 2, false)}), "");
    EXPECT_EQ(text("sub_string", {s, Dynamic::range(0, LLONG_MAX, true)}), "hello, world!");
}

TEST_F(StringNatives, SubStringRejectsFloats) {
    EXPECT_FALSE(has("sub_string", {Dynamic("abc"), Dynamic(1.0)}));
}

TEST_F(StringNatives, CropKeepsAWindow) {
    EXPECT_EQ(edited("crop", "hello, world!", {num(2), num(8)}), "llo, wor");
    EXPECT_EQ(edited("crop", "llo, wor", {num(-5), num(3)}), ", w");
    EXPECT_EQ(edited("crop", "hello, world!", {num(5)}), ", world!");
    EXPECT_EQ(edited("crop", "hello, world!", {num(-3)}), "ld!");
    EXPECT_EQ(edited("crop", "hello", {num(-99)}), "hello");
    EXPECT_EQ(edited("crop", "hello", {num(9)}), "");
    EXPECT_EQ(edited("crop", "hello", {num(1), num(0)}), "");
    EXPECT_EQ(edited("crop", "hello, world!", {Dynamic::range(2, 8, false)}), "llo, w");
    EXPECT_EQ(edited("crop", "hello, world!", {Dynamic::range(2, 8, true)}), "llo, wo");
    EXPECT_EQ(edited("crop", "añb€c", {num(1), num(2)}), "ñb");
}

TEST_F(StringNatives, TruncateCutsAtCharacters) {
    EXPECT_EQ(edited("truncate", "hello", {num(0)}), "");
    EXPECT_EQ(edited("truncate", "hello", {num(-3)}), "");
    EXPECT_EQ(edited("truncate", "hello", {num(100)}), "hello");
    EXPECT_EQ(edited("truncate", "añbç", {num(2)}), "añ");
}

TEST_F(StringNatives, PopOneOrMany) {
    Dynamic s("hello");
    EXPECT_EQ(call_on("pop", s).as_char(), U'o');
    EXPECT_EQ(s.as_string(), "hell");
    EXPECT_EQ(call_on("pop", s, {num(0)}).as_string(), "");
    EXPECT_EQ(call_on("pop", s, {num(-2)}).as_string(), "");
    EXPECT_EQ(call_on("pop", s, {num(2)}).as_string(), "ll");
    EXPECT_EQ(call_on("pop", s, {num(10)}).as_string(), "he");
    EXPECT_EQ(s.as_string(), "");
    EXPECT_TRUE(call_on("pop", s).is_unit());
    Dynamic u("añ€");
    EXPECT_EQ(call_on("pop", u, {num(2)}).as_string(), "ñ€");
    EXPECT_EQ(u.as_string(), "a");
    Dynamic e("x😀");
    EXPECT_EQ(call_on("pop", e).as_char(), U'😀');
    EXPECT_EQ(e.as_string(), "x");
}

TEST_F(StringNatives, TrimUsesUnicodeWhitespace) {
    EXPECT_EQ(edited("trim", "\t\n  x y \r\n"), "x y");
    EXPECT_EQ(edited("trim", "   "), "");
    EXPECT_EQ(edited("trim", "no-trim"), "no-trim");
    EXPECT_EQ(edited("trim", "\u00A0\u3000word\u2003\u0085"), "word");
    EXPECT_EQ(edited("trim", "\u200Bword"), "\u200Bword");  // zero-width space is not whitespace
}

TEST_F(StringNatives, PadWithCharOrString) {
    EXPECT_EQ(edited("pad", "hello", {num(8), ch(U'!')}), "hello!!!");
    EXPECT_EQ(edited("pad", "hello", {num(5), ch(U'*')}), "hello");
    EXPECT_EQ(edited("pad", "hello", {num(10), Dynamic("(!)")}), "hello(!)(!");
    EXPECT_EQ(edited("pad", "hello", {num(11), Dynamic("(!)")}), "hello(!)(!)");
    EXPECT_EQ(edited("pad", "añ", {num(4), ch(U'€')}), "añ€€");
    EXPECT_EQ(edited("pad", "a", {num(3), Dynamic("ñé€")}), "añé");
    EXPECT_EQ(edited("pad", "a", {num(-3), ch(U'x')}), "a");
    EXPECT_EQ(edited("pad", "a", {num(5), Dynamic("")}), "a");  // empty padding: nothing to add
    EXPECT_FALSE(has("pad", {Dynamic("a"), num(3), num(1)}));
}

TEST_F(StringNatives, HugePadIsAnErrorNotAnAllocation) {
    Dynamic s("a");
    try {
        call_on("pad", s, {num(LLONG_MAX), ch(U'x')});
        FAIL() << "expected ErrorDataTooLarge";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorDataTooLarge);
    }
    EXPECT_EQ(s.as_string(), "a");
    engine.limits.max_string_size = 10;
    EXPECT_THROW(call_on("pad", s, {num(11), ch(U'x')}), EvalError);
    // The limit is in bytes: 5 three-byte characters exceed 10 bytes.
    EXPECT_THROW(call_on("pad", s, {num(5), ch(U'€')}), EvalError);
    call_on("pad", s, {num(10), ch(U'x')});
    EXPECT_EQ(s.as_string(), "axxxxxxxxx");
}

TEST_F(StringNatives, ReplaceAllForms) {
    EXPECT_EQ(edited("replace", "the cat sat on the mat", {Dynamic("at"), Dynamic("og")}),
              "the cog sog on the mog");
    EXPECT_EQ(edited("replace", "the cog", {ch(U'o'), ch(U'0')}), "the c0g");
    EXPECT_EQ(edited("replace", "the c0g the", {Dynamic("the"), ch(U'T')}), "T c0g T");
    EXPECT_EQ(edited("replace", "hello", {ch(U'l'), Dynamic("(^)")}), "he(^)(^)o");
    EXPECT_EQ(edited("replace", "añb", {ch(U'ñ'), ch(U'n')}), "anb");
    EXPECT_EQ(edited("replace", "abc", {Dynamic(""), Dynamic("-")}), "-a-b-c-");
    EXPECT_EQ(edited("replace", "", {Dynamic(""), Dynamic("-")}), "");
    EXPECT_EQ(edited("replace", "aaa", {Dynamic("aa"), Dynamic("b")}), "ba");
}

TEST_F(StringNatives, RemoveAndClear) {
    EXPECT_EQ(edited("remove", "hello, world! hello, foobar!", {Dynamic("hello")}), ", world! , foobar!");
    EXPECT_EQ(edited("remove", "hello, world!", {ch(U'o')}), "hell, wrld!");
    EXPECT_EQ(edited("remove", "abc", {Dynamic("")}), "abc");
    EXPECT_EQ(edited("clear", "abc"), "");
}

TEST_F(StringNatives, InPlaceEditsLeaveSharedCopiesAlone) {
    Dynamic a("hello world");
    Dynamic b = a;
    call_on("crop", b, {num(6)});
    call_on("make_upper", b);
    EXPECT_EQ(a.as_string(), "hello world");
    EXPECT_EQ(b.as_string(), "WORLD");
}

TEST_F(StringNatives, CaseConversion) {
    EXPECT_EQ(text("to_upper", {Dynamic("hello, wörld")}), "HELLO, WÖRLD");
    EXPECT_EQ(text("to_lower", {Dynamic("ÀÉÎ ΣΑΣ Привет")}), "àéî σας привет");
    EXPECT_EQ(text("to_upper", {Dynamic("straße")}), "STRASSE");
    EXPECT_EQ(edited("make_lower", "MiXeD"), "mixed");
    EXPECT_EQ(edited("make_upper", "MiXeD"), "MIXED");
    EXPECT_EQ(call("to_upper", {ch(U'q')}).as_char(), U'Q');
    EXPECT_EQ(call("to_lower", {ch(U'Ж')}).as_char(), U'ж');
    EXPECT_EQ(call("to_upper", {ch(U'ß')}).as_char(), U'ß');  // would need two characters
    Dynamic c(U'a');
    call_on("make_upper", c);
    EXPECT_EQ(c.as_char(), U'A');
}

TEST_F(StringNatives, CharsStreamsAndToChars) {
    auto collect = [](const Dynamic& it) {
        std::string out;
        auto cur = it.as_iterable().cursor();
        Dynamic c;
        while (cur->next(c)) out += c.to_display();
        return out;
    };
    EXPECT_EQ(collect(call("chars", {Dynamic("héllo")})), "héllo");
    EXPECT_EQ(collect(call("chars", {Dynamic("abcdefg"), num(2), num(3)})), "cde");
    EXPECT_EQ(collect(call("chars", {Dynamic("abcdefg"), num(4)})), "efg");
    EXPECT_EQ(collect(call("chars", {Dynamic("abcdefg"), num(-2)})), "fg");
    EXPECT_EQ(collect(call("chars", {Dynamic("abcdef"), Dynamic::range(2, 3, true)})), "cd");
    EXPECT_EQ(collect(call("chars", {Dynamic("abcdef"), Dynamic::range(3, 1, true)})), "");
    EXPECT_EQ(collect(call("get$chars", {Dynamic("xyz")})), "xyz");
    EXPECT_EQ(shown("to_chars", {Dynamic("añ")}), "[a, ñ]");
    // A stream is a snapshot: editing the string afterwards does not change it.
    Dynamic s("abc");
    Dynamic it = call("chars", {s});
    call_on("+=", s, {Dynamic("def")});
    EXPECT_EQ(collect(it), "abc");
    EXPECT_EQ(collect(it), "abc");  // and it can be walked again
}

TEST_F(StringNatives, IndexingWithRanges) {
    const Dynamic s("hello world");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(0, 5, false)}), "hello");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(6, 10, true)}), "world");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(-5, 11, false)}), "world");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(3, 3, true)}), "");  // as in the reference
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(4, 2, false)}), "");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(20, 30, false)}), "");
    EXPECT_EQ(text("index$get$", {s, Dynamic::range(0, 99, true)}), "hello world");
    EXPECT_EQ(text("index$get$", {Dynamic("añb€c"), Dynamic::range(1, 3, true)}), "ñb€");
}

// Strings from a host may hold malformed UTF-8: every native must stay within bounds (this
// test is meant for the sanitizer builds) and keep returning strings.
TEST_F(StringNatives, MalformedUtf8NeverBreaksBounds) {
    const std::string samples[] = {"\x80", "a\xFF" "b", "\xE2\x82", "\xF0\x9F\x98", "\x80\x80\x80\x80\x80x",
                                   "é\xC3", "\xC3\xA9\xA9", ""};
    const INT positions[] = {-7, -2, -1, 0, 1, 2, 3, 9};
    for (const std::string& text : samples) {
        const Dynamic s(text);
        EXPECT_GE(call("len", {s}).as_int(), 0);
        for (INT p : positions) {
            call("get", {s, num(p)});
            call("sub_string", {s, num(p), num(2)});
            call("index_of", {s, ch(U'x'), num(p)});
            call("split", {s, num(p)});
            call("chars", {s, num(p), num(3)});
            for (const char* method : {"crop", "truncate"}) {
                Dynamic t(text);
                call_on(method, t, {num(p)});
            }
            Dynamic u(text);
            call_on("set", u, {num(p), ch(U'€')});
            Dynamic v(text);
            EXPECT_TRUE(call_on("pop", v, {num(p)}).is_string());
        }
        Dynamic w(text);
        call_on("trim", w);
        call_on("make_upper", w);
        call("split", {s, Dynamic("")});
        call("split_rev", {s, Dynamic("")});
        call("to_chars", {s});
        Dynamic x(text);
        while (!x.as_string().empty()) call_on("pop", x);
    }
}
