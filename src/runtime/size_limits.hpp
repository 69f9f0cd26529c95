// Ceilings on the size of one value that apply even when the host configured no limit, so
// that a script asking for more gets ErrorDataTooLarge instead of exhausting memory (an
// std::bad_alloc, or the process killed). Far above any real script's needs; configured
// limits (Rhai's max_string_size / max_array_size / max_map_size) replace them; a memory
// cap (max_memory) lowers them further.
#pragma once

#include <cstddef>

#include "runtime/engine_core.hpp"

namespace rhai {

inline constexpr size_t kHardStringBytes = size_t{256} << 20;   // 256 MiB
inline constexpr size_t kHardArrayItems = size_t{16} << 20;     // 256 MiB of 16-byte values
inline constexpr size_t kHardMapItems = size_t{16} << 20;
inline constexpr size_t kHardBlobBytes = size_t{256} << 20;

namespace detail {
inline size_t lowest_limit(size_t configured, size_t hard, size_t memory_cap, size_t item_bytes) {
    size_t limit = configured > 0 ? configured : hard;
    if (memory_cap > 0 && memory_cap / item_bytes < limit) limit = memory_cap / item_bytes;
    return limit;
}
}  // namespace detail

// The effective limits: bytes of a string and BLOB, items of an array and map.
inline size_t string_size_limit(const Limits& l) {
    return detail::lowest_limit(l.max_string_size, kHardStringBytes, l.max_memory, 1);
}
inline size_t array_size_limit(const Limits& l) {
    return detail::lowest_limit(l.max_array_size, kHardArrayItems, l.max_memory, 16);
}
inline size_t map_size_limit(const Limits& l) {
    return detail::lowest_limit(l.max_map_size, kHardMapItems, l.max_memory, 64);
}
inline size_t blob_size_limit(const Limits& l) {
    return detail::lowest_limit(l.max_array_size, kHardBlobBytes, l.max_memory, 1);
}

// Rhai's data-size accounting (calc_data_sizes): a value's array items, map properties and
// string bytes, counted through nested arrays and maps (a BLOB counts as 1 + its bytes inside
// a container, its bytes at the top). Strings anywhere inside count toward max_string_size.
// Only the first kDataSizeDepth levels of nesting are counted (docs/differences.md).
inline constexpr size_t kDataSizeDepth = 64;
struct DataSizes {
    size_t arrays = 0, maps = 0, strings = 0;
};
DataSizes data_sizes(const Dynamic& value);

inline bool has_data_size_limit(const Limits& l) {
    return l.max_string_size != 0 || l.max_array_size != 0 || l.max_map_size != 0;
}

// Rhai's throw_on_size: ErrorDataTooLarge for the first configured limit exceeded, strings
// first ("Length of string too large", "Size of array/BLOB too large", "Size of object map
// too large").
void throw_on_size(const Limits& l, const DataSizes& sizes, Position pos = {});

}  // namespace rhai
