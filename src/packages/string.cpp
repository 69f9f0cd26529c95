// Package "string" (Rhai's BasicStringPackage plus the core of MoreStringPackage): length
// queries and their properties, to_string / to_debug for every value, to_blob, and the string
// operators (string_ops.cpp).
#include "packages/string_common.hpp"

namespace rhai::packages {
namespace {

using namespace strings;

// len counts characters; bytes counts the UTF-8 bytes (cheap: no scan).
Dynamic len(NativeCallContext&, Dynamic** a) {
    return static_cast<INT>(utf8::count_chars(a[0]->as_string()));
}
Dynamic bytes(NativeCallContext&, Dynamic** a) { return static_cast<INT>(a[0]->as_string().size()); }
Dynamic is_empty(NativeCallContext&, Dynamic** a) { return a[0]->as_string().empty(); }

Dynamic to_blob(NativeCallContext&, Dynamic** a) {
    const std::string& s = a[0]->as_string();
    return Dynamic(Blob(s.begin(), s.end()));
}

// to_string(x) / x.to_string(): the display text; a string is returned as is.
Dynamic to_string(NativeCallContext&, Dynamic** a) {
    if (a[0]->is_string()) return copy_of(*a[0]);
    return Dynamic(a[0]->to_display());
}
// to_debug(x): the debug text ("s" quoted and escaped). A lone char prints bare in the
// reference (to_debug('q') is "q"), unlike a char inside a map.
Dynamic to_debug(NativeCallContext&, Dynamic** a) {
    if (a[0]->is_char()) return Dynamic(utf8::encode(a[0]->as_char()));
    return Dynamic(a[0]->to_debug());
}

}  // namespace

void register_string(EngineCore& e) {
    const ParamType S = p_str();
    def(e, "len", {S}, len);
    def_getter(e, "len", S, len);
    def(e, "bytes", {S}, bytes);
    def_getter(e, "bytes", S, bytes);
    def(e, "is_empty", {S}, is_empty);
    def_getter(e, "is_empty", S, is_empty);
    def(e, "to_blob", {S}, to_blob);

    def(e, "to_string", {p_any()}, to_string);
    def(e, "to_debug", {p_any()}, to_debug);

    register_string_operators(e);
}

}  // namespace rhai::packages
