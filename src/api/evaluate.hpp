// The API layer's bridge to the parser, compiler and VM. Everything here works from a
// const EngineCore, so that module resolvers (which only see the EngineCore) can compile and
// run module scripts exactly as Engine does.
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

// Parses (with the engine's syntax options and limits) and compiles. Throws ParseError.
std::shared_ptr<const Program> compile(const EngineCore& core, std::string_view script,
                                       std::string source_name);

// Runs a program's top-level statements to completion and returns their value. With a scope,
// its variables are visible to the script and the script's top-level variables are appended
// to it. Throws EvalError.
Dynamic run(const EngineCore& core, const std::shared_ptr<const Program>& program, Scope* scope);

// Calls a script function of `program` (see Engine::call_fn_raw).
Dynamic call(const EngineCore& core, const std::shared_ptr<const Program>& program, Scope& scope,
             std::string_view name, std::vector<Dynamic> args, bool eval_ast, bool rewind_scope);

// Runs a program and packages what it exports (variables marked `export`, non-private
// functions) as a Module.
std::shared_ptr<Module> module_from_program(const EngineCore& core,
                                            const std::shared_ptr<const Program>& program,
                                            Scope& scope);
// compile + module_from_program with a fresh scope; `id` becomes the module's id.
std::shared_ptr<const Module> module_from_source(const EngineCore& core, std::string_view text,
                                                 std::string source_name, std::string id);

}  // namespace rhai::api
