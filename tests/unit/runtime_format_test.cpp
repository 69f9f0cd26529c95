// Formatting of every value type, checked against text captured from the reference Rhai
// (expected strings come from the conformance corpus: fmt_*, math_nan_inf_printing,
// map_to_string_to_debug, range_print_forms, blob_to_debug_and_type, ...).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "rhai/dynamic.hpp"
#include "runtime/float_format.hpp"

using namespace rhai;

namespace {

struct FloatCase {
    double value;
    const char* display;
    const char* debug;
};

const FloatCase kFloatCases[] = {
    {1.0, "1.0", "1.0"},
    {0.1, "0.1", "0.1"},
    {-1.5, "-1.5", "-1.5"},
    {2.0, "2.0", "2.0"},
    {100.0, "100.0", "100.0"},
    {-3.0, "-3.0", "-3.0"},
    {0.0, "0.0", "0.0"},
    {-0.0, "0.0", "-0.0"},
    {1e10, "10000000000.0", "10000000000.0"},
    {123456789.0, "123456789.0", "123456789.0"},
    {1234567.891, "1234567.891", "1234567.891"},
    {123456789012.345, "123456789012.345", "123456789012.345"},
    {1e12, "1000000000000.0", "1000000000000.0"},
    {1e13, "1e13", "10000000000000.0"},
    {2e13, "2e13", "20000000000000.0"},
    {-4.5e14, "-4.5e14", "-450000000000000.0"},
    {1e15, "1e15", "1000000000000000.0"},
    {1e16, "1e16", "1e16"},
    {1e-7, "0.0000001", "1e-7"},
    {0.0001, "0.0001", "0.0001"},
    {0.00001, "0.00001", "1e-5"},
    {1e-14, "1e-14", "1e-14"},
    {0.1 + 0.2, "0.30000000000000004", "0.30000000000000004"},
    {1.0 / 3.0, "0.3333333333333333", "0.3333333333333333"},
    {1.4142135623730951, "1.4142135623730951", "1.4142135623730951"},
    {2.5, "2.5", "2.5"},
    {std::numeric_limits<double>::infinity(), "inf", "inf"},
    {-std::numeric_limits<double>::infinity(), "-inf", "-inf"},
    {std::nan(""), "NaN", "NaN"},
};

}  // namespace

TEST(RuntimeFormat, FloatDisplayTable) {
    for (const auto& c : kFloatCases) EXPECT_EQ(Dynamic(c.value).to_display(), c.display) << c.display;
}

TEST(RuntimeFormat, FloatDebugTable) {
    for (const auto& c : kFloatCases) EXPECT_EQ(Dynamic(c.value).to_debug(), c.debug) << c.debug;
}

TEST(RuntimeFormat, RustPrimitives) {
    EXPECT_EQ(rust_float_display(1.0), "1");
    EXPECT_EQ(rust_float_display(1e21), "1000000000000000000000");
    EXPECT_EQ(rust_float_exp(1234.5), "1.2345e3");
    EXPECT_EQ(rust_float_exp(0.00012), "1.2e-4");
}

TEST(RuntimeFormat, Scalars) {
    EXPECT_EQ(Dynamic(INT(42)).to_display(), "42");
    EXPECT_EQ(Dynamic(INT(42)).to_debug(), "42");
    EXPECT_EQ(Dynamic(INT64_MIN).to_display(), "-9223372036854775808");
    EXPECT_EQ(Dynamic(true).to_display(), "true");
    EXPECT_EQ(Dynamic(false).to_debug(), "false");
    EXPECT_EQ(Dynamic(U'q').to_display(), "q");
    EXPECT_EQ(Dynamic(U'q').to_debug(), "q");  // Rhai's to_debug of a char does not quote it
    EXPECT_EQ(Dynamic(U'é').to_display(), "é");
    EXPECT_EQ(Dynamic("s").to_display(), "s");
    EXPECT_EQ(Dynamic("s").to_debug(), "\"s\"");
    EXPECT_EQ(Dynamic().to_display(), "");
    EXPECT_EQ(Dynamic().to_debug(), "()");
    EXPECT_EQ(Dynamic::timestamp(5).to_display(), "<timestamp>");
    EXPECT_EQ(Dynamic::timestamp(5).to_debug(), "<timestamp>");
}

