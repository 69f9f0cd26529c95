// Package "blob": BLOBs (byte arrays). Byte values keep only their low 8 bits (Rhai).
// Out-of-range reads give 0, out-of-range writes do nothing; (start, len) and ranges are
// clamped like arrays (util::offset_len). parse_*/write_* copy at most 8 bytes: a shorter
// field is zero-padded *after* the copied bytes in both byte orders, as Rhai does.
#include <algorithm>
#include <cstring>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

const Blob& blob(Dynamic** a) { return a[0]->as_blob(); }
Blob& blob_mut(Dynamic** a) { return a[0]->blob_mut(); }
uint8_t byte_of(INT v) { return uint8_t(v & 0xff); }

Blob extract_part(const Blob& b, INT start, INT len) {
    if (b.empty() || len <= 0) return {};
    auto [s, n] = offset_len(b.size(), start, len);
    return Blob(b.begin() + s, b.begin() + s + n);
}
Blob drain_part(Blob& b, INT start, INT len) {
    if (b.empty() || len <= 0) return {};
    auto [s, n] = offset_len(b.size(), start, len);
    Blob out(b.begin() + s, b.begin() + s + n);
    b.erase(b.begin() + s, b.begin() + s + n);
    return out;
}
Blob retain_part(Blob& b, INT start, INT len) {
    if (b.empty() || len <= 0) return {};
    auto [s, n] = offset_len(b.size(), start, len);
    if (n == 0) return {};
    Blob out(b.begin(), b.begin() + s);
    out.insert(out.end(), b.begin() + s + n, b.end());
    b = Blob(b.begin() + s, b.begin() + s + n);
    return out;
}
void splice_part(Blob& b, INT start, INT len, const Blob& replace) {
    if (b.empty()) {
        b = replace;
        return;
    }
    auto [s, n] = offset_len(b.size(), start, len);
    if (s >= b.size()) {
        b.insert(b.end(), replace.begin(), replace.end());
        return;
    }
    b.erase(b.begin() + s, b.begin() + s + n);
    b.insert(b.begin() + s, replace.begin(), replace.end());
}

// The (up to 8) bytes of a field, zero-padded at the end.
void read_field(const Blob& b, INT start, INT len, uint8_t (&buf)[8]) {
    std::memset(buf, 0, 8);
    if (b.empty() || len <= 0) return;
    auto [s, n] = offset_len(b.size(), start, len);
    std::memcpy(buf, b.data() + s, std::min<size_t>(n, 8));
}
void write_field(Blob& b, INT start, INT len, const uint8_t (&buf)[8]) {
    if (b.empty() || len <= 0) return;
    auto [s, n] = offset_len(b.size(), start, len);
    std::memcpy(b.data() + s, buf, std::min<size_t>(n, 8));
}
void to_bytes(uint64_t bits, bool le, uint8_t (&buf)[8]) {
    for (int i = 0; i < 8; ++i) {
        uint8_t byte = uint8_t(bits >> (8 * i));
        buf[le ? i : 7 - i] = byte;
    }
}
uint64_t from_bytes(const uint8_t (&buf)[8], bool le) {
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= uint64_t(buf[le ? i : 7 - i]) << (8 * i);
    return bits;
}

INT parse_int(const Blob& b, INT start, INT len, bool le) {
    uint8_t buf[8];
    read_field(b, start, len, buf);
    return INT(from_bytes(buf, le));
}
FLOAT parse_float(const Blob& b, INT start, INT len, bool le) {
    uint8_t buf[8];
    read_field(b, start, len, buf);
    uint64_t bits = from_bytes(buf, le);
    FLOAT f;
    std::memcpy(&f, &bits, 8);
    return f;
}
void write_num(Blob& b, INT start, INT len, const Dynamic& v, bool le) {
    uint64_t bits;
    if (v.is_float()) {
        FLOAT f = v.as_float();
        std::memcpy(&bits, &f, 8);
    } else {
        bits = uint64_t(v.as_int());
    }
    uint8_t buf[8];
    to_bytes(bits, le, buf);
    write_field(b, start, len, buf);
}

