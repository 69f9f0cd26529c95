// Rhai's checked arithmetic on INT/FLOAT with the reference implementation's exact error texts.
//
// The VM inlines these on its fast path and the arithmetic package registers them as natives,
// so `1 + 2`, `Fn("+").call(1, 2)` and `x += 2` all behave and fail identically:
//   Addition overflow: 9223372036854775807 + 1      Division by zero: 7 / 0
//   Negation overflow: --9223372036854775808        Exponential overflow: 2 ** 64
// Shifts follow Rhai 1.x: a negative amount shifts the other way, 64 or more bits gives 0
// (or -1 for a negative value shifted right).
#pragma once

#include <cstdint>
#include <string>

#include "rhai/dynamic.hpp"

namespace rhai::arith {

// Throws EvalError(ErrorArithmetic) "<what>: <x> <op> <y>" (out of line: the cold path).
[[noreturn]] void fail_binary(const char* what, INT x, const char* op, INT y);
[[noreturn]] void fail_negate(INT x);

inline INT add(INT x, INT y) {
    INT r;
    if (__builtin_add_overflow(x, y, &r)) fail_binary("Addition overflow", x, "+", y);
    return r;
}
inline INT sub(INT x, INT y) {
    INT r;
    if (__builtin_sub_overflow(x, y, &r)) fail_binary("Subtraction overflow", x, "-", y);
    return r;
}
inline INT mul(INT x, INT y) {
    INT r;
    if (__builtin_mul_overflow(x, y, &r)) fail_binary("Multiplication overflow", x, "*", y);
    return r;
}
inline INT div(INT x, INT y) {
    if (y == 0) fail_binary("Division by zero", x, "/", y);
    if (y == -1 && x == INT64_MIN) fail_binary("Division overflow", x, "/", y);
    return x / y;
}
inline INT rem(INT x, INT y) {
    if (y == 0 || (y == -1 && x == INT64_MIN))
        fail_binary("Modulo division by zero or overflow", x, "%", y);
    return x % y;
}
inline INT neg(INT x) {
    if (x == INT64_MIN) fail_negate(x);
    return -x;
}
inline INT abs(INT x) { return x < 0 ? neg(x) : x; }

INT pow(INT x, INT y);  // checked x ** y (y >= 0)

inline INT shl(INT x, INT y);
inline INT shr(INT x, INT y) {
    if (y < 0) return shl(x, y == INT64_MIN ? INT64_MAX : -y);
    if (y >= 64) return x < 0 ? -1 : 0;
    return x >> y;  // arithmetic shift (C++20 defines it for negative values)
}
inline INT shl(INT x, INT y) {
    if (y < 0) return shr(x, y == INT64_MIN ? INT64_MAX : -y);
    if (y >= 64) return 0;
    return static_cast<INT>(static_cast<uint64_t>(x) << y);
}

// FLOAT ** FLOAT (and FLOAT ** INT with the exponent converted, as Rhai's built-in operator does).
double powf(double x, double y);

}  // namespace rhai::arith
