#include "packages/string_utf8.hpp"

#include "runtime/utf8.hpp"

#include <algorithm>
#include <iterator>

namespace rhai::packages::utf8 {

size_t count_chars(std::string_view s) {
    size_t n = 0;
    for (unsigned char b : s) n += is_lead(b);
    return n;
}

size_t byte_offset(std::string_view s, size_t n) {
    // Fast path: while the text is ASCII, character n is byte n.
    size_t i = 0;
    const size_t size = s.size();
    while (i < size && i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i == n || i == size) return i;
    size_t seen = i;  // characters before byte i
    for (; i < size; ++i) {
        if (is_lead(static_cast<unsigned char>(s[i]))) {
            if (seen == n) return i;
            ++seen;
        }
    }
    return size;
}

size_t byte_offset_from_end(std::string_view s, size_t n) {
    size_t i = s.size();
    while (n > 0 && i > 0) {
        --i;
        if (is_lead(static_cast<unsigned char>(s[i]))) --n;
    }
    return n > 0 ? 0 : i;
}

char32_t decode(std::string_view s, size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    const int extra = b0 >= 0xF8 ? -1 : b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (b & 0x3F);
    }
    i += extra + 1;
    return c;
}

char32_t decode_backwards(std::string_view s, size_t& end) {
    size_t start = end;
    do {
        --start;
    } while (start > 0 && !is_lead(static_cast<unsigned char>(s[start])) && end - start < 4);
    size_t i = start;
    char32_t c = decode(s, i);
    if (i != end) {  // malformed tail: treat the last byte alone
        start = end - 1;
        c = 0xFFFD;
    }
    end = start;
    return c;
}

void append(std::string& out, char32_t c) { append_utf8(out, c); }

std::string encode(char32_t c) {
    std::string s;
    append(s, c);
    return s;
}

// Length of the valid UTF-8 sequence starting at data[0] (1..4), or 0 when malformed;
// `prefix` receives how many bytes form a valid-but-incomplete prefix (for lossy decoding,
// which replaces a maximal invalid prefix with one U+FFFD, as Rust does).
static size_t valid_sequence(const uint8_t* d, size_t len, size_t& prefix) {
    const uint8_t b0 = d[0];
    prefix = 1;
    if (b0 < 0x80) return 1;
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (size_t k = 1; k < need; ++k) {
        if (k >= len) return 0;
        const uint8_t b = d[k];
        const uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) return 0;
        prefix = k + 1;
    }
    return need;
}

void append_lossy(std::string& out, const uint8_t* data, size_t len) {
    out.reserve(out.size() + len);
    size_t i = 0;
    while (i < len) {
        size_t prefix;
        const size_t n = valid_sequence(data + i, len - i, prefix);
        if (n > 0) {
            out.append(reinterpret_cast<const char*>(data + i), n);
            i += n;
        } else {
            append(out, 0xFFFD);
            i += prefix;
        }
    }
}

bool is_whitespace(char32_t c) {
    if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
    if (c < 0x85) return false;
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

namespace {

// Full Unicode case mappings (generated): runs of one-to-one mappings and the characters
// whose mapping is several characters (SpecialCasing: 'ß' -> "SS", 'ﬁ' -> "FI", ...).
struct CaseRun {
    char32_t lo, hi;  // c in [lo, hi] with (c - lo) % stride == 0 maps to c + delta
    int32_t delta;
    uint32_t stride;
};
struct CaseMulti {
    char32_t from;
    const char* to;  // UTF-8
};
struct CharRange {
    char32_t lo, hi;
};
#include "case_tables.inc"

// The last entry whose first code point is <= c, or null.
template <class T, size_t N>
const T* last_starting_at_or_before(const T (&table)[N], char32_t c) {
    const T* it = std::upper_bound(table, table + N, c, [](char32_t v, const T& e) { return v < first_of(e); });
    return it == table ? nullptr : it - 1;
}
char32_t first_of(const CaseRun& r) { return r.lo; }
char32_t first_of(const CaseMulti& m) { return m.from; }
char32_t first_of(const CharRange& r) { return r.lo; }

template <size_t N>
char32_t map_runs(const CaseRun (&runs)[N], char32_t c) {
    const CaseRun* r = last_starting_at_or_before(runs, c);
    if (!r || c > r->hi || (c - r->lo) % r->stride != 0) return c;
    return static_cast<char32_t>(static_cast<int32_t>(c) + r->delta);
}

template <size_t N>
const char* find_multi(const CaseMulti (&table)[N], char32_t c) {
    const CaseMulti* m = last_starting_at_or_before(table, c);
    return m && m->from == c ? m->to : nullptr;
}

template <size_t N>
bool in_ranges(const CharRange (&table)[N], char32_t c) {
    const CharRange* r = last_starting_at_or_before(table, c);
    return r && c <= r->hi;
}

}  // namespace

char32_t to_upper(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') ? c - 32 : c;
    return map_runs(kUpperRuns, c);
}

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
    return map_runs(kLowerRuns, c);
}

namespace {

// Unicode's Cased property: letters with a case, and the few lowercase-like ones without a
// mapping ('ª', 'º'; the modifier letters among them count as case-ignorable first).
bool is_cased(char32_t c) {
    return in_ranges(kCasedLetters, c) || to_upper(c) != c || to_lower(c) != c || find_multi(kUpperMulti, c) ||
           c == 0xAA || c == 0xBA;
}

// Greek capital sigma lower-cases to final sigma at the end of a word (Unicode's Final_Sigma,
// as Rust's str::to_lowercase applies it): skipping case-ignorable characters (marks,
// apostrophes, ...), a cased letter comes before it and none comes after it.
bool is_final_sigma(std::string_view s, size_t start, size_t end) {
    char32_t c = 0;
    size_t p = start;
    do {
        if (p == 0) return false;
        c = decode_backwards(s, p);
    } while (in_ranges(kCaseIgnorable, c));
    if (!is_cased(c)) return false;
    size_t q = end;
    do {
        if (q >= s.size()) return true;
        c = decode(s, q);
    } while (in_ranges(kCaseIgnorable, c));
    return !is_cased(c);
}

}  // namespace

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'a' && b <= 'z' ? b - 32 : b));
            ++i;
            continue;
        }
        const char32_t c = decode(s, i);
        if (const char* m = find_multi(kUpperMulti, c)) {
            out += m;
        } else {
            append(out, to_upper(c));
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
            ++i;
            continue;
        }
        const size_t start = i;
        const char32_t c = decode(s, i);
        if (const char* m = find_multi(kLowerMulti, c)) {
            out += m;  // 'İ' -> 'i' + COMBINING DOT ABOVE
        } else if (c == 0x3A3 && is_final_sigma(s, start, i)) {
            append(out, 0x3C2);
        } else {
            append(out, to_lower(c));
        }
    }
    return out;
}

}  // namespace rhai::packages::utf8
