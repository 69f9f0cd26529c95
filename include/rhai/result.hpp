// rhai::Result<T>: a value or an EvalError, for host functions that prefer returning an error
// to throwing one (Rhai's `Result<T, Box<EvalAltResult>>`). A registered function returning
// an error Result raises that error in the script, exactly as if it had thrown it.
//
//   engine.register_fn("safe_div", [](rhai::INT a, rhai::INT b) -> rhai::Result<rhai::INT> {
//       if (b == 0) return rhai::EvalError::runtime("division by zero");
//       return a / b;
//   });
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "rhai/error.hpp"

namespace rhai {

template <class T = Unit>
class Result {
public:
    using value_type = T;

    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(EvalError error) : v_(std::in_place_index<1>, std::move(error)) {}
    // `return {};` from a Result<> (unit) function.
    Result() requires std::is_same_v<T, Unit> : v_(std::in_place_index<0>) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // The value, or throws the error.
    T& value() & {
        if (!ok()) throw std::get<1>(v_);
        return std::get<0>(v_);
    }
    T value() && {
        if (!ok()) throw std::get<1>(std::move(v_));
        return std::get<0>(std::move(v_));
    }
    const EvalError& error() const { return std::get<1>(v_); }

private:
    std::variant<T, EvalError> v_;
};

template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<Result<T>> : std::true_type {};
template <class T>
inline constexpr bool is_result_v = is_result<std::remove_cvref_t<T>>::value;

}  // namespace rhai
