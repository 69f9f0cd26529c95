// rhai::Module: a namespace of functions, constants and sub-modules.
//
// Built in C++ (set_native_fn / set_var / set_sub_module) and registered on an Engine
// (register_global_module: functions callable without a prefix; register_static_module("m", ..):
// `m::f()`, `m::CONST`), or produced from a script by a module resolver for `import "x" as m;`
// (the script's `export`ed variables and its non-private functions).
//
// A Module is only data with inline accessors, so that the VM (which does not link the API
// layer) can resolve `m::f(...)` against it. Once registered it is shared and immutable.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/register_fn.hpp"
#include "runtime/native.hpp"

namespace rhai {

class Module {
public:
    using SubModules = std::map<std::string, std::shared_ptr<const Module>, std::less<>>;

    Module() = default;
    explicit Module(std::string id) : id_(std::move(id)) {}
    Module(const Module&) = delete;  // FunctionRegistry is move-only; share modules instead
    Module& operator=(const Module&) = delete;
    Module(Module&&) = default;
    Module& operator=(Module&&) = default;

    // The module's id: the import path for resolved modules, else whatever the host chooses.
    const std::string& id() const { return id_; }
    void set_id(std::string id) { id_ = std::move(id); }

    // ---- functions ---------------------------------------------------------------------
    // A typed C++ function, with the same deduction rules as Engine::register_fn.
    template <class F>
    Module& set_native_fn(std::string_view name, F&& f) {
        return set_raw_fn(native_fn(std::string(name), std::forward<F>(f)));
    }
    // An already-built native (replaces one with the same signature).
    Module& set_raw_fn(NativeFunction fn) {
        natives_.push_back(fn);
        functions_.add(std::move(fn));
        return *this;
    }
    const FunctionRegistry& functions() const { return functions_; }
    // Every native in registration order (register_global_module copies them).
    const std::vector<NativeFunction>& native_functions() const { return natives_; }
    bool contains_fn(std::string_view name, size_t arity) const {
        return functions_.contains(name, arity);
    }

    // Script functions, for modules made from a script (opaque: compiled code + owner).
    // The VM resolves `m::f(...)` against these before the natives.
    std::shared_ptr<const void> script;  // the compiled program (keeps its functions alive)

    // ---- variables (constants in scripts: `m::X` is read-only) -------------------------
    template <class T>
    Module& set_var(std::string name, T value) {
        Dynamic v = Dynamic::from(std::move(value));
        v.set_read_only(true);
        variables_[std::move(name)] = std::move(v);
        return *this;
    }
    const Dynamic* get_var(std::string_view name) const {
        auto it = variables_.find(name);
        return it == variables_.end() ? nullptr : &it->second;
    }
    template <class T>
    std::optional<T> get_var_value(std::string_view name) const {
        const Dynamic* v = get_var(name);
        if (!v) return std::nullopt;
        return v->try_cast<T>();
    }
    bool contains_var(std::string_view name) const { return variables_.count(name) != 0; }
    const Map& variables() const { return variables_; }

    // ---- sub-modules (`m::sub::f()`) ---------------------------------------------------
    Module& set_sub_module(std::string name, std::shared_ptr<const Module> module) {
        sub_modules_[std::move(name)] = std::move(module);
        return *this;
    }
    Module& set_sub_module(std::string name, Module module) {
        return set_sub_module(std::move(name), std::make_shared<const Module>(std::move(module)));
    }
    std::shared_ptr<const Module> get_sub_module(std::string_view name) const {
        auto it = sub_modules_.find(name);
        return it == sub_modules_.end() ? nullptr : it->second;
    }
    const SubModules& sub_modules() const { return sub_modules_; }

    bool is_empty() const {
        return natives_.empty() && variables_.empty() && sub_modules_.empty() && !script;
    }

private:
    std::string id_;
    FunctionRegistry functions_;
    std::vector<NativeFunction> natives_;
    Map variables_;
    SubModules sub_modules_;
};

}  // namespace rhai
