// Session (session.hpp).
#include "session.hpp"

#include <algorithm>
#include <iostream>

#include "compiler/compiler.hpp"
#include "rhai/diagnostic.hpp"
#include "syntax/lexer.hpp"
#include "syntax/parser.hpp"

namespace rhai_repl {

using rhai::syntax::Tok;
using rhai::syntax::Token;

namespace {

// Byte offset of a (line, column) position in text; columns count UTF-8 characters.
size_t offset_of(std::string_view text, rhai::Position pos) {
    size_t i = 0;
    for (uint32_t line = 1; line < pos.line && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    for (uint32_t col = 1; col < pos.column && i < text.size() && text[i] != '\n'; ++col) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

bool opens(Tok k) { return k == Tok::LBrace || k == Tok::MapStart; }

}  // namespace

Session::Session(bool color) : color_(color) {
    engine_.on_print([](std::string_view text) { std::cout << text << '\n' << std::flush; });
}

bool Session::is_incomplete(std::string_view text) const {
    try {
        rhai::syntax::parse(text);
        return false;
    } catch (const rhai::ParseError& e) {
        if (e.kind() == rhai::ParseErrorKind::UnexpectedEOF) return true;
        std::vector<Token> tokens = rhai::syntax::tokenize(text);
        auto lex_error = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Tok::LexError; });
        if (lex_error == tokens.end()) return !tokens.empty() && e.position() == tokens.back().pos;
        // A lexical error ends the tokens: an open back-tick string may continue on the next
        // line, so may a "..." string whose line ends with a backslash.
        if (e.message().rfind("Open string", 0) != 0) return false;
        size_t at = offset_of(text, e.position());
        if (at < text.size() && text[at] == '`') return true;
        std::string_view rest = text.substr(std::min(at, text.size()));
        while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) rest.remove_suffix(1);
        return !rest.empty() && rest.back() == '\\';
    }
}

// fn-def ::= ['private'] 'fn' [type '.'] name '(' params ')' block, at brace depth 0.
std::vector<Session::FnText> Session::function_texts(std::string_view text) {
    std::vector<FnText> out;
    std::vector<Token> t = rhai::syntax::tokenize(text);
    int depth = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (opens(t[i].kind)) ++depth;
        if (t[i].kind == Tok::RBrace) --depth;
        if (depth != 0 || (t[i].kind != Tok::Fn && t[i].kind != Tok::Private)) continue;
        size_t start = i;
        if (t[i].kind == Tok::Private) ++i;
        std::string key;
        size_t j = i + 1;
        for (; j < t.size() && t[j].kind != Tok::LParen && t[j].kind != Tok::Unit; ++j) key += t[j].text + ".";
        size_t arity = 0;
        for (; j < t.size() && t[j].kind != Tok::LBrace; ++j) arity += t[j].kind == Tok::Identifier;
        int inner = 0;
        for (; j < t.size(); ++j) {
            if (opens(t[j].kind)) ++inner;
            if (t[j].kind == Tok::RBrace && --inner == 0) break;
        }
        if (j >= t.size()) break;
        size_t from = offset_of(text, t[start].pos), to = offset_of(text, t[j].pos) + 1;
        out.push_back({key + "/" + std::to_string(arity), std::string(text.substr(from, to - from))});
        i = j;
    }
    return out;
}

std::string Session::with_earlier_functions(const std::string& text) const {
    std::vector<FnText> own = function_texts(text);
    std::string out = text + "\n;\n";
    for (const FnText& f : functions_) {
        bool redefined = std::any_of(own.begin(), own.end(), [&](const FnText& o) { return o.key == f.key; });
        if (!redefined) out += f.text + "\n";
    }
    return out;
}

void Session::report(const std::exception& e, const std::string& text, const std::string& name) const {
    rhai::DiagnosticOptions d;
    d.file_name = name;
    d.color = color_;
    std::cout << std::flush;
    if (auto* p = dynamic_cast<const rhai::ParseError*>(&e)) std::cerr << rhai::format_error(*p, text, d);
    else if (auto* r = dynamic_cast<const rhai::EvalError*>(&e)) std::cerr << rhai::format_error(*r, text, d);
    else std::cerr << "Error: " << e.what() << '\n';
}

bool Session::eval(const std::string& entry, const std::string& name, bool print_value) {
    std::string text = with_earlier_functions(entry);
    bool compiled = false, ok = false;
    try {
        rhai::AST ast = engine_.compile(text);  // a syntax error in the entry stops here
        compiled = true;
        last_entry_ = entry;
        rhai::Dynamic value = engine_.eval_with_scope<rhai::Dynamic>(scope_, text);
        if (print_value && !value.is_unit()) std::cout << value.to_debug() << '\n' << std::flush;
        ok = true;
    } catch (const rhai::ParseError& e) {
        // Report the entry's own error when it has one (not one the added functions caused).
        try {
            engine_.compile(entry);
            report(e, text, name);
        } catch (const rhai::ParseError& own) {
            report(own, entry, name);
        }
    } catch (const std::exception& e) {
        report(e, text, name);
    }
    if (!compiled) return false;
    // The entry's functions are kept even when running it failed: they compiled.
    for (FnText& f : function_texts(entry)) {
        auto old = std::find_if(functions_.begin(), functions_.end(), [&](const FnText& o) { return o.key == f.key; });
        if (old != functions_.end()) functions_.erase(old);
        functions_.push_back(std::move(f));
    }
    return ok;
}

void Session::print_ast(const std::string& text) {
    const std::string& code = text.empty() ? last_entry_ : text;
    try {
        std::cout << rhai::syntax::dump_ast(rhai::syntax::parse(code)) << '\n';
    } catch (const rhai::ParseError& e) {
        report(e, code, "");
    }
}

void Session::print_bytecode(const std::string& text) {
    const std::string& code = text.empty() ? last_entry_ : text;
    try {
        std::cout << rhai::compiler::disassemble(*engine_.compile(code).program());
    } catch (const rhai::ParseError& e) {
        report(e, code, "");
    }
}

void Session::print_scope() const {
    for (const auto& v : scope_)
        std::cout << (v.constant ? "const " : "let ") << v.name << " = " << v.value.to_debug() << '\n';
}

void Session::print_functions() const {
    for (const FnText& f : functions_) std::cout << f.text.substr(0, f.text.find('{')) << "{ ... }\n";
}

}  // namespace rhai_repl
