// Modules at run time: `import "path" as m;`, `m::f(...)`, `m::sub::X`, and the dynamic
// variable lookup (Engine::on_var, then eval-created variables).
//
// An import binds its module to a hidden local slot of the importing function (the compiler
// names it "m::" and lists it in ScriptFunction::imports), so block scoping and lifetime are
// those of a variable: leaving the block clears the slot. `m::...` looks the alias up in the
// running frame, then in its callers (Rhai: functions see the imports of their callers), then
// among the engine's static modules (Engine::register_static_module).
#include "rhai/module.hpp"
#include "rhai/module_resolver.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

namespace {

// The value held by an import's hidden slot; scripts can never name it.
struct ModuleHandle final : InternalObj {
    std::string alias;
    std::shared_ptr<const Module> module;
    ModuleHandle(std::string a, std::shared_ptr<const Module> m) : alias(std::move(a)), module(std::move(m)) {}
};

const ModuleHandle* as_handle(const Dynamic& v) {
    if (v.tag() != Tag::Internal) return nullptr;
    return dynamic_cast<const ModuleHandle*>(v.heap());
}

EvalError module_missing(std::string_view path, Position pos) {
    EvalError e(ErrorKind::ErrorModuleNotFound, "Module not found: " + std::string(path), pos);
    e.fields()["module"] = Dynamic(std::string(path));
    return e;
}

// "a::b::c" -> {"a", "b", "c"}
std::vector<std::string_view> split_path(std::string_view full) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    for (;;) {
        size_t j = full.find("::", i);
        if (j == std::string_view::npos) {
            parts.push_back(full.substr(i));
            return parts;
        }
        parts.push_back(full.substr(i, j - i));
        i = j + 2;
    }
}

}  // namespace

Dynamic Machine::import_module(const Dynamic& path_value, const std::string& alias, Position pos) {
    if (!path_value.is_string()) throw EvalError::mismatch_data_type("string", path_value.type_name(), pos);
    const std::string& path = path_value.as_string();
    // Rhai counts every module loaded during the run against max_modules.
    if (modules_loaded_ >= engine_.limits.max_modules)
        throw EvalError(ErrorKind::ErrorTooManyModules, "Too many modules imported", pos);
    ++modules_loaded_;
    if (!engine_.module_resolver) throw module_missing(path, pos);
    const std::string& source = frames_.back().fn->program->source;
    std::shared_ptr<const Module> m = engine_.module_resolver->resolve(engine_, source, path, pos);
    if (!m) throw module_missing(path, pos);
    if (alias.empty()) return Dynamic();
    return Dynamic::from_heap(Tag::Internal, new ModuleHandle(alias, std::move(m)));
}

// The module an alias names here: imports of the running frame and its callers (innermost
// first), then static modules. Null when none.
const Module* Machine::find_module(std::string_view alias) const {
    for (size_t fi = frames_.size(); fi-- > 0;) {
        const Frame& f = frames_[fi];
        const auto& imports = f.fn->imports;
        for (size_t i = imports.size(); i-- > 0;) {
            if (imports[i].first != alias) continue;
            size_t at = size_t(f.base) + imports[i].second;
            if (at >= stack_.size()) continue;
            const ModuleHandle* h = as_handle(stack_[at]);
            if (h && h->alias == alias) return h->module.get();
        }
    }
    auto it = engine_.static_modules.find(alias);
    return it == engine_.static_modules.end() ? nullptr : it->second.get();
}

// Walks `a::b::...` (all parts but the last) to the module that holds the member.
const Module* Machine::module_of_path(const std::vector<std::string_view>& parts, Position pos) const {
    const Module* m = find_module(parts[0]);
    if (!m) throw module_missing(parts[0], pos);
    for (size_t i = 1; i + 1 < parts.size(); ++i) {
        std::shared_ptr<const Module> sub = m->get_sub_module(parts[i]);
        if (!sub) {
            std::string so_far(parts[0]);
            for (size_t k = 1; k <= i; ++k) so_far += "::" + std::string(parts[k]);
            throw module_missing(so_far, pos);
        }
        m = sub.get();  // owned by its parent, which outlives this call
    }
    return m;
}

Dynamic Machine::module_var(const std::string& full, Position pos) const {
    auto parts = split_path(full);
    const Module* m = module_of_path(parts, pos);
    const Dynamic* v = m->get_var(parts.back());
    if (!v) throw EvalError::variable_not_found(full, pos);
    Dynamic copy = *v;
    copy.set_read_only(false);  // the module's constant stays read-only; the copy is a value
    return copy;
}

void Machine::module_call(const std::string& full, uint32_t args_at, uint32_t argc, uint32_t top,
                          Position pos) {
    auto parts = split_path(full);
    const Module* m = module_of_path(parts, pos);
    Dynamic* argv[256];
    for (uint32_t i = 0; i < argc; ++i) argv[i] = &stack_[args_at + i];
    const NativeFunction* nf = m->functions().resolve(parts.back(), argv, argc);
    if (!nf) function_not_found(full, argv, argc, pos);
    if (nf->script) {
        // A function of a script module runs on this machine, so it can suspend.
        for (uint32_t i = 0; i < argc; ++i) stack_[args_at + i] = stack_[args_at + i].flatten();
        if (nf->script_globals) {
            const Program* p = nf->script->program;
            bool known = false;
            for (const auto& [prog, g] : module_globals_) known = known || prog == p;
            if (!known) module_globals_.emplace_back(p, nf->script_globals);
        }
        push_frame(nf->script.get(), args_at, args_at, pos);
        frames_.back().ext().keep = nf->script;
        return;
    }
    Dynamic r = call_native(nf, full, argv, pos, true);
    finish_native_call(std::move(r), args_at, top);
}

