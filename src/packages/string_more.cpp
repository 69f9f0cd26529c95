// Package "string_more" (Rhai's MoreStringPackage): searching, slicing, editing and case
// conversion. Splitting lives in string_split.cpp, char iteration in string_chars.cpp and the
// operators in string_ops.cpp; all of them are registered from here or from string.cpp.
//
// Positions are character indices. In-place editors (trim, pad, crop, replace, ...) are
// methods taking the receiver by reference and return (), as in Rhai; they only ask for
// mutable access (which un-shares a copy-on-write string) when they really change something.
#include <algorithm>
#include <optional>

#include "packages/string_common.hpp"

namespace rhai::packages {
namespace {

using namespace strings;

// ---- searching ---------------------------------------------------------------------------

// Byte offset where index_of starts looking, or npos when the start lies past the end.
// Negative starts count from the end; below -len they mean "from the beginning".
size_t search_start(std::string_view s, INT start) {
    if (start == 0) return 0;
    if (start < 0) {
        // Counting back past the beginning clamps to the beginning.
        const uint64_t back = static_cast<uint64_t>(-(start + 1)) + 1;
        return utf8::byte_offset_from_end(s, static_cast<size_t>(std::min<uint64_t>(back, s.size())));
    }
    if (static_cast<uint64_t>(start) >= s.size()) return std::string_view::npos;
    const size_t b = utf8::byte_offset(s, static_cast<size_t>(start));
    return b >= s.size() ? std::string_view::npos : b;
}

INT index_of_from(std::string_view s, std::string_view needle, INT start) {
    if (s.empty()) return -1;
    const size_t from = search_start(s, start);
    if (from == std::string_view::npos) return -1;
    const size_t at = s.find(needle, from);
    return at == std::string_view::npos ? -1 : static_cast<INT>(utf8::count_chars(s.substr(0, at)));
}

Dynamic index_of_str(NativeCallContext&, Dynamic** a) { return index_of_from(str(a, 0), str(a, 1), 0); }
Dynamic index_of_str_from(NativeCallContext&, Dynamic** a) {
    return index_of_from(str(a, 0), str(a, 1), a[2]->as_int());
}
Dynamic index_of_char(NativeCallContext&, Dynamic** a) {
    return index_of_from(str(a, 0), utf8::encode(a[1]->as_char()), 0);
}
Dynamic index_of_char_from(NativeCallContext&, Dynamic** a) {
    return index_of_from(str(a, 0), utf8::encode(a[1]->as_char()), a[2]->as_int());
}

Dynamic contains_str(NativeCallContext&, Dynamic** a) {
    return str(a, 0).find(str(a, 1)) != std::string_view::npos;
}
Dynamic contains_char(NativeCallContext&, Dynamic** a) {
    return str(a, 0).find(utf8::encode(a[1]->as_char())) != std::string_view::npos;
}
Dynamic starts_with_str(NativeCallContext&, Dynamic** a) { return str(a, 0).starts_with(str(a, 1)); }
Dynamic starts_with_char(NativeCallContext&, Dynamic** a) {
    return str(a, 0).starts_with(utf8::encode(a[1]->as_char()));
}
Dynamic ends_with_str(NativeCallContext&, Dynamic** a) { return str(a, 0).ends_with(str(a, 1)); }
Dynamic ends_with_char(NativeCallContext&, Dynamic** a) {
    return str(a, 0).ends_with(utf8::encode(a[1]->as_char()));
}

// ---- single characters: get / set ------------------------------------------------------

// Byte offset of the character at `index` (negative: from the end), npos when out of range.
size_t char_at(std::string_view s, INT index) {
    if (index >= 0) {
        if (static_cast<uint64_t>(index) >= s.size()) return std::string_view::npos;
        const size_t b = utf8::byte_offset(s, static_cast<size_t>(index));
        return b >= s.size() ? std::string_view::npos : b;
    }
    const uint64_t back = static_cast<uint64_t>(-(index + 1)) + 1;
    if (back > s.size() || back > utf8::count_chars(s)) return std::string_view::npos;
    return utf8::byte_offset_from_end(s, static_cast<size_t>(back));
}

Dynamic get_char(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    size_t at = char_at(s, a[1]->as_int());
    if (at == std::string_view::npos) return Dynamic();
    return utf8::decode(s, at);
}

Dynamic set_char(NativeCallContext& ctx, Dynamic** a) {
    const std::string_view s = str(a, 0);
    size_t at = char_at(s, a[1]->as_int());
    if (at == std::string_view::npos) return Dynamic();
    size_t end = at;
    utf8::decode(s, end);
    const std::string repl = utf8::encode(a[2]->as_char());
    check_string_size(ctx, s.size() - (end - at) + repl.size());
    a[0]->string_mut().replace(at, end - at, repl);
    return Dynamic();
}

// ---- slicing -----------------------------------------------------------------------------

// The slice `r` of the string argument, sharing the original when it is the whole string.
Dynamic slice(Dynamic* s, ByteRange r) {
    const std::string& text = s->as_string();
    if (r.empty()) return Dynamic(std::string());
    if (r.begin == 0 && r.end == text.size()) return copy_of(*s);
    return Dynamic(text.substr(r.begin, r.end - r.begin));
}

Dynamic sub_string_len(NativeCallContext&, Dynamic** a) {
    return slice(a[0], char_window(str(a, 0), a[1]->as_int(), a[2]->as_int()));
}
Dynamic sub_string_from(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    return slice(a[0], char_window(s, a[1]->as_int(), static_cast<INT>(s.size())));
}
Dynamic sub_string_range(NativeCallContext&, Dynamic** a) {
    return slice(a[0], range_window(str(a, 0), *a[1]));
}

// s[range]: the VM indexes strings by INT itself and hands other index types to
// `index$get$`. Rhai's rules: a negative bound counts from the end (a start before the
// beginning is an error, an end there is 0);
// an exclusive range takes end - start characters, an inclusive one end - start + 1 but
// nothing at all when end <= start (so s[3..=3] is empty, as in the reference).
size_t range_bound(INT bound, size_t count) {
    if (bound >= 0) return static_cast<uint64_t>(bound) > count ? count + 1 : static_cast<size_t>(bound);
    const uint64_t back = static_cast<uint64_t>(-(bound + 1)) + 1;
    return back >= count ? 0 : count - static_cast<size_t>(back);
}
Dynamic index_range(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    if (s.empty()) return copy_of(*a[0]);
    const RangeObj& r = a[1]->as_range();
    const size_t count = utf8::count_chars(s);
    // A negative start before the first character is ErrorStringBounds (Rhai's calc_index);
    // a negative end there just means 0.
    if (r.start < 0 && static_cast<uint64_t>(-(r.start + 1)) + 1 > count)
        throw EvalError::string_bounds(INT(count), r.start);
    const size_t start = range_bound(r.start, count), end = range_bound(r.end, count);
    size_t take;
    if (a[1]->tag() == Tag::Range) {
        if (start == 0 && end >= count) return copy_of(*a[0]);
        take = end > start ? end - start : 0;
    } else {
        if (start == 0 && end + 1 >= count) return copy_of(*a[0]);
        take = end > start ? end - start + 1 : 0;
    }
    if (take == 0 || start >= count) return Dynamic(std::string());
    const size_t begin = utf8::byte_offset(s, start);
    const std::string_view rest = s.substr(begin);
    return Dynamic(std::string(rest.substr(0, utf8::byte_offset(rest, take))));
}

// s[range] = value: Rhai replaces the characters [start, end) (or [start, end]) with the
// value's display text. A negative start counts from the end and must lie inside the string
// (else ErrorStringBounds); a negative end outside it means 0. Keeps everything before `start`
// and after `end` as is, so a reversed range inserts rather than replaces.
Dynamic set_index_range(NativeCallContext& ctx, Dynamic** a) {
    const std::string_view s = str(a, 0);
    const size_t n = utf8::count_chars(s);
    const RangeObj& r = a[1]->as_range();
    const bool exclusive = a[1]->tag() == Tag::Range;
    auto from_end = [n](INT bound) -> std::optional<size_t> {
        if (n == 0 || bound >= 0) return std::nullopt;
        const uint64_t back = uint64_t(-(bound + 1)) + 1;
        if (back > n) return std::nullopt;
        return n - size_t(back);
    };
    size_t start = 0, end = 0;
    if (n > 0) {
        if (r.start >= 0) start = size_t(r.start);
        else if (auto i = from_end(r.start)) start = *i;
        else throw EvalError::string_bounds(INT(n), r.start);
        end = r.end >= 0 ? size_t(r.end) : from_end(r.end).value_or(0);
    }
    size_t keep_from;  // first character kept after the replaced part
    if (exclusive || n == 0) keep_from = exclusive ? std::min(end, n) : n;
    else keep_from = std::min(end, n - 1) + 1;
    const std::string text = a[2]->is_string() ? std::string(a[2]->as_string()) : a[2]->to_display();
    const size_t head = utf8::byte_offset(s, std::min(start, n));
    const size_t tail = utf8::byte_offset(s, keep_from);
    std::string out;
    out.reserve(head + text.size() + (s.size() - tail));
    out.append(s.substr(0, head)).append(text).append(s.substr(tail));
    check_string_size(ctx, out.size());
    *a[0] = Dynamic(std::move(out));
    return Dynamic();
}

// Keeps only the bytes in `r` of the receiver.
void keep_only(Dynamic* s, ByteRange r) {
    const size_t size = s->as_string().size();
    if (r.empty()) {
        if (size > 0) s->string_mut().clear();
        return;
    }
    if (r.begin == 0 && r.end == size) return;
    std::string& m = s->string_mut();
    m.erase(r.end);
    m.erase(0, r.begin);
}

Dynamic crop_len(NativeCallContext&, Dynamic** a) {
    keep_only(a[0], char_window(str(a, 0), a[1]->as_int(), a[2]->as_int()));
    return Dynamic();
}
Dynamic crop_from(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    keep_only(a[0], char_window(s, a[1]->as_int(), static_cast<INT>(s.size())));
    return Dynamic();
}
Dynamic crop_range(NativeCallContext&, Dynamic** a) {
    keep_only(a[0], range_window(str(a, 0), *a[1]));
    return Dynamic();
}

Dynamic truncate(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    const INT len = a[1]->as_int();
    if (len <= 0) {
        if (!s.empty()) a[0]->string_mut().clear();
    } else if (static_cast<uint64_t>(len) < s.size()) {
        const size_t cut = utf8::byte_offset(s, static_cast<size_t>(len));
        if (cut < s.size()) a[0]->string_mut().erase(cut);
    }
    return Dynamic();
}

Dynamic clear(NativeCallContext&, Dynamic** a) {
    if (!a[0]->as_string().empty()) a[0]->string_mut().clear();
    return Dynamic();
}

// pop(): the last character (or () when empty), removed from the string.
Dynamic pop_char(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    if (s.empty()) return Dynamic();
    size_t start = s.size();
    const char32_t c = utf8::decode_backwards(s, start);
    a[0]->string_mut().erase(start);
    return c;
}

// pop(n): the last n characters as a string, removed from the receiver.
Dynamic pop_chars(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    const INT n = a[1]->as_int();
    if (s.empty() || n <= 0) return Dynamic(std::string());
    const size_t from = static_cast<uint64_t>(n) >= s.size()
                            ? 0
                            : utf8::byte_offset_from_end(s, static_cast<size_t>(n));
    std::string tail(s.substr(from));
    a[0]->string_mut().erase(from);
    return Dynamic(std::move(tail));
}

Dynamic trim(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    size_t begin = 0;
    while (begin < s.size()) {
        size_t next = begin;
        if (!utf8::is_whitespace(utf8::decode(s, next))) break;
        begin = next;
    }
    size_t end = s.size();
    while (end > begin) {
        size_t prev = end;
        if (!utf8::is_whitespace(utf8::decode_backwards(s, prev))) break;
        end = prev;
    }
    keep_only(a[0], {begin, end});
    return Dynamic();
}

// ---- padding -----------------------------------------------------------------------------

// Pads the receiver to `target` characters by repeating `padding` (the last copy cut short).
void pad_to(NativeCallContext& ctx, Dynamic* s, INT target, std::string_view padding) {
    if (target <= 0 || padding.empty()) return;
    // Rhai compares the requested length with the limit before building anything.
    check_string_size(ctx, static_cast<uint64_t>(target) > SIZE_MAX ? SIZE_MAX
                                                                     : static_cast<size_t>(target));
    const std::string_view text = s->as_string();
    const size_t have = utf8::count_chars(text);
    const auto want = static_cast<size_t>(target);
    if (want <= have) return;
    const size_t missing = want - have;
    const size_t pad_chars = utf8::count_chars(padding);
    const size_t whole = missing / pad_chars;
    const std::string_view partial =
        padding.substr(0, utf8::byte_offset(padding, missing % pad_chars));
    // The final size is known exactly: check it before allocating.
    check_string_size(ctx, text.size() + whole * padding.size() + partial.size());
    std::string& m = s->string_mut();
    m.reserve(m.size() + whole * padding.size() + partial.size());
    for (size_t i = 0; i < whole; ++i) m.append(padding);
    m.append(partial);
}

Dynamic pad_char(NativeCallContext& ctx, Dynamic** a) {
    pad_to(ctx, a[0], a[1]->as_int(), utf8::encode(a[2]->as_char()));
    return Dynamic();
}
Dynamic pad_str(NativeCallContext& ctx, Dynamic** a) {
    pad_to(ctx, a[0], a[1]->as_int(), str(a, 2));
    return Dynamic();
}

// ---- replacing and removing --------------------------------------------------------------

// Rust's str::replace: every non-overlapping occurrence, left to right. An empty pattern
// matches at every character boundary, including both ends.
std::string replace_all(std::string_view s, std::string_view find, std::string_view with) {
    std::string out;
    if (find.empty()) {
        out.reserve(s.size() + (s.size() + 1) * with.size());
        out.append(with);
        for (size_t i = 0; i < s.size();) {
            const size_t start = i;
            utf8::decode(s, i);
            out.append(s.substr(start, i - start));
            out.append(with);
        }
        return out;
    }
    out.reserve(s.size());
    size_t from = 0;
    for (size_t at; (at = s.find(find, from)) != std::string_view::npos; from = at + find.size()) {
        out.append(s.substr(from, at - from));
        out.append(with);
    }
    out.append(s.substr(from));
    return out;
}

void replace_in(NativeCallContext& ctx, Dynamic* s, std::string_view find, std::string_view with) {
    const std::string_view text = s->as_string();
    if (text.empty()) return;
    if (!find.empty() && text.find(find) == std::string_view::npos) return;
    std::string result = replace_all(text, find, with);
    check_string_size(ctx, result.size());
    s->string_mut() = std::move(result);
}

Dynamic replace_str_str(NativeCallContext& ctx, Dynamic** a) {
    replace_in(ctx, a[0], str(a, 1), str(a, 2));
    return Dynamic();
}
Dynamic replace_str_char(NativeCallContext& ctx, Dynamic** a) {
    replace_in(ctx, a[0], str(a, 1), utf8::encode(a[2]->as_char()));
    return Dynamic();
}
Dynamic replace_char_str(NativeCallContext& ctx, Dynamic** a) {
    replace_in(ctx, a[0], utf8::encode(a[1]->as_char()), str(a, 2));
    return Dynamic();
}
Dynamic replace_char_char(NativeCallContext& ctx, Dynamic** a) {
    replace_in(ctx, a[0], utf8::encode(a[1]->as_char()), utf8::encode(a[2]->as_char()));
    return Dynamic();
}

// remove(x) deletes every occurrence of x (an empty string removes nothing).
void remove_all(Dynamic* s, std::string_view what) {
    const std::string_view text = s->as_string();
    if (what.empty() || text.find(what) == std::string_view::npos) return;
    s->string_mut() = replace_all(text, what, {});
}
Dynamic remove_str(NativeCallContext&, Dynamic** a) {
    remove_all(a[0], str(a, 1));
    return Dynamic();
}
Dynamic remove_char(NativeCallContext&, Dynamic** a) {
    remove_all(a[0], utf8::encode(a[1]->as_char()));
    return Dynamic();
}

// ---- case conversion ---------------------------------------------------------------------

Dynamic converted(Dynamic* s, std::string (*convert)(std::string_view)) {
    std::string out = convert(s->as_string());
    if (out == s->as_string()) return copy_of(*s);  // unchanged: share the original
    return Dynamic(std::move(out));
}
void convert_in_place(Dynamic* s, std::string (*convert)(std::string_view)) {
    std::string out = convert(s->as_string());
    if (out != s->as_string()) s->string_mut() = std::move(out);
}

Dynamic to_upper_str(NativeCallContext&, Dynamic** a) { return converted(a[0], utf8::upper); }
Dynamic to_lower_str(NativeCallContext&, Dynamic** a) { return converted(a[0], utf8::lower); }
Dynamic make_upper_str(NativeCallContext&, Dynamic** a) {
    convert_in_place(a[0], utf8::upper);
    return Dynamic();
}
Dynamic make_lower_str(NativeCallContext&, Dynamic** a) {
    convert_in_place(a[0], utf8::lower);
    return Dynamic();
}
// A character whose case mapping needs several characters ('ß' -> "SS") stays unchanged.
Dynamic to_upper_char(NativeCallContext&, Dynamic** a) { return utf8::to_upper(a[0]->as_char()); }
Dynamic to_lower_char(NativeCallContext&, Dynamic** a) { return utf8::to_lower(a[0]->as_char()); }
Dynamic make_upper_char(NativeCallContext&, Dynamic** a) {
    *a[0] = Dynamic(utf8::to_upper(a[0]->as_char()));
    return Dynamic();
}
Dynamic make_lower_char(NativeCallContext&, Dynamic** a) {
    *a[0] = Dynamic(utf8::to_lower(a[0]->as_char()));
    return Dynamic();
}

}  // namespace

void register_string_more(EngineCore& e) {
    const ParamType S = p_str(), C = p_char(), I = p_int();

    def(e, "contains", {S, S}, contains_str);
    def(e, "contains", {S, C}, contains_char);
    def(e, "starts_with", {S, S}, starts_with_str);
    def(e, "starts_with", {S, C}, starts_with_char);
    def(e, "ends_with", {S, S}, ends_with_str);
    def(e, "ends_with", {S, C}, ends_with_char);
    def(e, "index_of", {S, S}, index_of_str);
    def(e, "index_of", {S, S, I}, index_of_str_from);
    def(e, "index_of", {S, C}, index_of_char);
    def(e, "index_of", {S, C, I}, index_of_char_from);

    def(e, "get", {S, I}, get_char);
    def_mut(e, "set", {S, I, C}, set_char);

    def(e, "sub_string", {S, I, I}, sub_string_len);
    def(e, "sub_string", {S, I}, sub_string_from);
    def(e, "sub_string", {S, p_range()}, sub_string_range);
    def(e, "sub_string", {S, p_range_incl()}, sub_string_range);
    def(e, "index$get$", {S, p_range()}, index_range);
    def(e, "index$get$", {S, p_range_incl()}, index_range);
    def_mut(e, "index$set$", {S, p_range(), p_any()}, set_index_range);
    def_mut(e, "index$set$", {S, p_range_incl(), p_any()}, set_index_range);
    def_mut(e, "crop", {S, I, I}, crop_len);
    def_mut(e, "crop", {S, I}, crop_from);
    def_mut(e, "crop", {S, p_range()}, crop_range);
    def_mut(e, "crop", {S, p_range_incl()}, crop_range);
    def_mut(e, "truncate", {S, I}, truncate);
    def_mut(e, "clear", {S}, clear);
    def_mut(e, "pop", {S}, pop_char);
    def_mut(e, "pop", {S, I}, pop_chars);
    def_mut(e, "trim", {S}, trim);
    def_mut(e, "pad", {S, I, C}, pad_char);
    def_mut(e, "pad", {S, I, S}, pad_str);

    def_mut(e, "replace", {S, S, S}, replace_str_str);
    def_mut(e, "replace", {S, S, C}, replace_str_char);
    def_mut(e, "replace", {S, C, S}, replace_char_str);
    def_mut(e, "replace", {S, C, C}, replace_char_char);
    def_mut(e, "remove", {S, S}, remove_str);
    def_mut(e, "remove", {S, C}, remove_char);

    def(e, "to_upper", {S}, to_upper_str);
    def(e, "to_lower", {S}, to_lower_str);
    def_mut(e, "make_upper", {S}, make_upper_str);
    def_mut(e, "make_lower", {S}, make_lower_str);
    def(e, "to_upper", {C}, to_upper_char);
    def(e, "to_lower", {C}, to_lower_char);
    def_mut(e, "make_upper", {C}, make_upper_char);
    def_mut(e, "make_lower", {C}, make_lower_char);

    register_string_split(e);
    register_string_chars(e);
}

}  // namespace rhai::packages
