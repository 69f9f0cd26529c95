// The memory cap (Limits::max_memory): bytes held by the values of one task.
//
// Counting every allocation would put a cost on every value operation, so the VM charges
// values where they are produced or grown (the same points that check Rhai's size limits,
// plus array/map literals and closures) and, once the charges since the last census could
// take the task past the cap, counts what the task really holds: a census of its stack,
// frames and globals (runtime/memory_census.hpp). Values that became garbage since are not
// counted, so a loop that churns temporaries never fails; a task that keeps what it makes is
// stopped with ErrorMemoryLimit at most 1/8 of the cap past it. A census costs the size of
// what the task holds and runs only after at least 1/8 of the cap was charged: amortized
// O(1) per byte produced.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include "runtime/memory_census.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

void Machine::charge_memory(const Dynamic& v, Position pos, bool in_place) {
    const size_t bytes = shallow_bytes(v);
    if (!is_heap_tag(v.tag())) return;
    if (!in_place) {
        fresh_bytes_ += bytes;
    } else {
        // Direct-mapped by address, holding only values grown in place (new values would
        // evict the array a loop pushes to): a hit is charged by its growth.
        Charged& slot = charged_[(reinterpret_cast<uintptr_t>(v.heap()) >> 4) % std::size(charged_)];
        if (slot.obj == v.heap() && bytes >= slot.bytes) fresh_bytes_ += bytes - slot.bytes;
        else fresh_bytes_ += bytes;
        slot = {v.heap(), bytes};
    }
    const size_t slack = max_memory_ > measured_bytes_ ? max_memory_ - measured_bytes_ : 0;
    if (fresh_bytes_ <= std::max(slack, max_memory_ / 8) && bytes <= max_memory_) return;
    measured_bytes_ = census_bytes();
    fresh_bytes_ = 0;
    if (measured_bytes_ > max_memory_ || bytes > max_memory_) {
        throw EvalError(ErrorKind::ErrorMemoryLimit,
                        "Memory limit exceeded: script values hold about " +
                            std::to_string(std::max(measured_bytes_, bytes)) + " bytes (limit " +
                            std::to_string(max_memory_) + ")",
                        pos);
    }
}

// Everything the task can still reach: the whole value stack (slots above the top may still
// hold values until overwritten: they are memory all the same), `this` and run-time variables
// of every frame, top-level constants and a pending call's result.
size_t Machine::census_bytes() const {
    MemoryCensus census;
    for (const Dynamic& v : stack_) census.add(v);
    for (const Frame& f : frames_) {
        census.add(f.this_val);
        if (const EvalScope* es = f.eval_scope()) {
            for (const auto& v : es->vars) census.add(v.value);
            for (const auto& s : es->shadows) census.add(s.saved);
        }
    }
    for (const Dynamic& v : globals_) census.add(v);
    census.add(result);
    return census.bytes() + stack_.capacity() * sizeof(Dynamic);
}

}  // namespace rhai::vm
