// The --timeout clock and its watchdog (see deadline.hpp).
#include "deadline.hpp"

#include <cstdio>
#include <thread>
#include <unistd.h>

namespace rhai_run {

namespace {
// Time the cooperative check gets before the watchdog ends the process.
constexpr auto kGrace = std::chrono::milliseconds(1500);
}  // namespace

Deadline::Deadline(double seconds)
    : at_(std::chrono::steady_clock::now() +
          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(seconds))),
      seconds_(seconds) {
    auto until = *at_ + kGrace;
    // Detached: it only sleeps, and the process exiting normally ends it.
    std::thread([until, seconds] {
        std::this_thread::sleep_until(until);
        std::fprintf(stderr, "rhai-run: Runtime error: Script timed out after %g s (watchdog)\n", seconds);
        std::fflush(stderr);
        _exit(1);  // no destructors: another thread is still inside the engine
    }).detach();
}

bool Deadline::expired() const { return at_ && std::chrono::steady_clock::now() >= *at_; }

}  // namespace rhai_run
