// Lexer: see lexer.hpp for the behaviours it reproduces.
#include "syntax/lexer.hpp"

#include <charconv>
#include <cstdlib>
#include <optional>

#include "syntax/keywords.hpp"

namespace rhai::syntax {
namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_valid_scalar(uint32_t c) { return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

int hex_value(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}

// The code point starting at byte `at`; invalid or truncated sequences read as one U+FFFD byte.
char32_t decode_utf8(std::string_view s, size_t at, size_t* len) {
    auto b = static_cast<unsigned char>(s[at]);
    *len = 1;
    if (b < 0x80) return b;
    int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (n < 0 || at + static_cast<size_t>(n) >= s.size()) return 0xFFFD;
    char32_t c = b & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
        auto cb = static_cast<unsigned char>(s[at + static_cast<size_t>(k)]);
        if ((cb & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (cb & 0x3F);
    }
    *len = static_cast<size_t>(n) + 1;
    return c;
}

bool is_ascii_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// After one of these tokens a `-` is a unary minus, so `-digits` is a negative literal.
bool allows_unary_after(Tok k) {
    switch (k) {
        case Tok::Semicolon: case Tok::Colon: case Tok::Comma: case Tok::DoubleQuestion:
        case Tok::ExclusiveRange: case Tok::InclusiveRange: case Tok::LBrace: case Tok::LParen:
        case Tok::LBracket: case Tok::Plus: case Tok::PlusAssign: case Tok::Minus:
        case Tok::MinusAssign: case Tok::Multiply: case Tok::MultiplyAssign: case Tok::Divide:
        case Tok::DivideAssign: case Tok::Modulo: case Tok::ModuloAssign: case Tok::PowerOf:
        case Tok::PowerOfAssign: case Tok::LeftShift: case Tok::LeftShiftAssign:
        case Tok::RightShift: case Tok::RightShiftAssign: case Tok::Equals: case Tok::EqualsTo:
        case Tok::NotEqualsTo: case Tok::Less: case Tok::Greater: case Tok::Bang:
        case Tok::LessEq: case Tok::GreaterEq: case Tok::Pipe: case Tok::Ampersand: case Tok::If:
        case Tok::While: case Tok::Until: case Tok::In: case Tok::NotIn: case Tok::And:
        case Tok::AndAssign: case Tok::Or: case Tok::OrAssign: case Tok::XOr:
        case Tok::XOrAssign: case Tok::Return: case Tok::Throw: case Tok::QuestionBracket:
        case Tok::LexError:
            return true;
        default:
            return false;
    }
}

// A lexical error, carried up to tokenize() which turns it into a Tok::LexError token.
struct LexFailure {
    std::string message;
    Position pos;
    ParseErrorKind kind = ParseErrorKind::BadInput;
};

class Lexer {
public:
    Lexer(std::string_view src, size_t max_string_size) : src_(src), max_string_(max_string_size) {}

    std::vector<Token> run() {
        skip_shebang();
        try {
            while (lex_one()) {}
        } catch (const LexFailure& f) {
            Token t;
            t.kind = Tok::LexError;
            t.pos = f.pos;
            t.text = f.message;
            t.err_kind = f.kind;
            out_.push_back(std::move(t));
        }
        Token eof;
        eof.kind = Tok::Eof;
        eof.pos = Position{line_, col_ + 1};
        eof.doc_comments = std::move(docs_);
        out_.push_back(std::move(eof));
        return std::move(out_);
    }

private:
    std::string_view src_;
    size_t max_string_;  // bytes in one string literal (Rhai's max_string_size); 0 = no limit
    size_t i_ = 0;
    uint32_t line_ = 1;
    uint32_t col_ = 0;  // column of the last consumed character
    std::vector<Token> out_;
    std::vector<std::string> docs_;
    // One entry per open `${...}`: how many `{` are open inside it (including its own).
    std::vector<int> interp_braces_;
    bool interp_opening_ = false;  // the next `{` opens an interpolation

    // ---- character access (UTF-8 decoded; invalid bytes read as U+FFFD) ----
    char32_t decode(size_t at, size_t* len) const { return decode_utf8(src_, at, len); }
    bool at_end() const { return i_ >= src_.size(); }
    std::optional<char32_t> peek(size_t ahead = 0) const {
        size_t at = i_;
        for (size_t k = 0;; ++k) {
            if (at >= src_.size()) return std::nullopt;
            size_t len;
            char32_t c = decode(at, &len);
            if (k == ahead) return c;
            at += len;
        }
    }
    bool peek_is(char32_t c, size_t ahead = 0) const {
        auto p = peek(ahead);
        return p && *p == c;
    }
    char32_t get() {
        size_t len;
        char32_t c = decode(i_, &len);
        i_ += len;
        if (c == '\n') {
            ++line_;
            col_ = 0;
        } else {
            ++col_;
        }
        return c;
    }
    Position here() const { return {line_, col_}; }

    [[noreturn]] void fail(std::string msg, Position pos) { throw LexFailure{std::move(msg), pos}; }
    // Rhai's tokenizer checks the text of every string or char literal as it grows (each
    // piece of an interpolated string on its own) and reports it at the literal's start.
    void check_string_size(const std::string& text, Position start) const {
        if (max_string_ != 0 && text.size() > max_string_)
            throw LexFailure{"Length of string exceeds the maximum limit (" + std::to_string(max_string_) + ")",
                             start, ParseErrorKind::LiteralTooLarge};
    }

    void skip_shebang() {
        if (src_.substr(0, 2) == "#!") {
            while (!at_end() && src_[i_] != '\n') get();
        }
    }

    Token& push(Tok kind, Position pos, std::string text = {}) {
        Token t;
        t.kind = kind;
        t.pos = pos;
        t.text = std::move(text);
        if (!docs_.empty()) t.doc_comments = std::move(docs_);
        docs_.clear();
        out_.push_back(std::move(t));
        return out_.back();
    }

    bool unary_allowed() const { return out_.empty() || allows_unary_after(out_.back().kind); }

    // Lex one token (or skip whitespace/comments); false at end of input.
    bool lex_one();
    void lex_number(char32_t first, Position start, std::optional<Position> negated);
    void lex_identifier(char32_t first, Position start);
    void lex_backtick_text(Position start, Position err_pos);
    std::string scan_string(char32_t term, Position start, bool verbatim, bool continuation,
                            bool interpolation, bool* interpolated);
    std::string scan_raw_string(Position start);
    void line_comment();
    void block_comment();
    bool lex_symbol(char32_t c, Position start);
};

bool Lexer::lex_one() {
    std::optional<Position> negated;
    while (!at_end()) {
        char32_t c = get();
        Position start = here();
        if (c >= '0' && c <= '9') {
            lex_number(c, negated.value_or(start), negated);
            return true;
        }
        auto next = peek();
        if (c == '-' && next && *next >= '0' && *next <= '9' && unary_allowed()) {
            negated = start;
            continue;
        }
        if (c == '"') {
            bool dummy = false;
            std::string s = scan_string('"', start, false, true, false, &dummy);
            push(Tok::String, start, std::move(s));
            return true;
        }
        if (c == '`') {
            // A newline right after the opening back-tick is not part of the text.
            if (peek_is('\r') && peek_is('\n', 1)) {
                get();
                get();
            } else if (peek_is('\n')) {
                get();
            }
            lex_backtick_text(start, start);
            return true;
        }
        if (c == '#' && (peek_is('"') || peek_is('#'))) {
            push(Tok::String, start, scan_raw_string(start));
            return true;
        }
        if (c == '\'') {
            if (peek_is('\'')) fail("Invalid character: ''", start);
            bool dummy = false;
            std::string s = scan_string('\'', start, false, false, false, &dummy);
            size_t len = 0;
            char32_t ch = s.empty() ? 0 : decode_utf8(s, 0, &len);
            if (s.empty() || len != s.size()) fail("Invalid character: '" + s + "'", start);
            Token& t = push(Tok::Char, start, s);
            t.int_value = static_cast<int64_t>(ch);
            return true;
        }
        if (is_id_start(c) || c == '_') {
            lex_identifier(c, start);
            return true;
        }
        if (c == '/' && peek_is('/')) {
            line_comment();
            continue;
        }
        if (c == '/' && peek_is('*')) {
            block_comment();
            continue;
        }
        if (is_ascii_space(c)) continue;
        if (lex_symbol(c, start)) return true;
        std::string s;
        append_utf8(s, c);
        fail("Unexpected '" + s + "'", start);
    }
    return false;
}

// number ::= digits with `_` separators, optional `.digits`, optional exponent; or
//            0x / 0o / 0b followed by digits of that radix (wrapping into i64).
void Lexer::lex_number(char32_t first, Position start, std::optional<Position> negated) {
    std::string r(1, static_cast<char>(first));
    int radix = 10;
    bool has_period = false, has_e = false;
    auto valid = [&](char32_t ch) {
        if (radix == 16) return hex_value(ch) >= 0;
        if (radix == 8) return ch >= '0' && ch <= '7';
        if (radix == 2) return ch == '0' || ch == '1';
        return ch >= '0' && ch <= '9';
    };
    while (auto n = peek()) {
        char32_t ch = *n;
        if (ch == '_') {
            get();
        } else if (valid(ch)) {
            r += static_cast<char>(ch);
            get();
        } else if (ch == '.' && !has_period && radix == 10) {
            auto after = peek(1);
            if (after && *after >= '0' && *after <= '9') {
                get();
                r += '.';
                has_period = true;
            } else if (after && *after != '_' && *after != '.' && !is_id_start(*after)) {
                // `1.` followed by a symbol is the float 1.0 (`[1., 2.]`), but `1.abs()` and
                // `1..5` keep the integer.
                get();
                r += ".0";
                has_period = true;
            } else {
                break;
            }
        } else if ((ch == 'e' || ch == 'E') && !has_e && radix == 10) {
            auto after = peek(1);
            if (after && *after >= '0' && *after <= '9') {
                get();
                r += 'e';
            } else if (after && (*after == '+' || *after == '-')) {
                get();
                r += 'e';
                r += static_cast<char>(get());
            } else {
                break;
            }
            has_e = has_period = true;
        } else if ((ch == 'x' || ch == 'X' || ch == 'o' || ch == 'O' || ch == 'b' || ch == 'B') &&
                   first == '0' && r.size() <= 1) {
            r += static_cast<char>(ch);
            get();
            radix = (ch == 'x' || ch == 'X') ? 16 : (ch == 'o' || ch == 'O') ? 8 : 2;
        } else {
            break;
        }
    }
    if (negated) r.insert(r.begin(), '-');

    if (radix != 10) {
        // Rhai parses the digits after the two-character prefix as unsigned and wraps, so
        // `0xffff_ffff_ffff_ffff` is -1 and a leading minus makes the literal malformed.
        std::string digits = r.substr(2);
        uint64_t v = 0;
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, radix);
        if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size())
            fail("Invalid number: '" + digits + "'", start);
        Token& t = push(Tok::Int, start, r);
        t.int_value = static_cast<int64_t>(v);
        return;
    }
    int64_t iv = 0;
    auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), iv);
    if (ec == std::errc() && p == r.data() + r.size()) {
        Token& t = push(Tok::Int, start, r);
        t.int_value = iv;
        return;
    }
    // Not an integer (has a fraction/exponent, or is too big for i64): a float.
    char* end = nullptr;
    double dv = std::strtod(r.c_str(), &end);
    if (end != r.c_str() + r.size()) fail("Invalid number: '" + r + "'", start);
    Token& t = push(Tok::Float, start, r);
    t.float_value = dv;
}

