// rhai::AST: a compiled script (Engine::compile), ready to be run many times.
//
// Compiling parses and translates to bytecode once; eval_ast/run_ast/call_fn then only run it.
// An AST is immutable and cheap to copy (shared); several threads may run the same AST at the
// same time, each with its own Scope.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace rhai {

struct Program;  // src/compiler/bytecode.hpp
namespace api {
struct CompiledScript;  // src/api/compiled_script.hpp: program, source text, scope variants
}

class AST {
public:
    // A script function the AST defines (what call_fn can call).
    struct FnInfo {
        std::string name;
        size_t arity = 0;
        bool is_private = false;
    };

    AST() = default;  // empty: runs to ()
    explicit AST(std::shared_ptr<api::CompiledScript> script) : script_(std::move(script)) {}

    bool is_empty() const { return script_ == nullptr; }
    // The name given at compilation (file name for compile_file), "" if none.
    std::string source() const;
    // Named script functions, in definition order.
    std::vector<FnInfo> functions() const;
    bool has_function(const std::string& name, size_t arity) const;

    // The compiled program (engine use; null when empty).
    std::shared_ptr<const Program> program() const;
    const std::shared_ptr<api::CompiledScript>& compiled() const { return script_; }

private:
    std::shared_ptr<api::CompiledScript> script_;
};

}  // namespace rhai
