// Package "fn_ptr": function pointer properties and currying. Calling (`call`, `Fn`,
// `is_def_fn`) is done by VM intrinsics; equality and printing by the runtime.
#include <utility>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

// Rhai's `curry` is variadic; natives have fixed arities, so it is registered for each
// arity up to this many extra arguments.
constexpr size_t kMaxCurryArgs = 16;

// (Registered for any first argument: Rhai's curry keyword reports a value that is not a
// function pointer as a data type mismatch, not as a missing function.)
Dynamic curry(NativeCallContext& ctx, Dynamic** a, size_t extra) {
    if (!a[0]->is_fn_ptr()) throw EvalError::mismatch_data_type("Fn", a[0]->type_name(), ctx.position());
    const FnPtrObj& fp = a[0]->as_fn_ptr();
    std::vector<Dynamic> curried = fp.curried;
    curried.reserve(curried.size() + extra);
    for (size_t i = 1; i <= extra; ++i) curried.push_back(std::move(*a[i]));
    return Dynamic::fn_ptr(fp.name, std::move(curried), fp.fn);
}

template <size_t N>
Dynamic curry_n(NativeCallContext& ctx, Dynamic** a) {
    return curry(ctx, a, N);
}

template <size_t... N>
void register_curry(FunctionRegistry& f, std::index_sequence<N...>) {
    (
        [&] {
            std::vector<ParamType> params(N + 1, Any());
            f.add("curry", params, &curry_n<N>);
        }(),
        ...);
}

}  // namespace

void register_fn_ptr(EngineCore& e) {
    auto& f = e.functions;
    const ParamType FP = P(Tag::FnPtr);
    for (const char* name : {"name", "get$name"})
        f.add(name, {FP}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return a[0]->as_fn_ptr().name; });
    for (const char* name : {"is_anonymous", "get$is_anonymous"})
        f.add(name, {FP}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return a[0]->as_fn_ptr().is_anonymous(); });
    register_curry(f, std::make_index_sequence<kMaxCurryArgs + 1>{});
}

}  // namespace rhai::packages
