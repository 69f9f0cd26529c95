// rhai-run --timeout: a wall-clock limit on a whole run.
//
// Scripts run in slices of operations; between slices the driver asks expired(). A single
// operation can still take long (a huge sort, a long native), so a watchdog thread is the
// backstop: if the process is still running `grace` after the deadline it reports the timeout
// and ends the process with exit status 1 — a hung script never outlives its limit.
#pragma once

#include <chrono>
#include <optional>

namespace rhai_run {

class Deadline {
public:
    // No timeout: never expires, no watchdog.
    Deadline() = default;
    explicit Deadline(double seconds);
    bool expired() const;
    bool armed() const { return at_.has_value(); }
    double seconds() const { return seconds_; }

private:
    std::optional<std::chrono::steady_clock::time_point> at_;
    double seconds_ = 0;
};

// Operations per slice between deadline checks: small enough to react within milliseconds,
// large enough that checking the clock costs nothing measurable.
inline constexpr uint64_t kSliceOperations = 10'000;

}  // namespace rhai_run
