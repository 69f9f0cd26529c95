// Operators on strings: `+` / `+=` / `append` (with any value, using its display text),
// `-` / `-=` (remove a substring or character), comparisons, and min/max of strings and chars.
//
// Rhai defines no `*` for strings and no `+` between a char and a number: leaving those
// unregistered is what makes `"ab" * 3` and `'a' + 1` fail with "Function not found".
#include <algorithm>
#include <array>

#include "packages/string_common.hpp"

namespace rhai::packages::strings {
namespace {

// ---- building ----------------------------------------------------------------------------

Dynamic concat(NativeCallContext& ctx, std::string_view x, std::string_view y) {
    check_string_size(ctx, x.size() + y.size());
    std::string out;
    out.reserve(x.size() + y.size());
    out.append(x);
    out.append(y);
    return Dynamic(std::move(out));
}

Dynamic add_str_str(NativeCallContext& ctx, Dynamic** a) {
    if (a[1]->as_string().empty()) return copy_of(*a[0]);
    if (a[0]->as_string().empty()) return copy_of(*a[1]);
    return concat(ctx, str(a, 0), str(a, 1));
}
Dynamic add_str_char(NativeCallContext& ctx, Dynamic** a) {
    return concat(ctx, str(a, 0), utf8::encode(a[1]->as_char()));
}
Dynamic add_char_str(NativeCallContext& ctx, Dynamic** a) {
    return concat(ctx, utf8::encode(a[0]->as_char()), str(a, 1));
}
Dynamic add_char_char(NativeCallContext& ctx, Dynamic** a) {
    return concat(ctx, utf8::encode(a[0]->as_char()), utf8::encode(a[1]->as_char()));
}
Dynamic add_str_unit(NativeCallContext&, Dynamic** a) { return copy_of(*a[0]); }
Dynamic add_unit_str(NativeCallContext&, Dynamic** a) { return copy_of(*a[1]); }

// A BLOB joins a string as the text its bytes encode (invalid UTF-8 becomes U+FFFD).
std::string blob_text(const Dynamic& blob) {
    std::string out;
    utf8::append_lossy(out, blob.as_blob().data(), blob.as_blob().size());
    return out;
}
Dynamic add_str_blob(NativeCallContext& ctx, Dynamic** a) {
    if (a[1]->as_blob().empty()) return copy_of(*a[0]);
    return concat(ctx, str(a, 0), blob_text(*a[1]));
}
Dynamic add_blob_str(NativeCallContext& ctx, Dynamic** a) {
    return concat(ctx, blob_text(*a[0]), str(a, 1));
}
// Any other value contributes its to_string() text.
Dynamic add_str_any(NativeCallContext& ctx, Dynamic** a) {
    const std::string text = a[1]->to_display();
    if (text.empty()) return copy_of(*a[0]);
    return concat(ctx, str(a, 0), text);
}
Dynamic add_any_str(NativeCallContext& ctx, Dynamic** a) {
    return concat(ctx, a[0]->to_display(), str(a, 1));
}

// In-place append: `s += x` and `s.append(x)` grow the script's own string.
void append_in_place(NativeCallContext& ctx, Dynamic* s, std::string_view text) {
    if (text.empty()) return;
    check_string_size(ctx, s->as_string().size() + text.size());
    s->string_mut().append(text);
}
Dynamic append_str(NativeCallContext& ctx, Dynamic** a) {
    if (a[0]->as_string().empty()) {
        *a[0] = copy_of(*a[1]);  // share the appended string instead of copying it
        return Dynamic();
    }
    append_in_place(ctx, a[0], str(a, 1));
    return Dynamic();
}
Dynamic append_char(NativeCallContext& ctx, Dynamic** a) {
    append_in_place(ctx, a[0], utf8::encode(a[1]->as_char()));
    return Dynamic();
}
Dynamic append_unit(NativeCallContext&, Dynamic**) { return Dynamic(); }
Dynamic append_blob(NativeCallContext& ctx, Dynamic** a) {
    append_in_place(ctx, a[0], blob_text(*a[1]));
    return Dynamic();
}
Dynamic append_any(NativeCallContext& ctx, Dynamic** a) {
    append_in_place(ctx, a[0], a[1]->to_display());
    return Dynamic();
}

// ---- removing ----------------------------------------------------------------------------

// s - x: s without any occurrence of x.
std::string without(std::string_view s, std::string_view x) {
    if (x.empty()) return std::string(s);
    std::string out;
    out.reserve(s.size());
    size_t from = 0;
    for (size_t at; (at = s.find(x, from)) != std::string_view::npos; from = at + x.size()) {
        out.append(s.substr(from, at - from));
    }
    out.append(s.substr(from));
    return out;
}

Dynamic sub_str_str(NativeCallContext&, Dynamic** a) {
    if (str(a, 1).empty() || str(a, 0).find(str(a, 1)) == std::string_view::npos) return copy_of(*a[0]);
    return Dynamic(without(str(a, 0), str(a, 1)));
}
Dynamic sub_str_char(NativeCallContext&, Dynamic** a) {
    const std::string c = utf8::encode(a[1]->as_char());
    if (str(a, 0).find(c) == std::string_view::npos) return copy_of(*a[0]);
    return Dynamic(without(str(a, 0), c));
}
void remove_in_place(Dynamic* s, std::string_view x) {
    if (x.empty() || s->as_string().find(x) == std::string::npos) return;
    s->string_mut() = without(s->as_string(), x);
}
Dynamic sub_assign_str(NativeCallContext&, Dynamic** a) {
    remove_in_place(a[0], str(a, 1));
    return Dynamic();
}
Dynamic sub_assign_char(NativeCallContext&, Dynamic** a) {
    remove_in_place(a[0], utf8::encode(a[1]->as_char()));
    return Dynamic();
}

// ---- comparing ---------------------------------------------------------------------------

// Strings order by code point, which for UTF-8 is plain byte order (std::string compares
// bytes as unsigned char).
int compare_str(Dynamic** a) {
    const int c = str(a, 0).compare(str(a, 1));
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// The reference compares a string with a char through their first two characters, padded
// with '\0': "4" == '4', "ab" > 'a', "" < 'a'.
using Pair = std::array<char32_t, 2>;
Pair first_two(std::string_view s) {
    Pair p{0, 0};
    size_t i = 0;
    for (int k = 0; k < 2 && i < s.size(); ++k) p[k] = utf8::decode(s, i);
    return p;
}
int compare_pairs(const Pair& x, const Pair& y) { return x < y ? -1 : x > y ? 1 : 0; }
int compare_str_char(Dynamic** a) { return compare_pairs(first_two(str(a, 0)), {a[1]->as_char(), 0}); }
int compare_char_str(Dynamic** a) { return compare_pairs({a[0]->as_char(), 0}, first_two(str(a, 1))); }

// One native per (operator, comparison) pair, generated from the comparison function.
template <int (*Compare)(Dynamic**)>
struct Comparisons {
    static Dynamic eq(NativeCallContext&, Dynamic** a) { return Compare(a) == 0; }
    static Dynamic ne(NativeCallContext&, Dynamic** a) { return Compare(a) != 0; }
    static Dynamic lt(NativeCallContext&, Dynamic** a) { return Compare(a) < 0; }
    static Dynamic le(NativeCallContext&, Dynamic** a) { return Compare(a) <= 0; }
    static Dynamic gt(NativeCallContext&, Dynamic** a) { return Compare(a) > 0; }
    static Dynamic ge(NativeCallContext&, Dynamic** a) { return Compare(a) >= 0; }

    static void add(EngineCore& e, ParamType x, ParamType y) {
        def(e, "==", {x, y}, eq);
        def(e, "!=", {x, y}, ne);
        def(e, "<", {x, y}, lt);
        def(e, "<=", {x, y}, le);
        def(e, ">", {x, y}, gt);
        def(e, ">=", {x, y}, ge);
    }
};

// A string and () are never equal and never ordered.
Dynamic always_false(NativeCallContext&, Dynamic**) { return false; }
Dynamic always_true(NativeCallContext&, Dynamic**) { return true; }
void add_unit_comparisons(EngineCore& e, ParamType x, ParamType y) {
    for (const char* op : {"==", "<", "<=", ">", ">="}) def(e, op, {x, y}, always_false);
    def(e, "!=", {x, y}, always_true);
}

Dynamic max_str(NativeCallContext&, Dynamic** a) { return compare_str(a) >= 0 ? copy_of(*a[0]) : copy_of(*a[1]); }
Dynamic min_str(NativeCallContext&, Dynamic** a) { return compare_str(a) <= 0 ? copy_of(*a[0]) : copy_of(*a[1]); }
Dynamic max_char(NativeCallContext&, Dynamic** a) {
    return std::max(a[0]->as_char(), a[1]->as_char());
}
Dynamic min_char(NativeCallContext&, Dynamic** a) {
    return std::min(a[0]->as_char(), a[1]->as_char());
}

}  // namespace

void register_string_operators(EngineCore& e) {
    const ParamType S = p_str(), C = p_char(), U = p_unit(), B = p_blob(), A = p_any();

    // The registry prefers the overload with the most exactly typed parameters, so the
    // (string, any) / (any, string) fallbacks only see what the typed forms leave.
    def(e, "+", {S, S}, add_str_str);
    def(e, "+", {S, C}, add_str_char);
    def(e, "+", {C, S}, add_char_str);
    def(e, "+", {C, C}, add_char_char);
    def(e, "+", {S, U}, add_str_unit);
    def(e, "+", {U, S}, add_unit_str);
    def(e, "+", {S, B}, add_str_blob);
    def(e, "+", {B, S}, add_blob_str);
    def(e, "+", {S, A}, add_str_any);
    def(e, "+", {A, S}, add_any_str);

    for (const char* name : {"+=", "append"}) {
        def_mut(e, name, {S, S}, append_str);
        def_mut(e, name, {S, C}, append_char);
        def_mut(e, name, {S, U}, append_unit);
        def_mut(e, name, {S, B}, append_blob);
        def_mut(e, name, {S, A}, append_any);
    }

    def(e, "-", {S, S}, sub_str_str);
    def(e, "-", {S, C}, sub_str_char);
    def_mut(e, "-=", {S, S}, sub_assign_str);
    def_mut(e, "-=", {S, C}, sub_assign_char);

    Comparisons<compare_str>::add(e, S, S);
    Comparisons<compare_str_char>::add(e, S, C);
    Comparisons<compare_char_str>::add(e, C, S);
    add_unit_comparisons(e, S, U);
    add_unit_comparisons(e, U, S);

    def(e, "max", {S, S}, max_str);
    def(e, "min", {S, S}, min_str);
    def(e, "max", {C, C}, max_char);
    def(e, "min", {C, C}, min_char);
}

}  // namespace rhai::packages::strings
