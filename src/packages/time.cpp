// Package "time": timestamps (a monotonic instant, Rhai's `Instant`), elapsed time,
// timestamp arithmetic in seconds and comparisons between timestamps. Comparing a timestamp
// with any other type has no overload here, so the VM's cross-type rule applies (== false).
#include <chrono>
#include <cmath>
#include <string>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string number_text(const Dynamic& v) {
    return v.is_float() ? v.to_display() : std::to_string(v.as_int());
}

// ts + seconds (seconds may be negative or fractional); overflow is an arithmetic error.
Dynamic add_seconds(const Dynamic& ts, const Dynamic& secs, bool subtract) {
    const char* op = subtract ? "subtract" : "add";
    int64_t delta;
    if (secs.is_float()) {
        double ns = secs.as_float() * 1e9;
        if (!std::isfinite(ns) || std::fabs(ns) >= 9.2e18)
            throw EvalError::arithmetic(std::string("Integer overflow for timestamp ") + op + ": " + number_text(secs));
        delta = int64_t(ns);
    } else if (__builtin_mul_overflow(secs.as_int(), int64_t(1000000000), &delta)) {
        throw EvalError::arithmetic(std::string("Integer overflow for timestamp ") + op + ": " + number_text(secs));
    }
    int64_t out;
    bool overflow = subtract ? __builtin_sub_overflow(ts.as_timestamp_ns(), delta, &out)
                             : __builtin_add_overflow(ts.as_timestamp_ns(), delta, &out);
    if (overflow)
        throw EvalError::arithmetic(std::string("Timestamp overflow when adding ") + number_text(secs) + " second(s)");
    return Dynamic::timestamp(out);
}

Dynamic elapsed(NativeCallContext&, Dynamic** a) {
    int64_t diff = now_ns() - a[0]->as_timestamp_ns();
    if (diff < 0) throw EvalError::arithmetic("Time-stamp is later than now");
    return FLOAT(diff) / 1e9;
}

}  // namespace

void register_time(EngineCore& e) {
    auto& f = e.functions;
    const ParamType T = P(Tag::Timestamp), I = P(Tag::Int), F = P(Tag::Float);

    f.add("timestamp", {}, [](NativeCallContext&, Dynamic**) -> Dynamic { return Dynamic::timestamp(now_ns()); });
    f.add("elapsed", {T}, elapsed);
    f.add("get$elapsed", {T}, elapsed);

    // Difference of two timestamps in (fractional) seconds; negative when the right is later.
    f.add("-", {T, T}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return FLOAT(a[0]->as_timestamp_ns() - a[1]->as_timestamp_ns()) / 1e9;
    });
    for (ParamType n : {I, F}) {
        f.add("+", {T, n}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return add_seconds(*a[0], *a[1], false); });
        f.add("-", {T, n}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return add_seconds(*a[0], *a[1], true); });
        f.add("+=", {T, n}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            *a[0] = add_seconds(*a[0], *a[1], false);
            return {};
        }, true, false);
        f.add("-=", {T, n}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            *a[0] = add_seconds(*a[0], *a[1], true);
            return {};
        }, true, false);
    }

#define RHAI_TS_CMP(OP)                                                                        \
    f.add(#OP, {T, T}, [](NativeCallContext&, Dynamic** a) -> Dynamic {                        \
        return a[0]->as_timestamp_ns() OP a[1]->as_timestamp_ns();                             \
    });
    RHAI_TS_CMP(==)
    RHAI_TS_CMP(!=)
    RHAI_TS_CMP(<)
    RHAI_TS_CMP(<=)
    RHAI_TS_CMP(>)
    RHAI_TS_CMP(>=)
#undef RHAI_TS_CMP
}

}  // namespace rhai::packages
