// The arithmetic, logic, bit_field and math packages, called through the function registry the
// way the VM's slow path does. Expected values and error texts come from the reference
// (conformance cases named in the comments).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "packages/packages.hpp"
#include "runtime/arith.hpp"

using namespace rhai;

namespace {

class Packages : public ::testing::Test {
protected:
    static EngineCore& core() {
        static EngineCore* c = [] {
            auto* e = new EngineCore;
            packages::register_arithmetic(*e);
            packages::register_logic(*e);
            packages::register_bit_field(*e);
            packages::register_math(*e);
            return e;
        }();
        return *c;
    }

    // Calls `name` with `args` (args[0] is passed by reference and updated for methods).
    static Dynamic call(std::string_view name, std::vector<Dynamic>& args) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        const NativeFunction* fn = core().functions.resolve(name, ptrs.data(), ptrs.size());
        if (!fn) throw EvalError::function_not_found(call_signature(name, ptrs.data(), ptrs.size()));
        NativeCallContext ctx(core(), name, Position{});
        return fn->call(ctx, ptrs.data());
    }
    static Dynamic call(std::string_view name, std::vector<Dynamic>&& args) { return call(name, args); }

    // The message of the error `name(args)` raises ("" when it does not fail).
    static std::string error_of(std::string_view name, std::vector<Dynamic> args) {
        try {
            call(name, args);
        } catch (const EvalError& e) {
            return e.message();
        }
        return "";
    }
    static std::string display(std::string_view name, std::vector<Dynamic> args) {
        return call(name, args).to_display();
    }
};

Dynamic I(INT v) { return Dynamic(v); }
Dynamic F(double v) { return Dynamic(v); }
constexpr INT kMax = std::numeric_limits<INT>::max();
constexpr INT kMin = std::numeric_limits<INT>::min();

}  // namespace

// ---- arithmetic ---------------------------------------------------------------------------

TEST_F(Packages, IntOperators) {
    EXPECT_EQ(call("+", {I(2), I(3)}).as_int(), 5);
    EXPECT_EQ(call("-", {I(2), I(3)}).as_int(), -1);
    EXPECT_EQ(call("*", {I(3037000499), I(3037000499)}).as_int(), 9223372030926249001);  // num_large_int_arith
    EXPECT_EQ(call("/", {I(-9), I(4)}).as_int(), -2);  // num_integer_division_truncates
    EXPECT_EQ(call("%", {I(0), I(5)}).as_int(), 0);
    EXPECT_EQ(call("&", {I(12), I(10)}).as_int(), 8);
    EXPECT_EQ(call("|", {I(12), I(10)}).as_int(), 14);
    EXPECT_EQ(call("^", {I(12), I(10)}).as_int(), 6);
    EXPECT_EQ(call("-", {I(5)}).as_int(), -5);
    EXPECT_EQ(call("+", {I(5)}).as_int(), 5);
}

TEST_F(Packages, IntOverflowMessages) {
    EXPECT_EQ(error_of("+", {I(kMax), I(1)}), "Addition overflow: 9223372036854775807 + 1");
    EXPECT_EQ(error_of("-", {I(-kMax), I(5)}), "Subtraction overflow: -9223372036854775807 - 5");
    EXPECT_EQ(error_of("*", {I(kMax), I(2)}), "Multiplication overflow: 9223372036854775807 * 2");
    EXPECT_EQ(error_of("/", {I(7), I(0)}), "Division by zero: 7 / 0");
    EXPECT_EQ(error_of("/", {I(kMin), I(-1)}), "Division overflow: -9223372036854775808 / -1");
    EXPECT_EQ(error_of("%", {I(7), I(0)}), "Modulo division by zero or overflow: 7 % 0");
    EXPECT_EQ(error_of("-", {I(kMin)}), "Negation overflow: --9223372036854775808");
    EXPECT_EQ(error_of("abs", {I(kMin)}), "Negation overflow: --9223372036854775808");
    EXPECT_EQ(call("+", {I(-kMax), I(-1)}).as_int(), kMin);
}

