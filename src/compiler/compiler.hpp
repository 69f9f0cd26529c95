// AST -> bytecode.
//
// Variables are resolved to frame slots at compile time; names that do not resolve compile to
// LOAD_DYN/STORE_DYN (variables created at run time by `eval`, or a `f!()` caller's scope), which
// raise ErrorVariableNotFound when nothing provides them. Script functions see only their
// parameters and `global::CONST`; closures capture outer variables by sharing (Shared cells
// curried as their first arguments). Literal arithmetic is folded (Rhai's Simple level).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "compiler/bytecode.hpp"
#include "runtime/engine_core.hpp"
#include "syntax/ast.hpp"
#include "syntax/parser.hpp"

namespace rhai::compiler {

struct CompileOptions {
    OptimizationLevel optimization = OptimizationLevel::Simple;
    // Code run by `eval`: top-level `let`s create run-time variables in the caller's scope
    // (DEFINE_DYN) instead of slots, so the caller sees them afterwards.
    bool eval_mode = false;
};

// Compiles a parsed script. Throws rhai::ParseError for errors the parser leaves to the
// compiler (assignment to a constant, break outside a loop, too many locals).
std::shared_ptr<Program> compile(const syntax::Script& script, const CompileOptions& options = {});

// Parses and compiles source text (throws rhai::ParseError). Defined in compile_source.cpp,
// the compiler's only use of the parser's entry point.
std::shared_ptr<Program> compile_source(std::string_view source, const EngineCore& engine,
                                        std::string source_name = "", bool eval_mode = false);

// The parser's options from an engine's settings (limits, disabled symbols, custom operators).
syntax::ParseOptions parse_options(const EngineCore& engine);

// Human-readable listing of every function of a program (rhai-run --dump, compiler tests).
std::string disassemble(const Program& program);
std::string disassemble(const ScriptFunction& fn);

}  // namespace rhai::compiler