TEST(RuntimeFormat, StringEscapesInDebug) {
    EXPECT_EQ(Dynamic("a\"b\\c").to_debug(), R"("a\"b\\c")");
    EXPECT_EQ(Dynamic("x\ny\tz\r").to_debug(), R"("x\ny\tz\r")");
    EXPECT_EQ(Dynamic(std::string("\0", 1)).to_debug(), R"("\0")");
    EXPECT_EQ(Dynamic("\x01").to_debug(), R"("\u{1}")");
    EXPECT_EQ(Dynamic("it's").to_debug(), R"("it's")");
    EXPECT_EQ(Dynamic("héllo").to_debug(), "\"héllo\"");
}

TEST(RuntimeFormat, Arrays) {
    EXPECT_EQ(Dynamic(Array{INT(-1), INT(0), INT(0)}).to_display(), "[-1, 0, 0]");
    EXPECT_EQ(Dynamic(Array{}).to_display(), "[]");
    Array nested{Dynamic(), Dynamic(Array{Dynamic()}), Dynamic(Map{{"u", Dynamic()}})};
    EXPECT_EQ(Dynamic(nested).to_display(), "[(), [()], #{\"u\": ()}]");
    Array mixed{INT(1), Dynamic("two"), Dynamic(U'c'), Dynamic(1e15)};
    EXPECT_EQ(Dynamic(mixed).to_display(), "[1, \"two\", c, 1000000000000000.0]");
    Array special{Dynamic(std::nan("")), Dynamic(std::numeric_limits<double>::infinity())};
    EXPECT_EQ(Dynamic(special).to_display(), "[NaN, inf]");
}

TEST(RuntimeFormat, Maps) {
    Map m{{"s", Dynamic("t")}, {"c", Dynamic(U'c')}, {"u", Dynamic()}, {"f", Dynamic(1.5)},
          {"a", Dynamic(Array{INT(1)})}};
    const char* expected = "#{\"a\": [1], \"c\": c, \"f\": 1.5, \"s\": \"t\", \"u\": ()}";
    EXPECT_EQ(Dynamic(m).to_display(), expected);
    EXPECT_EQ(Dynamic(m).to_debug(), expected);
    EXPECT_EQ(Dynamic(Map{}).to_display(), "#{}");
    Map nested{{"x", Dynamic(Array{INT(1), INT(2)})}, {"y", Dynamic(Map{{"z", Dynamic(true)}})}};
    EXPECT_EQ(Dynamic(nested).to_display(), "#{\"x\": [1, 2], \"y\": #{\"z\": true}}");
}

TEST(RuntimeFormat, Blobs) {
    EXPECT_EQ(Dynamic(Blob{0xab, 0xab}).to_display(), "[abab]");
    EXPECT_EQ(Dynamic(Blob{0xab, 0xab}).to_debug(), "[abab]");
    EXPECT_EQ(Dynamic(Blob{'h', 'i', '!'}).to_display(), "[686921]");
    EXPECT_EQ(Dynamic(Array{Dynamic(Blob{0xab, 0xab})}).to_display(), "[[abab]]");
    EXPECT_EQ(Dynamic(Blob{}).to_display(), "[]");
    EXPECT_EQ(Dynamic(Blob{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).to_display(), "[0001020304050607 0809]");
}

TEST(RuntimeFormat, Ranges) {
    EXPECT_EQ(Dynamic::range(1, 5, true).to_display(), "1..=5");
    EXPECT_EQ(Dynamic::range(-3, -1, false).to_display(), "-3..-1");
    EXPECT_EQ(Dynamic::range(1, 4, false).to_debug(), "1..4");
    EXPECT_EQ(Dynamic(Array{Dynamic::range(1, 3, false), Dynamic::range(2, 4, true)}).to_display(),
              "[1..3, 2..=4]");
    EXPECT_EQ(Dynamic(Map{{"r", Dynamic::range(0, 1, false)}}).to_display(), "#{\"r\": 0..1}");
    EXPECT_EQ(Dynamic::range(3, INT64_MAX, false).to_display(), "3..");
}

TEST(RuntimeFormat, FnPtrs) {
    EXPECT_EQ(Dynamic::fn_ptr("add").to_display(), "Fn(add)");
    EXPECT_EQ(Dynamic::fn_ptr("add", {Dynamic(INT(1))}).to_display(), "Fn(add)");
    EXPECT_EQ(Dynamic::fn_ptr("f").to_debug(), "Fn(f)");
    EXPECT_EQ(Dynamic(Array{Dynamic::fn_ptr("add", {Dynamic(INT(1))})}).to_display(), "[Fn(add)]");
}

TEST(RuntimeFormat, SharedIsTransparent) {
    Dynamic s = Dynamic::shared(Dynamic(INT(7)));
    EXPECT_EQ(s.to_display(), "7");
    EXPECT_EQ(Dynamic(Array{Dynamic::shared(Dynamic("x"))}).to_display(), "[\"x\"]");
}

TEST(RuntimeFormat, DisplayThresholdIsRhaisF32Constant) {
    // Rhai switches to scientific notation above 1e13 *as an f32*, i.e. 9999999827968.
    EXPECT_EQ(Dynamic(9999999827968.0).to_display(), "9999999827968.0");
    EXPECT_EQ(Dynamic(9999999827969.0).to_display(), "9.999999827969e12");
    EXPECT_EQ(Dynamic(1e21).to_display(), "1e21");
    EXPECT_EQ(Dynamic(1e21).to_debug(), "1e21");
    EXPECT_EQ(Dynamic(1.5e-14).to_display(), "1.5e-14");
}

TEST(RuntimeFormat, ExtremeFloats) {
    EXPECT_EQ(Dynamic(5e-324).to_display(), "5e-324");
    EXPECT_EQ(Dynamic(5e-324).to_debug(), "5e-324");
    EXPECT_EQ(Dynamic(1.7976931348623157e308).to_display(), "1.7976931348623157e308");
    EXPECT_EQ(Dynamic(123.456).to_debug(), "123.456");
    EXPECT_EQ(Dynamic(-1e-5).to_debug(), "-1e-5");
    EXPECT_EQ(Dynamic(9999999999999998.0).to_debug(), "9999999999999998.0");
}

TEST(RuntimeFormat, IterableAndCustomPrintTheirTypeName) {
    struct Seq final : IterableObj {
        std::string_view type_name() const override { return "my::Seq"; }
        std::unique_ptr<Cursor> cursor() const override { return nullptr; }
    };
    Dynamic it = Dynamic::from_heap(Tag::Iterable, new Seq);
    EXPECT_EQ(it.to_display(), "my::Seq");
    EXPECT_EQ(it.type_name(), "my::Seq");
}

TEST(RuntimeFormat, FloatTextRoundTrips) {
    // Both forms are built from the shortest round-trip digits: parsing them back must give
    // the same double (Display drops the sign of zero, as Rhai does).
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 20000; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double v;
        std::memcpy(&v, &state, sizeof v);
        if (!std::isfinite(v)) continue;
        std::string dbg = Dynamic(v).to_debug();
        std::string disp = Dynamic(v).to_display();
        ASSERT_EQ(std::strtod(dbg.c_str(), nullptr), v) << dbg;
        ASSERT_EQ(std::strtod(disp.c_str(), nullptr), v == 0.0 ? 0.0 : v) << disp;
    }
}
