// Package "time": timestamps (a monotonic instant, Rhai's `Instant`), elapsed time,
// timestamp arithmetic in seconds and comparisons between timestamps. Comparing a timestamp
// with any other type has no overload here, so the VM's cross-type rule applies (== false).
#include <chrono>
#include <climits>
#include <cmath>
#include <optional>
#include <string>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"
#include "runtime/float_format.hpp"

namespace rhai::packages {

using namespace util;

namespace {

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr int64_t kNanosPerSec = 1000000000;

// Rust's Duration::as_secs_f64 (whole seconds plus the fraction, each converted on its own) of
// a difference in nanoseconds, negated when the difference is negative (Rhai's time_diff).
FLOAT duration_secs(int64_t later, int64_t earlier) {
    bool negative = later < earlier;
    // The magnitude of the difference always fits in 64 unsigned bits.
    uint64_t mag = negative ? uint64_t(earlier) - uint64_t(later) : uint64_t(later) - uint64_t(earlier);
    FLOAT secs = FLOAT(mag / kNanosPerSec) + FLOAT(mag % kNanosPerSec) / FLOAT(kNanosPerSec);
    return negative ? -secs : secs;
}

// ts moved by delta_ns (as Instant::checked_add / checked_sub); nullopt when out of range.
std::optional<int64_t> moved(const Dynamic& ts, int64_t delta_ns, bool subtract) {
    int64_t out;
    bool overflow = subtract ? __builtin_sub_overflow(ts.as_timestamp_ns(), delta_ns, &out)
                             : __builtin_add_overflow(ts.as_timestamp_ns(), delta_ns, &out);
    if (overflow) return std::nullopt;
    return out;
}

[[noreturn]] void overflow_error(bool subtract, const std::string& secs) {
    throw EvalError::arithmetic(std::string(subtract ? "Timestamp overflow when subtracting "
                                                     : "Timestamp overflow when adding ") +
                                secs + " second(s)");
}

// ts +/- seconds, as Rhai's time package: a negative amount flips the operation; a float
// amount counts whole milliseconds (Duration::from_millis((seconds * 1000.0) as u64)).
Dynamic move_float(const Dynamic& ts, FLOAT secs, bool subtract) {
    if (secs < 0.0) return move_float(ts, -secs, !subtract);
    if (secs > FLOAT(INT64_MAX))
        throw EvalError::arithmetic(std::string("Integer overflow for timestamp ") +
                                    (subtract ? "subtract" : "add") + ": " + rust_float_display(secs));
    // Rust's `as u64` saturates (NaN gives 0).
    FLOAT ms = std::floor(secs * 1000.0);
    uint64_t millis = !(ms > 0.0) ? 0 : ms >= 18446744073709551615.0 ? UINT64_MAX : uint64_t(ms);
    int64_t delta;
    if (millis > uint64_t(INT64_MAX) / 1000000 || __builtin_mul_overflow(int64_t(millis), int64_t(1000000), &delta))
        overflow_error(subtract, rust_float_display(secs));
    auto out = moved(ts, delta, subtract);
    if (!out) overflow_error(subtract, rust_float_display(secs));
    return Dynamic::timestamp(*out);
}

// Integer seconds: the error names the operation asked for and the amount as given.
Dynamic move_int(const Dynamic& ts, INT secs, bool subtract) {
    uint64_t mag = secs < 0 ? uint64_t(0) - uint64_t(secs) : uint64_t(secs);
    bool sub = secs < 0 ? !subtract : subtract;
    int64_t delta;
    if (mag > uint64_t(INT64_MAX) || __builtin_mul_overflow(int64_t(mag), kNanosPerSec, &delta))
        overflow_error(subtract, std::to_string(secs));
    auto out = moved(ts, delta, sub);
    if (!out) overflow_error(subtract, std::to_string(secs));
    return Dynamic::timestamp(*out);
}

Dynamic add_seconds(const Dynamic& ts, const Dynamic& secs, bool subtract) {
    return secs.is_float() ? move_float(ts, secs.as_float(), subtract) : move_int(ts, secs.as_int(), subtract);
}

Dynamic elapsed(NativeCallContext&, Dynamic** a) {
    if (a[0]->as_timestamp_ns() > now_ns()) throw EvalError::arithmetic("Time-stamp is later than now");
    return duration_secs(now_ns(), a[0]->as_timestamp_ns());
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
        return duration_secs(a[0]->as_timestamp_ns(), a[1]->as_timestamp_ns());
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
