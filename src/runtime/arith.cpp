// Cold paths and the less common operations of runtime/arith.hpp.
#include "runtime/arith.hpp"

#include <climits>
#include <cmath>

#include "rhai/error.hpp"

namespace rhai::arith {

void fail_binary(const char* what, INT x, const char* op, INT y) {
    throw EvalError::arithmetic(std::string(what) + ": " + std::to_string(x) + " " + op + " " +
                                std::to_string(y));
}

void fail_negate(INT x) { throw EvalError::arithmetic("Negation overflow: -" + std::to_string(x)); }

INT pow(INT x, INT y) {
    if (y < 0) fail_binary("Integer raised to a negative power", x, "**", y);
    if (y > INT64_C(0xFFFFFFFF)) {
        // Rust's checked_pow takes a u32 exponent; only 0, 1 and -1 survive such powers.
        if (x == 0 || x == 1) return x;
        if (x == -1) return (y & 1) ? -1 : 1;
        fail_binary("Exponential overflow", x, "**", y);
    }
    INT result = 1, base = x;
    uint64_t e = static_cast<uint64_t>(y);
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result)) fail_binary("Exponential overflow", x, "**", y);
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base)) fail_binary("Exponential overflow", x, "**", y);
    }
    return result;
}

double powf(double x, double y) { return std::pow(x, y); }

}  // namespace rhai::arith
