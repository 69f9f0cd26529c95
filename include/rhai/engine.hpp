// rhai::Engine: compiles and runs Rhai scripts, and holds everything a script can reach —
// registered functions and types, modules, options and limits.
//
//   rhai::Engine engine;                                   // with the standard packages
//   engine.register_fn("add", [](rhai::INT a, rhai::INT b) { return a + b; });
//   rhai::INT x = engine.eval<rhai::INT>("add(40, 2)");    // 42
//
// THREAD SAFETY. Configure first (register_*, set_*, on_*), then evaluate. Once configured, one
// Engine may evaluate from any number of threads at the same time: every evaluation method is
// const and only reads the configuration. Registration and option setters must not run
// concurrently with evaluations. Each concurrent evaluation needs its own Scope; ASTs and
// Modules are immutable and may be shared. Registered host functions and callbacks (on_print,
// on_progress, ...) are called on the evaluating thread and must themselves be thread-safe
// when the Engine is used from several threads.
//
// ERRORS. Syntax errors throw rhai::ParseError; runtime errors throw rhai::EvalError (kind(),
// position(), message(), inner() for the call chain). Both derive from rhai::Error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "rhai/ast.hpp"
#include "rhai/async.hpp"
#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"
#include "rhai/module.hpp"
#include "rhai/module_resolver.hpp"
#include "rhai/register_fn.hpp"
#include "rhai/result.hpp"
#include "rhai/scope.hpp"
#include "runtime/engine_core.hpp"

namespace rhai {

namespace detail {
// One register_async_fn registration (async_engine.cpp).
struct AsyncSite {
    std::string name;
    AsyncFnOptions options;
    std::weak_ptr<AsyncHub> hub;
};
// Runs the host's part of an async call: `body(env, completion)` calls the registered callable
// with the call's Completion. Returns the call's value when the host answered at once,
// otherwise suspends the script at this call (or, in a synchronous eval, fails with an error
// naming eval_async, or blocks in blocking mode).
using AsyncBody = void (*)(void* env, Completion completion);
Dynamic invoke_async(const AsyncSite& site, NativeCallContext& ctx, AsyncBody body, void* env);
}  // namespace detail

class Engine {
public:
    // An engine with Rhai's standard packages (strings, arrays, maps, math, time, ...).
    Engine();
    // An engine with no functions at all (not even `+` on strings): Rhai's Engine::new_raw().
    static Engine new_raw();

    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    ~Engine();

    // ---- evaluation ----------------------------------------------------------------------
    // The value of the script's last expression, as a T (Dynamic: whatever it is). A value of
    // another type throws EvalError(ErrorMismatchOutputType).
    template <class T = Dynamic>
    T eval(std::string_view script) const {
        return output<T>(eval_dynamic(nullptr, script));
    }
    // As eval, with variables from `scope`; top-level `let`s of the script are added to it.
    template <class T = Dynamic>
    T eval_with_scope(Scope& scope, std::string_view script) const {
        return output<T>(eval_dynamic(&scope, script));
    }
    void run(std::string_view script) const { eval_dynamic(nullptr, script); }
    void run_with_scope(Scope& scope, std::string_view script) const { eval_dynamic(&scope, script); }

    // Parse and compile once; run many times with eval_ast / run_ast / call_fn.
    AST compile(std::string_view script) const;
    // Reads and compiles a file; its path becomes the AST's source (error messages, imports).
    AST compile_file(const std::filesystem::path& path) const;

    template <class T = Dynamic>
    T eval_ast(const AST& ast) const {
        return output<T>(eval_ast_dynamic(nullptr, ast));
    }
    template <class T = Dynamic>
    T eval_ast_with_scope(Scope& scope, const AST& ast) const {
        return output<T>(eval_ast_dynamic(&scope, ast));
    }
    void run_ast(const AST& ast) const { eval_ast_dynamic(nullptr, ast); }
    void run_ast_with_scope(Scope& scope, const AST& ast) const { eval_ast_dynamic(&scope, ast); }

    template <class T = Dynamic>
    T eval_file(const std::filesystem::path& path) const {
        return eval_ast<T>(compile_file(path));
    }
    void run_file(const std::filesystem::path& path) const { run_ast(compile_file(path)); }

    // Calls the script function `name` defined in `ast` with C++ arguments (converted with
    // Dynamic::from). As in Rhai, the AST's top-level statements run first (so its global
    // constants exist) and the scope is rewound afterwards.
    template <class T = Dynamic, class... Args>
    T call_fn(Scope& scope, const AST& ast, std::string_view name, Args&&... args) const {
        std::vector<Dynamic> argv;
        argv.reserve(sizeof...(Args));
        (argv.push_back(Dynamic::from(std::forward<Args>(args))), ...);
        return output<T>(call_fn_raw(scope, ast, name, std::move(argv)));
    }
    // The general form: `eval_ast` runs the top-level statements first, `rewind_scope` drops
    // the variables they defined afterwards.
    Dynamic call_fn_raw(Scope& scope, const AST& ast, std::string_view name,
                        std::vector<Dynamic> args, bool eval_ast = true,
                        bool rewind_scope = true) const;

