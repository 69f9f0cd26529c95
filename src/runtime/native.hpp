// The one shape every native (C++) function takes, and the table that resolves calls to it.
//
// All registrations — standard packages, typed register_fn lambdas, host async functions —
// compile down to NativeFunction. Resolution is by name, arity and argument types, as Rhai's
// function hashes do; the VM caches the result per call site.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"
#include "rhai/position.hpp"

namespace rhai {

struct EngineCore;
struct ScriptFunction;  // compiler/bytecode.hpp

// One declared parameter type. `any` accepts every value (Rhai's Dynamic parameter).
struct ParamType {
    Tag tag = Tag::Unit;
    bool any = false;
    const std::type_info* custom = nullptr;  // for Tag::Custom: the exact host type

    static ParamType of(Tag t) { return ParamType{t, false, nullptr}; }
    static ParamType dynamic() { return ParamType{Tag::Unit, true, nullptr}; }
    template <class T>
    static ParamType custom_type() { return ParamType{Tag::Custom, false, &typeid(T)}; }

    bool accepts(const Dynamic& v) const;  // native.cpp
};

// What a native sees of the call. It never outlives the call.
class CellTracker;  // runtime/cycles.hpp

class NativeCallContext {
public:
    NativeCallContext(EngineCore& engine, std::string_view fn_name, Position pos)
        : engine_(engine), fn_name_(fn_name), pos_(pos) {}

    EngineCore& engine() const { return engine_; }
    std::string_view fn_name() const { return fn_name_; }
    Position position() const { return pos_; }
    // The source name of the running script or module ("" when it has none): what Rhai's
    // debug() hands to on_debug.
    std::string_view source() const { return source_; }
    void set_source(std::string_view s) { source_ = s; }

    // Asks the VM to suspend the script at this call. The native's return value is ignored;
    // the script continues when the host resumes the task with a value (pushed as this call's
    // result) or an error (raised at this call site). `token` identifies the pending operation
    // to the host (e.g. a future id).
    void suspend(uint64_t token) {
        suspended_ = true;
        token_ = token;
    }
    bool suspended() const { return suspended_; }
    uint64_t suspend_token() const { return token_; }
    // False where the VM cannot park the script at this call: operators, property and index
    // access, op-assignment, to_string for display. An async host function answers at once
    // there or fails with a clear error (the VM also refuses a suspend() it cannot honour).
    bool can_suspend() const { return can_suspend_; }
    void set_can_suspend(bool b) { can_suspend_ = b; }

    // Opaque per-task pointer: the async API's task state (null in synchronous runs).
    void* task() const { return task_; }
    void set_task(void* t) { task_ = t; }
    // Opaque per-run pointer the API layer gives the VM (its Scope binding); null if none.
    void* host_binding() const { return binding_; }
    void set_host_binding(void* b) { binding_ = b; }
    // A native that creates a Shared cell hands it to the evaluation, which frees the cell's
    // reference cycles when the evaluation ends (runtime/cycles.hpp). No-op outside the VM.
    void track_shared(const Dynamic& cell) const;
    void set_cell_tracker(CellTracker* t) { cells_ = t; }

private:
    EngineCore& engine_;
    std::string_view fn_name_;
    Position pos_;
    std::string_view source_;
    bool suspended_ = false;
    bool can_suspend_ = true;
    uint64_t token_ = 0;
    void* task_ = nullptr;
    void* binding_ = nullptr;
    CellTracker* cells_ = nullptr;
};

// args[i] points at argument i. For a method (first_by_ref), args[0] is the receiver's actual
// storage: mutating *args[0] mutates the script's variable/element. The others are the
// VM's temporaries: a native may move out of them.
// Errors are reported by throwing rhai::EvalError (the VM adds the position).
using NativeInvoke = Dynamic (*)(const void* state, NativeCallContext& ctx, Dynamic** args);

// The top-level constants a module script ended with (name, value): what `global::NAME`
// means inside that module's functions (Rhai's encapsulated environment).
struct ScriptGlobals {
    std::vector<std::pair<std::string, Dynamic>> constants;
};

struct NativeFunction {
    std::string name;
    std::vector<ParamType> params;
    NativeInvoke invoke = nullptr;
    std::shared_ptr<const void> state;  // captured callable (typed register_fn), may be null
    // The first argument is taken by reference and may be mutated (Rhai's `&mut` first
    // parameter). Calling such a function on a constant raises ErrorNonPureMethodCallOnConstant
    // unless `pure` is set.
    bool first_by_ref = false;
    bool pure = true;
    // Set for a script function exposed through a Module (a module loaded from a script): the
    // VM enters it as a frame of the running task instead of calling `invoke`, so it can
    // suspend for async host calls like any other script code. `invoke` still serves callers
    // outside the VM.
    std::shared_ptr<const ScriptFunction> script;
    // With `script`: the module's constants for `global::` (null: none).
    std::shared_ptr<const ScriptGlobals> script_globals;

