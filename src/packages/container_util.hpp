// Helpers shared by the container packages (array, map, blob, iterators): Rhai's rules for
// turning (start, len) / ranges / negative indices into positions, Rhai's loose equality used
// by contains/index_of/dedup/==, and short names for parameter types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"
#include "runtime/native.hpp"

namespace rhai::packages::util {

inline ParamType P(Tag t) { return ParamType::of(t); }
inline ParamType Any() { return ParamType::dynamic(); }

// A copy of an argument returned as a new value: a constant's read-only flag must not travel
// with it (`let b = CONST_ARRAY + [];` gives a normal, writable array).
inline Dynamic writable(const Dynamic& v) {
    Dynamic out = v;
    out.set_read_only(false);
    return out;
}

// Rhai's calc_offset_len: a negative start counts from the end (clamped to 0 when it reaches
// past the front); a start at/after the end gives (len, 0); len <= 0 gives 0; the length is
// clamped to what is left after start.
inline std::pair<size_t, size_t> offset_len(size_t length, INT start, INT len) {
    size_t s;
    if (start < 0) {
        // -INT64_MIN overflows: compare in unsigned.
        uint64_t abs = start == INT64_MIN ? (uint64_t(1) << 63) : uint64_t(-start);
        s = abs >= length ? 0 : length - size_t(abs);
    } else if (uint64_t(start) >= length) {
        return {length, 0};
    } else {
        s = size_t(start);
    }
    size_t n;
    if (len <= 0) {
        n = 0;
    } else if (uint64_t(len) > length - s) {
        n = length - s;
    } else {
        n = size_t(len);
    }
    return {s, n};
}

// A single element position: negative counts from the end; anything outside is nullopt
// (get/set/remove give ()/no-op/() there; see QUIRKS "left out of the corpus").
inline std::optional<size_t> index_of_pos(size_t length, INT index) {
    if (index < 0) {
        uint64_t abs = index == INT64_MIN ? (uint64_t(1) << 63) : uint64_t(-index);
        if (abs > length) return std::nullopt;
        return length - size_t(abs);
    }
    if (uint64_t(index) >= length) return std::nullopt;
    return size_t(index);
}

// A range argument as (start, len) the way Rhai's range overloads compute it:
// start = max(start, 0); end = max(end, start); len = end - start (+1 when inclusive).
inline std::pair<INT, INT> range_start_len(const Dynamic& r) {
    const RangeObj& o = r.as_range();
    INT start = o.start < 0 ? 0 : o.start;
    INT end = o.end < start ? start : o.end;
    INT len = end - start;
    if (r.tag() == Tag::RangeInclusive && len < INT64_MAX) len += 1;
    return {start, len};
}

// Rhai's `==` as contains/index_of/dedup/array== use it: numbers compare across INT/FLOAT,
// a one-character string equals that char, and host types use a registered `==` if any.
bool loose_equals(NativeCallContext& ctx, const Dynamic& a, const Dynamic& b);

// Element count guard for functions that grow a container by a caller-given amount (pad,
// blob(n)): refuses sizes that cannot be allocated with a clear error instead of a
// multi-gigabyte allocation or std::bad_alloc.
void check_container_size(NativeCallContext& ctx, const char* what, INT wanted, size_t elem_size,
                          size_t engine_limit);

// Appends a Unicode scalar value as UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace rhai::packages::util
