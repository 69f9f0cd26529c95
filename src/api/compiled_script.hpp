// What an AST holds: the compiled program plus what is needed to run it with a Scope.
//
// Scope variables are bound at compile time (see scope_binding.hpp), so running an AST with a
// Scope uses a *variant* of the program compiled for that scope's shape (its variable names and
// which are constants). Variants are built on first use and cached here; the cache is shared
// by every copy of the AST and guarded by a mutex, so threads may run one AST concurrently.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "compiler/bytecode.hpp"

namespace rhai::api {

struct CompiledScript {
    std::shared_ptr<const Program> program;  // compiled without any scope
    std::string text;                        // the source, to compile variants
    std::string source_name;                 // file name or ""

    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const Program>, std::less<>> variants;
};

}  // namespace rhai::api