void Lexer::lex_identifier(char32_t first, Position start) {
    std::string id(1, static_cast<char>(first));
    while (auto n = peek()) {
        if (!is_id_continue(*n)) break;
        id += static_cast<char>(get());
    }
    if (auto kw = lookup_keyword_or_symbol(id)) {
        push(*kw, start, id);
    } else if (reserved_info(id).reserved) {
        push(Tok::Reserved, start, id);
    } else if (!is_valid_identifier(id)) {
        fail("Variable name is not proper: '" + id + "'", start);
    } else {
        push(Tok::Identifier, start, id);
    }
}

// Text of a back-tick string from the current point up to the closing back-tick (a String
// token) or up to `${` (an InterpString token; the `{` that follows opens an interpolation).
void Lexer::lex_backtick_text(Position start, Position err_pos) {
    bool interpolated = false;
    std::string s = scan_string('`', err_pos, true, false, true, &interpolated);
    push(interpolated ? Tok::InterpString : Tok::String, start, std::move(s));
    if (interpolated) interp_opening_ = true;
}

// Body of a quoted string after its opening quote. `verbatim` (back-tick): no escapes,
// newlines kept. `continuation` ("..."): backslash-newline joins lines, skipping the next
// line's indentation up to the column of the opening quote. A doubled terminator stands for
// itself (`"say ""hi"""`).
std::string Lexer::scan_string(char32_t term, Position start, bool verbatim, bool continuation,
                               bool interpolation, bool* interpolated) {
    std::string result;
    bool escape = false;
    uint32_t skip_space_until = 0;
    for (;;) {
        if (at_end()) fail("Open string is not terminated", start);
        char32_t c = get();
        if (interpolation && !escape) {
            if (c == '$' && peek_is('{')) {
                *interpolated = true;
                check_string_size(result, start);
                return result;
            }
            if (c == '\\' && peek_is('$') && peek_is('{', 1)) {
                get();
                c = '$';  // `\${` is a literal `${`
            }
        }
        check_string_size(result, start);  // the text so far, as each character comes in
        if (c == term && !escape) {
            if (peek_is(term)) {
                get();
            } else {
                return result;
            }
        } else if (c == '\r' && peek_is('\n')) {
            continue;
        } else if (escape) {
            escape = false;
            switch (c) {
                case 'r': result += '\r'; continue;
                case 'n': result += '\n'; continue;
                case 't': result += '\t'; continue;
                case '\\': result += '\\'; continue;
                case 'x': case 'u': case 'U': {
                    int len = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    std::string seq = "\\";
                    seq += static_cast<char>(c);
                    uint32_t v = 0;
                    for (int k = 0; k < len; ++k) {
                        if (at_end()) fail("Invalid escape sequence: '" + seq + "'", here());
                        char32_t h = get();
                        append_utf8(seq, h);
                        int d = hex_value(h);
                        if (d < 0) fail("Invalid escape sequence: '" + seq + "'", here());
                        v = v * 16 + static_cast<uint32_t>(d);
                    }
                    if (!is_valid_scalar(v)) fail("Invalid escape sequence: '" + seq + "'", here());
                    append_utf8(result, v);
                    continue;
                }
                case '\n':
                    if (continuation) {
                        skip_space_until = start.column + 1;
                        continue;
                    }
                    break;
                default:
                    if (c == term) {
                        append_utf8(result, c);
                        continue;
                    }
                    break;
            }
            std::string seq = "\\";
            append_utf8(seq, c);
            fail("Invalid escape sequence: '" + seq + "'", here());
        } else if (c == '\\' && !verbatim) {
            escape = true;
            continue;
        } else if (c == '\n' && !verbatim) {
            fail("Open string is not terminated", start);
        } else if (skip_space_until != 0 && is_ascii_space(c) && c != '\n' &&
                   col_ < skip_space_until) {
            continue;
        }
        skip_space_until = 0;
        append_utf8(result, c);
    }
}