// write_utf8 copies the string's bytes; write_ascii only its ASCII characters (others are
// skipped). At most `len` bytes are written; bytes past the string are left alone.
void write_text(Blob& b, INT start, INT len, const std::string& s, bool ascii_only) {
    if (b.empty() || len <= 0 || s.empty()) return;
    auto [st, n] = offset_len(b.size(), start, len);
    size_t w = 0;
    for (unsigned char c : s) {
        if (w >= n) break;
        if (ascii_only && c >= 0x80) continue;
        b[st + w++] = c;
    }
}

// Bytes as text; an invalid UTF-8 byte becomes U+FFFD (like Rust's from_utf8_lossy).
std::string utf8_lossy(const Blob& b) {
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    std::string out;
    out.reserve(b.size());
    size_t i = 0, n = b.size();
    while (i < n) {
        uint8_t c = b[i];
        if (c < 0x80) {
            out.push_back(char(c));
            ++i;
            continue;
        }
        size_t need = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
        uint32_t cp = need == 1 ? (c & 0x1F) : need == 2 ? (c & 0x0F) : (c & 0x07);
        bool ok = need > 0 && i + need < n;
        for (size_t k = 1; ok && k <= need; ++k) {
            ok = (b[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        ok = ok && cp >= kMin[need] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp < 0xE000);
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(reinterpret_cast<const char*>(b.data() + i), need + 1);
        i += need + 1;
    }
    return out;
}

}  // namespace

void register_blob(EngineCore& e) {
    auto& f = e.functions;
    const ParamType B = P(Tag::Blob), I = P(Tag::Int), F = P(Tag::Float), S = P(Tag::String),
                    C = P(Tag::Char), R = P(Tag::Range), RI = P(Tag::RangeInclusive);

    // ---- construction ----
    f.add("blob", {}, [](NativeCallContext&, Dynamic**) -> Dynamic { return Blob{}; });
    f.add("blob", {I}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        INT n = a[0]->as_int();
        check_container_size(ctx, "Size of array/BLOB", n, 1, ctx.engine().limits.max_array_size);
        return Blob(size_t(std::max<INT>(n, 0)), 0);
    });
    f.add("blob", {I, I}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        INT n = a[0]->as_int();
        check_container_size(ctx, "Size of array/BLOB", n, 1, ctx.engine().limits.max_array_size);
        return Blob(size_t(std::max<INT>(n, 0)), byte_of(a[1]->as_int()));
    });

    // ---- size / conversion ----
    for (const char* name : {"len", "get$len"})
        f.add(name, {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return INT(blob(a).size()); });
    for (const char* name : {"is_empty", "get$is_empty"})
        f.add(name, {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return blob(a).empty(); });
    f.add("to_array", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array out;
        out.reserve(blob(a).size());
        for (uint8_t x : blob(a)) out.emplace_back(INT(x));
        return out;
    });
    // Bytes as text; invalid UTF-8 sequences become U+FFFD (Rust's from_utf8_lossy).
    f.add("as_string", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return utf8_lossy(blob(a)); });

    // ---- bytes ----
    f.add("contains", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        const Blob& b = blob(a);
        return std::find(b.begin(), b.end(), byte_of(a[1]->as_int())) != b.end();
    });
    f.add("get", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        auto i = index_of_pos(blob(a).size(), a[1]->as_int());
        return i ? INT(blob(a)[*i]) : INT(0);
    });
    f.add("set", {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (auto i = index_of_pos(blob(a).size(), a[1]->as_int())) blob_mut(a)[*i] = byte_of(a[2]->as_int());
        return {};
    }, true, false);
    auto push = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        blob_mut(a).push_back(byte_of(a[1]->as_int()));
        return {};
    };
    auto append_blob = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Blob other = a[1]->as_blob();
        if (other.empty()) return {};
        Blob& me = blob_mut(a);
        me.insert(me.end(), other.begin(), other.end());
        return {};
    };
    auto append_str = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        const std::string& s = a[1]->as_string();
        if (!s.empty()) blob_mut(a).insert(blob_mut(a).end(), s.begin(), s.end());
        return {};
    };
    auto append_char = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        std::string s;
        append_utf8(s, a[1]->as_char());
        blob_mut(a).insert(blob_mut(a).end(), s.begin(), s.end());
        return {};
    };
    f.add("push", {B, I}, push, true, false);
    for (const char* name : {"append", "+="}) {
        f.add(name, {B, I}, push, true, false);
        f.add(name, {B, B}, append_blob, true, false);
        f.add(name, {B, S}, append_str, true, false);
        f.add(name, {B, C}, append_char, true, false);
    }
    f.add("+", {B, B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (a[1]->as_blob().empty()) return writable(*a[0]);
        Blob out = blob(a);
        out.insert(out.end(), a[1]->as_blob().begin(), a[1]->as_blob().end());
        return out;
    });
    f.add("insert", {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Blob& b = blob_mut(a);
        uint8_t v = byte_of(a[2]->as_int());
        auto [s, n] = offset_len(b.size(), a[1]->as_int(), 0);
        if (s >= b.size()) b.push_back(v);
        else b.insert(b.begin() + s, v);
        return {};
    }, true, false);
    f.add("pad", {B, I, I}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (len <= 0 || uint64_t(len) <= blob(a).size()) return {};
        check_container_size(ctx, "Size of array/BLOB", len, 1, ctx.engine().limits.max_array_size);
        blob_mut(a).resize(size_t(len), byte_of(a[2]->as_int()));
        return {};
    }, true, false);
    f.add("pop", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (blob(a).empty()) return INT(0);
        INT v = blob(a).back();
        blob_mut(a).pop_back();
        return v;
    }, true, false);
    f.add("shift", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (blob(a).empty()) return INT(0);
        INT v = blob(a).front();
        blob_mut(a).erase(blob_mut(a).begin());
        return v;
    }, true, false);
    f.add("remove", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        auto i = index_of_pos(blob(a).size(), a[1]->as_int());
        if (!i) return INT(0);
        INT v = blob(a)[*i];
        blob_mut(a).erase(blob_mut(a).begin() + *i);
        return v;
    }, true, false);
    f.add("clear", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (!blob(a).empty()) blob_mut(a).clear();
        return {};
    }, true, false);
    f.add("truncate", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (blob(a).empty() || (len > 0 && uint64_t(len) >= blob(a).size())) return {};
        if (len > 0) blob_mut(a).resize(size_t(len));
        else blob_mut(a).clear();
        return {};
    }, true, false);
    f.add("chop", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (blob(a).empty() || (len > 0 && uint64_t(len) >= blob(a).size())) return {};
        Blob& b = blob_mut(a);
        if (len <= 0) b.clear();
        else b.erase(b.begin(), b.begin() + (b.size() - size_t(len)));
        return {};
    }, true, false);
    f.add("reverse", {B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (blob(a).size() > 1) std::reverse(blob_mut(a).begin(), blob_mut(a).end());
        return {};
    }, true, false);

    // ---- portions ----
    f.add("splice", {B, I, I, B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Blob rep = a[3]->as_blob();
        splice_part(blob_mut(a), a[1]->as_int(), a[2]->as_int(), rep);
        return {};
    }, true, false);
    for (ParamType r : {R, RI})
        f.add("splice", {B, r, B}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            Blob rep = a[2]->as_blob();
            splice_part(blob_mut(a), s, n, rep);
            return {};
        }, true, false);
    f.add("extract", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return extract_part(blob(a), a[1]->as_int(), INT64_MAX);
    });
    f.add("extract", {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return extract_part(blob(a), a[1]->as_int(), a[2]->as_int());
    });
    for (ParamType r : {R, RI})
        f.add("extract", {B, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return extract_part(blob(a), s, n);
        });
    f.add("split", {B, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (blob(a).empty()) return Blob{};
        auto [s, n] = offset_len(blob(a).size(), a[1]->as_int(), INT64_MAX);
        if (s >= blob(a).size()) return Blob{};
        Blob& b = blob_mut(a);
        Blob out(b.begin() + s, b.end());
        b.erase(b.begin() + s, b.end());
        return out;
    }, true, false);
    f.add("drain", {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return drain_part(blob_mut(a), a[1]->as_int(), a[2]->as_int());
    }, true, false);
    f.add("retain", {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return retain_part(blob_mut(a), a[1]->as_int(), a[2]->as_int());
    }, true, false);
    for (ParamType r : {R, RI}) {
        f.add("drain", {B, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return drain_part(blob_mut(a), s, n);
        }, true, false);
        f.add("retain", {B, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return retain_part(blob_mut(a), s, n);
        }, true, false);
    }

    // ---- numbers in bytes ----
    // Each name gets (start, len), (range) and (inclusive range) forms.