TEST_F(Packages, IntPower) {
    // err_power_errors, ops_float_pow_negative_int, ops_power_right_assoc_and_precedence
    EXPECT_EQ(call("**", {I(2), I(9)}).as_int(), 512);
    EXPECT_EQ(call("**", {I(0), I(0)}).as_int(), 1);
    EXPECT_EQ(call("**", {I(-2), I(63)}).as_int(), kMin);
    EXPECT_EQ(error_of("**", {I(2), I(64)}), "Exponential overflow: 2 ** 64");
    EXPECT_EQ(error_of("**", {I(2), I(-1)}), "Integer raised to a negative power: 2 ** -1");
    EXPECT_EQ(error_of("**", {I(-2), I(64)}), "Exponential overflow: -2 ** 64");
    EXPECT_EQ(call("**", {I(1), I(kMax)}).as_int(), 1);
    EXPECT_EQ(call("**", {I(-1), I(kMax)}).as_int(), -1);
}

TEST_F(Packages, Shifts) {
    // ops_shift_edge
    EXPECT_EQ(call("<<", {I(1), I(63)}).as_int(), kMin);
    EXPECT_EQ(call("<<", {I(1), I(64)}).as_int(), 0);
    EXPECT_EQ(call("<<", {I(8), I(-1)}).as_int(), 4);
    EXPECT_EQ(call(">>", {I(8), I(-1)}).as_int(), 16);
    EXPECT_EQ(call(">>", {I(-1), I(70)}).as_int(), -1);
    EXPECT_EQ(call(">>", {I(-8), I(1)}).as_int(), -4);
    EXPECT_EQ(call("<<", {I(1), I(kMin)}).as_int(), 0);
}

TEST_F(Packages, FloatAndMixedOperators) {
    // ops_mixed_int_float, math_float_mod_and_div_special
    EXPECT_EQ(display("+", {I(1), F(2.0)}), "3.0");
    EXPECT_EQ(display("*", {I(3), F(1.5)}), "4.5");
    EXPECT_EQ(display("/", {I(10), F(4.0)}), "2.5");
    EXPECT_EQ(display("/", {F(10.0), I(4)}), "2.5");
    EXPECT_EQ(display("%", {I(7), F(2.5)}), "2.0");
    EXPECT_EQ(display("**", {I(4), F(0.5)}), "2.0");
    EXPECT_EQ(display("**", {F(2.0), I(2)}), "4.0");
    EXPECT_EQ(display("**", {F(2.0), I(-1)}), "0.5");
    EXPECT_EQ(display("**", {F(2.0), F(0.5)}), "1.4142135623730951");
    EXPECT_EQ(display("%", {F(7.0), F(0.0)}), "NaN");
    EXPECT_EQ(display("/", {F(1.0), I(0)}), "inf");
    EXPECT_EQ(display("/", {I(-1), F(0.0)}), "-inf");
    EXPECT_EQ(display("%", {F(5.5), I(1)}), "0.5");
    EXPECT_EQ(display("+", {F(0.1), F(0.2)}), "0.30000000000000004");
    EXPECT_EQ(display("-", {F(2.5)}), "-2.5");
    EXPECT_EQ(call("+", {I(1), F(2.0)}).type_name(), "f64");
}

TEST_F(Packages, AbsSignPredicates) {
    // num_abs_sign, math_sign_floats, num_int_predicates, math_is_zero_odd_even_negative
    EXPECT_EQ(call("abs", {I(-5)}).as_int(), 5);
    EXPECT_EQ(display("abs", {F(-2.5)}), "2.5");
    EXPECT_EQ(call("sign", {I(-7)}).as_int(), -1);
    EXPECT_EQ(call("sign", {I(0)}).as_int(), 0);
    EXPECT_EQ(call("sign", {F(-0.0)}).as_int(), 0);
    EXPECT_EQ(call("sign", {F(-1e-300)}).as_int(), -1);
    EXPECT_EQ(call("sign", {F(INFINITY)}).as_int(), 1);
    EXPECT_EQ(call("sign", {F(-0.5)}).type_name(), "i64");
    EXPECT_TRUE(call("is_odd", {I(-3)}).as_bool());
    EXPECT_TRUE(call("get$is_even", {I(-4)}).as_bool());
    EXPECT_TRUE(call("is_zero", {F(-0.0)}).as_bool());
    EXPECT_FALSE(call("get$is_zero", {F(1.5)}).as_bool());
    EXPECT_TRUE(call("is_even", {I(0)}).as_bool());
}

TEST_F(Packages, BoolBitOperators) {
    // ops_bitwise_bool
    EXPECT_FALSE(call("&", {Dynamic(true), Dynamic(false)}).as_bool());
    EXPECT_TRUE(call("|", {Dynamic(true), Dynamic(false)}).as_bool());
    EXPECT_TRUE(call("^", {Dynamic(false), Dynamic(true)}).as_bool());
}

