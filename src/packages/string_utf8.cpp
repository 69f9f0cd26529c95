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

// A block of case pairs. Delta: lower-case letters lo..hi map to upper = lower + delta.
// EvenUpper / OddUpper: the block alternates upper/lower, upper on even / odd code points.
enum class Kind : uint8_t { Delta, EvenUpper, OddUpper };
struct CaseBlock {
    char32_t lo, hi;  // for Delta: the lower-case range; otherwise the whole block
    int32_t delta;
    Kind kind;
};

// Covers Latin, Greek, Cyrillic, Armenian, Latin Extended Additional, fullwidth and a few
// symbol sets: the scripts whose case mapping is a simple offset or alternation.
constexpr CaseBlock kBlocks[] = {
    {U'a', U'z', -32, Kind::Delta},
    {0xE0, 0xF6, -32, Kind::Delta},
    {0xF8, 0xFE, -32, Kind::Delta},
    {0x100, 0x12F, 0, Kind::EvenUpper},
    {0x132, 0x137, 0, Kind::EvenUpper},
    {0x139, 0x148, 0, Kind::OddUpper},
    {0x14A, 0x177, 0, Kind::EvenUpper},
    {0x179, 0x17E, 0, Kind::OddUpper},
    {0x182, 0x185, 0, Kind::EvenUpper},
    {0x1A0, 0x1A5, 0, Kind::EvenUpper},
    {0x1CD, 0x1DC, 0, Kind::OddUpper},
    {0x1DE, 0x1EF, 0, Kind::EvenUpper},
    {0x1F8, 0x21F, 0, Kind::EvenUpper},
    {0x222, 0x233, 0, Kind::EvenUpper},
    {0x246, 0x24F, 0, Kind::EvenUpper},
    {0x370, 0x373, 0, Kind::EvenUpper},
    {0x3AC, 0x3AC, -38, Kind::Delta},
    {0x3AD, 0x3AF, -37, Kind::Delta},
    {0x3B1, 0x3C1, -32, Kind::Delta},
    {0x3C3, 0x3CB, -32, Kind::Delta},
    {0x3CC, 0x3CC, -64, Kind::Delta},
    {0x3CD, 0x3CE, -63, Kind::Delta},
    {0x3D8, 0x3EF, 0, Kind::EvenUpper},
    {0x430, 0x44F, -32, Kind::Delta},
    {0x450, 0x45F, -80, Kind::Delta},
    {0x460, 0x481, 0, Kind::EvenUpper},
    {0x48A, 0x4BF, 0, Kind::EvenUpper},
    {0x4C1, 0x4CE, 0, Kind::OddUpper},
    {0x4D0, 0x52F, 0, Kind::EvenUpper},
    {0x561, 0x586, -48, Kind::Delta},
    {0x1E00, 0x1E95, 0, Kind::EvenUpper},
    {0x1EA0, 0x1EFF, 0, Kind::EvenUpper},
    {0x2170, 0x217F, -16, Kind::Delta},
    {0x24D0, 0x24E9, -26, Kind::Delta},
    {0x2C30, 0x2C5F, -48, Kind::Delta},
    {0x2C80, 0x2CE3, 0, Kind::EvenUpper},
    {0xA640, 0xA66D, 0, Kind::EvenUpper},
    {0xA680, 0xA69B, 0, Kind::EvenUpper},
    {0xA722, 0xA72F, 0, Kind::EvenUpper},
    {0xA732, 0xA76F, 0, Kind::EvenUpper},
    {0xFF41, 0xFF5A, -32, Kind::Delta},
    {0x10428, 0x1044F, -40, Kind::Delta},
};

