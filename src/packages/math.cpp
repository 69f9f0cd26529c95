// Package "math": trigonometry, logarithms, rounding, float tests, constants, number parsing
// and conversions (parse_int, parse_float, to_int, to_float, to_hex, to_octal, to_binary).
//
// Functions take FLOAT (Rhai does not promote INT arguments here); rounding and tests are
// also properties (`x.floor`, `x.is_nan`). Parsing follows Rust's FromStr after trimming
// whitespace, with Rust's error texts: "Error parsing integer number '12x': invalid digit
// found in string".
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <string>

#include "packages/packages.hpp"
#include "runtime/float_format.hpp"
#include "runtime/utf8.hpp"

namespace rhai::packages {

namespace {

using Args = Dynamic**;
using Ctx = NativeCallContext&;

const ParamType kInt = ParamType::of(Tag::Int);
const ParamType kFloat = ParamType::of(Tag::Float);
const ParamType kChar = ParamType::of(Tag::Char);
const ParamType kString = ParamType::of(Tag::String);

FLOAT x0(Args a) { return a[0]->as_float(); }
FLOAT x1(Args a) { return a[1]->as_float(); }

void register_float_functions(FunctionRegistry& r) {
    r.add("sin", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::sin(x0(a)); });
    r.add("cos", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::cos(x0(a)); });
    r.add("tan", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::tan(x0(a)); });
    r.add("sinh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::sinh(x0(a)); });
    r.add("cosh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::cosh(x0(a)); });
    r.add("tanh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::tanh(x0(a)); });
    r.add("asin", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::asin(x0(a)); });
    r.add("acos", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::acos(x0(a)); });
    r.add("atan", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::atan(x0(a)); });
    r.add("atan", {kFloat, kFloat}, [](Ctx, Args a) -> Dynamic { return std::atan2(x0(a), x1(a)); });
    r.add("asinh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::asinh(x0(a)); });
    r.add("acosh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::acosh(x0(a)); });
    r.add("atanh", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::atanh(x0(a)); });
    r.add("hypot", {kFloat, kFloat}, [](Ctx, Args a) -> Dynamic { return std::hypot(x0(a), x1(a)); });
    r.add("to_degrees", {kFloat}, [](Ctx, Args a) -> Dynamic { return x0(a) * (180.0 / std::numbers::pi); });
    r.add("to_radians", {kFloat}, [](Ctx, Args a) -> Dynamic { return x0(a) * (std::numbers::pi / 180.0); });

    r.add("sqrt", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::sqrt(x0(a)); });
    r.add("exp", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::exp(x0(a)); });
    r.add("ln", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::log(x0(a)); });
    r.add("log", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::log10(x0(a)); });
    r.add("log10", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::log10(x0(a)); });
    // Rust's f64::log(base) is ln(x) / ln(base).
    r.add("log", {kFloat, kFloat}, [](Ctx, Args a) -> Dynamic { return std::log(x0(a)) / std::log(x1(a)); });

    r.add("PI", {}, [](Ctx, Args) -> Dynamic { return std::numbers::pi; });
    r.add("E", {}, [](Ctx, Args) -> Dynamic { return std::numbers::e; });
}

// Rounding and tests, each both a function/method and a property getter.
void register_float_properties(FunctionRegistry& r) {
    struct Prop {
        const char* name;
        SimpleNative fn;
    };
    const Prop props[] = {
        {"floor", [](Ctx, Args a) -> Dynamic { return std::floor(x0(a)); }},
        {"ceiling", [](Ctx, Args a) -> Dynamic { return std::ceil(x0(a)); }},
        // Rust's round: halves away from zero (std::round does the same).
        {"round", [](Ctx, Args a) -> Dynamic { return std::round(x0(a)); }},
        {"int", [](Ctx, Args a) -> Dynamic { return std::trunc(x0(a)); }},
        {"fraction", [](Ctx, Args a) -> Dynamic { return x0(a) - std::trunc(x0(a)); }},
        {"is_nan", [](Ctx, Args a) -> Dynamic { return std::isnan(x0(a)); }},
        {"is_finite", [](Ctx, Args a) -> Dynamic { return std::isfinite(x0(a)); }},
        {"is_infinite", [](Ctx, Args a) -> Dynamic { return std::isinf(x0(a)); }},
    };
    for (const Prop& p : props) {
        r.add(p.name, {kFloat}, p.fn);
        r.add(std::string("get$") + p.name, {kFloat}, p.fn);
    }
}

// ---- parsing ------------------------------------------------------------------------------