Dynamic Machine::load_global_by_name(const Program* prog, uint32_t index, Position pos) const {
    const std::string& name = prog->globals[index];
    // A module's function sees the constants its module ended with (Rhai's encapsulated
    // environment); other code (eval) sees the running script's.
    for (const auto& [p, g] : module_globals_) {
        if (p != prog) continue;
        for (const auto& [n, v] : g->constants)
            if (n == name) return v;
        throw EvalError::variable_not_found("global::" + name, pos);
    }
    const auto& names = program_->globals;
    for (uint32_t i = 0; i < names.size() && i < globals_.size(); ++i)
        if (names[i] == name && globals_set_[i]) return globals_[i];
    throw EvalError::variable_not_found("global::" + name, pos);
}

// The module made from this script keeps its top-level constants (for `global::` in its
// functions) and the modules imported at its top level, which become its sub-modules.
void Machine::capture_module_end() {
    auto g = std::make_shared<ScriptGlobals>();
    for (uint32_t i = 0; i < program_->globals.size() && i < globals_.size(); ++i)
        if (globals_set_[i]) g->constants.emplace_back(program_->globals[i], globals_[i]);
    captured_constants = std::move(g);
    const Frame& f = frames_.back();
    for (const auto& import : f.fn->imports) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const std::string& alias = import.first;
        size_t at = size_t(f.base) + import.second;
        if (at >= stack_.size()) continue;
        const ModuleHandle* h = as_handle(stack_[at]);
        if (!h || h->alias != alias) continue;
        std::erase_if(captured_imports, [&](const auto& e) { return e.first == alias; });
        captured_imports.emplace_back(alias, h->module);
    }
}

Dynamic Machine::load_dyn(const std::string& name, Position pos, bool known_variable) {
    // Rhai: a name the parser did not resolve to a variable, naming a script function (of any
    // arity), is a function pointer to it; this is checked before the resolver and the scope.
    // known_variable: eval code's own top-level variable, which its parser did resolve.
    if (!known_variable)
        for (const Program* p : {program_.get(), frames_.back().fn->program})
            if (p && p->by_name.contains(name)) return Dynamic::fn_ptr(name);
    if (engine_.on_var) {
        std::optional<Dynamic> v;
        try {
            v = engine_.on_var(name);
        } catch (EvalError& e) {
            if (e.position().is_none()) e.set_position(pos);
            throw;
        }
        if (v) return std::move(*v);
    }
    Dynamic* v = find_dyn(frames_.size() - 1, name);
    if (!v) throw EvalError::variable_not_found(name, pos);
    return v->flatten();
}

// get_fn_metadata_list([name[, arity]]): a map per script function (Rhai's reflection
// package): those of the running script (closures included), then those of the modules
// imported so far, with "namespace" = the alias (sub-modules: "m::sub"). Rhai's order
// follows its hash tables; here it is definition order, then import order.
Array Machine::fn_metadata(const std::string* name, INT arity) const {
    Array out;
    auto add = [&](const ScriptFunction& f, const std::string& ns) {
        if (name && f.name != *name) return;
        if (arity >= 0 && f.params.size() != size_t(arity)) return;
        Map m;
        if (!ns.empty()) m["namespace"] = Dynamic(ns);
        m["name"] = Dynamic(f.name);
        m["access"] = Dynamic(std::string(f.is_private ? "private" : "public"));
        m["is_anonymous"] = Dynamic(f.is_anonymous);
        if (!f.this_type.empty()) m["this_type"] = Dynamic(f.this_type);
        Array params;
        for (const std::string& p : f.params) params.emplace_back(p);
        m["params"] = Dynamic(std::move(params));
        out.emplace_back(std::move(m));
    };
    // (Called from a module's function, that module's functions come after the script's.)
    const Program* here = frames_.back().fn->program;
    for (const auto& f : program_->functions) add(*f, "");
    if (here != program_.get() && here != prelude_.get())
        for (const auto& f : here->functions) add(*f, "");
    auto scan = [&](auto& self, const Module& m, const std::string& ns) -> void {
        for (const NativeFunction& nf : m.native_functions())
            if (nf.script) add(*nf.script, ns);
        for (const auto& [sub, sm] : m.sub_modules()) self(self, *sm, ns + "::" + sub);
    };
    for (const Frame& f : frames_) {
        for (const auto& [alias, slot] : f.fn->imports) {
            size_t at = size_t(f.base) + slot;
            if (at >= stack_.size()) continue;
            if (const ModuleHandle* h = as_handle(stack_[at]); h && h->alias == alias) scan(scan, *h->module, alias);
        }
    }
    return out;
}

}  // namespace rhai::vm
