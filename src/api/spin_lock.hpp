// SpinLock: a one-byte lock for the async state's short critical sections.
//
// Calls, tasks and the hub lock their bookkeeping several times per round trip (a few field
// updates, an index insert or erase; never a host callback, never a VM run). std::mutex costs
// 40 bytes and a library call each way, about 15% of a round trip's instructions and most of
// a cache line per object; this costs one byte and an atomic exchange. Waiting is rare (another
// thread completing the same call at the same moment); a waiter spins briefly, then yields, so
// it cannot starve a holder that was preempted. TaskState::run_mu, held while the VM runs, stays
// a std::mutex.
#pragma once

#include <atomic>
#include <thread>

namespace rhai::detail {

class SpinLock {
public:
    void lock() noexcept {
        for (unsigned spins = 0;; ++spins) {
            if (!held_.exchange(true, std::memory_order_acquire)) return;
            while (held_.load(std::memory_order_relaxed)) {
                if (++spins > 64) std::this_thread::yield();
#if defined(__x86_64__) || defined(__i386__)
                else __builtin_ia32_pause();
#endif
            }
        }
    }
    bool try_lock() noexcept {
        return !held_.load(std::memory_order_relaxed) && !held_.exchange(true, std::memory_order_acquire);
    }
    void unlock() noexcept { held_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> held_{false};
};

}  // namespace rhai::detail
