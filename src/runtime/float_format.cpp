// Float formatting (see float_format.hpp for the rules).
#include "runtime/float_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace rhai {

namespace {

// Shortest round-trip decimal digits of |v| (v finite, non-zero) and the decimal exponent of
// the first digit: |v| = d0.d1d2... * 10^exp.
void shortest_digits(double v, std::string& digits, int& exp) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
    std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
    size_t e = s.find('e');
    digits.clear();
    for (char c : s.substr(0, e))
        if (c != '.') digits.push_back(c);
    exp = std::atoi(std::string(s.substr(e + 1)).c_str());
}

bool special(double v, std::string& out) {
    if (std::isnan(v)) {
        out = "NaN";
        return true;
    }
    if (std::isinf(v)) {
        out = v < 0 ? "-inf" : "inf";
        return true;
    }
    return false;
}

}  // namespace

std::string rust_float_display(double v) {
    std::string out;
    if (special(v, out)) return out;
    if (v == 0.0) return std::signbit(v) ? "-0" : "0";
    std::string d;
    int exp;
    shortest_digits(v, d, exp);
    if (v < 0) out.push_back('-');
    int n = static_cast<int>(d.size());
    if (exp >= 0) {
        if (n <= exp + 1) {
            out += d;
            out.append(static_cast<size_t>(exp + 1 - n), '0');
        } else {
            out += d.substr(0, static_cast<size_t>(exp + 1));
            out.push_back('.');
            out += d.substr(static_cast<size_t>(exp + 1));
        }
    } else {
        out += "0.";
        out.append(static_cast<size_t>(-exp - 1), '0');
        out += d;
    }
    return out;
}

std::string rust_float_exp(double v) {
    std::string out;
    if (special(v, out)) return out;
    if (v == 0.0) return std::signbit(v) ? "-0e0" : "0e0";
    std::string d;
    int exp;
    shortest_digits(v, d, exp);
    if (v < 0) out.push_back('-');
    out.push_back(d[0]);
    if (d.size() > 1) {
        out.push_back('.');
        out.append(d, 1);
    }
    out.push_back('e');
    out += std::to_string(exp);
    return out;
}

std::string float_to_debug(double v) {
    std::string out;
    if (special(v, out)) return out;
    if (v == 0.0) return std::signbit(v) ? "-0.0" : "0.0";
    double a = std::fabs(v);
    if (a < 1e-4 || a >= 1e16) return rust_float_exp(v);
    out = rust_float_display(v);
    if (out.find('.') == std::string::npos) out += ".0";
    return out;
}

std::string float_to_display(double v) {
    // Rhai's limits are f32 constants widened to f64, hence the odd-looking casts.
    static const double kMaxNatural = static_cast<double>(10'000'000'000'000.0f);
    static const double kMinNatural = static_cast<double>(0.000'000'000'000'1f);
    double a = std::fabs(v);
    if (a == 0.0) return "0.0";
    if (a > kMaxNatural || a < kMinNatural) return rust_float_exp(v);
    std::string out = rust_float_display(v);
    if (std::isfinite(v) && std::trunc(v) == v) out += ".0";
    return out;
}

}  // namespace rhai
