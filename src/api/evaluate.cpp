// The API's bridge to parser, compiler and VM: compile with the engine's options, run
// synchronously, bind Scopes, call script functions, build modules from scripts.
#include "api/evaluate.hpp"

#include "api/compiled_script.hpp"
#include "api/scope_binding.hpp"
#include "compiler/compiler.hpp"
#include "packages/packages.hpp"
#include "syntax/parser.hpp"
#include "vm/task.hpp"

namespace rhai::api {

namespace {

syntax::Script parse(EngineCore& core, std::string_view text, const std::string& source_name) {
    syntax::Script script = syntax::parse(text, compiler::parse_options(core), source_name);
    if (core.limits.max_functions != 0 && script.functions.size() > core.limits.max_functions) {
        const auto& extra = *script.functions[core.limits.max_functions];
        throw ParseError(ParseErrorKind::TooManyFunctions,
                         "Number of functions defined exceeds the maximum limit", extra.pos);
    }
    return script;
}

// Strict variables: every name the compiler could not bind to a local or a constant compiles to
// a run-time lookup (LOAD_DYN / STORE_DYN); in strict mode those are parse errors.
void check_strict(const EngineCore& core, const Program& program) {
    if (!core.strict_variables) return;
    auto check = [](const ScriptFunction& fn) {
        for (size_t pc = 0; pc < fn.code.size(); ++pc) {
            const bc::Instr& in = fn.code[pc];
            // A place rooted at a variable with no slot (x[0] = v, x.push(v)) names it too.
            const bc::Place* place = nullptr;
            if (in.op == bc::Op::SET_PLACE || in.op == bc::Op::UPDATE_PLACE) place = &fn.places[in.b];
            if (in.op == bc::Op::CALL_PLACE) place = &fn.places[size_t(fn.sites[in.b].place)];
            if (place && place->root == bc::Place::Root::Dyn)
                throw ParseError(ParseErrorKind::VariableUndefined, "Undefined variable: " + place->root_name,
                                 place->root_pos);
            if (in.op != bc::Op::LOAD_DYN && in.op != bc::Op::STORE_DYN) continue;
            const Dynamic& name = fn.constants[in.c];
            Position pos = pc < fn.positions.size() ? fn.positions[pc] : Position{};
            throw ParseError(ParseErrorKind::VariableUndefined,
                             "Undefined variable: " + (name.is_string() ? name.as_string() : "?"), pos);
        }
    };
    if (program.main) check(*program.main);
    for (const auto& fn : program.functions)
        if (fn) check(*fn);
}

std::shared_ptr<const Program> compile_script(EngineCore& core, const syntax::Script& script) {
    compiler::CompileOptions co;
    co.optimization = core.optimization;
    std::shared_ptr<const Program> program = compiler::compile(script, co);
    check_strict(core, *program);
    return program;
}

// Cells a finished run no longer shares with anything go back to plain values.
void unshare(Scope& scope) {
    for (auto& e : scope.entries())
        if (e.value.is_shared() && e.value.heap()->is_unique()) e.value = e.value.flatten();
}

PreparedRun prepared(EngineCore& core, const std::shared_ptr<const Program>& program, Scope* scope) {
    PreparedRun run;
    run.task.emplace(core, program, prelude_for(core));
    if (scope) {
        run.scope = scope;
        run.binding = std::make_unique<RunBinding>(RunBinding{scope});
        run.task->set_host(nullptr, run.binding.get());
    }
    return run;
}

// The program of `cs` compiled for `key`; `build` rewrites the freshly parsed script.
template <class Build>
std::shared_ptr<const Program> variant(EngineCore& core, CompiledScript& cs, const std::string& key,
                                       Build&& build) {
    {
        std::lock_guard lock(cs.mutex);
        if (auto it = cs.variants.find(key); it != cs.variants.end()) return it->second;
    }
    syntax::Script script = parse(core, cs.text, cs.source_name);
    build(script);
    std::shared_ptr<const Program> program = compile_script(core, script);
    std::lock_guard lock(cs.mutex);
    return cs.variants.emplace(key, std::move(program)).first->second;
}

}  // namespace

// The prelude (higher-order built-ins written in Rhai) needs the standard packages' helper
// natives (array.cpp registers `__prelude_not_found`); engines without them (Engine::new_raw)
// run without it. Compiled once per process.
std::shared_ptr<const Program> prelude_for(const EngineCore& core) {
    if (!core.functions.contains_name("__prelude_not_found")) return nullptr;
    static const std::shared_ptr<const Program> prelude = [] {
        EngineCore defaults;
        return std::shared_ptr<const Program>(
            compiler::compile_source(packages::prelude_source(), defaults, "prelude"));
    }();
    return prelude;
}

std::shared_ptr<CompiledScript> compile(EngineCore& core, std::string_view text, std::string source_name) {
    auto cs = std::make_shared<CompiledScript>();
    cs->text = std::string(text);
    cs->source_name = std::move(source_name);
    cs->program = compile_script(core, parse(core, cs->text, cs->source_name));
    return cs;
}

PreparedRun::PreparedRun() = default;
PreparedRun::PreparedRun(PreparedRun&&) noexcept = default;
PreparedRun& PreparedRun::operator=(PreparedRun&&) noexcept = default;
PreparedRun::~PreparedRun() = default;

void PreparedRun::release() {
    if (!scope) return;
    // The task's frames may still hold the cells: drop them first so unshare sees them unique.
    task.reset();
    unshare(*scope);
    if (rewind_to != SIZE_MAX) scope->rewind(rewind_to);
    scope = nullptr;
}

PreparedRun prepare_eval(EngineCore& core, std::string_view text, Scope* scope) {
    syntax::Script script = parse(core, text, "");
    if (scope) bind_scope(script, *scope);
    return prepared(core, compile_script(core, script), scope);
}

PreparedRun prepare_ast(EngineCore& core, CompiledScript& cs, Scope* scope) {
    if (!scope) return prepared(core, cs.program, nullptr);
    std::string key = std::string("E").append(scope_shape(*scope));  // not "E" + ...: GCC 12 -Wrestrict false positive
    auto program = variant(core, cs, key, [&](syntax::Script& s) { bind_scope(s, *scope); });
    return prepared(core, program, scope);
}

PreparedRun prepare_call(EngineCore& core, CompiledScript& cs, Scope& scope, std::string_view name,
                         std::vector<Dynamic> args, bool eval_ast, bool rewind_scope) {
    // call_fn calls script functions only (not natives of the same name), as in Rhai.
    if (!cs.program->find(name, args.size())) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        throw EvalError::function_not_found(call_signature(name, ptrs.data(), ptrs.size()));
    }
    std::string key = std::string(eval_ast ? "E" : "c").append(scope_shape(scope));
    auto program = variant(core, cs, key, [&](syntax::Script& s) {
        if (!eval_ast) s.statements.clear();
        bind_scope(s, scope);
    });
    size_t len = scope.len();
    PreparedRun run = prepared(core, program, &scope);
    if (rewind_scope) run.rewind_to = len;
    // The top-level statements run first (their constants stay visible), then the function is
    // entered directly on the same machine: a handle names exactly this script function.
    const ScriptFunction* fn = program->find(name, args.size());
    run.task->then_call(Dynamic::fn_ptr(std::string(name), {}, program->handle(fn)), std::move(args));
    return run;
}

