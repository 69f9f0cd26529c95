// Printing custom values: print(x) / debug(x) of a registered host type go through the
// `to_string` / `to_debug` functions registered for it (Rhai's rule), defaulting to the type's
// registered name.
#include "rhai/engine.hpp"

namespace rhai {

namespace {

// The text of `v` through `fn_name` ("to_string"/"to_debug") registered for its type.
std::string custom_text(NativeCallContext& ctx, Dynamic& v, const char* fn_name) {
    Dynamic* argv[] = {&v};
    const NativeFunction* f = ctx.engine().functions.resolve(fn_name, argv, 1);
    if (f && !f->params.empty() && !f->params[0].any) {
        NativeCallContext inner(ctx.engine(), fn_name, ctx.position());
        Dynamic text = f->call(inner, argv);
        if (text.is_string()) return text.as_string();
        return text.to_display();
    }
    return engine_type_name(ctx.engine(), v);
}

Dynamic print_custom(NativeCallContext& ctx, Dynamic** args) {
    std::string text = custom_text(ctx, *args[0], "to_string");
    if (ctx.engine().on_print) ctx.engine().on_print(text);
    return Dynamic();
}

Dynamic debug_custom(NativeCallContext& ctx, Dynamic** args) {
    std::string text = custom_text(ctx, *args[0], "to_debug");
    if (ctx.engine().on_debug) ctx.engine().on_debug(text, ctx.source(), ctx.position());
    return Dynamic();
}

// Defaults a host may replace by registering its own to_string / to_debug for the type.
Dynamic default_text(NativeCallContext& ctx, Dynamic** args) {
    return Dynamic(engine_type_name(ctx.engine(), *args[0]));
}

}  // namespace

namespace {

bool has_exact_overload(const FunctionRegistry& fns, const char* name, const ParamType& type) {
    const auto* list = fns.overloads(name, 1);
    if (!list) return false;
    for (const auto& f : *list)
        if (!f->params[0].any && f->params[0].tag == type.tag && f->params[0].custom &&
            type.custom && *f->params[0].custom == *type.custom)
            return true;
    return false;
}

}  // namespace

void Engine::register_printing(const ParamType& type) {
    core_->functions.add("print", {type}, &print_custom);
    core_->functions.add("debug", {type}, &debug_custom);
    // Only when the host has not registered its own already (a later registration of the
    // same signature replaces these defaults).
    for (const char* name : {"to_string", "to_debug"})
        if (!has_exact_overload(core_->functions, name, type))
            core_->functions.add(name, {type}, &default_text);
}

}  // namespace rhai
