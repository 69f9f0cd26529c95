// The API layer's bridge to the parser, compiler and VM. Everything here works from an
// EngineCore, so that module resolvers (which only see the EngineCore) can compile and run
// module scripts exactly as Engine does. Evaluation is synchronous (vm::run_sync).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/module.hpp"
#include "rhai/scope.hpp"
#include "runtime/engine_core.hpp"

namespace rhai {
struct Program;
}

namespace rhai::api {

struct CompiledScript;

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
void add_script_functions(Module& module, const std::shared_ptr<const Program>& program);

// The compiled prelude for this engine (null for engines without the standard packages).
std::shared_ptr<const Program> prelude_for(const EngineCore& core);

}  // namespace rhai::api