    // A module made of the script's exported variables and non-private functions (what
    // `import` produces for a file).
    std::shared_ptr<Module> eval_ast_as_module(Scope& scope, const AST& ast) const;

    // ---- functions -----------------------------------------------------------------------
    // Registers a C++ function under `name` (see runtime/register.hpp for the type mapping).
    // Free functions, lambdas (capturing too), function objects and member functions; a first
    // parameter `T&` makes a method that mutates its receiver; a later registration with the
    // same name and parameter types replaces the earlier one; different arities or types are
    // overloads. Returning rhai::Result<T> with an error, or throwing rhai::EvalError (or any
    // std::exception), raises a script error.
    template <class F>
    Engine& register_fn(std::string_view name, F&& f) {
        return register_native(native_fn(std::string(name), std::forward<F>(f)));
    }
    // An already-built native (full control over parameter types and flags).
    Engine& register_native(NativeFunction fn);

    // ---- async host functions (include/rhai/async.hpp, docs/async.md) ---------------------
    // Registers `f(rhai::Completion done, Args... args)`: the Args are deduced as for
    // register_fn; `done` is completed now or later (done.resolve(v) / done.reject(msg)), from
    // any thread. To the script it is an ordinary call: `let user = fetch_user("123");`.
    template <class F>
    Engine& register_async_fn(std::string_view name, F&& f, AsyncFnOptions options = {}) {
        using D = std::decay_t<F>;
        return register_async_impl(name, D(std::forward<F>(f)), std::move(options),
                                   static_cast<typename detail::callable_traits<D>::type*>(nullptr));
    }

    // Starts an evaluation on this thread; it runs until the script finishes, fails, waits for
    // a host call or yields, and the returned Task tells which. Syntax errors throw ParseError.
    Task eval_async(std::string_view script, TaskOptions options = {}) const;
    Task eval_async_with_scope(Scope& scope, std::string_view script, TaskOptions options = {}) const;
    Task eval_ast_async(const AST& ast, TaskOptions options = {}) const;
    Task eval_ast_async_with_scope(Scope& scope, const AST& ast, TaskOptions options = {}) const;
    template <class... Args>
    Task call_fn_async(Scope& scope, const AST& ast, std::string_view name, Args&&... args) const {
        std::vector<Dynamic> argv;
        argv.reserve(sizeof...(Args));
        (argv.push_back(Dynamic::from(std::forward<Args>(args))), ...);
        return call_fn_raw_async(scope, ast, name, std::move(argv));
    }
    Task call_fn_raw_async(Scope& scope, const AST& ast, std::string_view name,
                           std::vector<Dynamic> args, bool eval_ast = true, bool rewind_scope = true,
                           TaskOptions options = {}) const;

    // Default timeout of every async host call (none by default; a function's own
    // AsyncFnOptions::timeout wins). Expiry raises a catchable ErrorTimeout at the call.
    Engine& set_call_timeout(std::optional<std::chrono::nanoseconds> timeout);
    // Concurrent pending host calls over all tasks of this engine (default 1,000,000); past it
    // a call raises a catchable ErrorTooManyPendingCalls. A task waits on one call at a time.
    Engine& set_max_pending_calls(size_t n);
    std::optional<std::chrono::nanoseconds> call_timeout() const;
    size_t max_pending_calls() const;
    // The clock deadlines are measured on (default: std::chrono::steady_clock::now).
    Engine& set_clock(std::function<TimePoint()> clock);
    TimePoint now() const;
    // The earliest call timeout or task deadline still armed, if any.
    std::optional<TimePoint> next_deadline() const;
    // Applies every timeout and deadline due at `now` (default: the engine's clock): expired
    // calls raise ErrorTimeout in their scripts, tasks past their deadline fail. The scripts
    // continue inside this call, on this thread. Returns how many expired. Those due are
    // applied in deadline order; equal deadlines in the order they were armed.
    size_t expire(TimePoint now) const;
    size_t expire() const { return expire(now()); }
    // Continuations of completed calls are handed to `executor` (to run on the host's loop)
    // instead of running inside resolve()/reject(). Null: run inline.
    Engine& set_executor(std::function<void(std::function<void()>)> executor);
    // Lets synchronous eval call async functions by blocking the evaluating thread until
    // another thread completes the call (or its timeout passes, in real time). Off by default:
    // then such a call fails at once with an error naming eval_async.
    Engine& set_blocking_async(bool on);
    // The site detail::invoke_async needs, for natives built by hand (register_native) that
    // act as async host functions of this engine, e.g. the C ABI's JSON callbacks.
    std::shared_ptr<const detail::AsyncSite> make_async_site(std::string_view name,
                                                             AsyncFnOptions options = {}) const {
        return std::make_shared<const detail::AsyncSite>(
            detail::AsyncSite{std::string(name), std::move(options), async_hub_weak()});
    }
    // Pending host calls right now, and the handle of one by id (nullopt if not pending).
    size_t pending_call_count() const;
    std::optional<Completion> find_call(uint64_t id) const;

