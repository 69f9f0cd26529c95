// Typed registration: turns any C++ callable into a NativeFunction, deducing its Rhai signature
// at compile time (Rhai's `register_fn`).
//
//   registry.add(make_native("add", [](INT a, INT b) { return a + b; }));
//   registry.add(make_native("push_twice", [](Array& a, Dynamic v) { a.push_back(v); a.push_back(v); }));
//   registry.add(make_native("area", &Rect::area));   // member function: receiver by reference
//
// Parameter types and what they accept:
//   INT / any integer type (range-checked)  -> i64          double / float  -> f64
//   bool -> bool        char32_t -> char     std::string, std::string_view, const std::string& -> string
//   Array, Map, Blob (by value or const&)    FnPtrObj (const&) -> Fn
//   Dynamic (by value or const&) -> any value    any other class T -> the custom type T (exactly)
// A *first* parameter that is a non-const lvalue reference (`Array&`, `T&`, `Dynamic&`,
// `std::string&`) makes a method that mutates its receiver in place (first_by_ref, not pure).
// A leading `NativeCallContext&` parameter receives the call context and is not a script
// argument. Results: void -> (), Dynamic as is, rhai::Result<T> raises its error, anything else
// through Dynamic::from. Errors are reported by throwing rhai::EvalError.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"
#include "rhai/result.hpp"
#include "runtime/native.hpp"

