// Package "byte": Rhai's u8, the element a BLOB yields when iterated (runtime/byte_value.hpp).
// u8 mixes only with u8 (checked arithmetic, comparisons) and converts explicitly to INT/FLOAT.
#include <string>

#include "packages/packages.hpp"
#include "runtime/byte_value.hpp"

namespace rhai::packages {
namespace {

ParamType u8_param() { return ParamType::custom_type<ByteValue>(); }
int byte_of(Dynamic** a, int i) { return as_byte(*a[i])->value; }

// Checked u8 result with Rhai's overflow messages ("Addition overflow: 250 + 10").
Dynamic checked(const char* what, const char* sym, int l, int r, int v) {
    if (v < 0 || v > 255)
        throw EvalError::arithmetic(std::string(what) + " overflow: " + std::to_string(l) + " " + sym + " " +
                                    std::to_string(r));
    return make_byte(uint8_t(v));
}

template <char Op>
Dynamic arith(NativeCallContext&, Dynamic** a) {
    int l = byte_of(a, 0), r = byte_of(a, 1);
    switch (Op) {
        case '+': return checked("Addition", "+", l, r, l + r);
        case '-': return checked("Subtraction", "-", l, r, l - r);
        case '*': return checked("Multiplication", "*", l, r, l * r);
        case '/':
            if (r == 0) throw EvalError::arithmetic("Division by zero: " + std::to_string(l) + " / 0");
            return make_byte(uint8_t(l / r));
        default:
            if (r == 0) throw EvalError::arithmetic("Modulo division by zero: " + std::to_string(l) + " % 0");
            return make_byte(uint8_t(l % r));
    }
}

template <int Cmp>
Dynamic compare(NativeCallContext&, Dynamic** a) {
    int l = byte_of(a, 0), r = byte_of(a, 1);
    switch (Cmp) {
        case 0: return Dynamic(l == r);
        case 1: return Dynamic(l != r);
        case 2: return Dynamic(l < r);
        case 3: return Dynamic(l <= r);
        case 4: return Dynamic(l > r);
        default: return Dynamic(l >= r);
    }
}

}  // namespace

void register_byte(EngineCore& e) {
    auto& f = e.functions;
    const std::vector<ParamType> two{u8_param(), u8_param()};
    f.add("+", two, arith<'+'>);
    f.add("-", two, arith<'-'>);
    f.add("*", two, arith<'*'>);
    f.add("/", two, arith<'/'>);
    f.add("%", two, arith<'%'>);
    f.add("==", two, compare<0>);
    f.add("!=", two, compare<1>);
    f.add("<", two, compare<2>);
    f.add("<=", two, compare<3>);
    f.add(">", two, compare<4>);
    f.add(">=", two, compare<5>);
    f.add("to_int", {u8_param()}, [](NativeCallContext&, Dynamic** a) { return Dynamic(INT(byte_of(a, 0))); });
    f.add("to_float", {u8_param()}, [](NativeCallContext&, Dynamic** a) { return Dynamic(FLOAT(byte_of(a, 0))); });
    f.add("to_string", {u8_param()},
          [](NativeCallContext&, Dynamic** a) { return Dynamic(std::to_string(byte_of(a, 0))); });
    f.add("to_debug", {u8_param()},
          [](NativeCallContext&, Dynamic** a) { return Dynamic(std::to_string(byte_of(a, 0))); });
}

}  // namespace rhai::packages
