// Rhai's tolerant floating-point comparisons (see the Rhai book, "Floating-point Comparison").
//
// With max_diff = max(|x|, |y|) * epsilon: when either side is zero the tolerance is epsilon
// itself (absolute), otherwise max_diff (relative). `0.1 + 0.2 == 0.3` is therefore true and
// `1e-17 == 0.0` too. Exactly equal values always compare equal (so inf == inf), and NaN is
// never equal, less or greater than anything.
#pragma once

#include <cmath>
#include <limits>

namespace rhai {

inline double float_tolerance(double x, double y) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    if (x == 0.0 || y == 0.0) return eps;
    return std::fmax(std::fabs(x), std::fabs(y)) * eps;
}

inline bool float_eq(double x, double y) {
    if (x == y) return true;
    return std::fabs(x - y) < float_tolerance(x, y);
}
inline bool float_ne(double x, double y) { return !float_eq(x, y); }
inline bool float_gt(double x, double y) { return x - y >= float_tolerance(x, y); }
inline bool float_lt(double x, double y) { return y - x >= float_tolerance(x, y); }
inline bool float_ge(double x, double y) { return x == y || x - y >= -float_tolerance(x, y); }
inline bool float_le(double x, double y) { return x == y || y - x >= -float_tolerance(x, y); }

}  // namespace rhai
