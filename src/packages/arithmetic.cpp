// Package "arithmetic": operators on INT and FLOAT (and mixed INT/FLOAT, which Rhai computes
// in FLOAT), unary -/+, bool bit operators, abs, sign and the is_zero/is_odd/is_even tests.
//
// The VM inlines the INT/FLOAT fast paths of these operators; the natives here are what
// `Fn("+")`, `call`, and the slow path resolve to, so both share runtime/arith.hpp.
#include <cmath>

#include "packages/packages.hpp"
#include "runtime/arith.hpp"

namespace rhai::packages {

namespace {

using Args = Dynamic**;
using Ctx = NativeCallContext&;

const ParamType kInt = ParamType::of(Tag::Int);
const ParamType kFloat = ParamType::of(Tag::Float);
const ParamType kBool = ParamType::of(Tag::Bool);

INT i(Args a, int k) { return a[k]->as_int(); }
// A numeric argument (INT or FLOAT) as FLOAT, for the mixed overloads.
FLOAT f(Args a, int k) { return a[k]->is_int() ? FLOAT(a[k]->as_int()) : a[k]->as_float(); }

// ---- INT ----------------------------------------------------------------------------------

void register_int(FunctionRegistry& r) {
    r.add("+", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::add(i(a, 0), i(a, 1)); });
    r.add("-", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::sub(i(a, 0), i(a, 1)); });
    r.add("*", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::mul(i(a, 0), i(a, 1)); });
    r.add("/", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::div(i(a, 0), i(a, 1)); });
    r.add("%", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::rem(i(a, 0), i(a, 1)); });
    r.add("**", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::pow(i(a, 0), i(a, 1)); });
    r.add("<<", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::shl(i(a, 0), i(a, 1)); });
    r.add(">>", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return arith::shr(i(a, 0), i(a, 1)); });
    r.add("&", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return i(a, 0) & i(a, 1); });
    r.add("|", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return i(a, 0) | i(a, 1); });
    r.add("^", {kInt, kInt}, [](Ctx, Args a) -> Dynamic { return i(a, 0) ^ i(a, 1); });
    r.add("-", {kInt}, [](Ctx, Args a) -> Dynamic { return arith::neg(i(a, 0)); });
    r.add("+", {kInt}, [](Ctx, Args a) -> Dynamic { return i(a, 0); });
    r.add("abs", {kInt}, [](Ctx, Args a) -> Dynamic { return arith::abs(i(a, 0)); });
    r.add("sign", {kInt}, [](Ctx, Args a) -> Dynamic {
        INT x = i(a, 0);
        return INT(x > 0) - INT(x < 0);
    });
    // Tests, also readable as properties (`7.is_odd`).
    for (const char* name : {"is_zero", "get$is_zero"})
        r.add(name, {kInt}, [](Ctx, Args a) -> Dynamic { return i(a, 0) == 0; });
    for (const char* name : {"is_odd", "get$is_odd"})
        r.add(name, {kInt}, [](Ctx, Args a) -> Dynamic { return (i(a, 0) & 1) != 0; });
    for (const char* name : {"is_even", "get$is_even"})
        r.add(name, {kInt}, [](Ctx, Args a) -> Dynamic { return (i(a, 0) & 1) == 0; });
}

// ---- FLOAT and mixed INT/FLOAT --------------------------------------------------------------

// Registers op for (FLOAT, FLOAT), (INT, FLOAT) and (FLOAT, INT): Rhai promotes the INT.
void add_float_op(FunctionRegistry& r, const char* op, SimpleNative fn) {
    r.add(op, {kFloat, kFloat}, fn);
    r.add(op, {kInt, kFloat}, fn);
    r.add(op, {kFloat, kInt}, fn);
}

void register_float(FunctionRegistry& r) {
    add_float_op(r, "+", [](Ctx, Args a) -> Dynamic { return f(a, 0) + f(a, 1); });
    add_float_op(r, "-", [](Ctx, Args a) -> Dynamic { return f(a, 0) - f(a, 1); });
    add_float_op(r, "*", [](Ctx, Args a) -> Dynamic { return f(a, 0) * f(a, 1); });
    add_float_op(r, "/", [](Ctx, Args a) -> Dynamic { return f(a, 0) / f(a, 1); });
    add_float_op(r, "%", [](Ctx, Args a) -> Dynamic { return std::fmod(f(a, 0), f(a, 1)); });
    r.add("**", {kFloat, kFloat}, [](Ctx, Args a) -> Dynamic { return arith::powf(f(a, 0), f(a, 1)); });
    r.add("**", {kInt, kFloat}, [](Ctx, Args a) -> Dynamic { return arith::powf(f(a, 0), f(a, 1)); });
    // FLOAT ** INT: Rhai's built-in operator converts the exponent (`x.powf(y as FLOAT)`).
    r.add("**", {kFloat, kInt}, [](Ctx, Args a) -> Dynamic { return arith::powf(f(a, 0), double(i(a, 1))); });

    r.add("-", {kFloat}, [](Ctx, Args a) -> Dynamic { return -a[0]->as_float(); });
    r.add("+", {kFloat}, [](Ctx, Args a) -> Dynamic { return a[0]->as_float(); });
    r.add("abs", {kFloat}, [](Ctx, Args a) -> Dynamic { return std::fabs(a[0]->as_float()); });
    r.add("sign", {kFloat}, [](Ctx, Args a) -> Dynamic {
        FLOAT x = a[0]->as_float();
        if (std::isnan(x)) throw EvalError::arithmetic("Sign of NaN is undefined");
        return INT(x > 0) - INT(x < 0);  // -0.0 and 0.0 give 0
    });
    for (const char* name : {"is_zero", "get$is_zero"})
        r.add(name, {kFloat}, [](Ctx, Args a) -> Dynamic { return a[0]->as_float() == 0.0; });
}

// ---- bool ---------------------------------------------------------------------------------

void register_bool(FunctionRegistry& r) {
    r.add("&", {kBool, kBool}, [](Ctx, Args a) -> Dynamic { return a[0]->as_bool() && a[1]->as_bool(); });
    r.add("|", {kBool, kBool}, [](Ctx, Args a) -> Dynamic { return a[0]->as_bool() || a[1]->as_bool(); });
    r.add("^", {kBool, kBool}, [](Ctx, Args a) -> Dynamic { return a[0]->as_bool() != a[1]->as_bool(); });
}

}  // namespace

void register_arithmetic(EngineCore& e) {
    register_int(e.functions);
    register_float(e.functions);
    register_bool(e.functions);
}

}  // namespace rhai::packages
