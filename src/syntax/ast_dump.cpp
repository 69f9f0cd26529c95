// dump_ast: a stable S-expression rendering of the AST (the parser tests compare against it).
//
//   literals   42  (float 1.5)  (char 97)  "text"  true  ()  (array ...)  (map (k v) ("a b" v))
//   names      x  this  (ns m::sub::x)
//   operators  (+ a b)  (- a)  (&& a b)  (|| a b)  (?? a b)  (in a b)  (.. a b)  (..= a b)
//   access     (index a i)  (index? a i)  (. a p)  (?. a p)  (call f args...)  (call m::f ...)
//              (call! f ...)  (method recv f args...)  (method? recv f ...)
//   compound   (block ...)  (block:v ...) [value of last statement]  (if c t e)  (while c b)
//              (loop b)  (do b while c)  (do b until c)  (for (x i) iter body)
//              (switch x (case (pats...) [(if g)] body) ... (default body))
//   statements (let x v)  (const x v)  (export-let x v)  (export-const x v)  (= t v)  (+= t v)
//              (break [v])  (continue)  (return [v])  (throw [v])  (try b (catch e) b)
//              (import path [as m])  (export (x as y) (z))  (nop)
//   functions  (fn [private] [type.]name (params) body)  (closure (params) body)
#include <cstdio>

#include "syntax/keywords.hpp"
#include "syntax/parser.hpp"

