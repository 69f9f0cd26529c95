// UTF-8 and Unicode helpers for the string packages.
//
// Rhai strings are UTF-8 but every position a script sees counts *characters* (Unicode scalar
// values), not bytes. These helpers translate between the two and keep pure-ASCII text on a
// fast path: for ASCII, character index == byte index, and every scan below is a tight byte
// loop the compiler vectorises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rhai::packages::utf8 {

// True when the byte starts a character (is not a UTF-8 continuation byte).
inline bool is_lead(unsigned char b) { return (b & 0xC0) != 0x80; }

// Number of characters in `s`.
size_t count_chars(std::string_view s);

// Byte offset of the character at index `n`; s.size() when `n` >= the character count.
size_t byte_offset(std::string_view s, size_t n);

// Byte offset of the character `n` positions before the end (n == 0: s.size());
// 0 when `n` >= the character count.
size_t byte_offset_from_end(std::string_view s, size_t n);

// Decodes the character starting at byte `i` and advances `i` past it. Malformed input (which
// valid strings never contain) decodes as U+FFFD, consuming one byte.
char32_t decode(std::string_view s, size_t& i);

// Decodes the character ending at byte `end` (exclusive) and moves `end` to its first byte.
char32_t decode_backwards(std::string_view s, size_t& end);

// Appends the UTF-8 encoding of `c` to `out`.
void append(std::string& out, char32_t c);
std::string encode(char32_t c);

// Appends bytes as text, replacing each malformed sequence with U+FFFD (Rust's
// String::from_utf8_lossy, which Rhai uses when a BLOB meets a string).
void append_lossy(std::string& out, const uint8_t* data, size_t len);

// Unicode White_Space (Rust's char::is_whitespace), the set `trim` and `split()` use.
bool is_whitespace(char32_t c);

// One-to-one case mappings (Rust's char::to_uppercase / to_lowercase where they give one
// character); a character without one, or whose mapping is several characters ('ß', 'ﬁ',
// 'İ'), maps to itself, as Rhai's to_upper / to_lower on a char do.
char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);

// Full string case conversion as Rust's str::to_uppercase / to_lowercase do it, including
// the one-to-many mappings ('ß' -> "SS", 'ﬁ' -> "FI", 'İ' -> "i̇") and the Greek final sigma.
std::string upper(std::string_view s);
std::string lower(std::string_view s);

}  // namespace rhai::packages::utf8