    // Parses a JSON document into a value (objects -> Map, arrays -> Array, null -> ()), as the
    // script function parse_json does. Throws EvalError on malformed input.
    static Dynamic parse_json(std::string_view json);

    // ---- custom types --------------------------------------------------------------------
    // Names host type T for scripts (type_of(), error messages); print/debug use the
    // `to_string`/`to_debug` registered for T (default: the name). Registers `==`/`!=` when T
    // has operator==. Values of T reach scripts through Dynamic::from / registered functions.
    template <class T>
    Engine& register_type_with_name(std::string name) {
        static_assert(detail::CustomType<T>, "register_type: T must be a copyable class type");
        set_type_name(typeid(T), name);
        register_fn("type_of", [name](const T&) { return name; });
        register_printing(ParamType::custom_type<T>());
        if constexpr (std::equality_comparable<T>) {
            register_fn("==", [](const T& a, const T& b) { return a == b; });
            register_fn("!=", [](const T& a, const T& b) { return !(a == b); });
        }
        return *this;
    }
    template <class T>
    Engine& register_type() {
        return register_type_with_name<T>(detail::demangle(typeid(T).name()));
    }
    // The name registered for a host type ("" if none).
    std::string type_name_of(const std::type_info& type) const;

    // `obj.name` (getter: const T& or T& -> V) and `obj.name = v` (setter: T&, V).
    template <class G>
    Engine& register_get(std::string_view name, G&& getter) {
        return register_fn("get$" + std::string(name), std::forward<G>(getter));
    }
    template <class S>
    Engine& register_set(std::string_view name, S&& setter) {
        static_assert_mutating<S>();
        return register_fn("set$" + std::string(name), std::forward<S>(setter));
    }
    template <class G, class S>
    Engine& register_get_set(std::string_view name, G&& getter, S&& setter) {
        register_get(name, std::forward<G>(getter));
        return register_set(name, std::forward<S>(setter));
    }
    // `obj[idx]` (getter: T, Idx -> V) and `obj[idx] = v` (setter: T&, Idx, V).
    template <class G>
    Engine& register_indexer_get(G&& getter) {
        return register_fn("index$get$", std::forward<G>(getter));
    }
    template <class S>
    Engine& register_indexer_set(S&& setter) {
        static_assert_mutating<S>();
        return register_fn("index$set$", std::forward<S>(setter));
    }
    template <class G, class S>
    Engine& register_indexer_get_set(G&& getter, S&& setter) {
        register_indexer_get(std::forward<G>(getter));
        return register_indexer_set(std::forward<S>(setter));
    }

    // ---- modules -------------------------------------------------------------------------
    // Every function of `module` becomes callable without a prefix (its variables and
    // sub-modules are ignored, as in Rhai).
    Engine& register_global_module(std::shared_ptr<const Module> module);
    // `name::f()`, `name::X`, `name::sub::g()`.
    Engine& register_static_module(std::string name, std::shared_ptr<const Module> module);
    // The same for a Module built in place (`engine.register_static_module("m", std::move(m))`):
    // the Engine keeps it; share it through a shared_ptr to register it on several engines.
    Engine& register_global_module(Module module) {
        return register_global_module(std::make_shared<const Module>(std::move(module)));
    }
    Engine& register_static_module(std::string name, Module module) {
        return register_static_module(std::move(name), std::make_shared<const Module>(std::move(module)));
    }
    // What `import "path"` loads; default: FileModuleResolver on the current directory.
    Engine& set_module_resolver(std::shared_ptr<ModuleResolver> resolver);
    const std::shared_ptr<ModuleResolver>& module_resolver() const;
    // Forbids `import`: every import fails with ErrorModuleNotFound.
    Engine& disable_imports() { return set_module_resolver(std::make_shared<DummyModuleResolver>()); }

    // ---- limits (0 = unlimited unless noted) ---------------------------------------------
    Engine& set_max_operations(uint64_t n);
    Engine& set_max_call_levels(uint32_t n);
    // Expression nesting at top level and inside functions (checked while parsing).
    Engine& set_max_expr_depths(uint32_t top_level, uint32_t functions);
    Engine& set_max_string_size(size_t n);
    Engine& set_max_array_size(size_t n);
    Engine& set_max_map_size(size_t n);
    Engine& set_max_variables(size_t n);
    Engine& set_max_functions(size_t n);
    Engine& set_max_modules(size_t n);
    // Bytes the values of one evaluation or task may hold (beyond Rhai; docs/reliability.md):
    // past it the evaluation fails with ErrorMemoryLimit, which `catch` cannot intercept.
    Engine& set_max_memory(size_t bytes);
    const Limits& limits() const;

