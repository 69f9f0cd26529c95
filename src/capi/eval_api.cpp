// Synchronous evaluation: rhai_eval*, compile once / run many, rhai_call_fn.
#include "capi/handles.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

// Writes the value for the host; result_json is set only on success.
rhai_status hand_out(rhai_engine* engine, const Dynamic& value, char** result_json) {
    *result_json = dup_string(to_json(value, engine->values.get()));
    return RHAI_OK;
}

template <class F>
rhai_status evaluate(rhai_engine* engine, char** result_json, F&& run) {
    if (result_json) *result_json = nullptr;
    ValueTable* table = engine && is_live_handle(engine, HandleKind::Engine) ? engine->values.get() : nullptr;
    return guarded([&] {
        checked(engine);
        require(result_json, "result_json");
        return hand_out(engine, run(), result_json);
    }, table);
}

}  // namespace

extern "C" {

rhai_status rhai_eval(rhai_engine* engine, const char* script, char** result_json) {
    return evaluate(engine, result_json, [&] { return engine->engine.eval(text(script, "script")); });
}

rhai_status rhai_eval_with_scope(rhai_engine* engine, rhai_scope* scope, const char* script, char** result_json) {
    return evaluate(engine, result_json, [&] {
        std::string_view s = text(script, "script");
        if (rhai_scope* sc = checked_optional(scope)) return engine->engine.eval_with_scope(*sc->scope, s);
        return engine->engine.eval(s);
    });
}

rhai_status rhai_compile(rhai_engine* engine, const char* script, rhai_ast** out) {
    if (out) *out = nullptr;
    return guarded([&] {
        checked(engine);
        require(out, "out");
        auto ast = std::make_unique<rhai_ast>(rhai_ast{engine->engine.compile(text(script, "script"))});
        register_handle(ast.get(), HandleKind::Ast);
        *out = ast.release();
        return RHAI_OK;
    });
}

rhai_status rhai_ast_free(rhai_ast* ast) {
    if (!ast) return RHAI_OK;
    return guarded([&] {
        checked(static_cast<const rhai_ast*>(ast));
        unregister_handle(ast);
        delete ast;
        return RHAI_OK;
    });
}

rhai_status rhai_eval_ast(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast, char** result_json) {
    return evaluate(engine, result_json, [&] {
        const rhai_ast* a = checked(ast);
        if (rhai_scope* sc = checked_optional(scope)) return engine->engine.eval_ast_with_scope(*sc->scope, a->ast);
        return engine->engine.eval_ast(a->ast);
    });
}

rhai_status rhai_call_fn(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast, const char* name,
                         const char* args_json, char** result_json) {
    return evaluate(engine, result_json, [&] {
        const rhai_ast* a = checked(ast);
        std::string fn(text(name, "name"));
        Dynamic args = args_json ? parse_value(args_json, engine->values.get()) : Dynamic(Array{});
        if (!args.is_array()) throw JsonError("args_json must be a JSON array");
        Scope local;
        rhai_scope* sc = checked_optional(scope);
        return engine->engine.call_fn_raw(sc ? *sc->scope : local, a->ast, fn, args.as_array());
    });
}

}  // extern "C"
