// Script functions of a module (a script loaded by a resolver, or eval_ast_as_module) exposed
// as natives of the Module, so `m::f(...)` resolves exactly like a C++ module function.
//
// The VM enters such a function as a frame of the running task (NativeFunction::script), so
// it can suspend for async host calls. The native entry point serves callers outside the VM:
// it runs the function on a nested VM task, where a pending host call is an error.
#include <memory>

#include "api/evaluate.hpp"
#include "compiler/bytecode.hpp"
#include "vm/task.hpp"

namespace rhai::api {

namespace {

struct ScriptFnState {
    std::shared_ptr<const Program> program;
    std::string name;
    size_t arity;
};

Dynamic invoke_script_fn(const void* state, NativeCallContext& ctx, Dynamic** args) {
    const auto& s = *static_cast<const ScriptFnState*>(state);
    std::vector<Dynamic> argv;
    argv.reserve(s.arity);
    for (size_t i = 0; i < s.arity; ++i) argv.push_back(args[i]->flatten());
    EngineCore& core = ctx.engine();
    vm::Task task(core, s.program, prelude_for(core), Dynamic::fn_ptr(s.name), std::move(argv));
    switch (task.run()) {
        case vm::Status::Finished: return task.result();
        case vm::Status::Failed: throw task.error();
        default:
            throw EvalError(ErrorKind::ErrorSystem,
                            "module function '" + s.name + "' cannot wait for the host here; use eval_async");
    }
}

}  // namespace

void add_script_functions(Module& module, const std::shared_ptr<const Program>& program,
                          std::shared_ptr<const ScriptGlobals> constants) {
    for (const auto& fn : program->functions) {
        if (!fn || fn->is_private || fn->is_anonymous || !fn->this_type.empty()) continue;
        NativeFunction nf;
        nf.name = fn->name;
        nf.params.assign(fn->arity, ParamType::dynamic());
        nf.invoke = &invoke_script_fn;
        nf.state = std::make_shared<const ScriptFnState>(ScriptFnState{program, fn->name, fn->arity});
        nf.script = program->handle(fn.get());
        nf.script_globals = constants;
        module.set_raw_fn(std::move(nf));
    }
}

}  // namespace rhai::api
