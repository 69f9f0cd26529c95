// Value sizes for the memory cap (see memory_census.hpp).
#include "runtime/memory_census.hpp"

namespace rhai {

namespace {
// A std::map node: three pointers, a colour, the key and the value.
constexpr size_t kMapNodeBytes = 4 * sizeof(void*) + sizeof(std::string) + sizeof(Dynamic);
// Host types and iterators: opaque, so a nominal size.
constexpr size_t kOpaqueBytes = 64;
}  // namespace

size_t shallow_bytes(const Dynamic& v) {
    switch (v.tag()) {
        case Tag::String: return sizeof(StringObj) + v.as_string().capacity();
        case Tag::Array: return sizeof(ArrayObj) + v.as_array().capacity() * sizeof(Dynamic);
        // Keys' own storage is counted by the census (walking them here would make every
        // charge of a growing map cost its size).
        case Tag::Map: return sizeof(MapObj) + v.as_map().size() * kMapNodeBytes;
        case Tag::Blob: return sizeof(BlobObj) + v.as_blob().capacity();
        case Tag::FnPtr: {
            const FnPtrObj& f = v.as_fn_ptr();
            return sizeof(FnPtrObj) + f.name.capacity() + f.curried.capacity() * sizeof(Dynamic);
        }
        case Tag::Range:
        case Tag::RangeInclusive: return sizeof(RangeObj);
        case Tag::Shared: return sizeof(SharedObj) + sizeof(Dynamic);
        default: return is_heap_tag(v.tag()) ? kOpaqueBytes : 0;
    }
}

void MemoryCensus::add(const Dynamic& root) {
    visit(root);
    while (!work_.empty()) {
        const Dynamic* v = work_.back();
        work_.pop_back();
        switch (v->tag()) {
            case Tag::Array:
                for (const Dynamic& e : v->as_array()) visit(e);
                break;
            case Tag::Map:
                for (const auto& [key, value] : v->as_map()) {
                    if (key.capacity() > sizeof(std::string)) bytes_ += key.capacity();  // not inline
                    visit(value);
                }
                break;
            case Tag::FnPtr:
                for (const Dynamic& e : v->as_fn_ptr().curried) visit(e);
                break;
            case Tag::Shared: visit(v->as_shared().value()); break;
            default: break;
        }
    }
}

// Counts v's object the first time it is seen and queues its elements.
void MemoryCensus::visit(const Dynamic& v) {
    if (!is_heap_tag(v.tag()) || !seen_.insert(v.heap()).second) return;
    bytes_ += shallow_bytes(v);
    work_.push_back(&v);
}

}  // namespace rhai