// Rust's char::is_whitespace (White_Space property).
bool is_unicode_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// Rust's str::trim.
std::string_view trim(std::string_view s) {
    size_t start = 0;
    while (start < s.size()) {
        size_t next = start;
        if (!is_unicode_space(utf8_next(s, next))) break;
        start = next;
    }
    size_t end = s.size();
    while (end > start) {
        size_t back = end - 1;
        while (back > start && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
        size_t probe = back;
        if (!is_unicode_space(utf8_next(s, probe))) break;
        end = back;
    }
    return s.substr(start, end - start);
}

[[noreturn]] void parse_int_error(const std::string& text, const char* why) {
    throw EvalError::arithmetic("Error parsing integer number '" + text + "': " + why);
}

// Rust's i64::from_str_radix on the trimmed text.
INT parse_int(const std::string& text, INT radix) {
    if (radix < 2 || radix > 36) throw EvalError::arithmetic("Invalid radix: '" + std::to_string(radix) + "'");
    std::string_view s = trim(text);
    if (s.empty()) parse_int_error(text, "cannot parse integer from empty string");
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        s.remove_prefix(1);
        if (s.empty()) parse_int_error(text, "invalid digit found in string");
    }
    INT value = 0;
    for (char ch : s) {
        int digit = ch >= '0' && ch <= '9'   ? ch - '0'
                    : ch >= 'a' && ch <= 'z' ? ch - 'a' + 10
                    : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10
                                             : 99;
        if (digit >= radix) parse_int_error(text, "invalid digit found in string");
        // Accumulate towards the sign so that i64::MIN parses.
        if (__builtin_mul_overflow(value, radix, &value) ||
            (negative ? __builtin_sub_overflow(value, digit, &value) : __builtin_add_overflow(value, digit, &value)))
            parse_int_error(text, negative ? "number too small to fit in target type"
                                           : "number too large to fit in target type");
    }
    return value;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(a[k])) != b[k]) return false;
    return true;
}

// Rust's f64::from_str grammar: sign? (inf | infinity | nan | digits [. digits] [e sign? digits]),
// with at least one digit in the mantissa. No underscores, no hex.
bool valid_float_literal(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    if (iequals(s, "inf") || iequals(s, "infinity") || iequals(s, "nan")) return true;
    size_t k = 0, digits = 0;
    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k, ++digits;
    if (k < s.size() && s[k] == '.') {
        ++k;
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k, ++digits;
    }
    if (digits == 0) return false;
    if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
        ++k;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        size_t exp_digits = 0;
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    return k == s.size();
}

FLOAT parse_float(const std::string& text) {
    std::string_view s = trim(text);
    if (s.empty()) throw EvalError::arithmetic("Error parsing floating-point number '" + text +
                                               "': cannot parse float from empty string");
    if (!valid_float_literal(s))
        throw EvalError::arithmetic("Error parsing floating-point number '" + text + "': invalid float literal");
    // strtod accepts everything the grammar above admits (overflow gives ±inf, like Rust).
    std::string copy(s);
    return std::strtod(copy.c_str(), nullptr);
}

void register_parsing(FunctionRegistry& r) {
    r.add("parse_int", {kString}, [](Ctx, Args a) -> Dynamic { return parse_int(a[0]->as_string(), 10); });
    r.add("parse_int", {kString, kInt}, [](Ctx, Args a) -> Dynamic {
        return parse_int(a[0]->as_string(), a[1]->as_int());
    });
    r.add("parse_float", {kString}, [](Ctx, Args a) -> Dynamic { return parse_float(a[0]->as_string()); });
}

// ---- conversions --------------------------------------------------------------------------

std::string to_radix(INT value, unsigned shift) {
    // Rust's {:x}/{:o}/{:b} print the two's complement bits of negative numbers.
    uint64_t v = static_cast<uint64_t>(value);
    if (v == 0) return "0";
    const char* digits = "0123456789abcdef";
    std::string out;
    uint64_t mask = (uint64_t(1) << shift) - 1;
    while (v != 0) {
        out.push_back(digits[v & mask]);
        v >>= shift;
    }
    return std::string(out.rbegin(), out.rend());
}

void register_conversions(FunctionRegistry& r) {
    r.add("to_float", {kInt}, [](Ctx, Args a) -> Dynamic { return FLOAT(a[0]->as_int()); });
    r.add("to_float", {kFloat}, [](Ctx, Args a) -> Dynamic { return a[0]->as_float(); });
    r.add("to_int", {kInt}, [](Ctx, Args a) -> Dynamic { return a[0]->as_int(); });
    r.add("to_int", {kChar}, [](Ctx, Args a) -> Dynamic { return INT(a[0]->as_char()); });
    r.add("to_int", {kFloat}, [](Ctx, Args a) -> Dynamic {
        FLOAT x = a[0]->as_float();
        // i64 range is [-2^63, 2^63); NaN converts to 0 as Rust's `as` does.
        if (x >= 9223372036854775808.0 || x < -9223372036854775808.0)
            throw EvalError::arithmetic("Integer overflow: to_int(" + rust_float_display(x) + ")");
        return std::isnan(x) ? INT(0) : static_cast<INT>(std::trunc(x));
    });
    r.add("to_hex", {kInt}, [](Ctx, Args a) -> Dynamic { return to_radix(a[0]->as_int(), 4); });
    r.add("to_octal", {kInt}, [](Ctx, Args a) -> Dynamic { return to_radix(a[0]->as_int(), 3); });
    r.add("to_binary", {kInt}, [](Ctx, Args a) -> Dynamic { return to_radix(a[0]->as_int(), 1); });
}

}  // namespace

void register_math(EngineCore& e) {
    register_float_functions(e.functions);
    register_float_properties(e.functions);
    register_parsing(e.functions);
    register_conversions(e.functions);
}

}  // namespace rhai::packages
