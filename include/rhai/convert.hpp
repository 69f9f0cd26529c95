// Conversions between C++ values and rhai::Dynamic: Dynamic::is<T>(), cast<T>(), try_cast<T>(),
// Dynamic::from(value), and the CustomValue<T> box that holds host (custom) types.
//
// Included at the end of dynamic.hpp, so every user of Dynamic has them.
//
// Mapping (Rhai's types on the left):
//   ()      <-> rhai::Unit (std::monostate) or void results
//   bool    <-> bool
//   i64     <-> any integral type except bool/char types (range-checked on the way in)
//   f64     <-> float, double
//   char    <-> char32_t
//   string  <-> std::string (std::string_view / const char* convert *to* Dynamic)
//   array / map / blob <-> rhai::Array / rhai::Map / rhai::Blob
//   Dynamic <-> itself (anything)
//   other class types: custom values, boxed in CustomValue<T> (copy-on-write like every
//   container; the exact C++ type is checked on the way out, so there is no slicing).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <variant>
#if __has_include(<cxxabi.h>)
#include <cxxabi.h>
#endif

namespace rhai {

using Unit = std::monostate;
class EvalError;

// A host value living inside a Dynamic. Exactly T is stored (never a base), so casting back
// requires exactly T.
template <class T>
struct CustomValue final : CustomObj {
    T value;
    explicit CustomValue(T v) : value(std::move(v)) {}
    const std::type_info& type() const override { return typeid(T); }
    CustomObj* clone() const override { return new CustomValue(value); }
    void* address() override { return &value; }
};

namespace detail {

// C++'s demangled name of a type, for error messages about host types with no Rhai name.
// Header-only so that every stage may use the conversions.
inline std::string demangle(const char* mangled) {
#if __has_include(<cxxabi.h>)
    int status = 0;
    char* out = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
    std::string result = (status == 0 && out) ? out : mangled;
    std::free(out);
    return result;
#else
    return mangled;
#endif
}

// Throws E (always rhai::EvalError) as ErrorMismatchOutputType. A template so that the
// body is checked only where EvalError is complete (error.hpp includes this header).
template <class E>
[[noreturn]] void throw_output_mismatch(const std::string& expected, const std::string& actual) {
    using Kind = decltype(std::declval<const E&>().kind());
    throw E(Kind::ErrorMismatchOutputType,
            "Output type incorrect: " + actual + " (expecting " + expected + ")");
}

// Character types are not integers here (char32_t is Rhai's char); signed/unsigned char are
// (uint8_t and int8_t are those types, and they are numbers).
template <class T>
inline constexpr bool is_char_type_v =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
    std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

template <class T>
concept IntLike = std::is_integral_v<T> && !std::is_same_v<T, bool> && !is_char_type_v<T>;
template <class T>
concept FloatLike = std::is_floating_point_v<T>;

template <class T>
concept StringLike = std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>;

// Built-in types map to a Tag; everything else is a custom (host) type.
template <class T>
concept BuiltinValue = std::is_same_v<T, Dynamic> || std::is_same_v<T, Unit> ||
                       std::is_same_v<T, bool> || IntLike<T> || FloatLike<T> ||
                       std::is_same_v<T, char32_t> || StringLike<T> ||
                       std::is_same_v<T, const char*> || std::is_same_v<T, Array> ||
                       std::is_same_v<T, Map> || std::is_same_v<T, Blob>;

template <class T>
concept CustomType = std::is_class_v<T> && !BuiltinValue<T> && std::is_copy_constructible_v<T>;

// A value as seen through a Shared cell (closures' captured variables).
inline const Dynamic& look_through(const Dynamic& d) {
    return d.is_shared() ? d.as_shared().value() : d;
}
inline Dynamic& look_through(Dynamic& d) { return d.is_shared() ? d.as_shared().value() : d; }

}  // namespace detail

// Rhai's name for T as type_of() would print it ("i64", "string", ...). Custom types give
// their C++ name here; an Engine knows the names registered with register_type_with_name.
template <class T>
std::string type_name_of() {
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, Dynamic>) return "Dynamic";
    else if constexpr (std::is_same_v<U, Unit> || std::is_void_v<U>) return "()";
    else if constexpr (std::is_same_v<U, bool>) return "bool";
    else if constexpr (detail::IntLike<U>) return "i64";
    else if constexpr (detail::FloatLike<U>) return "f64";
    else if constexpr (std::is_same_v<U, char32_t>) return "char";
    else if constexpr (detail::StringLike<U> || std::is_same_v<U, const char*>) return "string";
    else if constexpr (std::is_same_v<U, Array>) return "array";
    else if constexpr (std::is_same_v<U, Map>) return "map";
    else if constexpr (std::is_same_v<U, Blob>) return "blob";
    else return detail::demangle(typeid(U).name());
}