namespace rhai::syntax {
namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::string format_float(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string join_path(const std::vector<std::string>& path, const std::string& last) {
    std::string out;
    for (const auto& p : path) out += p + "::";
    return out + last;
}

void dump(const Node& n, std::string& out);

void dump_kids(const Node& n, std::string& out, size_t from = 0) {
    for (size_t i = from; i < n.kids.size(); ++i) {
        out += ' ';
        dump(*n.kids[i], out);
    }
}

void dump_fn(const FnDef& f, std::string& out) {
    out += f.is_closure ? "(closure (" : "(fn ";
    if (!f.is_closure) {
        if (f.is_private) out += "private ";
        if (!f.this_type.empty()) out += f.this_type + ".";
        out += f.name + " (";
    }
    for (size_t i = 0; i < f.params.size(); ++i) out += (i ? " " : "") + f.params[i];
    out += ") ";
    if (f.body) dump(*f.body, out);
    out += ")";
}

void tagged(const char* tag, const Node& n, std::string& out) {
    out += "(";
    out += tag;
    dump_kids(n, out);
    out += ")";
}

void dump(const Node& n, std::string& out) {
    switch (n.kind) {
        case NodeKind::Unit: out += "()"; return;
        case NodeKind::BoolLit: out += n.int_value ? "true" : "false"; return;
        case NodeKind::IntLit: out += std::to_string(n.int_value); return;
        case NodeKind::FloatLit: out += "(float " + format_float(n.float_value) + ")"; return;
        case NodeKind::CharLit: out += "(char " + std::to_string(n.int_value) + ")"; return;
        case NodeKind::StringLit: out += quote(n.text); return;
        case NodeKind::Interpolated: tagged("interp", n, out); return;
        case NodeKind::ArrayLit: tagged("array", n, out); return;
        case NodeKind::MapLit:
            out += "(map";
            for (size_t i = 0; i < n.kids.size(); ++i) {
                const std::string& key = n.names[i];
                out += " (" + (is_valid_identifier(key) ? key : quote(key)) + " ";
                dump(*n.kids[i], out);
                out += ")";
            }
            out += ")";
            return;
        case NodeKind::Variable: out += n.text; return;
        case NodeKind::This: out += "this"; return;
        case NodeKind::Namespaced: out += "(ns " + join_path(n.names, n.text) + ")"; return;
        case NodeKind::Unary: case NodeKind::Binary: tagged(n.op.c_str(), n, out); return;
        case NodeKind::And: tagged("&&", n, out); return;
        case NodeKind::Or: tagged("||", n, out); return;
        case NodeKind::Coalesce: tagged("??", n, out); return;
        case NodeKind::In: tagged("in", n, out); return;
        case NodeKind::Range: tagged(n.flag ? "..=" : "..", n, out); return;
        case NodeKind::Index: tagged(n.flag ? "index?" : "index", n, out); return;
        case NodeKind::Property:
            out += n.flag ? "(?. " : "(. ";
            dump(*n.kids[0], out);
            out += " " + n.text + ")";
            return;
        case NodeKind::Call:
            out += std::string(n.flag ? "(call! " : "(call ") + join_path(n.names, n.text);
            dump_kids(n, out);
            out += ")";
            return;
        case NodeKind::MethodCall:
            out += n.flag ? "(method? " : "(method ";
            dump(*n.kids[0], out);
            out += " " + n.text;
            dump_kids(n, out, 1);
            out += ")";
            return;
        case NodeKind::Closure: dump_fn(*n.fn, out); return;
        case NodeKind::Block: tagged(n.flag ? "block:v" : "block", n, out); return;
        case NodeKind::If: tagged("if", n, out); return;
        case NodeKind::Switch:
            out += "(switch ";
            dump(*n.kids[0], out);
            for (const auto& c : n.cases) {
                out += " (case (";
                for (size_t i = 0; i < c.patterns.size(); ++i) {
                    if (i) out += ' ';
                    dump(*c.patterns[i], out);
                }
                out += ")";
                if (c.guard) {
                    out += " (if ";
                    dump(*c.guard, out);
                    out += ")";
                }
                out += " ";
                dump(*c.body, out);
                out += ")";
            }
            if (n.default_case) {
                out += " (default ";
                dump(*n.default_case, out);
                out += ")";
            }
            out += ")";
            return;
        case NodeKind::While: tagged("while", n, out); return;
        case NodeKind::Loop: tagged("loop", n, out); return;
        case NodeKind::DoLoop:
            out += "(do ";
            dump(*n.kids[0], out);
            out += n.flag ? " until " : " while ";
            dump(*n.kids[1], out);
            out += ")";
            return;
        case NodeKind::For:
            out += "(for (" + n.names[0] + (n.names.size() > 1 ? " " + n.names[1] : "") + ")";
            dump_kids(n, out);
            out += ")";
            return;
        case NodeKind::Let:
            out += std::string("(") + (n.flag2 ? "export-" : "") + (n.flag ? "const " : "let ") + n.text;
            dump_kids(n, out);
            out += ")";
            return;
        case NodeKind::Assign: tagged(n.op.c_str(), n, out); return;
        case NodeKind::Break: tagged("break", n, out); return;
        case NodeKind::Continue: out += "(continue)"; return;
        case NodeKind::Return: tagged("return", n, out); return;
        case NodeKind::Throw: tagged("throw", n, out); return;
        case NodeKind::TryCatch:
            out += "(try ";
            dump(*n.kids[0], out);
            out += n.text.empty() ? " (catch) " : " (catch " + n.text + ") ";
            dump(*n.kids[1], out);
            out += ")";
            return;
        case NodeKind::Import:
            out += "(import ";
            dump(*n.kids[0], out);
            if (!n.text.empty()) out += " as " + n.text;
            out += ")";
            return;
        case NodeKind::Export:
            out += "(export";
            for (size_t i = 0; i < n.names.size(); ++i) {
                out += " (" + n.names[i];
                if (!n.aliases[i].empty()) out += " as " + n.aliases[i];
                out += ")";
            }
            out += ")";
            return;
        case NodeKind::Nop: out += "(nop)"; return;
    }
}

}  // namespace

std::string dump_node(const Node& node) {
    std::string out;
    dump(node, out);
    return out;
}

// One line per function, then one line per top-level statement.
std::string dump_ast(const Script& script) {
    std::string out;
    for (const auto& f : script.functions) {
        dump_fn(*f, out);
        out += '\n';
    }
    for (const auto& s : script.statements) {
        dump(*s, out);
        out += '\n';
    }
    return out;
}

}  // namespace rhai::syntax