    Dynamic call(NativeCallContext& ctx, Dynamic** args) const { return invoke(state.get(), ctx, args); }
};

// Convenience for packages: a stateless native written as a plain function.
using SimpleNative = Dynamic (*)(NativeCallContext& ctx, Dynamic** args);

// Functions by name and arity; overloads by parameter types, first registered match wins
// (a later registration with the *same* signature replaces the earlier one, as in Rhai).
//
// A registry may be layered over an immutable base (the standard packages, built once per
// process and shared by every engine): a name this registry has never been given is looked up
// in the base; the first add() of a name copies the base's overloads of that name (shared
// pointers, not the functions) and changes only the copy. So each engine sees exactly what a
// registry of its own would hold, nothing an engine registers is seen by another, and the
// shared base is never written after it is built.
class FunctionRegistry {
public:
    // unique ownership is not needed: overloads are immutable once stored, and a layer shares
    // them with its base.
    using Overloads = std::vector<std::shared_ptr<const NativeFunction>>;

    FunctionRegistry() = default;
    explicit FunctionRegistry(std::shared_ptr<const FunctionRegistry> base);

    // Registers `fn` (replacing an identical signature). Returns the stored function.
    const NativeFunction* add(NativeFunction fn);
    // Registers a stateless native; `by_ref` marks a method that mutates args[0].
    const NativeFunction* add(std::string name, std::vector<ParamType> params, SimpleNative f,
                              bool by_ref = false, bool pure = true);

    // The overload of name/arity whose parameter types accept args; null if none. An overload
    // with more exactly-typed parameters wins over one with `any` parameters; among equally
    // specific ones the first registered wins.
    const NativeFunction* resolve(std::string_view name, Dynamic* const* args, size_t argc) const;
    // Any overload of name with this arity (for is_def_fn and Fn("name") checks).
    bool contains(std::string_view name, size_t arity) const;
    bool contains_name(std::string_view name) const;
    // All overloads of name/arity (empty if none), in registration order.
    const Overloads* overloads(std::string_view name, size_t arity) const;

    // Registry generation: bumps on every add() so call-site caches can be invalidated.
    uint64_t generation() const { return generation_; }

private:
    // Lookups take a string_view and must not allocate: a transparent hash lets the map be
    // probed with the view directly. Overloads are grouped per name, then per arity (index).
    struct NameHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // The overloads of name by arity, in this layer or else in the base; null if none.
    const std::vector<Overloads>* by_arity(std::string_view name) const;

    // Pointers keep NativeFunction addresses stable for call-site caches.
    std::unordered_map<std::string, std::vector<Overloads>, NameHash, std::equal_to<>> table_;
    std::shared_ptr<const FunctionRegistry> base_;
    uint64_t generation_ = 0;
};

// "name (i64, string)": the signature text Rhai prints in "Function not found" errors.
std::string call_signature(std::string_view name, Dynamic* const* args, size_t argc);
// The same, naming host (custom) types by the name registered with the engine
// (EngineCore::custom_type_names), as Rhai does.
std::string call_signature(const EngineCore& engine, std::string_view name, Dynamic* const* args,
                           size_t argc);

// type_of(): Dynamic::type_name(), except that custom types use the engine's registered name.
std::string engine_type_name(const EngineCore& engine, const Dynamic& value);

}  // namespace rhai