template <class T>
bool Dynamic::is() const {
    using U = std::remove_cvref_t<T>;
    const Dynamic& d = detail::look_through(*this);
    if constexpr (std::is_same_v<U, Dynamic>) return true;
    else if constexpr (std::is_same_v<U, Unit>) return d.is_unit();
    else if constexpr (std::is_same_v<U, bool>) return d.is_bool();
    else if constexpr (detail::IntLike<U>) {
        if (!d.is_int()) return false;
        if constexpr (sizeof(U) < sizeof(INT) || std::is_unsigned_v<U>) {
            INT v = d.as_int();
            if (v < 0 && std::is_unsigned_v<U>) return false;
            if constexpr (sizeof(U) < sizeof(INT)) {
                return v >= static_cast<INT>(std::numeric_limits<U>::min()) &&
                       v <= static_cast<INT>(std::numeric_limits<U>::max());
            }
        }
        return true;
    } else if constexpr (detail::FloatLike<U>) return d.is_float();
    else if constexpr (std::is_same_v<U, char32_t>) return d.is_char();
    else if constexpr (detail::StringLike<U>) return d.is_string();
    else if constexpr (std::is_same_v<U, Array>) return d.is_array();
    else if constexpr (std::is_same_v<U, Map>) return d.is_map();
    else if constexpr (std::is_same_v<U, Blob>) return d.is_blob();
    else if constexpr (detail::CustomType<U>)
        return d.is_custom() && d.as_custom().type() == typeid(U);
    else {
        static_assert(sizeof(U) == 0, "rhai::Dynamic::is<T>: T has no Rhai representation");
        return false;
    }
}

// Pointer to the T held by a Dynamic (through Shared cells) or null when it holds another
// type. For containers and custom values the mutable form un-shares the payload first
// (copy-on-write), so writes never leak into other copies.
template <class T>
const T* dynamic_ptr(const Dynamic& v) {
    using U = std::remove_cvref_t<T>;
    const Dynamic& d = detail::look_through(v);
    if (!d.template is<U>()) return nullptr;
    if constexpr (std::is_same_v<U, Dynamic>) return &d;
    else if constexpr (std::is_same_v<U, std::string>) return &d.as_string();
    else if constexpr (std::is_same_v<U, Array>) return &d.as_array();
    else if constexpr (std::is_same_v<U, Map>) return &d.as_map();
    else if constexpr (std::is_same_v<U, Blob>) return &d.as_blob();
    else if constexpr (detail::CustomType<U>)
        return static_cast<const U*>(const_cast<CustomObj&>(d.as_custom()).address());
    else static_assert(sizeof(U) == 0, "dynamic_ptr: only strings, containers and custom types");
}
template <class T>
T* dynamic_ptr_mut(Dynamic& v) {
    using U = std::remove_cvref_t<T>;
    Dynamic& d = detail::look_through(v);
    if (!d.template is<U>()) return nullptr;
    if constexpr (std::is_same_v<U, Dynamic>) return &d;
    else if constexpr (std::is_same_v<U, std::string>) return &d.string_mut();
    else if constexpr (std::is_same_v<U, Array>) return &d.array_mut();
    else if constexpr (std::is_same_v<U, Map>) return &d.map_mut();
    else if constexpr (std::is_same_v<U, Blob>) return &d.blob_mut();
    else if constexpr (detail::CustomType<U>) return static_cast<U*>(d.custom_mut().address());
    else static_assert(sizeof(U) == 0, "dynamic_ptr_mut: only strings, containers and custom types");
}

template <class T>
std::optional<T> Dynamic::try_cast() const {
    using U = std::remove_cvref_t<T>;
    static_assert(std::is_same_v<T, U>, "try_cast<T>: T must be a value type");
    static_assert(!std::is_same_v<U, std::string_view>,
                  "try_cast<std::string_view> would dangle; use std::string or as_string()");
    if (!is<U>()) return std::nullopt;
    const Dynamic& d = detail::look_through(*this);
    if constexpr (std::is_same_v<U, Dynamic>) return d;
    else if constexpr (std::is_same_v<U, Unit>) return Unit{};
    else if constexpr (std::is_same_v<U, bool>) return d.as_bool();
    else if constexpr (detail::IntLike<U>) return static_cast<U>(d.as_int());
    else if constexpr (detail::FloatLike<U>) return static_cast<U>(d.as_float());
    else if constexpr (std::is_same_v<U, char32_t>) return d.as_char();
    else return *dynamic_ptr<U>(d);
}

// Throws rhai::EvalError (ErrorMismatchOutputType) when the value is not a T.
template <class T>
T Dynamic::cast() const {
    if (auto v = try_cast<T>()) return std::move(*v);
    detail::throw_output_mismatch<EvalError>(type_name_of<T>(),
                                              detail::look_through(*this).type_name());
}

template <class T>
Dynamic Dynamic::from(T value) {
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, Dynamic>) return value;
    else if constexpr (std::is_same_v<U, Unit>) return Dynamic();
    else if constexpr (std::is_same_v<U, bool>) return Dynamic(static_cast<bool>(value));
    else if constexpr (detail::IntLike<U>) {
        if constexpr (std::is_unsigned_v<U> && sizeof(U) >= sizeof(INT)) {
            if (value > static_cast<U>(std::numeric_limits<INT>::max()))
                detail::throw_output_mismatch<EvalError>(
                    "i64", "integer too large: " + std::to_string(value));
        }
        return Dynamic(static_cast<INT>(value));
    } else if constexpr (detail::FloatLike<U>) return Dynamic(static_cast<FLOAT>(value));
    else if constexpr (std::is_same_v<U, char32_t>) return Dynamic(value);
    else if constexpr (detail::StringLike<U> || std::is_same_v<U, const char*> ||
                       std::is_same_v<U, char*>)
        return Dynamic(std::string(value));
    else if constexpr (std::is_same_v<U, Array> || std::is_same_v<U, Map> ||
                       std::is_same_v<U, Blob>)
        return Dynamic(std::move(value));
    else if constexpr (detail::CustomType<U>)
        return Dynamic::from_heap(Tag::Custom, new CustomValue<U>(std::move(value)));
    else {
        static_assert(sizeof(U) == 0, "rhai::Dynamic::from: T has no Rhai representation");
        return Dynamic();
    }
}

}  // namespace rhai

#include "rhai/error.hpp"  // completes EvalError for the templates above
