#include "packages/container_util.hpp"

#include "runtime/engine_core.hpp"
#include "runtime/nesting.hpp"
#include "runtime/size_limits.hpp"

namespace rhai::packages::util {

namespace {

// A one-character string compared with a char (Rhai's built-in string/char `==`).
bool string_char_equal(const std::string& s, char32_t c) {
    std::string enc;
    append_utf8(enc, c);
    return s == enc;
}

}  // namespace

bool loose_equals(NativeCallContext& ctx, const Dynamic& a0, const Dynamic& b0) {
    const Dynamic a = a0.flatten();
    const Dynamic b = b0.flatten();
    if (a.is_string() && b.is_char()) return string_char_equal(a.as_string(), b.as_char());
    if (a.is_char() && b.is_string()) return string_char_equal(b.as_string(), a.as_char());
    if (a.is_custom() || b.is_custom()) {
        // Host types compare through a registered `==`; without one, values are unequal
        // (Rhai's contains/index_of treat a missing `==` between different types as false).
        Dynamic x = a, y = b;
        Dynamic* args[2] = {&x, &y};
        if (const NativeFunction* f = ctx.engine().functions.resolve("==", args, 2)) {
            Dynamic r = f->call(ctx, args);
            return r.is_bool() && r.as_bool();
        }
        return false;
    }
    if (a.is_array() && b.is_array()) {
        NestingGuard nesting;  // arrays nested a million deep: an error, not a stack overflow
        const Array& x = a.as_array();
        const Array& y = b.as_array();
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!loose_equals(ctx, x[i], y[i])) return false;
        return true;
    }
    return a == b;
}

void check_container_size(NativeCallContext& ctx, const char* what, INT wanted, size_t elem_size,
                          size_t engine_limit) {
    if (wanted <= 0) return;
    // Without a configured limit still refuse what cannot sensibly be allocated (> 256 MiB,
    // runtime/size_limits.hpp): a script asking for it gets an error, not an out-of-memory
    // abort. The memory cap, when lower, is the bound: what it cannot hold is not built.
    uint64_t hard_bytes = kHardBlobBytes;
    const size_t cap = ctx.engine().limits.max_memory;
    if (cap > 0 && cap < hard_bytes) hard_bytes = cap;
    bool too_large = (engine_limit > 0 && uint64_t(wanted) > engine_limit) ||
                     uint64_t(wanted) > hard_bytes / (elem_size ? elem_size : 1);
    if (too_large) {
        // Rhai's Display is "{type} too large"; e.type carries the type text.
        EvalError err(ErrorKind::ErrorDataTooLarge, std::string(what) + " too large");
        err.fields()["type"] = Dynamic(what);
        throw err;
    }
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

}  // namespace rhai::packages::util
