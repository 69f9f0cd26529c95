// Lexer: number, character and identifier literals, keywords and reserved words.
#include <gtest/gtest.h>

#include <limits>

#include "lexer_harness.hpp"

using namespace rhai::syntax;
using lexer_test::kinds;
using lexer_test::lex_error;
using lexer_test::only;

TEST(LexerNumbers, DecimalAndSeparators) {
    EXPECT_EQ(only("42").int_value, 42);
    EXPECT_EQ(only("1_000_000").int_value, 1000000);
    EXPECT_EQ(only("0").int_value, 0);
}

TEST(LexerNumbers, RadixPrefixes) {
    EXPECT_EQ(only("0xff").int_value, 255);
    EXPECT_EQ(only("0XFF").int_value, 255);
    EXPECT_EQ(only("0o17").int_value, 15);
    EXPECT_EQ(only("0b1010").int_value, 10);
    EXPECT_EQ(only("0b_1111_0000").int_value, 0xF0);
}

TEST(LexerNumbers, RadixLiteralsWrapIntoI64) {
    EXPECT_EQ(only("0xffff_ffff_ffff_ffff").int_value, -1);
    EXPECT_EQ(only("0x8000000000000000").int_value, std::numeric_limits<int64_t>::min());
    auto err = lex_error("0x1_0000_0000_0000_0000");
    EXPECT_EQ(err.message, "Invalid number: '10000000000000000'");
    EXPECT_EQ(lex_error("0x").message, "Invalid number: ''");
}

TEST(LexerNumbers, DecimalTooBigBecomesFloat) {
    Token t = only("9223372036854775808");
    EXPECT_EQ(t.kind, Tok::Float);
    EXPECT_DOUBLE_EQ(t.float_value, 9223372036854775808.0);
    Token max = only("9223372036854775807");
    EXPECT_EQ(max.kind, Tok::Int);
    EXPECT_EQ(max.int_value, std::numeric_limits<int64_t>::max());
}

TEST(LexerNumbers, NegativeLiteralWhereUnaryAllowed) {
    auto toks = tokenize("x = -9223372036854775808");
    ASSERT_EQ(toks[2].kind, Tok::Int);
    EXPECT_EQ(toks[2].int_value, std::numeric_limits<int64_t>::min());
    EXPECT_EQ(toks[2].pos.column, 5u);
    // After a name or `)` the minus is the binary operator.
    EXPECT_EQ(kinds("a -5"), (std::vector<Tok>{Tok::Identifier, Tok::Minus, Tok::Int, Tok::Eof}));
    EXPECT_EQ(kinds("f() -5"), (std::vector<Tok>{Tok::Identifier, Tok::Unit, Tok::Minus, Tok::Int, Tok::Eof}));
    EXPECT_EQ(tokenize("(-5)")[1].int_value, -5);
}

TEST(LexerNumbers, NegativeRadixLiteralIsMalformed) {
    auto err = lex_error("-0x11");
    EXPECT_EQ(err.message, "Invalid number: 'x11'");
    EXPECT_EQ(err.pos, (rhai::Position{1, 1}));
    EXPECT_EQ(lex_error("let a = -0b1;").message, "Invalid number: 'b1'");
}

TEST(LexerNumbers, Floats) {
    EXPECT_DOUBLE_EQ(only("1.5").float_value, 1.5);
    EXPECT_DOUBLE_EQ(only("1e10").float_value, 1e10);
    EXPECT_DOUBLE_EQ(only("1.5e-3").float_value, 1.5e-3);
    EXPECT_DOUBLE_EQ(only("2E+2").float_value, 200.0);
    EXPECT_DOUBLE_EQ(only("1_000.5").float_value, 1000.5);
}

TEST(LexerNumbers, TrailingDotBeforeSymbolIsFloat) {
    auto toks = tokenize("[1., 2.]");
    EXPECT_EQ(toks[1].kind, Tok::Float);
    EXPECT_DOUBLE_EQ(toks[1].float_value, 1.0);
    EXPECT_EQ(toks[3].kind, Tok::Float);
    EXPECT_EQ(kinds("3.;"), (std::vector<Tok>{Tok::Float, Tok::Semicolon, Tok::Eof}));
}

TEST(LexerNumbers, DotBeforeNameOrDotKeepsInteger) {
    EXPECT_EQ(kinds("1.abs()"),
              (std::vector<Tok>{Tok::Int, Tok::Period, Tok::Identifier, Tok::Unit, Tok::Eof}));
    EXPECT_EQ(kinds("1..5"), (std::vector<Tok>{Tok::Int, Tok::ExclusiveRange, Tok::Int, Tok::Eof}));
    EXPECT_EQ(kinds("1..=5"), (std::vector<Tok>{Tok::Int, Tok::InclusiveRange, Tok::Int, Tok::Eof}));
    EXPECT_EQ(kinds("1.5.floor()"),
              (std::vector<Tok>{Tok::Float, Tok::Period, Tok::Identifier, Tok::Unit, Tok::Eof}));
}

TEST(LexerNumbers, MalformedHexStopsAtFirstNonDigit) {
    // `0xfg` is `0xf` followed by the name `g` (the parser then wants a `;`).
    auto toks = tokenize("0xfg");
    EXPECT_EQ(toks[0].int_value, 15);
    EXPECT_EQ(toks[1].kind, Tok::Identifier);
    EXPECT_EQ(toks[1].text, "g");
}