#define RHAI_BLOB_PARSE(NAME, EXPR)                                                                 \
    f.add(NAME, {B, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {                         \
        INT s = a[1]->as_int(), n = a[2]->as_int();                                                 \
        return EXPR;                                                                                \
    });                                                                                             \
    for (ParamType r : {R, RI})                                                                     \
        f.add(NAME, {B, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {                        \
            auto [s, n] = range_start_len(*a[1]);                                                   \
            return EXPR;                                                                            \
        });
    RHAI_BLOB_PARSE("parse_le_int", parse_int(blob(a), s, n, true))
    RHAI_BLOB_PARSE("parse_be_int", parse_int(blob(a), s, n, false))
    RHAI_BLOB_PARSE("parse_le_float", parse_float(blob(a), s, n, true))
    RHAI_BLOB_PARSE("parse_be_float", parse_float(blob(a), s, n, false))
#undef RHAI_BLOB_PARSE

#define RHAI_BLOB_WRITE(NAME, VT, STMT)                                                             \
    f.add(NAME, {B, I, I, VT}, [](NativeCallContext&, Dynamic** a) -> Dynamic {                     \
        INT s = a[1]->as_int(), n = a[2]->as_int();                                                 \
        const Dynamic& v = *a[3];                                                                   \
        STMT;                                                                                       \
        return {};                                                                                  \
    }, true, false);                                                                                \
    for (ParamType r : {R, RI})                                                                     \
        f.add(NAME, {B, r, VT}, [](NativeCallContext&, Dynamic** a) -> Dynamic {                    \
            auto [s, n] = range_start_len(*a[1]);                                                   \
            const Dynamic& v = *a[2];                                                               \
            STMT;                                                                                   \
            return {};                                                                              \
        }, true, false);
    RHAI_BLOB_WRITE("write_le", I, write_num(blob_mut(a), s, n, v, true))
    RHAI_BLOB_WRITE("write_le", F, write_num(blob_mut(a), s, n, v, true))
    RHAI_BLOB_WRITE("write_be", I, write_num(blob_mut(a), s, n, v, false))
    RHAI_BLOB_WRITE("write_be", F, write_num(blob_mut(a), s, n, v, false))
    RHAI_BLOB_WRITE("write_utf8", S, write_text(blob_mut(a), s, n, v.as_string(), false))
    RHAI_BLOB_WRITE("write_ascii", S, write_text(blob_mut(a), s, n, v.as_string(), true))
#undef RHAI_BLOB_WRITE

    // ---- equality ----
    f.add("==", {B, B}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return blob(a) == a[1]->as_blob(); });
    f.add("!=", {B, B}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return blob(a) != a[1]->as_blob(); });
}

}  // namespace rhai::packages