// #"..."#, ##"..."##, ...: no escapes; ends at a quote followed by as many `#` as opened it.
std::string Lexer::scan_raw_string(Position start) {
    size_t hashes = 1;
    while (peek_is('#')) {
        get();
        ++hashes;
    }
    if (at_end()) fail("Open string is not terminated", start);
    char32_t q = get();
    if (q != '"') {
        std::string s;
        append_utf8(s, q);
        fail("Unexpected '" + s + "'", start);
    }
    std::string result;
    for (;;) {
        if (at_end()) fail("Open string is not terminated", start);
        char32_t c = get();
        if (c == '"') {
            size_t seen = 0;
            while (seen < hashes && peek_is('#')) {
                get();
                ++seen;
            }
            if (seen == hashes) return result;
            result += '"';
            result.append(seen, '#');
        } else {
            append_utf8(result, c);
        }
        check_string_size(result, start);
    }
}

// `// ...` to the end of the line; `/// ...` (exactly three slashes) is a doc comment.
void Lexer::line_comment() {
    get();  // second '/'
    bool doc = peek_is('/') && !peek_is('/', 1);
    std::string text = "//";
    while (!at_end() && !peek_is('\n')) {
        char32_t c = get();
        if (c == '\r' && peek_is('\n')) break;
        append_utf8(text, c);
    }
    if (doc) docs_.push_back(std::move(text));
}

