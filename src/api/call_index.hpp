// IdIndex: objects by process-unique id (pending calls for Engine::find_call, unfinished
// tasks), as a flat open-addressing table.
//
// Every async round trip inserts and erases one entry, with up to hundreds of thousands of
// calls pending at once; a node-based map costs a chain of cache misses per operation there
// (it was the largest single cost of the round trip). Linear probing over one array of
// {id, pointer} pairs costs about one miss. Erase uses backward-shift deletion, so there are no
// tombstones and lookups stay short however many calls come and go.
//
// The table holds raw pointers: an object removes itself (under the hub's lock) before it is
// destroyed, so every pointer in the table is alive while that lock is held.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rhai::detail {

template <class T>
class IdIndex {
public:
    void insert(uint64_t id, T* call) {
        if ((size_ + 1) * 4 > slots_.size() * 3) grow();
        size_t i = home(id);
        while (slots_[i].id != 0) i = next(i);
        slots_[i] = Slot{id, call};
        ++size_;
    }

    T* find(uint64_t id) const {
        if (slots_.empty() || id == 0) return nullptr;
        for (size_t i = home(id); slots_[i].id != 0; i = next(i))
            if (slots_[i].id == id) return slots_[i].call;
        return nullptr;
    }

    void erase(uint64_t id) {
        if (slots_.empty() || id == 0) return;
        size_t i = home(id);
        while (slots_[i].id != id) {
            if (slots_[i].id == 0) return;
            i = next(i);
        }
        // Backward shift: pull later entries of the same probe run into the hole.
        for (size_t j = next(i);; j = next(j)) {
            if (slots_[j].id == 0) break;
            size_t h = home(slots_[j].id);
            // Move j into the hole at i unless j's home lies cyclically in (i, j].
            bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!stays) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = Slot{};
        --size_;
    }

    size_t size() const { return size_; }

    template <class F>
    void for_each(F&& f) const {
        for (const Slot& s : slots_)
            if (s.id != 0) f(s.call);
    }

private:
    struct Slot {
        uint64_t id = 0;  // 0: empty (ids start at 1)
        T* call = nullptr;
    };

    size_t home(uint64_t id) const { return size_t((id * 0x9E3779B97F4A7C15ull) >> shift_); }
    size_t next(size_t i) const { return (i + 1) & (slots_.size() - 1); }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        size_t cap = old.empty() ? 64 : old.size() * 2;
        slots_.assign(cap, Slot{});
        shift_ = 64;
        for (size_t c = cap; c > 1; c >>= 1) --shift_;
        size_ = 0;
        for (const Slot& s : old)
            if (s.id != 0) insert(s.id, s.call);
    }

    std::vector<Slot> slots_;
    size_t size_ = 0;
    unsigned shift_ = 64;
};

}  // namespace rhai::detail
