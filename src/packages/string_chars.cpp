// Character streams: `s.chars()`, `s.chars(start)`, `s.chars(start, len)`, `s.chars(range)`,
// the `s.chars` property, and `s.to_chars()` (the same characters collected into an array).
//
// A stream shares the string it walks (no copy); copy-on-write keeps it unaffected by later
// edits of the script's variable, as iterating a Rust CharsStream snapshot would be.
#include <algorithm>
#include <limits>

#include "packages/string_common.hpp"

namespace rhai::packages::strings {
namespace {

class CharsCursor final : public Cursor {
public:
    CharsCursor(Dynamic source, ByteRange r) : source_(std::move(source)), pos_(r.begin), end_(r.end) {}
    bool next(Dynamic& out) override {
        if (pos_ >= end_) return false;
        out = Dynamic(utf8::decode(source_.as_string(), pos_));
        return true;
    }

private:
    Dynamic source_;  // keeps the string alive while iterating
    size_t pos_, end_;
};

class CharsStream final : public IterableObj {
public:
    CharsStream(Dynamic source, ByteRange r) : source_(std::move(source)), range_(r) {}
    // Rhai reports the Rust type of the iterator.
    std::string_view type_name() const override { return "rhai::packages::iter_basic::CharsStream"; }
    std::unique_ptr<Cursor> cursor() const override {
        return std::make_unique<CharsCursor>(source_, range_);
    }

private:
    Dynamic source_;
    ByteRange range_;
};

Dynamic stream(Dynamic* s, ByteRange r) {
    if (r.empty()) r = {};
    return Dynamic::from_heap(Tag::Iterable, new CharsStream(*s, r));
}

Dynamic chars_all(NativeCallContext&, Dynamic** a) { return stream(a[0], {0, a[0]->as_string().size()}); }
Dynamic chars_from(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    return stream(a[0], char_window(s, a[1]->as_int(), std::numeric_limits<INT>::max()));
}
Dynamic chars_from_len(NativeCallContext&, Dynamic** a) {
    return stream(a[0], char_window(str(a, 0), a[1]->as_int(), a[2]->as_int()));
}
Dynamic chars_range(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    const RangeObj& r = a[1]->as_range();
    const INT from = std::max<INT>(r.start, 0);
    if (a[1]->tag() == Tag::Range) {
        return stream(a[0], char_window(s, from, std::max<INT>(r.end, from) - from));
    }
    // Inclusive: an end before the start selects nothing (unlike sub_string's inclusive range).
    const INT to = std::min<INT>(std::max<INT>(r.end, from - 1), std::numeric_limits<INT>::max() - 1);
    return stream(a[0], char_window(s, from, to - from + 1));
}

Dynamic to_chars(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    Array out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) out.emplace_back(utf8::decode(s, i));
    return out;
}

}  // namespace

void register_string_chars(EngineCore& e) {
    const ParamType S = p_str(), I = p_int();
    def(e, "chars", {S}, chars_all);
    def(e, "chars", {S, I}, chars_from);
    def(e, "chars", {S, I, I}, chars_from_len);
    def(e, "chars", {S, p_range()}, chars_range);
    def(e, "chars", {S, p_range_incl()}, chars_range);
    def_getter(e, "chars", S, chars_all);
    def(e, "to_chars", {S}, to_chars);
}

}  // namespace rhai::packages::strings
