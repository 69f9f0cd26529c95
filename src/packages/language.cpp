// Package "language": print, debug, type_of — natives every script can use. (Fn, call, eval,
// is_def_var, is_def_fn and is_shared need VM state: they are VM intrinsics, see
// bc::Intrinsic in src/compiler/bytecode.hpp.)
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
    if (ctx.engine().on_debug) ctx.engine().on_debug(args[0]->to_debug(), "", ctx.position());
    return Dynamic();
}

Dynamic debug_empty(NativeCallContext& ctx, Dynamic**) {
    if (ctx.engine().on_debug) ctx.engine().on_debug("", "", ctx.position());
    return Dynamic();
}

Dynamic type_of(NativeCallContext&, Dynamic** args) { return Dynamic(args[0]->type_name()); }

}  // namespace

void register_language(EngineCore& e) {
    auto any = ParamType::dynamic();
    e.functions.add("print", {any}, print_value);
    e.functions.add("print", {}, print_empty);
    e.functions.add("debug", {any}, debug_value);
    e.functions.add("debug", {}, debug_empty);
    e.functions.add("type_of", {any}, type_of);
    // take(x) / x.take(): the value, leaving () behind; on a constant the VM raises Rhai's
    // ErrorNonPureMethodCallOnConstant because the function changes its argument.
    e.functions.add("take", {any}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Dynamic v = std::move(*a[0]);
        *a[0] = Dynamic();
        return v;
    }, /*by_ref=*/true, /*pure=*/false);
}

}  // namespace rhai::packages