// `/* ... */`, nested; an unterminated comment silently ends the input (as in Rhai).
// `/** ... */` (not `/***`) is a doc comment.
void Lexer::block_comment() {
    get();  // '*'
    bool doc = peek_is('*') && !peek_is('*', 1) && !peek_is('/', 1);
    std::string text = "/*";
    int level = 1;
    while (level > 0 && !at_end()) {
        char32_t c = get();
        append_utf8(text, c);
        if (c == '/' && peek_is('*')) {
            text += static_cast<char>(get());
            ++level;
        } else if (c == '*' && peek_is('/')) {
            text += static_cast<char>(get());
            --level;
        }
    }
    if (doc && level == 0) docs_.push_back(std::move(text));
}

// Operators, punctuation and reserved symbols. Returns false for an unknown character.
bool Lexer::lex_symbol(char32_t c, Position start) {
    auto take = [&](char32_t want) {
        if (peek_is(want)) {
            get();
            return true;
        }
        return false;
    };
    auto improper = [&](const std::string& msg) { fail(msg, start); };
    auto reserved = [&](std::string s) { push(Tok::Reserved, start, std::move(s)); };
    switch (c) {
        case '{':
            push(Tok::LBrace, start);
            if (interp_opening_) {
                interp_opening_ = false;
                interp_braces_.push_back(1);
            } else if (!interp_braces_.empty()) {
                ++interp_braces_.back();
            }
            return true;
        case '}':
            push(Tok::RBrace, start);
            if (!interp_braces_.empty() && --interp_braces_.back() == 0) {
                interp_braces_.pop_back();
                // Back inside the back-tick string that opened this interpolation (whose
                // errors Rhai reports at this `}`).
                lex_backtick_text(Position{line_, col_ + 1}, start);
            }
            return true;
        case '(':
            if (take(')')) push(Tok::Unit, start);
            else if (take('*')) improper("'(* .. *)' is not a valid comment format. This is not Pascal! Should it be '/* .. */'?");
            else push(Tok::LParen, start);
            return true;
        case ')': push(Tok::RParen, start); return true;
        case '[': push(Tok::LBracket, start); return true;
        case ']': push(Tok::RBracket, start); return true;
        case '#':
            if (take('{')) {
                push(Tok::MapStart, start);
                if (!interp_braces_.empty()) ++interp_braces_.back();
            } else if (peek_is('!')) {
                get();
                reserved("#!");
            } else if (take(' ')) {
                if (take('{')) improper("'#' is not a valid symbol. Should it be '#{'?");
                reserved("#");
            } else {
                reserved("#");
            }
            return true;
        case '+':
            if (take('=')) push(Tok::PlusAssign, start);
            else if (take('+')) reserved("++");
            else push(Tok::Plus, start);
            return true;
        case '-':
            if (take('=')) push(Tok::MinusAssign, start);
            else if (take('>')) improper("'->' is not a valid symbol. This is not C or C++!");
            else if (take('-')) reserved("--");
            else push(Tok::Minus, start);
            return true;
        case '*':
            if (take(')')) improper("'(* .. *)' is not a valid comment format. This is not Pascal! Should it be '/* .. */'?");
            else if (take('=')) push(Tok::MultiplyAssign, start);
            else if (take('*')) push(take('=') ? Tok::PowerOfAssign : Tok::PowerOf, start);
            else push(Tok::Multiply, start);
            return true;
        case '/':
            push(take('=') ? Tok::DivideAssign : Tok::Divide, start);
            return true;
        case '%':
            push(take('=') ? Tok::ModuloAssign : Tok::Modulo, start);
            return true;
        case ';': push(Tok::Semicolon, start); return true;
        case ',': push(Tok::Comma, start); return true;
        case '.':
            if (take('.')) {
                if (take('.')) reserved("...");
                else push(take('=') ? Tok::InclusiveRange : Tok::ExclusiveRange, start);
            } else {
                push(Tok::Period, start);
            }
            return true;
        case '=':
            if (take('=')) {
                if (take('=')) improper("'===' is not a valid operator. This is not JavaScript! Should it be '=='?");
                push(Tok::EqualsTo, start);
            } else if (take('>')) {
                push(Tok::DoubleArrow, start);
            } else {
                push(Tok::Equals, start);
            }
            return true;
        case ':':
            if (take(':')) {
                if (take('<')) improper("'::<>' is not a valid symbol. This is not Rust! Should it be '::'?");
                push(Tok::DoubleColon, start);
            } else if (take('=')) {
                improper("':=' is not a valid assignment operator. This is not Go or Pascal! Should it be simply '='?");
            } else if (take(';')) {
                improper("':;' is not a valid symbol. Should it be '::'?");
            } else {
                push(Tok::Colon, start);
            }
            return true;
        case '<':
            if (take('=')) push(Tok::LessEq, start);
            else if (take('-')) improper("'<-' is not a valid symbol. This is not Go! Should it be '<='?");
            else if (take('<')) push(take('=') ? Tok::LeftShiftAssign : Tok::LeftShift, start);
            else if (take('|')) reserved("<|");
            else push(Tok::Less, start);
            return true;
        case '>':
            if (take('=')) push(Tok::GreaterEq, start);
            else if (take('>')) push(take('=') ? Tok::RightShiftAssign : Tok::RightShift, start);
            else push(Tok::Greater, start);
            return true;
        case '!':
            if (peek_is('i') && peek_is('n', 1) && !(peek(2) && is_id_continue(*peek(2)))) {
                get();
                get();
                push(Tok::NotIn, start);
            } else if (take('=')) {
                if (take('=')) improper("'!==' is not a valid operator. This is not JavaScript! Should it be '!='?");
                push(Tok::NotEqualsTo, start);
            } else if (take('.')) {
                reserved("!.");
            } else {
                push(Tok::Bang, start);
            }
            return true;
        case '|':
            if (take('|')) push(Tok::Or, start);
            else if (take('=')) push(Tok::OrAssign, start);
            else if (take('>')) reserved("|>");
            else push(Tok::Pipe, start);
            return true;
        case '&':
            if (take('&')) push(Tok::And, start);
            else if (take('=')) push(Tok::AndAssign, start);
            else push(Tok::Ampersand, start);
            return true;
        case '^':
            push(take('=') ? Tok::XOrAssign : Tok::XOr, start);
            return true;
        case '~': reserved("~"); return true;
        case '@': reserved("@"); return true;
        case '$': reserved("$"); return true;
        case '?':
            if (take('.')) push(Tok::Elvis, start);
            else if (take('?')) push(Tok::DoubleQuestion, start);
            else if (take('[')) push(Tok::QuestionBracket, start);
            else reserved("?");
            return true;
        default:
            return false;
    }
}

}  // namespace

std::vector<Token> tokenize(std::string_view source, size_t max_string_size) {
    return Lexer(source, max_string_size).run();
}

}  // namespace rhai::syntax
