#include "packages/string_common.hpp"

#include <algorithm>
#include <limits>

namespace rhai::packages::strings {

void throw_string_too_large() {
    EvalError err(ErrorKind::ErrorDataTooLarge, "Length of string too large");
    err.fields()["type"] = Dynamic("Length of string");  // Rhai's e.type
    throw err;
}

// |v| for a negative INT without overflowing on INT64_MIN.
static uint64_t magnitude(INT v) { return static_cast<uint64_t>(-(v + 1)) + 1; }

ByteRange char_window(std::string_view s, INT start, INT len) {
    if (s.empty() || len <= 0) return {};
    size_t begin;
    if (start < 0) {
        const uint64_t back = magnitude(start);
        begin = back >= s.size() + 1 ? 0 : utf8::byte_offset_from_end(s, static_cast<size_t>(back));
    } else {
        if (static_cast<uint64_t>(start) >= s.size()) return {};
        begin = utf8::byte_offset(s, static_cast<size_t>(start));
        if (begin >= s.size()) return {};
    }
    const std::string_view rest = s.substr(begin);
    const size_t take = static_cast<uint64_t>(len) >= rest.size() ? rest.size()
                                                                   : static_cast<size_t>(len);
    return {begin, begin + utf8::byte_offset(rest, take)};
}

ByteRange range_window(std::string_view s, const Dynamic& range) {
    const RangeObj& r = range.as_range();
    const INT start = std::max<INT>(r.start, 0);
    const INT end = std::max<INT>(r.end, start);
    INT len = end - start;  // cannot overflow: 0 <= start <= end
    if (range.tag() == Tag::RangeInclusive && len < std::numeric_limits<INT>::max()) ++len;
    return char_window(s, start, len);
}

}  // namespace rhai::packages::strings
