// Shared plumbing of the string packages (string.cpp, string_more.cpp and their helper files):
// parameter-type shorthands, registration helpers, Rhai's character-position rules and the
// string size limit.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "packages/packages.hpp"
#include "packages/string_utf8.hpp"
#include "rhai/error.hpp"
#include "runtime/size_limits.hpp"

namespace rhai::packages::strings {

inline ParamType p_str() { return ParamType::of(Tag::String); }
inline ParamType p_char() { return ParamType::of(Tag::Char); }
inline ParamType p_int() { return ParamType::of(Tag::Int); }
inline ParamType p_unit() { return ParamType::of(Tag::Unit); }
inline ParamType p_blob() { return ParamType::of(Tag::Blob); }
inline ParamType p_range() { return ParamType::of(Tag::Range); }
inline ParamType p_range_incl() { return ParamType::of(Tag::RangeInclusive); }
inline ParamType p_any() { return ParamType::dynamic(); }

// A function that only reads its arguments (callable on constants).
inline void def(EngineCore& e, const char* name, std::initializer_list<ParamType> params,
                SimpleNative f) {
    e.functions.add(name, std::vector<ParamType>(params), f);
}
// A method that mutates its receiver in place: args[0] is the script's own storage.
inline void def_mut(EngineCore& e, const char* name, std::initializer_list<ParamType> params,
                    SimpleNative f) {
    e.functions.add(name, std::vector<ParamType>(params), f, /*by_ref=*/true, /*pure=*/false);
}
// Property getter (`s.len`): Rhai names getters "get$<property>".
inline void def_getter(EngineCore& e, const char* property, ParamType receiver, SimpleNative f) {
    e.functions.add(std::string("get$") + property, {receiver}, f);
}

inline std::string_view str(Dynamic* const* args, int i) { return args[i]->as_string(); }

// A copy of an argument to return as a result. Like cloning a Rhai Dynamic, the copy is
// writable even when the argument came from a constant.
inline Dynamic copy_of(const Dynamic& v) {
    Dynamic r = v;
    r.set_read_only(false);
    return r;
}

// The longest string a native may build (runtime/size_limits.hpp): configured or not, a
// script asking for `pad(1 << 40, ...)` gets a clean error instead of exhausting memory.
inline size_t string_limit(const NativeCallContext& ctx) { return string_size_limit(ctx.engine().limits); }

// Rhai's ErrorDataTooLarge for strings ("Length of string too large").
[[noreturn]] void throw_string_too_large();

// Raises ErrorDataTooLarge when a string of `bytes` bytes would exceed the limit.
inline void check_string_size(const NativeCallContext& ctx, size_t bytes) {
    if (bytes > string_limit(ctx)) throw_string_too_large();
}

// Rhai's (start, len) character window: a negative start counts from the end (clamped to the
// beginning), a start at or past the end or a len <= 0 selects nothing, and the window is cut
// at the end of the string. Returned as a byte range of `s`.
struct ByteRange {
    size_t begin = 0, end = 0;
    bool empty() const { return begin >= end; }
};
ByteRange char_window(std::string_view s, INT start, INT len);

// Byte range for an exclusive / inclusive INT range argument, as sub_string/crop/chars use it.
ByteRange range_window(std::string_view s, const Dynamic& range);

// Registration pieces living in their own files.
void register_string_operators(EngineCore& e);  // string_ops.cpp: + - += -= comparisons min max
void register_string_chars(EngineCore& e);      // string_chars.cpp: chars() iterators, to_chars
void register_string_split(EngineCore& e);      // string_split.cpp: split, split_rev

}  // namespace rhai::packages::strings
