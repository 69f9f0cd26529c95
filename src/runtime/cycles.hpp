// Reference cycles through Shared cells, and how they are freed.
//
// Values are reference counted. Arrays, maps and FnPtrs are copy-on-write, so without Shared
// cells the object graph is a DAG; the only way to build a cycle is through a cell a closure
// captured (`let f = 0; f = || f.call();`, a map holding a closure that captures the map's
// variable, cells pointing at each other). So every cycle contains a SharedObj, and clearing
// the cells of an unreachable cycle frees it.
//
// CellTracker keeps a reference to every cell an evaluation (a vm::Machine) makes. collect()
// is trial deletion (CPython's cycle detector) restricted to what those cells reach: each
// object's count of references from *inside* that graph is subtracted from its real count; an
// object with references left is held from outside (the VM stack, the host, another thread, a
// constant of the AST) and keeps alive everything it reaches; the rest is garbage, and its
// cells are emptied. The VM collects when the number of tracked cells has grown by the work
// the previous collection did on live objects (amortized O(1) per cell) and always when the evaluation ends.
// Objects the collector cannot look inside (host types, iterators) count as outside holders:
// a cycle through them is kept (a leak, never a dangling value).
#pragma once

#include <cstddef>
#include <vector>

#include "rhai/dynamic.hpp"

namespace rhai {

// Breaks the unreachable cycles among `cells` (Shared values, each entry holding one reference
// the collector does not count). Entries that were garbage or only referenced by the list are
// removed; the others stay. Returns the number of live objects examined (the work a later
// collection repeats).
size_t collect_cycles(std::vector<Dynamic>& cells);

class CellTracker {
public:
    CellTracker() = default;
    CellTracker(const CellTracker&) = delete;
    CellTracker& operator=(const CellTracker&) = delete;
    ~CellTracker();  // collects (the evaluation is over)

    // Remembers a cell the evaluation created (anything else is ignored).
    void track(const Dynamic& cell) {
        if (cell.is_shared()) cells_.push_back(cell);
    }
    // Enough new cells since the last collection that collecting now costs O(1) per cell.
    bool due() const { return cells_.size() >= next_; }
    void collect();
    size_t size() const { return cells_.size(); }

private:
    static constexpr size_t kMinInterval = 1024;
    std::vector<Dynamic> cells_;
    size_t next_ = kMinInterval;
};

}  // namespace rhai
