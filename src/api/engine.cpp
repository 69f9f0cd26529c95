// rhai::Engine: construction, registration, options, limits and callbacks.
// Evaluation lives in engine_eval.cpp.
#include "rhai/engine.hpp"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "api/async_state.hpp"
#include "api/scope_binding.hpp"
#include "packages/map_json.hpp"
#include "rhai/diagnostic.hpp"
#include "packages/packages.hpp"
#include "syntax/keywords.hpp"

namespace rhai {

namespace {

// Rhai's default output (Engine::new): print and debug to stdout, debug as
// "source @ line:col | text" (format_debug_line).
void install_default_output(EngineCore& core) {
    core.on_print = [](std::string_view text) {
        std::cout << text << '\n';
        std::cout.flush();
    };
    core.on_debug = [](std::string_view text, std::string_view source, Position pos) {
        std::cout << format_debug_line(text, source, pos) << '\n';
        std::cout.flush();
    };
}

// The functions every engine starts with, registered once per process (thread-safe static
// initialisation) and shared read-only by every engine; an engine's own registrations go into
// its own layer over it (FunctionRegistry's base), so engines stay independent.
std::shared_ptr<const FunctionRegistry> build_base_functions(bool standard_packages) {
    EngineCore scratch;
    api::register_scope_natives(scratch);
    if (standard_packages) {
        packages::register_standard_packages(scratch);
        detail::register_sleep(scratch);  // needs the async hub, so it lives in the api layer
    }
    return std::make_shared<const FunctionRegistry>(std::move(scratch.functions));
}

const std::shared_ptr<const FunctionRegistry>& base_functions(bool standard_packages) {
    // Separate statics, so a process that only makes one kind of engine builds only that one.
    if (standard_packages) {
        static const std::shared_ptr<const FunctionRegistry> standard = build_base_functions(true);
        return standard;
    }
    static const std::shared_ptr<const FunctionRegistry> raw = build_base_functions(false);
    return raw;
}

std::unique_ptr<EngineCore> make_core(bool standard_packages) {
    auto core = std::make_unique<EngineCore>();
    core->functions = FunctionRegistry(base_functions(standard_packages));
    install_default_output(*core);
    core->module_resolver = std::make_shared<FileModuleResolver>();
    return core;
}

}  // namespace

Engine::Engine() : core_(make_core(true)), hub_(detail::make_async_hub(core_.get())) {}
Engine::Engine(Raw) : core_(make_core(false)), hub_(detail::make_async_hub(core_.get())) {}
Engine Engine::new_raw() { return Engine(Raw{}); }

Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&& o) noexcept {
    if (this != &o) {
        if (hub_) hub_->shutdown();  // the tasks of the engine being replaced end with it
        core_ = std::move(o.core_);
        hub_ = std::move(o.hub_);
    }
    return *this;
}
Engine::~Engine() {
    if (hub_) hub_->shutdown();
}

// ---- functions and types ----------------------------------------------------------------------

Engine& Engine::register_native(NativeFunction fn) {
    core_->functions.add(std::move(fn));
    return *this;
}

void Engine::set_type_name(const std::type_info& type, const std::string& name) {
    core_->custom_type_names[std::type_index(type)] = name;
}

std::string Engine::type_name_of(const std::type_info& type) const {
    auto it = core_->custom_type_names.find(std::type_index(type));
    return it == core_->custom_type_names.end() ? std::string() : it->second;
}

// ---- modules ------------------------------------------------------------------------------------

Engine& Engine::register_global_module(std::shared_ptr<const Module> module) {
    if (!module) throw std::invalid_argument("register_global_module: null module");
    for (const NativeFunction& fn : module->native_functions()) core_->functions.add(fn);
    return *this;
}

namespace {

// The compiler turns `a::b::f(x)` into a call by the qualified name "a::b::f", so a static
// module's functions (and its sub-modules', recursively) are registered under that name.
void register_qualified(EngineCore& core, const std::string& prefix, const Module& module, int depth) {
    if (depth > 64) throw std::invalid_argument("register_static_module: sub-modules nest too deeply");
    for (const NativeFunction& fn : module.native_functions()) {
        NativeFunction copy = fn;
        copy.name = prefix + "::" + fn.name;
        core.functions.add(std::move(copy));
    }
    for (const auto& [name, sub] : module.sub_modules())
        if (sub) register_qualified(core, prefix + "::" + name, *sub, depth + 1);
}

}  // namespace

Engine& Engine::register_static_module(std::string name, std::shared_ptr<const Module> module) {
    if (!module) throw std::invalid_argument("register_static_module: null module");
    if (name.empty()) throw std::invalid_argument("register_static_module: empty name");
    register_qualified(*core_, name, *module, 0);
    core_->static_modules[std::move(name)] = std::move(module);
    return *this;
}

Engine& Engine::set_module_resolver(std::shared_ptr<ModuleResolver> resolver) {
    core_->module_resolver = std::move(resolver);
    return *this;
}