TEST_F(Packages, NoNativeForUnsupportedPairs) {
    // ops_bitwise_float_fail, ops_char_plus_int_fail, err_operator_not_found_messages
    EXPECT_EQ(error_of("&", {F(1.5), I(1)}), "Function not found: & (f64, i64)");
    EXPECT_EQ(error_of("+", {Dynamic(true), I(1)}), "Function not found: + (bool, i64)");
    EXPECT_EQ(error_of("-", {Dynamic(U'a'), Dynamic(U'b')}), "Function not found: - (char, char)");
    EXPECT_EQ(error_of("!", {I(1)}), "Function not found: ! (i64)");
}

// ---- logic --------------------------------------------------------------------------------

TEST_F(Packages, Comparisons) {
    EXPECT_TRUE(call("<", {I(1), I(2)}).as_bool());
    EXPECT_FALSE(call(">=", {I(1), I(2)}).as_bool());
    EXPECT_TRUE(call("==", {I(3), F(3.0)}).as_bool());  // num_int_float_equal_types
    EXPECT_FALSE(call("!=", {I(2), F(2.0)}).as_bool());
    EXPECT_TRUE(call("==", {F(0.1 + 0.2), F(0.3)}).as_bool());  // ops_float_eq_epsilon
    EXPECT_FALSE(call("==", {F(1.0), F(1.0000001)}).as_bool());
    EXPECT_FALSE(call(">", {F(1e-17), F(0.0)}).as_bool());
    EXPECT_TRUE(call("<", {Dynamic(U'a'), Dynamic(U'b')}).as_bool());
    EXPECT_TRUE(call("==", {Dynamic(true), Dynamic(true)}).as_bool());
    EXPECT_TRUE(call(">", {Dynamic(true), Dynamic(false)}).as_bool());
    EXPECT_TRUE(call("==", {Dynamic(), Dynamic()}).as_bool());
    EXPECT_FALSE(call("!=", {Dynamic(), Dynamic()}).as_bool());
    EXPECT_FALSE(call("<", {Dynamic(), Dynamic()}).as_bool());
    EXPECT_FALSE(call("!", {Dynamic(true)}).as_bool());
}

TEST_F(Packages, MinMax) {
    // num_min_max
    EXPECT_EQ(display("max", {I(3), I(9)}), "9");
    EXPECT_EQ(display("min", {I(3), I(9)}), "3");
    EXPECT_EQ(display("max", {I(-1), I(-2)}), "-1");
    EXPECT_EQ(display("max", {F(1.5), F(2.5)}), "2.5");
    EXPECT_EQ(display("min", {I(1), F(2.5)}), "1.0");
    EXPECT_EQ(display("max", {I(1), F(2.5)}), "2.5");
}

// ---- bit fields ---------------------------------------------------------------------------

