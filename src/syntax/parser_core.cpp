// Parser plumbing: token access, errors, depth limits and the public parse() entry point.
#include <algorithm>

#include "runtime/utf8.hpp"
#include "syntax/keywords.hpp"
#include "syntax/lexer.hpp"
#include "syntax/parser_impl.hpp"

namespace rhai::syntax {
namespace detail {

NodePtr make_node(NodeKind kind, Position pos) { return std::make_unique<Node>(kind, pos); }

Parser::DepthGuard::DepthGuard(Parser& p, Position pos) : p_(p) {
    ++p_.total_depth_;
    if (++p_.ctx_.depth > p_.ctx_.max_depth || p_.total_depth_ > kHardDepthLimit) {
        p_.error(ParseErrorKind::ExprTooDeep, "Expression exceeds maximum complexity", pos);
    }
}

Parser::Parser(std::vector<Token> tokens, const ParseOptions& opts)
    : toks_(std::move(tokens)), opts_(opts) {
    ctx_.max_depth = limit(opts_.max_expr_depth);
}

uint32_t Parser::limit(uint32_t configured) const {
    return configured == 0 ? kHardDepthLimit : std::min(configured, kHardDepthLimit);
}

// Reaching a lexical error token raises it: the first error in the text wins.
const Token& Parser::peek(size_t ahead) {
    size_t i = std::min(p_ + ahead, toks_.size() - 1);
    for (size_t k = p_; k <= i; ++k) {
        const Token& t = toks_[k];
        if (t.kind == Tok::LexError) error(t.err_kind, t.text, t.pos);
        if (t.kind == Tok::Eof) return t;
    }
    return toks_[i];
}

const Token& Parser::next() {
    const Token& t = peek();
    if (t.kind != Tok::Eof) ++p_;
    return t;
}

bool Parser::eat(Tok k) {
    if (peek().kind != k) return false;
    next();
    return true;
}

Position Parser::expect(Tok k, const std::string& why) {
    const Token& t = peek();
    if (t.kind != k) {
        error(ParseErrorKind::MissingToken,
              "Expecting '" + std::string(fixed_token_syntax(k)) + "' " + why, t.pos);
    }
    return next().pos;
}

void Parser::error(ParseErrorKind kind, std::string msg, Position pos) {
    throw ParseError(kind, std::move(msg), pos);
}

void Parser::unexpected(const Token& t) {
    if (t.kind == Tok::Eof) error(ParseErrorKind::UnexpectedEOF, "Script is incomplete", t.pos);
    if (t.kind == Tok::Reserved) {
        bool word = is_valid_identifier(t.text);
        error(ParseErrorKind::Reserved,
              "'" + t.text + "' is a reserved " + (word ? "keyword" : "symbol"), t.pos);
    }
    error(ParseErrorKind::BadInput, "Unexpected '" + token_syntax(t) + "'", t.pos);
}

int Parser::custom_precedence(const Token& t) const {
    if (opts_.custom_operators.empty()) return 0;
    if (t.kind != Tok::Identifier && t.kind != Tok::Reserved) return 0;
    auto it = opts_.custom_operators.find(t.text);
    return it == opts_.custom_operators.end() ? 0 : it->second;
}

// script ::= { statement [';'] } EOF      (functions are hoisted into Script::functions)
Script Parser::parse_script() {
    parse_statement_list(script_.statements, false);
    return std::move(script_);
}

}  // namespace detail

namespace {

// Host configuration applied to the token stream: disabled keywords/operators turn into
// reserved symbols, custom operators into named operator tokens.
void apply_symbol_options(std::vector<Token>& toks, const ParseOptions& opts) {
    if (opts.disabled_symbols.empty() && opts.custom_operators.empty()) return;
    for (Token& t : toks) {
        std::string text;
        switch (t.kind) {
            case Tok::Int: case Tok::Float: case Tok::Char: case Tok::String:
            case Tok::InterpString: case Tok::LexError: case Tok::Eof:
                continue;
            case Tok::Identifier: case Tok::Reserved:
                text = t.text;
                break;
            default:
                text = std::string(fixed_token_syntax(t.kind));
                break;
        }
        bool custom = opts.custom_operators.count(text) != 0;
        bool disabled = opts.disabled_symbols.count(text) != 0;
        if (!custom && disabled && t.kind == Tok::Reserved) {
            // e.g. `print` switched off: using it at all is an error.
            t.kind = Tok::LexError;
            t.text = std::string("reserved ") + (is_valid_identifier(text) ? "keyword" : "symbol") +
                     " '" + text + "' is disabled";
        } else if (custom || (t.kind != Tok::Identifier && disabled)) {
            t.kind = Tok::Reserved;
            t.text = text;
        }
    }
}

// Line and column (in characters) of byte `at`, for errors found before lexing.
Position position_of_byte(std::string_view source, size_t at) {
    Position pos{1, 1};
    for (size_t i = 0; i < at; ++i) {
        if (source[i] == '\n') pos.line++, pos.column = 1;
        else if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) pos.column++;
    }
    return pos;
}

// Source must be UTF-8 text (Rhai's is a Rust &str, so it cannot be anything else) without
// NUL bytes, which hosts passing C strings would silently cut off: both are parse errors,
// wherever they are (string literals and comments included).
void check_source_text(std::string_view source) {
    if (size_t bad = first_invalid_utf8(source); bad != std::string_view::npos)
        throw ParseError(ParseErrorKind::BadInput, "Invalid UTF-8 in script source",
                         position_of_byte(source, bad));
    if (size_t nul = source.find('\0'); nul != std::string_view::npos)
        throw ParseError(ParseErrorKind::BadInput, "NUL character in script source",
                         position_of_byte(source, nul));
}

}  // namespace

Script parse(std::string_view source, const ParseOptions& opts, std::string source_name) {
    check_source_text(source);
    std::vector<Token> toks = tokenize(source, opts.max_string_size);
    apply_symbol_options(toks, opts);
    detail::Parser parser(std::move(toks), opts);
    Script script = parser.parse_script();
    script.source = std::move(source_name);
    return script;
}

}  // namespace rhai::syntax