namespace rhai {

// ---- custom values --------------------------------------------------------------------------

// Wraps a host value as a Rhai custom value (type checked by typeid on the way out).
template <class T>
Dynamic make_custom(T value) {
    return Dynamic::from_heap(Tag::Custom, new CustomValue<std::remove_cvref_t<T>>(std::move(value)));
}

// The T held by `d` (through a Shared cell), or null. The mutable form un-shares the payload
// first (copy-on-write), so writes never leak into other copies of the value.
template <class T>
T* custom_ptr(Dynamic& d) {
    Dynamic& v = d.is_shared() ? d.as_shared().value() : d;
    if (!v.is_custom() || v.as_custom().type() != typeid(T)) return nullptr;
    return static_cast<T*>(v.custom_mut().address());
}
template <class T>
const T* custom_ptr(const Dynamic& d) {
    const Dynamic& v = d.is_shared() ? d.as_shared().value() : d;
    if (!v.is_custom() || v.as_custom().type() != typeid(T)) return nullptr;
    return static_cast<const T*>(const_cast<CustomObj&>(v.as_custom()).address());
}

namespace detail {

// ---- signature deduction ----------------------------------------------------------------

template <class R, class... A>
struct signature {
    using type = signature;
    using result = R;
    using args = std::tuple<A...>;
};

template <class F>
struct callable_traits : callable_traits<decltype(&F::operator())> {};  // lambdas, functors
template <class R, class... A>
struct callable_traits<R (*)(A...)> : signature<R, A...> {};
template <class R, class... A>
struct callable_traits<R (*)(A...) noexcept> : signature<R, A...> {};
template <class R, class... A>
struct callable_traits<R(A...)> : signature<R, A...> {};
// Member operator() of a lambda/functor: the object is not a script argument.
template <class R, class C, class... A>
struct callable_traits<R (C::*)(A...)> : signature<R, A...> {};
template <class R, class C, class... A>
struct callable_traits<R (C::*)(A...) const> : signature<R, A...> {};
template <class R, class C, class... A>
struct callable_traits<R (C::*)(A...) noexcept> : signature<R, A...> {};
template <class R, class C, class... A>
struct callable_traits<R (C::*)(A...) const noexcept> : signature<R, A...> {};

// Member-function pointers registered directly: the object becomes the first argument
// (by reference when the member function is non-const, so it may mutate the receiver).
template <class M>
struct member_traits;
template <class R, class C, class... A>
struct member_traits<R (C::*)(A...)> : signature<R, C&, A...> {};
template <class R, class C, class... A>
struct member_traits<R (C::*)(A...) noexcept> : signature<R, C&, A...> {};
template <class R, class C, class... A>
struct member_traits<R (C::*)(A...) const> : signature<R, const C&, A...> {};
template <class R, class C, class... A>
struct member_traits<R (C::*)(A...) const noexcept> : signature<R, const C&, A...> {};

// ---- parameter kinds --------------------------------------------------------------------

template <class T>
using bare_t = std::remove_cvref_t<T>;

template <class A>
constexpr bool is_context_v = std::is_same_v<bare_t<A>, NativeCallContext>;

// A non-const lvalue reference first parameter: the receiver is mutated in place.
template <class A>
constexpr bool is_mut_ref_v =
    std::is_lvalue_reference_v<A> && !std::is_const_v<std::remove_reference_t<A>>;

template <class A>
ParamType param_type_of() {
    using U = bare_t<A>;
    if constexpr (std::is_same_v<U, Dynamic>) return ParamType::dynamic();
    else if constexpr (std::is_same_v<U, bool>) return ParamType::of(Tag::Bool);
    else if constexpr (IntLike<U>) return ParamType::of(Tag::Int);
    else if constexpr (FloatLike<U>) return ParamType::of(Tag::Float);
    else if constexpr (std::is_same_v<U, char32_t>) return ParamType::of(Tag::Char);
    else if constexpr (StringLike<U>) return ParamType::of(Tag::String);
    else if constexpr (std::is_same_v<U, Array>) return ParamType::of(Tag::Array);
    else if constexpr (std::is_same_v<U, Map>) return ParamType::of(Tag::Map);
    else if constexpr (std::is_same_v<U, Blob>) return ParamType::of(Tag::Blob);
    else if constexpr (std::is_same_v<U, FnPtrObj>) return ParamType::of(Tag::FnPtr);
    else if constexpr (CustomType<U>) return ParamType::custom_type<U>();
    else static_assert(sizeof(U) == 0, "register: parameter type has no Rhai representation");
}

// Integer parameters narrower than i64 reject values out of their range with Rhai's
// "Data type incorrect" error instead of silently truncating.
template <class U>
U int_arg(const Dynamic& d) {
    INT v = d.as_int();
    if constexpr (sizeof(U) < sizeof(INT) || std::is_unsigned_v<U>) {
        bool ok = true;
        if constexpr (std::is_unsigned_v<U>) ok = v >= 0 && static_cast<uint64_t>(v) <= std::numeric_limits<U>::max();
        else ok = v >= static_cast<INT>(std::numeric_limits<U>::min()) &&
                  v <= static_cast<INT>(std::numeric_limits<U>::max());
        if (!ok) throw EvalError::arithmetic("Integer out of range for " + demangle(typeid(U).name()) +
                                             ": " + std::to_string(v));
    }
    return static_cast<U>(v);
}

// Produces the C++ argument for parameter type A from the script value (its type has already
// been checked by ParamType::accepts during resolution). Returns a reference into the Dynamic
// when A is a reference, so nothing is copied.
template <class A>
decltype(auto) arg_from(Dynamic& d) {
    using U = bare_t<A>;
    constexpr bool mut = is_mut_ref_v<A>;
    if constexpr (std::is_same_v<U, Dynamic>) {
        if constexpr (mut) return static_cast<Dynamic&>(d);
        else if constexpr (std::is_reference_v<A>) return static_cast<const Dynamic&>(d);
        else return Dynamic(d);
    } else if constexpr (std::is_same_v<U, bool>) {
        return d.as_bool();
    } else if constexpr (IntLike<U>) {
        return int_arg<U>(d);
    } else if constexpr (FloatLike<U>) {
        return static_cast<U>(d.as_float());
    } else if constexpr (std::is_same_v<U, char32_t>) {
        return d.as_char();
    } else if constexpr (std::is_same_v<U, std::string_view>) {
        return std::string_view(d.as_string());
    } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, Array> ||
                         std::is_same_v<U, Map> || std::is_same_v<U, Blob>) {
        if constexpr (mut) return *dynamic_ptr_mut<U>(d);
        else if constexpr (std::is_reference_v<A>) return static_cast<const U&>(*dynamic_ptr<U>(d));
        else return U(*dynamic_ptr<U>(d));
    } else if constexpr (std::is_same_v<U, FnPtrObj>) {
        if constexpr (mut) return static_cast<FnPtrObj&>(d.fn_ptr_mut());
        else return static_cast<const FnPtrObj&>(d.as_fn_ptr());
    } else {
        if constexpr (mut) return static_cast<U&>(*custom_ptr<U>(d));
        else if constexpr (std::is_reference_v<A>) return static_cast<const U&>(*custom_ptr<U>(std::as_const(d)));
        else return U(*custom_ptr<U>(std::as_const(d)));
    }
}

template <class R>
Dynamic to_dynamic(R&& r) {
    using U = bare_t<R>;
    if constexpr (is_result_v<U>) {
        if constexpr (std::is_same_v<typename U::value_type, Unit>) {
            std::forward<R>(r).value();
            return Dynamic();
        } else {
            return to_dynamic(std::forward<R>(r).value());
        }
    } else if constexpr (std::is_same_v<U, Dynamic>) {
        return std::forward<R>(r);
    } else {
        return Dynamic::from(U(std::forward<R>(r)));
    }
}

// ---- invocation -------------------------------------------------------------------------

template <class F, class Sig, bool WithContext>
struct Invoker;

template <class F, class R, class... A, bool WithContext>
struct Invoker<F, signature<R, A...>, WithContext> {
    static Dynamic call(const void* state, NativeCallContext& ctx, Dynamic** args) {
        F& fn = *const_cast<F*>(static_cast<const F*>(state));  // mutable lambdas are allowed
        return call_with(fn, ctx, args, std::index_sequence_for<A...>{});
    }