// One-way or irregular mappings outside the blocks above.
struct Single {
    char32_t from, to;
};
constexpr Single kUpperSingles[] = {
    {0xB5, 0x39C},  {0xFF, 0x178},  {0x131, U'I'}, {0x17F, U'S'}, {0x180, 0x243},
    {0x188, 0x187}, {0x18C, 0x18B}, {0x192, 0x191}, {0x199, 0x198}, {0x1A8, 0x1A7},
    {0x1AD, 0x1AC}, {0x1B0, 0x1AF}, {0x1B4, 0x1B3}, {0x1B6, 0x1B5}, {0x1B9, 0x1B8},
    {0x1BD, 0x1BC}, {0x1C6, 0x1C4}, {0x1C9, 0x1C7}, {0x1CC, 0x1CA}, {0x1F3, 0x1F1},
    {0x1F5, 0x1F4}, {0x3C2, 0x3A3}, {0x377, 0x376}, {0x3F2, 0x3F9}, {0x3F3, 0x37F},
    {0x3F8, 0x3F7}, {0x3FB, 0x3FA}, {0x4CF, 0x4C0}, {0x1E9B, 0x1E60},
};
constexpr Single kLowerSingles[] = {
    {0x178, 0xFF},  {0x187, 0x188}, {0x18B, 0x18C}, {0x191, 0x192}, {0x198, 0x199},
    {0x1A7, 0x1A8}, {0x1AC, 0x1AD}, {0x1AF, 0x1B0}, {0x1B3, 0x1B4}, {0x1B5, 0x1B6},
    {0x1B8, 0x1B9}, {0x1BC, 0x1BD}, {0x1C4, 0x1C6}, {0x1C5, 0x1C6}, {0x1C7, 0x1C9},
    {0x1C8, 0x1C9}, {0x1CA, 0x1CC}, {0x1CB, 0x1CC}, {0x1F1, 0x1F3}, {0x1F2, 0x1F3},
    {0x1F4, 0x1F5}, {0x243, 0x180}, {0x376, 0x377}, {0x37F, 0x3F3}, {0x386, 0x3AC},
    {0x38C, 0x3CC}, {0x3F4, 0x3B8}, {0x3F7, 0x3F8}, {0x3F9, 0x3F2}, {0x3FA, 0x3FB},
    {0x4C0, 0x4CF}, {0x1E9E, 0xDF}, {0x2126, 0x3C9}, {0x212A, U'k'}, {0x212B, 0xE5},
};

template <size_t N>
bool lookup(const Single (&table)[N], char32_t c, char32_t& out) {
    for (const Single& s : table) {
        if (s.from == c) {
            out = s.to;
            return true;
        }
    }
    return false;
}

bool is_upper_member(const CaseBlock& b, char32_t c) {
    return b.kind == Kind::EvenUpper ? (c % 2 == 0) : (c % 2 == 1);
}

}  // namespace

char32_t to_upper(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') ? c - 32 : c;
    char32_t out;
    if (lookup(kUpperSingles, c, out)) return out;
    for (const CaseBlock& b : kBlocks) {
        if (c < b.lo || c > b.hi) continue;
        if (b.kind == Kind::Delta) return static_cast<char32_t>(static_cast<int32_t>(c) + b.delta);
        return is_upper_member(b, c) ? c : c - 1;
    }
    return c;
}

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
    char32_t out;
    if (lookup(kLowerSingles, c, out)) return out;
    for (const CaseBlock& b : kBlocks) {
        if (b.kind == Kind::Delta) {
            const auto lo = static_cast<char32_t>(static_cast<int32_t>(b.lo) + b.delta);
            const auto hi = static_cast<char32_t>(static_cast<int32_t>(b.hi) + b.delta);
            if (c >= lo && c <= hi) return static_cast<char32_t>(static_cast<int32_t>(c) - b.delta);
        } else if (c >= b.lo && c <= b.hi) {
            return is_upper_member(b, c) && c < b.hi ? c + 1 : c;
        }
    }
    return c;
}

namespace {

bool is_cased(char32_t c) { return to_upper(c) != c || to_lower(c) != c; }

// Greek capital sigma lower-cases to final sigma at the end of a word: preceded by a cased
// letter and not followed by one (Unicode's Final_Sigma condition, ignoring case-ignorables).
bool is_final_sigma(std::string_view s, size_t start, size_t end) {
    if (start == 0) return false;
    size_t p = start;
    if (!is_cased(decode_backwards(s, p))) return false;
    if (end >= s.size()) return true;
    size_t q = end;
    return !is_cased(decode(s, q));
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
        if (c == 0xDF) {
            out += "SS";
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
        if (c == 0x130) {
            out += "i\xCC\x87";  // 'i' + COMBINING DOT ABOVE
        } else if (c == 0x3A3 && is_final_sigma(s, start, i)) {
            append(out, 0x3C2);
        } else {
            append(out, to_lower(c));
        }
    }
    return out;
}

}  // namespace rhai::packages::utf8
