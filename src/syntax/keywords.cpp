// Keyword tables (facts from Rhai's tokenizer: which words are keywords, which are reserved,
// which reserved words can still be called as functions).
#include "syntax/keywords.hpp"

#include <array>
#include <utility>

namespace rhai::syntax {
namespace {

struct Fixed {
    std::string_view text;
    Tok kind;
};

constexpr std::array kFixed = {
    Fixed{"{", Tok::LBrace}, Fixed{"}", Tok::RBrace}, Fixed{"(", Tok::LParen},
    Fixed{")", Tok::RParen}, Fixed{"[", Tok::LBracket}, Fixed{"]", Tok::RBracket},
    Fixed{"()", Tok::Unit}, Fixed{";", Tok::Semicolon}, Fixed{":", Tok::Colon},
    Fixed{"::", Tok::DoubleColon}, Fixed{"=>", Tok::DoubleArrow}, Fixed{"_", Tok::Underscore},
    Fixed{",", Tok::Comma}, Fixed{".", Tok::Period}, Fixed{"?.", Tok::Elvis},
    Fixed{"??", Tok::DoubleQuestion}, Fixed{"?[", Tok::QuestionBracket},
    Fixed{"..", Tok::ExclusiveRange}, Fixed{"..=", Tok::InclusiveRange},
    Fixed{"#{", Tok::MapStart}, Fixed{"=", Tok::Equals}, Fixed{"+", Tok::Plus},
    Fixed{"-", Tok::Minus}, Fixed{"*", Tok::Multiply}, Fixed{"/", Tok::Divide},
    Fixed{"%", Tok::Modulo}, Fixed{"**", Tok::PowerOf}, Fixed{"<<", Tok::LeftShift},
    Fixed{">>", Tok::RightShift}, Fixed{"<", Tok::Less}, Fixed{">", Tok::Greater},
    Fixed{"<=", Tok::LessEq}, Fixed{">=", Tok::GreaterEq}, Fixed{"==", Tok::EqualsTo},
    Fixed{"!=", Tok::NotEqualsTo}, Fixed{"!", Tok::Bang}, Fixed{"|", Tok::Pipe},
    Fixed{"||", Tok::Or}, Fixed{"^", Tok::XOr}, Fixed{"&", Tok::Ampersand},
    Fixed{"&&", Tok::And}, Fixed{"+=", Tok::PlusAssign}, Fixed{"-=", Tok::MinusAssign},
    Fixed{"*=", Tok::MultiplyAssign}, Fixed{"/=", Tok::DivideAssign},
    Fixed{"%=", Tok::ModuloAssign}, Fixed{"**=", Tok::PowerOfAssign},
    Fixed{"<<=", Tok::LeftShiftAssign}, Fixed{">>=", Tok::RightShiftAssign},
    Fixed{"&=", Tok::AndAssign}, Fixed{"|=", Tok::OrAssign}, Fixed{"^=", Tok::XOrAssign},
    Fixed{"true", Tok::True}, Fixed{"false", Tok::False}, Fixed{"let", Tok::Let},
    Fixed{"const", Tok::Const}, Fixed{"if", Tok::If}, Fixed{"else", Tok::Else},
    Fixed{"switch", Tok::Switch}, Fixed{"do", Tok::Do}, Fixed{"while", Tok::While},
    Fixed{"until", Tok::Until}, Fixed{"loop", Tok::Loop}, Fixed{"for", Tok::For},
    Fixed{"in", Tok::In}, Fixed{"!in", Tok::NotIn}, Fixed{"fn", Tok::Fn},
    Fixed{"continue", Tok::Continue}, Fixed{"break", Tok::Break}, Fixed{"return", Tok::Return},
    Fixed{"throw", Tok::Throw}, Fixed{"try", Tok::Try}, Fixed{"catch", Tok::Catch},
    Fixed{"private", Tok::Private}, Fixed{"import", Tok::Import}, Fixed{"export", Tok::Export},
    Fixed{"as", Tok::As},
};

struct Reserved {
    std::string_view text;
    bool callable;
    bool method_callable;
};

// Reserved words of Rhai 1.x with default features. Function-like keywords (`print`, `Fn`,
// `call`, ...) are reserved as names but may be called.
constexpr std::array kReserved = {
    Reserved{"?", false, false},       Reserved{"use", false, false},
    Reserved{"case", false, false},    Reserved{"async", false, false},
    Reserved{"public", false, false},  Reserved{"package", false, false},
    Reserved{"super", false, false},   Reserved{"#", false, false},
    Reserved{"var", false, false},     Reserved{"protected", false, false},
    Reserved{"spawn", false, false},   Reserved{"shared", false, false},
    Reserved{"is", false, false},      Reserved{"===", false, false},
    Reserved{"sync", false, false},    Reserved{"curry", true, true},
    Reserved{"static", false, false},  Reserved{"default", false, false},
    Reserved{"!==", false, false},     Reserved{"is_shared", true, true},
    Reserved{"print", true, false},    Reserved{"#!", false, false},
    Reserved{"this", false, false},    Reserved{"is_def_var", true, false},
    Reserved{"thread", false, false},  Reserved{"is_def_fn", true, false},
    Reserved{"yield", false, false},   Reserved{"new", false, false},
    Reserved{"call", true, true},      Reserved{"match", false, false},
    Reserved{"~", false, false},       Reserved{"!.", false, false},
    Reserved{"eval", true, false},     Reserved{"await", false, false},
    Reserved{":=", false, false},      Reserved{"...", false, false},
    Reserved{"null", false, false},    Reserved{"debug", true, false},
    Reserved{"@", false, false},       Reserved{"type_of", true, true},
    Reserved{"with", false, false},    Reserved{"<-", false, false},
    Reserved{"void", false, false},    Reserved{"--", false, false},
    Reserved{"nil", false, false},     Reserved{"<|", false, false},
    Reserved{"$", false, false},       Reserved{"->", false, false},
    Reserved{"|>", false, false},      Reserved{"module", false, false},
    Reserved{"Fn", true, false},       Reserved{"::<", false, false},
    Reserved{"++", false, false},      Reserved{":;", false, false},
    Reserved{"*)", false, false},      Reserved{"(*", false, false},
    Reserved{"go", false, false},      Reserved{"goto", false, false},
};

}  // namespace

std::optional<Tok> lookup_keyword_or_symbol(std::string_view text) {
    for (const auto& f : kFixed)
        if (f.text == text) return f.kind;
    return std::nullopt;
}

std::string_view fixed_token_syntax(Tok kind) {
    for (const auto& f : kFixed)
        if (f.kind == kind) return f.text;
    switch (kind) {
        case Tok::Eof: return "{EOF}";
        case Tok::InterpString: return "string";
        default: return "";
    }
}

std::string token_syntax(const Token& t) {
    switch (t.kind) {
        case Tok::Int: return std::to_string(t.int_value);  // as Rhai displays the token
        case Tok::Float: case Tok::Identifier: case Tok::Reserved: case Tok::LexError:
        case Tok::Char:
            return t.text;
        case Tok::String: return "\"" + t.text + "\"";
        default: return std::string(fixed_token_syntax(t.kind));
    }
}

ReservedInfo reserved_info(std::string_view text) {
    for (const auto& r : kReserved)
        if (r.text == text) return {true, r.callable, r.callable && r.method_callable};
    return {};
}

bool is_valid_identifier(std::string_view name) {
    bool seen_letter = false;
    for (char c : name) {
        if (c == '_') continue;
        if (is_id_start(static_cast<unsigned char>(c))) {
            seen_letter = true;
        } else if (!seen_letter || !is_id_continue(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return seen_letter;
}

bool is_valid_function_name(std::string_view name) {
    return is_valid_identifier(name) && !reserved_info(name).reserved &&
           !lookup_keyword_or_symbol(name).has_value();
}

}  // namespace rhai::syntax
