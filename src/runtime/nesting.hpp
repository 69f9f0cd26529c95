// A bound on recursive walks over values (printing, equality, ...).
//
// Scripts can build values nested arbitrarily deep (`for i in 0..1000000 { a = [a]; }`), and
// a recursive walk over such a value would overflow the native stack. Each level of such a
// walk holds a NestingGuard; past kMaxValueNesting levels it raises ErrorDataTooLarge, which
// the script sees as an ordinary (non-catchable) data-size error. The bound is per thread and
// generous for real data (JSON's own limit is 256), small enough for a 1 MiB stack even in
// sanitizer builds.
#pragma once

#include "rhai/error.hpp"

namespace rhai {

inline constexpr int kMaxValueNesting = 1000;

class NestingGuard {
public:
    NestingGuard() {
        if (++depth_ > kMaxValueNesting) {
            --depth_;
            throw EvalError(ErrorKind::ErrorDataTooLarge, "Value nested too deeply");
        }
    }
    ~NestingGuard() { --depth_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    static inline thread_local int depth_ = 0;
};

}  // namespace rhai
