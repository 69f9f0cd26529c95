// A manual clock for the async tests: they move time forward explicitly (Engine::set_clock).
#pragma once

#include <chrono>
#include <functional>

#include "rhai/async.hpp"

namespace rhai::test_support {

struct FakeClock {
    TimePoint t = TimePoint(std::chrono::seconds(1000));
    std::function<TimePoint()> fn() {
        return [this] { return t; };
    }
};

}  // namespace rhai::test_support
