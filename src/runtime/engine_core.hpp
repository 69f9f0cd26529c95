// EngineCore: the configuration and function tables every stage reads.
//
// The public rhai::Engine (src/api) owns one. The parser reads the syntax options, the VM
// reads limits and callbacks, packages register into `functions`. After configuration an
// EngineCore is only read, so several threads may evaluate with it at once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>

#include "rhai/dynamic.hpp"
#include "runtime/native.hpp"
#include "runtime/native_memo.hpp"

namespace rhai {

class Module;          // rhai/module.hpp
class ModuleResolver;  // rhai/module_resolver.hpp

// Rhai's limits; 0 means unlimited where Rhai says so.
struct Limits {
    uint64_t max_operations = 0;
    uint32_t max_call_levels = 64;       // Rhai's default (debug builds use 8; release 64)
    uint32_t max_expr_depth = 64;        // top level
    uint32_t max_function_expr_depth = 32;
    size_t max_string_size = 0;
    size_t max_array_size = 0;
    size_t max_map_size = 0;
    size_t max_variables = 0;
    size_t max_functions = 0;
    size_t max_modules = SIZE_MAX;
    // Bytes held by the values of one evaluation (task); 0 = unlimited. Not a Rhai limit: see
    // docs/reliability.md for what is counted and when.
    size_t max_memory = 0;
};

enum class OptimizationLevel : uint8_t { None, Simple, Full };

struct EngineCore {
    FunctionRegistry functions;
    // Resolutions of `functions` shared by every task (behind each task's call-site caches).
    std::unique_ptr<NativeMemo> native_memo = std::make_unique<NativeMemo>();
    Limits limits;
    OptimizationLevel optimization = OptimizationLevel::Simple;

    // Output hooks. Defaults (set by the api layer) write print to stdout, debug to stderr.
    std::function<void(std::string_view text)> on_print;
    // debug(text, source, position)
    std::function<void(std::string_view text, std::string_view source, Position pos)> on_debug;
    // Called every operation-count tick; returning a non-unit value terminates the script
    // with ErrorTerminated carrying that token.
    std::function<Dynamic(uint64_t operations)> on_progress;

    // Syntax options.
    std::set<std::string, std::less<>> disabled_symbols;
    std::unordered_map<std::string, int> custom_operators;  // operator -> precedence
    bool strict_variables = false;
    bool fail_on_invalid_map_property = false;
    bool allow_eval = true;

    // ---- embedding API (set through rhai::Engine, src/api) ----
    // Loads `import "path"`. Null: every import fails with ErrorModuleNotFound.
    std::shared_ptr<ModuleResolver> module_resolver;
    // Modules registered with Engine::register_static_module: `name::f()`, `name::X`.
    std::map<std::string, std::shared_ptr<const Module>, std::less<>> static_modules;
    // Engine::on_var: consulted for a variable that is not a local of the script (before the
    // Scope / eval-created variables). A value answers the lookup; nullopt continues the normal
    // lookup; a thrown EvalError fails the script.
    std::function<std::optional<Dynamic>(std::string_view name)> on_var;
    // Engine::register_type_with_name: the Rhai name of a host type (type_of, error messages).
    std::unordered_map<std::type_index, std::string> custom_type_names;
};

}  // namespace rhai
