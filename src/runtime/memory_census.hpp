// Bytes held by script values, for Limits::max_memory.
//
// An estimate, not malloc's truth: each heap object counts its own size plus the storage it
// owns (string and BLOB capacity, array slots, map nodes and keys), and objects reachable
// more than once (shared strings, copy-on-write arrays, captured cells) count once. Host
// custom types and iterators count a fixed size (their insides are opaque).
#pragma once

#include <cstddef>
#include <unordered_set>
#include <vector>

#include "rhai/dynamic.hpp"

namespace rhai {

// The bytes v's own heap object takes, without what its elements point to (0 for scalars).
// O(1): map keys' storage is left to the census.
size_t shallow_bytes(const Dynamic& v);

// Walks every value reachable from the roots given to add(), counting each object once.
// Iterative: a value nested a million levels deep is measured without deep recursion.
class MemoryCensus {
public:
    void add(const Dynamic& root);
    size_t bytes() const { return bytes_; }

private:
    void visit(const Dynamic& v);
    std::unordered_set<const HeapObject*> seen_;
    std::vector<const Dynamic*> work_;
    size_t bytes_ = 0;
};

}  // namespace rhai
