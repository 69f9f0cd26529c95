// Package "language": print, debug, type_of, tag/set_tag — natives every script can use. (Fn, call, eval,
// is_def_var, is_def_fn and is_shared need VM state: they are VM intrinsics, see
// bc::Intrinsic in src/compiler/bytecode.hpp.)
#include <limits>
#include <string>

#include "packages/packages.hpp"

namespace rhai::packages {

namespace {

Dynamic print_value(NativeCallContext& ctx, Dynamic** args) {
    const Dynamic& v = *args[0];
    if (ctx.engine().on_print) {
        if (v.is_string()) ctx.engine().on_print(v.as_string());
        else ctx.engine().on_print(v.to_display());
    }
    return Dynamic();
}

Dynamic print_empty(NativeCallContext& ctx, Dynamic**) {
    if (ctx.engine().on_print) ctx.engine().on_print("");
    return Dynamic();
}

Dynamic debug_value(NativeCallContext& ctx, Dynamic** args) {
    if (ctx.engine().on_debug) ctx.engine().on_debug(args[0]->to_debug(), ctx.source(), ctx.position());
    return Dynamic();
}

Dynamic debug_empty(NativeCallContext& ctx, Dynamic**) {
    if (ctx.engine().on_debug) ctx.engine().on_debug("", ctx.source(), ctx.position());
    return Dynamic();
}

Dynamic type_of(NativeCallContext&, Dynamic** args) { return Dynamic(args[0]->type_name()); }

Dynamic get_tag(NativeCallContext&, Dynamic** args) { return Dynamic(INT(args[0]->user_tag())); }

// set_tag(x, n) / x.tag = n: Rhai's tag is an i32; a value outside that range is an error.
Dynamic set_tag(NativeCallContext&, Dynamic** args) {
    INT t = args[1]->as_int();
    const INT lo = std::numeric_limits<int32_t>::min(), hi = std::numeric_limits<int32_t>::max();
    if (t < lo || t > hi)
        throw EvalError::arithmetic(std::to_string(t) + (t < lo ? " is too small" : " is too large") +
                                    " to fit into a tag (must be between " + std::to_string(lo) + " and " +
                                    std::to_string(hi) + ")");
    args[0]->set_user_tag(int32_t(t));
    return Dynamic();
}

}  // namespace

void register_language(EngineCore& e) {
    auto any = ParamType::dynamic();
    e.functions.add("print", {any}, print_value);
    e.functions.add("print", {}, print_empty);
    e.functions.add("debug", {any}, debug_value);
    e.functions.add("debug", {}, debug_empty);
    e.functions.add("type_of", {any}, type_of);
    for (const char* name : {"tag", "get$tag"}) e.functions.add(name, {any}, get_tag);
    for (const char* name : {"set_tag", "set$tag"})
        e.functions.add(name, {any, ParamType::of(Tag::Int)}, set_tag, /*by_ref=*/true, /*pure=*/false);
    // take(x) / x.take(): the value, leaving () behind; on a constant the VM raises Rhai's
    // ErrorNonPureMethodCallOnConstant because the function changes its argument.
    e.functions.add("take", {any}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Dynamic v = std::move(*a[0]);
        *a[0] = Dynamic();
        return v;
    }, /*by_ref=*/true, /*pure=*/false);
}

}  // namespace rhai::packages