TEST_F(Packages, GetBit) {
    // bits_get_bit_msb_and_negative
    EXPECT_TRUE(call("get_bit", {I(-1), I(63)}).as_bool());
    EXPECT_TRUE(call("get_bit", {I(-1), I(-1)}).as_bool());
    EXPECT_TRUE(call("get_bit", {I(INT(1) << 62), I(-2)}).as_bool());
    EXPECT_FALSE(call("get_bit", {I(INT(1) << 62), I(-64)}).as_bool());
    EXPECT_TRUE(call("get_bit", {I(5), I(-64)}).as_bool());
    EXPECT_EQ(error_of("get_bit", {I(1), I(64)}), "Bit-field index 64 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(error_of("get_bit", {I(1), I(-65)}), "Bit-field index -65 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(error_of("get_bit", {F(1.5), I(0)}), "Function not found: get_bit (f64, i64)");
}

TEST_F(Packages, SetBitMutatesReceiver) {
    // bits_set_bit_msb
    std::vector<Dynamic> args{I(0), I(63), Dynamic(true)};
    call("set_bit", args);
    EXPECT_EQ(args[0].as_int(), kMin);
    args[1] = I(-1);
    args[2] = Dynamic(false);
    call("set_bit", args);
    EXPECT_EQ(args[0].as_int(), 0);
    args[1] = I(-64);
    args[2] = Dynamic(true);
    call("set_bit", args);
    EXPECT_EQ(args[0].as_int(), 1);
    EXPECT_TRUE(core().functions.resolve("set_bit", std::vector<Dynamic*>{&args[0], &args[1], &args[2]}.data(), 3)->first_by_ref);
}

TEST_F(Packages, GetSetBits) {
    // num_get_set_bits, bits_set_bits_whole_word
    EXPECT_EQ(call("get_bits", {I(0b11000000), I(6), I(2)}).as_int(), 3);
    EXPECT_EQ(call("get_bits", {I(-1), I(0), I(64)}).as_int(), -1);
    EXPECT_EQ(call("get_bits", {I(-1), I(60), I(100)}).as_int(), 15);
    EXPECT_EQ(call("get_bits", {I(-1), I(3), I(0)}).as_int(), 0);
    EXPECT_EQ(call("get_bits", {I(0xff), Dynamic::range(4, 8, false)}).as_int(), 15);
    std::vector<Dynamic> x{I(0b11000001), I(0), I(4), I(0b1111)};
    call("set_bits", x);
    EXPECT_EQ(x[0].as_int(), 207);
    std::vector<Dynamic> w{I(5), I(0), I(64), I(-2)};
    call("set_bits", w);
    EXPECT_EQ(w[0].as_int(), -2);
    std::vector<Dynamic> r{I(-2), Dynamic::range(0, 63, true), I(7)};
    call("set_bits", r);
    EXPECT_EQ(r[0].as_int(), 7);
}

namespace {
std::vector<bool> collect_bits(const Dynamic& it) {
    std::vector<bool> out;
    auto cur = it.as_iterable().cursor();
    Dynamic v;
    while (cur->next(v)) out.push_back(v.as_bool());
    return out;
}
}  // namespace

TEST_F(Packages, BitsStream) {
    // loop_for_iterate_bits, bits_property_iteration
    EXPECT_EQ(collect_bits(call("bits", {I(10), I(0), I(4)})), (std::vector<bool>{false, true, false, true}));
    auto all = collect_bits(call("get$bits", {I(6)}));
    EXPECT_EQ(all.size(), 64u);
    EXPECT_EQ(std::count(all.begin(), all.end(), true), 2);
    EXPECT_EQ(collect_bits(call("bits", {I(0)})).size(), 64u);
    EXPECT_EQ(collect_bits(call("bits", {I(-1), I(-2)})).size(), 2u);
    EXPECT_EQ(collect_bits(call("bits", {I(5), Dynamic::range(0, 2, true)})), (std::vector<bool>{true, false, true}));
    EXPECT_EQ(error_of("bits", {I(1), I(64)}), "Bit-field index 64 out of bounds: only 64 bits in bit-field");
    Dynamic it = call("bits", {I(3)});
    EXPECT_EQ(collect_bits(it), collect_bits(it));  // iterating twice gives the same bits
    EXPECT_EQ(it.type_name(), "rhai::packages::iter_basic::BitRange");
}

TEST_F(Packages, IntIndexers) {
    // bits_index_range_oob_caught, bits_index_range_read_negative_number, num_bit_fields_set
    EXPECT_EQ(error_of("index$get$", {I(0xff), Dynamic::range(0, 65, false)}),
              "Bit-field index 65 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(error_of("index$get$", {I(0xff), Dynamic::range(-1, 3, false)}),
              "Bit-field index -1 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(error_of("index$get$", {I(0xff), Dynamic::range(0, 64, true)}),
              "Bit-field index 64 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(call("index$get$", {I(0xff), Dynamic::range(4, 64, false)}).as_int(), 15);
    EXPECT_EQ(call("index$get$", {I(-2), Dynamic::range(0, 8, false)}).as_int(), 254);
    EXPECT_FALSE(call("index$get$", {I(-2), I(0)}).as_bool());
    EXPECT_EQ(call("index$get$", {I(-2), Dynamic::range(1, 3, true)}).as_int(), 7);
    EXPECT_EQ(call("index$get$", {I(-2), Dynamic::range(56, 62, false)}).as_int(), 63);
    EXPECT_EQ(call("index$get$", {I(-2), Dynamic::range(0, 64, false)}).as_int(), -2);
    EXPECT_EQ(error_of("index$get$", {I(1), I(64)}), "Bit-field index 64 out of bounds: only 64 bits in bit-field");
    std::vector<Dynamic> x{I(0), I(3), Dynamic(true)};
    call("index$set$", x);
    EXPECT_EQ(x[0].as_int(), 8);
    std::vector<Dynamic> y{x[0], Dynamic::range(0, 2, false), I(3)};
    call("index$set$", y);
    EXPECT_EQ(y[0].as_int(), 11);
}

// ---- math ---------------------------------------------------------------------------------

TEST_F(Packages, MathFunctions) {
    // num_sqrt_pow_exp, num_trig, math_hyperbolic, num_constants
    EXPECT_EQ(display("sqrt", {F(16.0)}), "4.0");
    EXPECT_EQ(display("sqrt", {F(2.0)}), "1.4142135623730951");
    EXPECT_EQ(display("exp", {F(0.0)}), "1.0");
    EXPECT_EQ(display("ln", {F(1.0)}), "0.0");
    EXPECT_EQ(display("log", {F(100.0)}), "2.0");
    EXPECT_EQ(display("log", {F(8.0), F(2.0)}), "3.0");
    EXPECT_EQ(display("hypot", {F(3.0), F(4.0)}), "5.0");
    EXPECT_EQ(display("sin", {F(0.0)}), "0.0");
    EXPECT_EQ(display("cos", {F(0.0)}), "1.0");
    EXPECT_EQ(display("to_degrees", {F(M_PI)}), "180.0");
    EXPECT_EQ(display("sinh", {F(1.0)}), "1.1752011936438014");
    EXPECT_EQ(display("cosh", {F(1.0)}), "1.5430806348152437");
    EXPECT_EQ(display("tanh", {F(1.0)}), "0.7615941559557649");
    EXPECT_EQ(display("PI", {}), "3.141592653589793");
    EXPECT_EQ(display("E", {}), "2.718281828459045");
    EXPECT_TRUE(call("==", {call("*", {call("atan", {F(1.0), F(1.0)}), F(4.0)}), call("PI", {})}).as_bool());
    EXPECT_EQ(error_of("sqrt", {I(16)}), "Function not found: sqrt (i64)");
}

TEST_F(Packages, Rounding) {
    // num_float_rounding, num_sign_and_round_half, math_int_fraction_negative
    EXPECT_EQ(display("floor", {F(2.7)}), "2.0");
    EXPECT_EQ(display("ceiling", {F(2.1)}), "3.0");
    EXPECT_EQ(display("round", {F(2.5)}), "3.0");
    EXPECT_EQ(display("round", {F(-2.5)}), "-3.0");
    EXPECT_EQ(display("round", {F(-0.5)}), "-1.0");
    EXPECT_EQ(display("floor", {F(-2.1)}), "-3.0");
    EXPECT_EQ(display("int", {F(3.75)}), "3.0");
    EXPECT_EQ(display("fraction", {F(3.75)}), "0.75");
    EXPECT_EQ(display("int", {F(-3.75)}), "-3.0");
    EXPECT_EQ(display("fraction", {F(-3.75)}), "-0.75");
    EXPECT_EQ(display("get$int", {F(-3.75)}), "-3.0");
    EXPECT_EQ(call("int", {F(-0.25)}).to_debug(), "-0.0");
    EXPECT_EQ(display("fraction", {F(2.0)}), "0.0");
}

TEST_F(Packages, FloatTests) {
    // num_float_predicates, ops_float_div_zero
    EXPECT_TRUE(call("is_nan", {F(NAN)}).as_bool());
    EXPECT_FALSE(call("is_nan", {F(1.0)}).as_bool());
    EXPECT_TRUE(call("is_finite", {F(1.0)}).as_bool());
    EXPECT_FALSE(call("get$is_finite", {F(INFINITY)}).as_bool());
    EXPECT_TRUE(call("is_infinite", {F(-INFINITY)}).as_bool());
}

TEST_F(Packages, ParseInt) {
    // math_parse_int_radix_forms, num_parse_int_radix, str_parse_numbers
    EXPECT_EQ(call("parse_int", {Dynamic("FF"), I(16)}).as_int(), 255);
    EXPECT_EQ(call("parse_int", {Dynamic("-101"), I(2)}).as_int(), -5);
    EXPECT_EQ(call("parse_int", {Dynamic("+17"), I(8)}).as_int(), 15);
    EXPECT_EQ(call("parse_int", {Dynamic("Zz"), I(36)}).as_int(), 1295);
    EXPECT_EQ(call("parse_int", {Dynamic("\t99\n")}).as_int(), 99);
    EXPECT_EQ(call("parse_int", {Dynamic("  42  ")}).as_int(), 42);
    EXPECT_EQ(call("parse_int", {Dynamic("-ff"), I(16)}).as_int(), -255);
    EXPECT_EQ(call("parse_int", {Dynamic("-9223372036854775808")}).as_int(), kMin);
}

TEST_F(Packages, ParseIntErrors) {
    // err_parse_failures_messages, math_parse_int_bad_radix_caught
    EXPECT_EQ(error_of("parse_int", {Dynamic("12x")}),
              "Error parsing integer number '12x': invalid digit found in string");
    EXPECT_EQ(error_of("parse_int", {Dynamic("ff")}),
              "Error parsing integer number 'ff': invalid digit found in string");
    EXPECT_EQ(error_of("parse_int", {Dynamic("10"), I(37)}), "Invalid radix: '37'");
    EXPECT_EQ(error_of("parse_int", {Dynamic("10"), I(1)}), "Invalid radix: '1'");
    EXPECT_EQ(error_of("parse_int", {Dynamic("2"), I(2)}),
              "Error parsing integer number '2': invalid digit found in string");
    EXPECT_EQ(error_of("parse_int", {Dynamic("")}),
              "Error parsing integer number '': cannot parse integer from empty string");
    EXPECT_EQ(error_of("parse_int", {Dynamic("-")}),
              "Error parsing integer number '-': invalid digit found in string");
    EXPECT_EQ(error_of("parse_int", {Dynamic("9223372036854775808")}),
              "Error parsing integer number '9223372036854775808': number too large to fit in target type");
    EXPECT_EQ(error_of("parse_int", {Dynamic("-9223372036854775809")}),
              "Error parsing integer number '-9223372036854775809': number too small to fit in target type");
}

TEST_F(Packages, ParseFloat) {
    // math_parse_float_underscore_caught, str_parse_numbers
    EXPECT_EQ(display("parse_float", {Dynamic("2.5e-3")}), "0.0025");
    EXPECT_EQ(display("parse_float", {Dynamic("3")}), "3.0");
    EXPECT_EQ(display("parse_float", {Dynamic(" -1.5 ")}), "-1.5");
    EXPECT_EQ(display("parse_float", {Dynamic(".5")}), "0.5");
    EXPECT_EQ(display("parse_float", {Dynamic("1.")}), "1.0");
    EXPECT_EQ(display("parse_float", {Dynamic("inf")}), "inf");
    EXPECT_EQ(display("parse_float", {Dynamic("1e400")}), "inf");
    EXPECT_EQ(error_of("parse_float", {Dynamic("1_000")}),
              "Error parsing floating-point number '1_000': invalid float literal");
    EXPECT_EQ(error_of("parse_float", {Dynamic("x1")}),
              "Error parsing floating-point number 'x1': invalid float literal");
    EXPECT_EQ(error_of("parse_float", {Dynamic("0x10")}),
              "Error parsing floating-point number '0x10': invalid float literal");
    EXPECT_EQ(error_of("parse_float", {Dynamic("1e")}),
              "Error parsing floating-point number '1e': invalid float literal");
    EXPECT_EQ(error_of("parse_float", {Dynamic("")}),
              "Error parsing floating-point number '': cannot parse float from empty string");
}

TEST_F(Packages, Conversions) {
    // num_to_hex_octal_binary, str_char_to_int_and_back, num_to_int_overflow_fail
    EXPECT_EQ(display("to_hex", {I(255)}), "ff");
    EXPECT_EQ(display("to_octal", {I(8)}), "10");
    EXPECT_EQ(display("to_binary", {I(5)}), "101");
    EXPECT_EQ(display("to_hex", {I(0x1234abcd)}), "1234abcd");
    EXPECT_EQ(display("to_hex", {I(-1)}), "ffffffffffffffff");
    EXPECT_EQ(display("to_octal", {I(-1)}), "1777777777777777777777");
    EXPECT_EQ(display("to_binary", {I(0)}), "0");
    EXPECT_EQ(call("to_int", {Dynamic(U'A')}).as_int(), 65);
    EXPECT_EQ(call("to_int", {F(-3.9)}).as_int(), -3);
    EXPECT_EQ(error_of("to_int", {F(1e30)}), "Integer overflow: to_int(1000000000000000000000000000000)");
    EXPECT_EQ(display("to_float", {I(3)}), "3.0");
    EXPECT_EQ(error_of("to_char", {I(65)}), "Function not found: to_char (i64)");
}

TEST_F(Packages, FloatPowIntIsPowOfConvertedExponent) {
    // Rhai: x.powf(y as FLOAT); repeated squaring would give 0.14864362802414349.
    EXPECT_EQ(display("**", {F(1.1), I(-20)}), "0.14864362802414344");
    EXPECT_EQ(display("**", {F(2.0), I(-2)}), "0.25");
}