const std::shared_ptr<ModuleResolver>& Engine::module_resolver() const {
    return core_->module_resolver;
}

// ---- limits -------------------------------------------------------------------------------------

Engine& Engine::set_max_operations(uint64_t n) {
    core_->limits.max_operations = n;
    return *this;
}
Engine& Engine::set_max_call_levels(uint32_t n) {
    core_->limits.max_call_levels = n;
    return *this;
}
Engine& Engine::set_max_expr_depths(uint32_t top_level, uint32_t functions) {
    core_->limits.max_expr_depth = top_level;
    core_->limits.max_function_expr_depth = functions;
    return *this;
}
Engine& Engine::set_max_string_size(size_t n) {
    core_->limits.max_string_size = n;
    return *this;
}
Engine& Engine::set_max_array_size(size_t n) {
    core_->limits.max_array_size = n;
    return *this;
}
Engine& Engine::set_max_map_size(size_t n) {
    core_->limits.max_map_size = n;
    return *this;
}
Engine& Engine::set_max_memory(size_t bytes) {
    core_->limits.max_memory = bytes;
    return *this;
}
Engine& Engine::set_max_variables(size_t n) {
    core_->limits.max_variables = n;
    return *this;
}
Engine& Engine::set_max_functions(size_t n) {
    core_->limits.max_functions = n;
    return *this;
}
Engine& Engine::set_max_modules(size_t n) {
    core_->limits.max_modules = n;
    return *this;
}
const Limits& Engine::limits() const { return core_->limits; }

// ---- callbacks ----------------------------------------------------------------------------------

Engine& Engine::on_progress(std::function<std::optional<Dynamic>(uint64_t)> callback) {
    if (!callback) {
        core_->on_progress = nullptr;
        return *this;
    }
    // The VM's convention: a unit result continues, anything else terminates with it.
    core_->on_progress = [cb = std::move(callback)](uint64_t ops) -> Dynamic {
        std::optional<Dynamic> token = cb(ops);
        return token ? std::move(*token) : Dynamic();
    };
    return *this;
}

Engine& Engine::on_print(std::function<void(std::string_view)> callback) {
    core_->on_print = callback ? std::move(callback) : [](std::string_view) {};
    return *this;
}

Engine& Engine::on_debug(std::function<void(std::string_view, std::string_view, Position)> callback) {
    core_->on_debug = callback ? std::move(callback)
                               : [](std::string_view, std::string_view, Position) {};
    return *this;
}

Engine& Engine::on_var(std::function<std::optional<Dynamic>(std::string_view)> callback) {
    core_->on_var = std::move(callback);
    return *this;
}

// ---- language options ---------------------------------------------------------------------------

Engine& Engine::disable_symbol(std::string symbol) {
    core_->disabled_symbols.insert(std::move(symbol));
    return *this;
}

Engine& Engine::register_custom_operator(std::string symbol, int precedence) {
    if (symbol.empty()) throw std::invalid_argument("custom operator: empty symbol");
    if (precedence <= 0) throw std::invalid_argument("custom operator '" + symbol + "': precedence must be positive");
    bool disabled = core_->disabled_symbols.count(symbol) != 0;
    // A built-in keyword or operator may only be reused after disable_symbol, as in Rhai.
    if (!disabled && syntax::lookup_keyword_or_symbol(symbol)) {
        bool is_word = syntax::is_id_start(static_cast<unsigned char>(symbol[0]));
        throw std::invalid_argument("'" + symbol + "' is a reserved " +
                                    (is_word ? "keyword" : "operator"));
    }
    if (!disabled && syntax::reserved_info(symbol).reserved)
        throw std::invalid_argument("'" + symbol + "' is a reserved symbol");
    core_->custom_operators[std::move(symbol)] = precedence;
    return *this;
}

Engine& Engine::set_strict_variables(bool on) {
    core_->strict_variables = on;
    return *this;
}
Engine& Engine::set_optimization_level(OptimizationLevel level) {
    core_->optimization = level;
    return *this;
}
Engine& Engine::set_fail_on_invalid_map_property(bool on) {
    core_->fail_on_invalid_map_property = on;
    return *this;
}
Engine& Engine::set_allow_eval(bool on) {
    // As Rhai hosts forbid it: `eval` becomes a disabled symbol, so a script using it does not
    // compile. The VM checks the flag too, for code compiled before the change (an AST kept).
    core_->allow_eval = on;
    if (on) core_->disabled_symbols.erase("eval");
    else core_->disabled_symbols.insert("eval");
    return *this;
}

bool Engine::strict_variables() const { return core_->strict_variables; }
OptimizationLevel Engine::optimization_level() const { return core_->optimization; }
bool Engine::fail_on_invalid_map_property() const { return core_->fail_on_invalid_map_property; }

Dynamic Engine::parse_json(std::string_view json) { return packages::json::parse(json); }

}  // namespace rhai
