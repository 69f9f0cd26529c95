// UTF-8 and Unicode helpers behind the string packages.
#include <gtest/gtest.h>

#include "packages/string_utf8.hpp"

namespace utf8 = rhai::packages::utf8;

TEST(StringsUtf8, CountAndOffsets) {
    EXPECT_EQ(utf8::count_chars("añb€c😀d"), 7u);
    EXPECT_EQ(utf8::byte_offset("añb€c😀d", 0), 0u);
    EXPECT_EQ(utf8::byte_offset("añb€c😀d", 2), 3u);
    EXPECT_EQ(utf8::byte_offset("añb€c😀d", 6), 12u);
    EXPECT_EQ(utf8::byte_offset("añb€c😀d", 7), 13u);
    EXPECT_EQ(utf8::byte_offset("añb€c😀d", 70), 13u);
    EXPECT_EQ(utf8::byte_offset("plain ascii", 6), 6u);
    EXPECT_EQ(utf8::byte_offset_from_end("añb€c😀d", 2), 8u);
    EXPECT_EQ(utf8::byte_offset_from_end("añb€c😀d", 7), 0u);
    EXPECT_EQ(utf8::byte_offset_from_end("añb€c😀d", 99), 0u);
    EXPECT_EQ(utf8::byte_offset_from_end("abc", 0), 3u);
}

TEST(StringsUtf8, DecodeEncodeRoundTrip) {
    for (char32_t c : {U'a', U'ñ', U'€', U'😀', char32_t(0x10FFFF)}) {
        const std::string s = utf8::encode(c);
        size_t i = 0;
        EXPECT_EQ(utf8::decode(s, i), c);
        EXPECT_EQ(i, s.size());
        size_t end = s.size();
        EXPECT_EQ(utf8::decode_backwards(s, end), c);
        EXPECT_EQ(end, 0u);
    }
}

TEST(StringsUtf8, MalformedInputDecodesAsReplacement) {
    const std::string bad = "\xE2\x82";  // truncated '€'
    size_t i = 0;
    EXPECT_EQ(utf8::decode(bad, i), char32_t(0xFFFD));
    EXPECT_EQ(i, 1u);
}

TEST(StringsUtf8, LossyAppendReplacesInvalidSequences) {
    std::string out;
    const uint8_t bytes[] = {'a', 0xFF, 0xE2, 0x82, 0xAC, 0xE2, 0x82, 'b', 0xED, 0xA0, 0x80};
    utf8::append_lossy(out, bytes, sizeof bytes);
    // 0xFF -> U+FFFD; "€" kept; truncated E2 82 -> one U+FFFD; surrogate ED A0 80 -> 3 x U+FFFD.
    EXPECT_EQ(out, "a\uFFFD€\uFFFDb\uFFFD\uFFFD\uFFFD");
}

TEST(StringsUtf8, Whitespace) {
    for (char32_t c : {U' ', U'\t', U'\n', U'\v', U'\f', U'\r', char32_t(0x85), char32_t(0xA0),
                       char32_t(0x1680), char32_t(0x2000), char32_t(0x200A), char32_t(0x2028),
                       char32_t(0x2029), char32_t(0x202F), char32_t(0x205F), char32_t(0x3000)})
        EXPECT_TRUE(utf8::is_whitespace(c)) << std::hex << uint32_t(c);
    for (char32_t c : {U'a', char32_t(0x200B), char32_t(0xFEFF), char32_t(0x1F)})
        EXPECT_FALSE(utf8::is_whitespace(c)) << std::hex << uint32_t(c);
}

TEST(StringsUtf8, SimpleCaseMappings) {
    EXPECT_EQ(utf8::to_upper(U'é'), U'É');
    EXPECT_EQ(utf8::to_lower(U'É'), U'é');
    EXPECT_EQ(utf8::to_upper(U'ÿ'), U'Ÿ');
    EXPECT_EQ(utf8::to_upper(U'ā'), U'Ā');
    EXPECT_EQ(utf8::to_lower(U'Ā'), U'ā');
    EXPECT_EQ(utf8::to_upper(U'ł'), U'Ł');
    EXPECT_EQ(utf8::to_lower(U'Ł'), U'ł');
    EXPECT_EQ(utf8::to_upper(U'ω'), U'Ω');
    EXPECT_EQ(utf8::to_upper(U'ς'), U'Σ');
    EXPECT_EQ(utf8::to_upper(U'я'), U'Я');
    EXPECT_EQ(utf8::to_lower(U'Ё'), U'ё');
    EXPECT_EQ(utf8::to_upper(U'ա'), U'Ա');
    EXPECT_EQ(utf8::to_upper(U'ａ'), U'Ａ');
    EXPECT_EQ(utf8::to_lower(U'×'), U'×');
    EXPECT_EQ(utf8::to_upper(U'÷'), U'÷');
    EXPECT_EQ(utf8::to_upper(U'日'), U'日');
}

TEST(StringsUtf8, FullStringCaseConversion) {
    EXPECT_EQ(utf8::upper("straße"), "STRASSE");
    EXPECT_EQ(utf8::lower("ΟΔΟΣ ΣΑΣ"), "οδος σας");
    EXPECT_EQ(utf8::lower("Σ"), "σ");
    EXPECT_EQ(utf8::lower("İ"), "i\u0307");
    EXPECT_EQ(utf8::upper("ǆ"), "Ǆ");
}