    // ---- callbacks -----------------------------------------------------------------------
    // Called as operations are counted; returning a value (not nullopt, not ()) stops the
    // script with ErrorTerminated carrying that value as its token.
    Engine& on_progress(std::function<std::optional<Dynamic>(uint64_t operations)> callback);
    // print(text) / debug(text): default to stdout / stderr.
    Engine& on_print(std::function<void(std::string_view text)> callback);
    Engine& on_debug(
        std::function<void(std::string_view text, std::string_view source, Position pos)> callback);
    // Resolves variables that are not locals of the script (before the Scope is searched):
    // a value answers, nullopt continues the normal lookup, a thrown EvalError fails.
    Engine& on_var(std::function<std::optional<Dynamic>(std::string_view name)> callback);

    // ---- language options ----------------------------------------------------------------
    // Turns a keyword or operator off: using it becomes a syntax error.
    Engine& disable_symbol(std::string symbol);
    // A new binary operator (an identifier or symbol) with Rhai's precedence scale (`||` 30,
    // `&&` 60, `==` 90, `<` 130, `+` 150, `*` 180, `**` 190); implement it with register_fn of
    // two parameters. Throws std::invalid_argument for a reserved or active built-in symbol.
    Engine& register_custom_operator(std::string symbol, int precedence);
    // Undefined variables become parse errors.
    Engine& set_strict_variables(bool on);
    Engine& set_optimization_level(OptimizationLevel level);
    // Reading a missing property of an object map raises an error instead of giving ().
    Engine& set_fail_on_invalid_map_property(bool on);
    // Allows or forbids `eval(...)` inside scripts.
    Engine& set_allow_eval(bool on);

    bool strict_variables() const;
    OptimizationLevel optimization_level() const;
    bool fail_on_invalid_map_property() const;

    // The configuration every stage reads (advanced use: packages, the C API).
    EngineCore& core() { return *core_; }
    const EngineCore& core() const { return *core_; }

private:
    struct Raw {};
    explicit Engine(Raw);

    template <class F, class R, class C, class... A>
    Engine& register_async_impl(std::string_view name, F f, AsyncFnOptions options,
                                detail::signature<R, C, A...>*) {
        static_assert(std::is_same_v<std::remove_cvref_t<C>, Completion>,
                      "register_async_fn: the first parameter must be rhai::Completion");
        auto site = std::make_shared<const detail::AsyncSite>(
            detail::AsyncSite{std::string(name), std::move(options), async_hub_weak()});
        auto native = [site, f = std::move(f)](NativeCallContext& ctx, A... a) mutable -> Dynamic {
            auto argv = std::forward_as_tuple(std::forward<A>(a)...);
            struct Env {
                F* f;
                decltype(argv)* args;
            } env{&f, &argv};
            return detail::invoke_async(*site, ctx, [](void* p, Completion done) {
                Env& e = *static_cast<Env*>(p);
                std::apply([&](auto&&... xs) { std::invoke(*e.f, std::move(done), std::forward<decltype(xs)>(xs)...); },
                           *e.args);
            }, &env);
        };
        return register_native(native_fn(std::string(name), std::move(native)));
    }
    std::weak_ptr<detail::AsyncHub> async_hub_weak() const;

    Dynamic eval_dynamic(Scope* scope, std::string_view script) const;
    Dynamic eval_ast_dynamic(Scope* scope, const AST& ast) const;
    void set_type_name(const std::type_info& type, const std::string& name);
    void register_printing(const ParamType& type);  // custom_display.cpp

    template <class T>
    static T output(Dynamic value) {
        if constexpr (std::is_same_v<T, Dynamic>) return value.flatten();
        else if constexpr (std::is_void_v<T>) return;
        else return value.cast<T>();
    }
    template <class S>
    static constexpr void static_assert_mutating() {
        using D = std::decay_t<S>;
        using Sig = std::conditional_t<std::is_member_function_pointer_v<D>,
                                       detail::member_traits<D>, detail::callable_traits<D>>;
        using Args = typename Sig::type::args;
        if constexpr (std::tuple_size_v<Args> > 0) {
            static_assert(detail::is_mut_ref_v<std::tuple_element_t<0, Args>>,
                          "setters take the object by non-const reference (T&) so they can change it");
        }
    }

    std::unique_ptr<EngineCore> core_;
    std::shared_ptr<detail::AsyncHub> hub_;  // async tasks and pending calls (async_engine.cpp)
};

}  // namespace rhai
