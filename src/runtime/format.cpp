// Dynamic::to_display() and Dynamic::to_debug(): Rhai's print/to_string and debug/to_debug text.
//
// Observed reference behaviour (conformance corpus, fmt_* cases):
// * to_display: `()` prints nothing, strings and chars bare, floats with Rhai's Display
//   (`1.0`, `1e15`), containers like to_debug.
// * to_debug: strings quoted with Rust escapes, chars *bare* (Rhai registers a to_debug for
//   char that does not quote), `()` as "()", floats with Rust's Debug (`1e16`, `-0.0`).
// * Elements inside arrays and maps always use to_debug: `[1, "two", c, 1000000000000000.0]`,
//   `#{"a": 1, "c": c}`.
// * Blobs are lower-case hex without separators (a space every 8 bytes): `[686921]`.
// * Function pointers print `Fn(name)` even when curried; ranges `1..3`, `1..=3`, `1..` when
//   open-ended; timestamps `<timestamp>`.
#include <cstdio>
#include <string>

#include "rhai/dynamic.hpp"
#include "runtime/float_format.hpp"
#include "runtime/nesting.hpp"
#include "runtime/utf8.hpp"

namespace rhai {

namespace {

void append_debug(std::string& out, const Dynamic& v);

// Rust's `{:?}` for str: quotes, escapes \ " \t \r \n \0, and control characters as \u{..}.
void append_quoted(std::string& out, const std::string& s) {
    out.push_back('"');
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\0': out += "\\0"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "\\u{%x}", c);
                    out += buf;
                } else if (c == 0xC2 && i + 1 < s.size() &&
                           static_cast<unsigned char>(s[i + 1]) < 0xA0) {
                    // C1 control characters U+0080..U+009F are escaped as well.
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned char>(s[i + 1]));
                    out += buf;
                    ++i;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out.push_back('"');
}

void append_blob(std::string& out, const Blob& b) {
    static const char* hex = "0123456789abcdef";
    out.push_back('[');
    for (size_t i = 0; i < b.size(); ++i) {
        if (i > 0 && i % 8 == 0) out.push_back(' ');
        out.push_back(hex[b[i] >> 4]);
        out.push_back(hex[b[i] & 15]);
    }
    out.push_back(']');
}

void append_range(std::string& out, const RangeObj& r, bool inclusive) {
    out += std::to_string(r.start);
    out += inclusive ? "..=" : "..";
    if (r.end != INT64_MAX) out += std::to_string(r.end);
}

void append_array(std::string& out, const Array& a) {
    out.push_back('[');
    for (size_t i = 0; i < a.size(); ++i) {
        if (i > 0) out += ", ";
        append_debug(out, a[i]);
    }
    out.push_back(']');
}

void append_map(std::string& out, const Map& m) {
    out += "#{";
    bool first = true;
    for (const auto& [k, v] : m) {
        if (!first) out += ", ";
        first = false;
        append_quoted(out, k);
        out += ": ";
        append_debug(out, v);
    }
    out.push_back('}');
}

// Text shared by both forms for everything except unit, floats and strings.
void append_common(std::string& out, const Dynamic& v) {
    switch (v.tag()) {
        case Tag::Bool: out += v.as_bool() ? "true" : "false"; break;
        case Tag::Int: out += std::to_string(v.as_int()); break;
        case Tag::Char: append_utf8(out, v.as_char()); break;
        case Tag::Timestamp: out += "<timestamp>"; break;
        case Tag::Array: append_array(out, v.as_array()); break;
        case Tag::Map: append_map(out, v.as_map()); break;
        case Tag::Blob: append_blob(out, v.as_blob()); break;
        case Tag::FnPtr:
            out += "Fn(";
            out += v.as_fn_ptr().name;
            out.push_back(')');
            break;
        case Tag::Range: append_range(out, v.as_range(), false); break;
        case Tag::RangeInclusive: append_range(out, v.as_range(), true); break;
        case Tag::Custom:
            if (!v.as_custom().append_text(out)) out += v.type_name();
            break;
        case Tag::Iterable:
        case Tag::Internal: out += v.type_name(); break;
        default: break;
    }
}

void append_debug(std::string& out, const Dynamic& v) {
    NestingGuard nesting;
    switch (v.tag()) {
        case Tag::Unit: out += "()"; break;
        case Tag::Float: out += float_to_debug(v.as_float()); break;
        case Tag::String: append_quoted(out, v.as_string()); break;
        case Tag::Shared: append_debug(out, v.as_shared().value()); break;
        default: append_common(out, v);
    }
}

}  // namespace

std::string Dynamic::to_display() const {
    switch (tag_) {
        case Tag::Unit: return {};
        case Tag::Float: return float_to_display(u_.f);
        case Tag::String: return as_string();
        case Tag::Shared: return as_shared().value().to_display();
        default: {
            NestingGuard nesting;
            std::string out;
            append_common(out, *this);
            return out;
        }
    }
}

std::string Dynamic::to_debug() const {
    std::string out;
    append_debug(out, *this);
    return out;
}

}  // namespace rhai