TEST(LexerChars, PlainEscapedAndUnicode) {
    EXPECT_EQ(only("'a'").int_value, 'a');
    EXPECT_EQ(only("'\\n'").int_value, '\n');
    EXPECT_EQ(only("'\\t'").int_value, '\t');
    EXPECT_EQ(only("'\\''").int_value, '\'');
    EXPECT_EQ(only("'\\x41'").int_value, 'A');
    EXPECT_EQ(only("'\\u00e9'").int_value, 0xE9);
    EXPECT_EQ(only("'\\U0001F600'").int_value, 0x1F600);
    EXPECT_EQ(only("'\xF0\x9F\x98\x80'").int_value, 0x1F600);  // a literal emoji
}

TEST(LexerChars, Errors) {
    EXPECT_EQ(lex_error("''").message, "Invalid character: ''");
    EXPECT_EQ(lex_error("'ab'").message, "Invalid character: 'ab'");
    auto dq = lex_error("print('\\\"');");
    EXPECT_EQ(dq.message, "Invalid escape sequence: '\\\"'");
    EXPECT_EQ(dq.pos, (rhai::Position{1, 9}));
}

TEST(LexerNames, IdentifiersAndUnderscore) {
    EXPECT_EQ(only("_a1").kind, Tok::Identifier);
    EXPECT_EQ(only("abc_DEF").text, "abc_DEF");
    EXPECT_EQ(only("_").kind, Tok::Underscore);
    EXPECT_EQ(lex_error("_1").message, "Variable name is not proper: '_1'");
    EXPECT_EQ(lex_error("__").message, "Variable name is not proper: '__'");
}

TEST(LexerNames, KeywordsAndReservedWords) {
    EXPECT_EQ(kinds("let const fn private import export as"),
              (std::vector<Tok>{Tok::Let, Tok::Const, Tok::Fn, Tok::Private, Tok::Import,
                                Tok::Export, Tok::As, Tok::Eof}));
    for (const char* word : {"var", "static", "goto", "match", "this", "print", "Fn", "null"}) {
        Token t = only(word);
        EXPECT_EQ(t.kind, Tok::Reserved) << word;
        EXPECT_EQ(t.text, word);
    }
    EXPECT_EQ(only("exit").kind, Tok::Identifier);  // not reserved in Rhai
}

TEST(LexerSymbols, OperatorsAndPunctuation) {
    EXPECT_EQ(kinds("+= -= *= /= %= **= <<= >>= &= |= ^="),
              (std::vector<Tok>{Tok::PlusAssign, Tok::MinusAssign, Tok::MultiplyAssign,
                                Tok::DivideAssign, Tok::ModuloAssign, Tok::PowerOfAssign,
                                Tok::LeftShiftAssign, Tok::RightShiftAssign, Tok::AndAssign,
                                Tok::OrAssign, Tok::XOrAssign, Tok::Eof}));
    EXPECT_EQ(kinds("a ?. b ?[ c ?? d :: e => #{ }"),
              (std::vector<Tok>{Tok::Identifier, Tok::Elvis, Tok::Identifier, Tok::QuestionBracket,
                                Tok::Identifier, Tok::DoubleQuestion, Tok::Identifier,
                                Tok::DoubleColon, Tok::Identifier, Tok::DoubleArrow, Tok::MapStart,
                                Tok::RBrace, Tok::Eof}));
}

TEST(LexerSymbols, NotInNeedsAWordBoundary) {
    EXPECT_EQ(kinds("a !in b"), (std::vector<Tok>{Tok::Identifier, Tok::NotIn, Tok::Identifier, Tok::Eof}));
    EXPECT_EQ(kinds("!inside"), (std::vector<Tok>{Tok::Bang, Tok::Identifier, Tok::Eof}));
}

TEST(LexerSymbols, ImproperSymbolsExplainThemselves) {
    EXPECT_EQ(lex_error("a === b").message,
              "'===' is not a valid operator. This is not JavaScript! Should it be '=='?");
    EXPECT_EQ(lex_error("a -> b").message, "'->' is not a valid symbol. This is not C or C++!");
    EXPECT_EQ(lex_error("x := 1").message,
              "':=' is not a valid assignment operator. This is not Go or Pascal! Should it be simply '='?");
    EXPECT_EQ(only("++").kind, Tok::Reserved);
}

TEST(LexerSymbols, UnexpectedCharacter) {
    auto err = lex_error("let x = 1 \xE2\x82\xAC 2;");  // a euro sign
    EXPECT_EQ(err.message, "Unexpected '\xE2\x82\xAC'");
    EXPECT_EQ(err.pos, (rhai::Position{1, 11}));
}

TEST(LexerPositions, LinesAndColumnsCountCharacters) {
    auto toks = tokenize("let x = 1;\n  print(\"\xC3\xA9\" + y);");
    EXPECT_EQ(toks[0].pos, (rhai::Position{1, 1}));
    EXPECT_EQ(toks[3].pos, (rhai::Position{1, 9}));
    EXPECT_EQ(toks[5].pos, (rhai::Position{2, 3}));  // print
    EXPECT_EQ(toks[8].pos, (rhai::Position{2, 13}));  // `+` after a 1-character string
    EXPECT_EQ(toks.back().kind, Tok::Eof);
    EXPECT_EQ(toks.back().pos, (rhai::Position{2, 18}));
}