Dynamic run_to_end(PreparedRun run) { return run_to_end(std::move(run), {}); }

Dynamic run_to_end(PreparedRun run, const std::function<void(vm::Task&)>& finished) {
    vm::Status s = run.task->run();
    if (s == vm::Status::Finished) {
        if (finished) finished(*run.task);
        Dynamic result = run.task->result();
        run.release();
        return result;
    }
    if (s == vm::Status::Failed) {
        EvalError e = run.task->error();
        run.release();
        throw e;
    }
    run.release();
    throw EvalError(ErrorKind::ErrorSystem,
                    "A host function is asynchronous (it suspended the script): use eval_async");
}

Dynamic run(EngineCore& core, const std::shared_ptr<const Program>& program) {
    return run_to_end(prepared(core, program, nullptr));
}

Dynamic eval_with_scope(EngineCore& core, std::string_view text, Scope& scope) {
    return run_to_end(prepare_eval(core, text, &scope));
}

Dynamic eval_ast_with_scope(EngineCore& core, CompiledScript& cs, Scope& scope) {
    return run_to_end(prepare_ast(core, cs, &scope));
}

Dynamic call(EngineCore& core, CompiledScript& cs, Scope& scope, std::string_view name,
             std::vector<Dynamic> args, bool eval_ast, bool rewind_scope) {
    return run_to_end(prepare_call(core, cs, scope, name, std::move(args), eval_ast, rewind_scope));
}

std::shared_ptr<Module> module_from_script(EngineCore& core, CompiledScript& cs, Scope& scope) {
    std::vector<std::pair<std::string, std::string>> exports;
    std::string key = std::string("M").append(scope_shape(scope));
    auto program = variant(core, cs, key, [&](syntax::Script& s) { bind_scope(s, scope); });
    exports = script_exports(parse(core, cs.text, cs.source_name));
    size_t len = scope.len();
    PreparedRun run = prepared(core, program, &scope);
    run.task->capture_module_state();
    std::shared_ptr<const ScriptGlobals> constants;
    std::vector<std::pair<std::string, std::shared_ptr<const Module>>> imports;
    run_to_end(std::move(run), [&](vm::Task& t) {
        constants = t.module_constants();
        imports = t.module_imports();
    });

    auto module = std::make_shared<Module>(cs.source_name);
    // Modules it imported at top level become its sub-modules (Rhai: `m::alias::x`).
    for (auto& [alias, sub] : imports) module->set_sub_module(alias, std::move(sub));
    for (const auto& [name, alias] : exports) {
        const Dynamic* v = scope.get(name);
        if (!v)
            throw EvalError::variable_not_found(name);
        module->set_var(alias, v->flatten());
    }
    scope.rewind(len);
    module->script = cs.program;
    add_script_functions(*module, cs.program, std::move(constants));
    return module;
}

std::shared_ptr<const Module> module_from_source(EngineCore& core, std::string_view text,
                                                 std::string source_name, std::string id) {
    std::shared_ptr<CompiledScript> cs = compile(core, text, std::move(source_name));
    Scope scope;
    std::shared_ptr<Module> module = module_from_script(core, *cs, scope);
    module->set_id(std::move(id));
    return module;
}

}  // namespace rhai::api
