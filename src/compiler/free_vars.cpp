#include "compiler/free_vars.hpp"

#include <set>

namespace rhai::compiler {

using syntax::Node;
using syntax::NodeKind;

namespace {

class Walker {
public:
    std::vector<std::string> found;

    void push() { scopes_.emplace_back(); }
    void pop() { scopes_.pop_back(); }
    void declare(const std::string& n) { scopes_.back().insert(n); }

    void walk(const Node* n) {
        if (!n) return;
        switch (n->kind) {
            case NodeKind::Variable:
                use(n->text);
                return;
            case NodeKind::Let:
                for (auto& k : n->kids) walk(k.get());
                declare(n->text);
                return;
            case NodeKind::Block:
                push();
                for (auto& k : n->kids) walk(k.get());
                pop();
                return;
            case NodeKind::For:
                walk(n->kids[0].get());
                push();
                for (auto& name : n->names) declare(name);
                walk(n->kids[1].get());
                pop();
                return;
            case NodeKind::TryCatch:
                walk(n->kids[0].get());
                push();
                if (!n->text.empty()) declare(n->text);
                walk(n->kids[1].get());
                pop();
                return;
            case NodeKind::Closure:
                push();
                for (auto& p : n->fn->params) declare(p);
                walk(n->fn->body.get());
                pop();
                return;
            default:
                for (auto& k : n->kids) walk(k.get());
                for (auto& c : n->cases) {
                    for (auto& p : c.patterns) walk(p.get());
                    walk(c.guard.get());
                    walk(c.body.get());
                }
                walk(n->default_case.get());
        }
    }

private:
    std::vector<std::set<std::string>> scopes_;
    std::set<std::string> seen_;

    void use(const std::string& name) {
        for (auto& s : scopes_)
            if (s.count(name)) return;
        if (seen_.insert(name).second) found.push_back(name);
    }
};

}  // namespace

std::vector<std::string> free_variables(const syntax::FnDef& fn) {
    Walker w;
    w.push();
    for (auto& p : fn.params) w.declare(p);
    w.walk(fn.body.get());
    return std::move(w.found);
}

}  // namespace rhai::compiler
