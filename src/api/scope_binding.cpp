// Scope binding: the script rewrite and the `$` natives it calls (see scope_binding.hpp).
#include "api/scope_binding.hpp"

#include <memory>

namespace rhai::api {

using syntax::Node;
using syntax::NodeKind;
using syntax::NodePtr;

namespace {

// The binding travels with the VM task (NativeCallContext::host_binding), not with the thread:
// an async task may wait and resume on another thread with its Scope still attached.
RunBinding& binding(NativeCallContext& ctx) {
    auto* b = static_cast<RunBinding*>(ctx.host_binding());
    if (!b)
        throw EvalError(ErrorKind::ErrorSystem,
                        std::string(ctx.fn_name()) + " called outside an API evaluation");
    return *b;
}

Scope::Entry& scope_entry(NativeCallContext& ctx, Dynamic& index) {
    std::string_view fn = ctx.fn_name();
    RunBinding& b = binding(ctx);
    INT i = index.as_int();
    if (!b.scope || i < 0 || static_cast<size_t>(i) >= b.scope->len())
        throw EvalError(ErrorKind::ErrorSystem, std::string(fn) + ": no scope entry " + std::to_string(i));
    return b.scope->entries()[static_cast<size_t>(i)];
}

// $scope$cell(i): the Scope variable i as a Shared cell (created on first use), so the script
// and the Scope see the same storage.
Dynamic scope_cell(NativeCallContext& ctx, Dynamic** args) {
    Scope::Entry& e = scope_entry(ctx, *args[0]);
    if (!e.value.is_shared()) {
        e.value = Dynamic::shared(std::move(e.value));
        ctx.track_shared(e.value);
    }
    return e.value;
}

// $scope$const(i): the value of Scope constant i.
Dynamic scope_const(NativeCallContext& ctx, Dynamic** args) {
    return scope_entry(ctx, *args[0]).value.flatten();
}

// $scope$new(name, init) / $scope$new_const(name, init): a top-level variable of the script,
// appended to the Scope.
Dynamic scope_new(NativeCallContext& ctx, Dynamic** args) {
    RunBinding& b = binding(ctx);
    Dynamic cell = Dynamic::shared(args[1]->flatten());
    ctx.track_shared(cell);
    if (b.scope) b.scope->push_dynamic(args[0]->as_string(), cell);
    return cell;
}
Dynamic scope_new_const(NativeCallContext& ctx, Dynamic** args) {
    RunBinding& b = binding(ctx);
    Dynamic value = args[1]->flatten();
    if (b.scope) b.scope->push_constant_dynamic(args[0]->as_string(), value);
    return value;
}

NodePtr node(NodeKind kind, Position pos = {}) { return std::make_unique<Node>(kind, pos); }

NodePtr int_lit(INT v) {
    NodePtr n = node(NodeKind::IntLit);
    n->int_value = v;
    return n;
}

NodePtr string_lit(std::string s) {
    NodePtr n = node(NodeKind::StringLit);
    n->text = std::move(s);
    return n;
}

NodePtr call(std::string name, std::vector<NodePtr> args, Position pos = {}) {
    NodePtr n = node(NodeKind::Call, pos);
    n->text = std::move(name);
    n->kids = std::move(args);
    return n;
}

NodePtr let(const std::string& name, bool constant, NodePtr init) {
    NodePtr n = node(NodeKind::Let);
    n->text = name;
    n->flag = constant;
    n->kids.push_back(std::move(init));
    return n;
}

}  // namespace

void register_scope_natives(EngineCore& core) {
    ParamType any = ParamType::dynamic();
    ParamType i = ParamType::of(Tag::Int);
    ParamType s = ParamType::of(Tag::String);
    core.functions.add("$scope$cell", {i}, &scope_cell);
    core.functions.add("$scope$const", {i}, &scope_const);
    core.functions.add("$scope$new", {s, any}, &scope_new);
    core.functions.add("$scope$new_const", {s, any}, &scope_new_const);
}

std::string scope_shape(const Scope& scope) {
    std::string key;
    for (const auto& e : scope) {
        key += e.constant ? 'c' : 'v';
        key += e.name;
        key += '\0';
    }
    return key;
}

void bind_scope(syntax::Script& script, const Scope& scope) {
    // Top-level lets first (before the prologue is inserted, so it is not rewritten).
    for (NodePtr& stmt : script.statements) {
        if (stmt->kind != NodeKind::Let) continue;
        NodePtr init = stmt->kids.empty() ? node(NodeKind::Unit, stmt->pos) : std::move(stmt->kids[0]);
        std::vector<NodePtr> args;
        args.push_back(string_lit(stmt->text));
        args.push_back(std::move(init));
        stmt->kids.clear();
        stmt->kids.push_back(call(stmt->flag ? "$scope$new_const" : "$scope$new", std::move(args), stmt->pos));
    }
    std::vector<NodePtr> prologue;
    INT index = 0;
    for (const auto& e : scope) {
        std::vector<NodePtr> args;
        args.push_back(int_lit(index++));
        prologue.push_back(let(e.name, e.constant, call(e.constant ? "$scope$const" : "$scope$cell", std::move(args))));
    }
    script.statements.insert(script.statements.begin(), std::make_move_iterator(prologue.begin()),
                             std::make_move_iterator(prologue.end()));
}

std::vector<std::pair<std::string, std::string>> script_exports(const syntax::Script& script) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const NodePtr& stmt : script.statements) {
        if (stmt->kind == NodeKind::Let && stmt->flag2) out.emplace_back(stmt->text, stmt->text);
        if (stmt->kind != NodeKind::Export) continue;
        for (size_t i = 0; i < stmt->names.size(); ++i) {
            const std::string& alias = i < stmt->aliases.size() ? stmt->aliases[i] : std::string();
            out.emplace_back(stmt->names[i], alias.empty() ? stmt->names[i] : alias);
        }
    }
    return out;
}

}  // namespace rhai::api
