// NativeMemo: which native a call resolves to, remembered for every task of an engine.
//
// Each VM task has its own call-site caches (no locking on the hot path), so a fresh task
// resolved every native by name again: hashing the name, walking the overloads, matching
// parameter types — about a tenth of an async round trip when thousands of short tasks run.
// The memo sits behind those caches: a fixed table of immutable entries published with atomic
// pointers, so tasks on any thread read it without a lock. An entry is keyed by what the
// resolution depends on — the name, the argument tags and the registry generation — so a stale
// or colliding entry is simply a miss. Entries live as long as the engine; their number is
// bounded (past kMaxEntries nothing new is remembered, resolution still works).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/dynamic.hpp"

namespace rhai {

struct NativeFunction;

class NativeMemo {
public:
    static constexpr size_t kMaxArgs = 6;
    static constexpr size_t kSlots = 1024;
    static constexpr size_t kMaxEntries = 8192;

    NativeMemo();
    ~NativeMemo();
    NativeMemo(const NativeMemo&) = delete;
    NativeMemo& operator=(const NativeMemo&) = delete;

    // The native remembered for this call, or null. `argc` <= kMaxArgs; no Custom tags.
    const NativeFunction* find(std::string_view name, Dynamic* const* args, size_t argc,
                               uint64_t generation) const;
    void remember(std::string_view name, Dynamic* const* args, size_t argc, uint64_t generation,
                  const NativeFunction* native);

private:
    struct Entry {
        uint64_t generation;
        uint8_t argc;
        Tag tags[kMaxArgs];
        const NativeFunction* native;
        std::string name;
        bool matches(std::string_view n, Dynamic* const* args, size_t c, uint64_t gen) const;
    };
    static size_t slot_of(std::string_view name, Dynamic* const* args, size_t argc);

    std::unique_ptr<std::atomic<const Entry*>[]> slots_;
    std::mutex mu_;                              // guards owned_
    std::vector<std::unique_ptr<Entry>> owned_;  // every entry ever published
};

}  // namespace rhai
