// What `catch (e)` binds. Errors leaving a script function are wrapped in ErrorInFunctionCall
// (the host sees the whole call chain), but a value thrown by `throw` is caught as that value
// however deep the throw was (conformance: err_throw_from_function_caught); other errors are
// caught as the outermost error's map (QUIRKS.md: ErrorInFunctionCall wrapping the inner one).
#include "vm/machine.hpp"

namespace rhai::vm {

Dynamic catch_value(const EvalError& e) {
    const EvalError* cur = &e;
    while ((cur->kind() == ErrorKind::ErrorInFunctionCall || cur->kind() == ErrorKind::ErrorInModule) &&
           cur->inner())
        cur = cur->inner().get();
    if (cur->kind() == ErrorKind::ErrorRuntime) return cur->to_catch_value();
    return e.to_catch_value();
}

}  // namespace rhai::vm
