#include "runtime/native_memo.hpp"

namespace rhai {

// make_unique<T[]> value-initialises every slot (C++20 std::atomic's default constructor
// holds a null pointer), so no second pass is needed.
NativeMemo::NativeMemo() : slots_(std::make_unique<std::atomic<const Entry*>[]>(kSlots)) {}

NativeMemo::~NativeMemo() = default;

bool NativeMemo::Entry::matches(std::string_view n, Dynamic* const* args, size_t c, uint64_t gen) const {
    if (generation != gen || argc != c || name != n) return false;
    for (size_t i = 0; i < c; ++i)
        if (tags[i] != args[i]->tag()) return false;
    return true;
}

// FNV-1a over the name, the arity and the argument tags.
size_t NativeMemo::slot_of(std::string_view name, Dynamic* const* args, size_t argc) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint8_t b) { h = (h ^ b) * 1099511628211ull; };
    for (char c : name) mix(uint8_t(c));
    mix(uint8_t(argc));
    for (size_t i = 0; i < argc; ++i) mix(uint8_t(args[i]->tag()));
    return size_t(h ^ (h >> 29)) & (kSlots - 1);
}

const NativeFunction* NativeMemo::find(std::string_view name, Dynamic* const* args, size_t argc,
                                       uint64_t generation) const {
    const Entry* e = slots_[slot_of(name, args, argc)].load(std::memory_order_acquire);
    return e && e->matches(name, args, argc, generation) ? e->native : nullptr;
}

void NativeMemo::remember(std::string_view name, Dynamic* const* args, size_t argc, uint64_t generation,
                          const NativeFunction* native) {
    auto e = std::make_unique<Entry>();
    e->generation = generation;
    e->argc = uint8_t(argc);
    for (size_t i = 0; i < argc; ++i) e->tags[i] = args[i]->tag();
    e->native = native;
    e->name = std::string(name);
    const Entry* published = e.get();
    {
        std::lock_guard lock(mu_);
        if (owned_.size() >= kMaxEntries) return;
        owned_.push_back(std::move(e));
    }
    // A racing publisher of the same slot may win or lose: either entry is correct for its key.
    slots_[slot_of(name, args, argc)].store(published, std::memory_order_release);
}

}  // namespace rhai
