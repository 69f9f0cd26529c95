// Tokens produced by the lexer (src/syntax/lexer.hpp) and consumed by the parser.
//
// The set mirrors Rhai's tokenizer: every standard symbol and keyword has its own kind;
// reserved words/symbols (`var`, `++`, `this`, ...) arrive as `Reserved` with their text so the
// parser can report Rhai's "'x' is a reserved keyword" at the right place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/error.hpp"
#include "rhai/position.hpp"

namespace rhai::syntax {

enum class Tok : uint8_t {
    // ---- literals and names ----
    Int,           // int_value; text: the literal as written
    Float,         // float_value; text: the literal as written
    Char,          // int_value: code point; text: the character (UTF-8)
    String,        // text: a complete string literal
    InterpString,  // text: the piece of a back-tick string before `${` (the `{` follows)
    Identifier,    // text
    Reserved,      // text: a reserved keyword or symbol (`var`, `this`, `print`, `++`, ...)
    // ---- punctuation ----
    LBrace, RBrace, LParen, RParen, LBracket, RBracket,
    Unit,          // `()` written without anything inside
    Semicolon, Colon, DoubleColon, DoubleArrow, Underscore, Comma, Period,
    Elvis,         // `?.`
    DoubleQuestion,// `??`
    QuestionBracket, // `?[`
    ExclusiveRange, InclusiveRange,
    MapStart,      // `#{`
    Equals,        // `=`
    // ---- operators ----
    Plus, Minus, Multiply, Divide, Modulo, PowerOf, LeftShift, RightShift,
    Less, Greater, LessEq, GreaterEq, EqualsTo, NotEqualsTo,
    Bang, Pipe, Or, XOr, Ampersand, And,
    PlusAssign, MinusAssign, MultiplyAssign, DivideAssign, ModuloAssign, PowerOfAssign,
    LeftShiftAssign, RightShiftAssign, AndAssign, OrAssign, XOrAssign,
    // ---- keywords ----
    True, False, Let, Const, If, Else, Switch, Do, While, Until, Loop, For, In, NotIn,
    Fn, Continue, Break, Return, Throw, Try, Catch, Private, Import, Export, As,
    // ---- special ----
    LexError,      // err_kind + text (the message); the parser raises it when it reaches it
    Eof,
};

struct Token {
    Tok kind = Tok::Eof;
    Position pos;
    std::string text;
    int64_t int_value = 0;
    double float_value = 0;
    ParseErrorKind err_kind = ParseErrorKind::BadInput;  // LexError only
    // Doc comments (`/// ...`, `/** ... */`) seen right before this token, in order.
    // The parser attaches them to a following `fn` definition and ignores them elsewhere.
    std::vector<std::string> doc_comments;
};

// The source text of a fixed token (`+=`, `while`, ...); for tokens with a payload (names,
// literals) the stored text. Used in error messages such as "Unexpected '+='".
std::string token_syntax(const Token& t);
std::string_view fixed_token_syntax(Tok kind);

}  // namespace rhai::syntax
