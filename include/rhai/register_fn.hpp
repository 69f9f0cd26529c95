// How the public API turns a C++ callable into a native function: runtime/register.hpp's
// make_native (type deduction, by-reference receivers, NativeCallContext, rhai::Result), plus
// one rule of the embedding API — a host exception other than rhai::EvalError (for example a
// std::out_of_range from the host's own code) becomes an ordinary runtime error that the
// script can `catch`, carrying the exception's what() text, instead of unwinding through the VM.
#pragma once

#include <exception>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>

#include "rhai/error.hpp"
#include "runtime/register.hpp"

namespace rhai {

namespace detail {

template <class F, class R, class... A>
auto guard_exceptions(F f, signature<R, A...>*) {
    // `mutable` so that mutable host lambdas keep working (make_native allows them).
    return [f = std::move(f)](A... a) mutable -> R {
        try {
            return std::invoke(f, std::forward<A>(a)...);
        } catch (const EvalError&) {
            throw;
        } catch (const std::exception& e) {
            throw EvalError::runtime(Dynamic(std::string(e.what())));
        }
    };
}

}  // namespace detail

// The NativeFunction for `f`; Engine::register_fn and Module::set_native_fn use it.
template <class F>
NativeFunction native_fn(std::string name, F&& f) {
    using D = std::decay_t<F>;
    if constexpr (std::is_member_function_pointer_v<D>) {
        using Sig = typename detail::member_traits<D>::type;
        return make_native(std::move(name), detail::guard_exceptions(D(f), static_cast<Sig*>(nullptr)));
    } else {
        using Sig = typename detail::callable_traits<D>::type;
        return make_native(std::move(name),
                           detail::guard_exceptions(D(std::forward<F>(f)), static_cast<Sig*>(nullptr)));
    }
}

}  // namespace rhai
