// The API layer's bridge to the parser, compiler and VM. Everything here works from an
// EngineCore, so that module resolvers (which only see the EngineCore) can compile and run
// module scripts exactly as Engine does. Every evaluation is first *prepared* (a vm::Task with
// the Scope binding it carries); synchronous evaluation runs it to the end at once, the async
// API (async_engine.cpp) keeps it in a rhai::Task.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/module.hpp"
#include "rhai/scope.hpp"
#include "runtime/engine_core.hpp"
#include "vm/task.hpp"

namespace rhai {
struct Program;
}

namespace rhai::api {

struct CompiledScript;
struct RunBinding;

// One evaluation ready to run.
struct PreparedRun {
    std::optional<vm::Task> task;  // inline: one pointer hop less on every resume
    std::unique_ptr<RunBinding> binding;  // what the `$scope$` natives reach (may be null)
    Scope* scope = nullptr;
    size_t rewind_to = SIZE_MAX;          // call_fn: the Scope length to rewind to at the end

    PreparedRun();
    PreparedRun(PreparedRun&&) noexcept;
    PreparedRun& operator=(PreparedRun&&) noexcept;
    ~PreparedRun();
    // Ends the run's hold on its Scope (idempotent): cells it no longer shares go back to plain
    // values, call_fn's variables are rewound. Due when the run finishes, fails or is cancelled.
    void release();
};

// Prepared evaluations (Throw ParseError / EvalError for what fails before running).
PreparedRun prepare_eval(EngineCore& core, std::string_view text, Scope* scope);
PreparedRun prepare_ast(EngineCore& core, CompiledScript& script, Scope* scope);
PreparedRun prepare_call(EngineCore& core, CompiledScript& script, Scope& scope, std::string_view name,
                         std::vector<Dynamic> args, bool eval_ast, bool rewind_scope);
// Runs a prepared evaluation to the end on this thread; throws the uncaught EvalError. A host
// call that waits makes it fail at once with an error naming eval_async.
Dynamic run_to_end(PreparedRun run);
// The same, calling `finished` on the task when it has finished (before it is released).
Dynamic run_to_end(PreparedRun run, const std::function<void(vm::Task&)>& finished);

// Parses (with the engine's syntax options and limits) and compiles. Throws ParseError
// (including strict-variables and max-functions violations).
std::shared_ptr<CompiledScript> compile(EngineCore& core, std::string_view text,
                                        std::string source_name);

// Runs a program's top-level statements and returns their value. Throws EvalError.
Dynamic run(EngineCore& core, const std::shared_ptr<const Program>& program);

// Evaluates with a Scope: Scope variables are visible (and writable) in the script, its
// top-level variables are appended to the Scope (see scope_binding.hpp).
Dynamic eval_with_scope(EngineCore& core, std::string_view text, Scope& scope);
Dynamic eval_ast_with_scope(EngineCore& core, CompiledScript& script, Scope& scope);

// Calls script function `name` of `script` (Engine::call_fn_raw).
Dynamic call(EngineCore& core, CompiledScript& script, Scope& scope, std::string_view name,
             std::vector<Dynamic> args, bool eval_ast, bool rewind_scope);

// Runs a script and packages what it exports (`export` variables, non-private functions).
std::shared_ptr<Module> module_from_script(EngineCore& core, CompiledScript& script, Scope& scope);
// compile + module_from_script with a fresh Scope; `id` becomes the module's id.
std::shared_ptr<const Module> module_from_source(EngineCore& core, std::string_view text,
                                                 std::string source_name, std::string id);

// Adds every non-private named function of `program` to `module` as a native that runs it
// (so `m::f()` resolves like any module function).
// `constants`: the module's top-level constants, `global::` inside its functions (may be null).
void add_script_functions(Module& module, const std::shared_ptr<const Program>& program,
                          std::shared_ptr<const ScriptGlobals> constants = nullptr);

// The compiled prelude for this engine (null for engines without the standard packages).
std::shared_ptr<const Program> prelude_for(const EngineCore& core);

}  // namespace rhai::api
