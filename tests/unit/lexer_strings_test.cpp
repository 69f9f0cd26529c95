// Lexer: string forms (escapes, continuation, raw, back-tick, interpolation) and comments.
#include <gtest/gtest.h>

#include "lexer_harness.hpp"

using namespace rhai::syntax;
using lexer_test::kinds;
using lexer_test::lex_error;
using lexer_test::only;

TEST(LexerStrings, Escapes) {
    EXPECT_EQ(only(R"("a\nb\tc\rd\\e\"f")").text, "a\nb\tc\rd\\e\"f");
    EXPECT_EQ(only(R"("\x48\x69")").text, "Hi");
    EXPECT_EQ(only(R"("\u00e9t\u00e9")").text, "\xC3\xA9t\xC3\xA9");
    EXPECT_EQ(only(R"("\U0001F600")").text, "\xF0\x9F\x98\x80");
}

TEST(LexerStrings, InvalidEscapes) {
    auto sq = lex_error(R"(print("it\'s");)");
    EXPECT_EQ(sq.message, "Invalid escape sequence: '\\''");
    EXPECT_EQ(sq.pos, (rhai::Position{1, 11}));
    EXPECT_EQ(lex_error(R"("\q")").message, "Invalid escape sequence: '\\q'");
    // Rhai has no `\u{...}` form: `{` is not a hex digit.
    EXPECT_EQ(lex_error(R"("\u{1F600}")").message, "Invalid escape sequence: '\\u{'");
    EXPECT_EQ(lex_error(R"("\xZZ")").message, "Invalid escape sequence: '\\xZ'");
    EXPECT_EQ(lex_error(R"("\uD800")").message, "Invalid escape sequence: '\\uD800'");
}

TEST(LexerStrings, DoubledQuoteStandsForItself) {
    EXPECT_EQ(only(R"("say ""hello"" now")").text, "say \"hello\" now");
}

TEST(LexerStrings, UnterminatedAtEndOfLine) {
    auto err = lex_error("let s = \"abc\nlet t = 1;");
    EXPECT_EQ(err.message, "Open string is not terminated");
    EXPECT_EQ(err.pos, (rhai::Position{1, 9}));
    EXPECT_EQ(lex_error("\"abc").message, "Open string is not terminated");
}

TEST(LexerStrings, LineContinuationSkipsIndentation) {
    EXPECT_EQ(tokenize("let s = \"abc\\\ndef\";")[3].text, "abcdef");
    EXPECT_EQ(tokenize("let t = \"one \\\ntwo\";")[3].text, "one two");
    // Indentation is skipped up to the column of the opening quote only (column 5 here):
    // of eight spaces, five go and three stay.
    EXPECT_EQ(tokenize("x = \"a\\\n        b\";")[2].text, "a   b");
}

TEST(LexerStrings, RawStrings) {
    EXPECT_EQ(only(R"(#"a\nb"#)").text, "a\\nb");
    EXPECT_EQ(only(R"x(##"say "#hi"# now"##)x").text, "say \"#hi\"# now");
    EXPECT_EQ(only("#\"line1\nline2\"#").text, "line1\nline2");
    EXPECT_EQ(lex_error("#\"never closed").message, "Open string is not terminated");
}

TEST(LexerStrings, BacktickIsVerbatimAndMultiline) {
    EXPECT_EQ(only("`a\\n\nb`").text, "a\\n\nb");
    EXPECT_EQ(only("`\nabc\ndef`").text, "abc\ndef");  // a leading newline is dropped
    EXPECT_EQ(only("`say ``hi```").text, "say `hi`");
    EXPECT_EQ(lex_error("`open").message, "Open string is not terminated");
}

TEST(LexerInterpolation, PiecesAndBraces) {
    auto toks = tokenize("`a ${x} b`");
    ASSERT_EQ(toks.size(), 6u);
    EXPECT_EQ(toks[0].kind, Tok::InterpString);
    EXPECT_EQ(toks[0].text, "a ");
    EXPECT_EQ(toks[1].kind, Tok::LBrace);
    EXPECT_EQ(toks[2].kind, Tok::Identifier);
    EXPECT_EQ(toks[3].kind, Tok::RBrace);
    EXPECT_EQ(toks[4].kind, Tok::String);
    EXPECT_EQ(toks[4].text, " b");
}

TEST(LexerInterpolation, NestedBracesInsideTheExpression) {
    auto toks = tokenize("`<${ if c { #{a: 1}.a } else { 2 } }>`");
    EXPECT_EQ(toks.front().kind, Tok::InterpString);
    EXPECT_EQ(toks[toks.size() - 2].kind, Tok::String);
    EXPECT_EQ(toks[toks.size() - 2].text, ">");
    // A `}` inside a string inside the interpolation does not close it.
    auto t2 = tokenize("`${ \"}\" }!`");
    EXPECT_EQ(t2[2].kind, Tok::String);
    EXPECT_EQ(t2[2].text, "}");
    EXPECT_EQ(t2[4].text, "!");
}

TEST(LexerInterpolation, NestedStrings) {
    auto toks = tokenize("`o ${`i ${a + 1}`} e`");
    std::vector<Tok> expect{Tok::InterpString, Tok::LBrace, Tok::InterpString, Tok::LBrace,
                            Tok::Identifier,   Tok::Plus,   Tok::Int,          Tok::RBrace,
                            Tok::String,       Tok::RBrace, Tok::String,       Tok::Eof};
    std::vector<Tok> got;
    for (auto& t : toks) got.push_back(t.kind);
    EXPECT_EQ(got, expect);
    EXPECT_EQ(toks[8].text, "");
    EXPECT_EQ(toks[10].text, " e");
}

TEST(LexerInterpolation, EscapedDollarBrace) {
    EXPECT_EQ(only("`cost: \\${x}`").text, "cost: ${x}");
    EXPECT_EQ(only("`a $b \\$c`").text, "a $b \\$c");
}

TEST(LexerComments, LineAndNestedBlockComments) {
    EXPECT_EQ(kinds("1 // one\n/* two /* nested */ still */ 2"),
              (std::vector<Tok>{Tok::Int, Tok::Int, Tok::Eof}));
    EXPECT_EQ(kinds("print(\"// not a comment\")"),
              (std::vector<Tok>{Tok::Reserved, Tok::LParen, Tok::String, Tok::RParen, Tok::Eof}));
}

TEST(LexerComments, UnterminatedBlockCommentEndsTheInput) {
    EXPECT_EQ(kinds("1; /* never closed\n 2;"), (std::vector<Tok>{Tok::Int, Tok::Semicolon, Tok::Eof}));
}

TEST(LexerComments, DocCommentsAttachToTheNextToken) {
    auto toks = tokenize("/// first\n/// second\n//// plain\n/** block */\nfn f() {}");
    ASSERT_EQ(toks[0].kind, Tok::Fn);
    EXPECT_EQ(toks[0].doc_comments,
              (std::vector<std::string>{"/// first", "/// second", "/** block */"}));
}

TEST(LexerComments, ShebangLineIsSkipped) {
    auto toks = tokenize("#!/usr/bin/env rhai-run\nlet x = 1;");
    EXPECT_EQ(toks[0].kind, Tok::Let);
    EXPECT_EQ(toks[0].pos, (rhai::Position{2, 1}));
}

TEST(LexerLineEndings, CrLfCountsAsOneNewline) {
    auto toks = tokenize("let a = 1;\r\n// note\r\nlet s = `x\r\ny`;");
    EXPECT_EQ(toks[5].pos, (rhai::Position{3, 1}));
    EXPECT_EQ(toks[8].text, "x\ny");  // CR LF inside a back-tick string reads as LF
}