    template <size_t... I>
    static Dynamic call_with(F& fn, NativeCallContext& ctx, Dynamic** args, std::index_sequence<I...>) {
        if constexpr (std::is_void_v<R>) {
            if constexpr (WithContext) std::invoke(fn, ctx, arg_from<A>(*args[I])...);
            else std::invoke(fn, arg_from<A>(*args[I])...);
            return Dynamic();
        } else {
            if constexpr (WithContext) return to_dynamic(std::invoke(fn, ctx, arg_from<A>(*args[I])...));
            else return to_dynamic(std::invoke(fn, arg_from<A>(*args[I])...));
        }
    }
};

// Splits a leading NativeCallContext& off the parameter list.
template <class Sig>
struct strip_context {
    using type = Sig;
    static constexpr bool with_context = false;
};
template <class R, class C, class... A>
    requires is_context_v<C>
struct strip_context<signature<R, C, A...>> {
    using type = signature<R, A...>;
    static constexpr bool with_context = true;
};

template <class F, class Sig>
NativeFunction build_native(std::string name, F fn) {
    using Strip = strip_context<Sig>;
    using S = typename Strip::type;
    NativeFunction out;
    out.name = std::move(name);
    [&]<class R, class... A>(signature<R, A...>*) {
        out.params = {param_type_of<A>()...};
        if constexpr (sizeof...(A) > 0) {
            using First = std::tuple_element_t<0, std::tuple<A...>>;
            out.first_by_ref = is_mut_ref_v<First>;
            out.pure = !out.first_by_ref;
        }
    }(static_cast<S*>(nullptr));
    out.invoke = &Invoker<F, S, Strip::with_context>::call;
    out.state = std::make_shared<F>(std::move(fn));
    return out;
}

}  // namespace detail

// A NativeFunction named `name` calling `fn` (function pointer, lambda, functor or member
// function pointer). See the top of this file for the type mapping.
template <class F>
NativeFunction make_native(std::string name, F fn) {
    using D = std::decay_t<F>;
    if constexpr (std::is_member_function_pointer_v<D>)
        return detail::build_native<D, typename detail::member_traits<D>::type>(std::move(name), std::move(fn));
    else
        return detail::build_native<D, typename detail::callable_traits<D>::type>(std::move(name), std::move(fn));
}

}  // namespace rhai
