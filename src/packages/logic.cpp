// Package "logic": comparison operators for numbers, chars, bools and (), logical not, and
// min/max of numbers.
//
// Float comparisons use Rhai's tolerance (runtime/float_compare.hpp), also when one side is an
// INT (Rhai promotes it): `0.1 + 0.2 == 0.3`, `2 == 2.0`. Values of unrelated types have no
// native here; the VM answers `false` for them (`1 < "a"`), as the reference does.
// Strings and string/char pairs are compared by the string package.
#include "packages/packages.hpp"
#include "runtime/float_compare.hpp"

namespace rhai::packages {

namespace {

using Args = Dynamic**;
using Ctx = NativeCallContext&;

const ParamType kInt = ParamType::of(Tag::Int);
const ParamType kFloat = ParamType::of(Tag::Float);
const ParamType kChar = ParamType::of(Tag::Char);
const ParamType kBool = ParamType::of(Tag::Bool);
const ParamType kUnit = ParamType::of(Tag::Unit);

FLOAT num(const Dynamic& d) { return d.is_int() ? FLOAT(d.as_int()) : d.as_float(); }

// The six comparison natives for one pair of parameter types, from a three-way "less" and
// "equal" on the values.
template <class T, T (*Get)(const Dynamic&)>
void add_ordered(FunctionRegistry& r, ParamType x, ParamType y) {
    r.add("==", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) == Get(*a[1]); });
    r.add("!=", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) != Get(*a[1]); });
    r.add("<", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) < Get(*a[1]); });
    r.add("<=", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) <= Get(*a[1]); });
    r.add(">", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) > Get(*a[1]); });
    r.add(">=", {x, y}, [](Ctx, Args a) -> Dynamic { return Get(*a[0]) >= Get(*a[1]); });
}

INT get_int(const Dynamic& d) { return d.as_int(); }
char32_t get_char(const Dynamic& d) { return d.as_char(); }
bool get_bool(const Dynamic& d) { return d.as_bool(); }

void add_float_comparisons(FunctionRegistry& r, ParamType x, ParamType y) {
    r.add("==", {x, y}, [](Ctx, Args a) -> Dynamic { return float_eq(num(*a[0]), num(*a[1])); });
    r.add("!=", {x, y}, [](Ctx, Args a) -> Dynamic { return float_ne(num(*a[0]), num(*a[1])); });
    r.add("<", {x, y}, [](Ctx, Args a) -> Dynamic { return float_lt(num(*a[0]), num(*a[1])); });
    r.add("<=", {x, y}, [](Ctx, Args a) -> Dynamic { return float_le(num(*a[0]), num(*a[1])); });
    r.add(">", {x, y}, [](Ctx, Args a) -> Dynamic { return float_gt(num(*a[0]), num(*a[1])); });
    r.add(">=", {x, y}, [](Ctx, Args a) -> Dynamic { return float_ge(num(*a[0]), num(*a[1])); });
}

// min/max: INT pairs stay INT; any FLOAT makes the result FLOAT (`min(1, 2.5)` is 1.0).
void add_min_max(FunctionRegistry& r) {
    r.add("max", {kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return a[0]->as_int() >= a[1]->as_int() ? a[0]->as_int() : a[1]->as_int();
    });
    r.add("min", {kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return a[0]->as_int() <= a[1]->as_int() ? a[0]->as_int() : a[1]->as_int();
    });
    for (auto [x, y] : {std::pair{kFloat, kFloat}, std::pair{kInt, kFloat}, std::pair{kFloat, kInt}}) {
        r.add("max", {x, y}, [](Ctx, Args a) -> Dynamic {
            FLOAT p = num(*a[0]), q = num(*a[1]);
            return p >= q ? p : q;
        });
        r.add("min", {x, y}, [](Ctx, Args a) -> Dynamic {
            FLOAT p = num(*a[0]), q = num(*a[1]);
            return p <= q ? p : q;
        });
    }
}

}  // namespace

void register_logic(EngineCore& e) {
    FunctionRegistry& r = e.functions;
    add_ordered<INT, get_int>(r, kInt, kInt);
    add_ordered<char32_t, get_char>(r, kChar, kChar);
    add_ordered<bool, get_bool>(r, kBool, kBool);
    add_float_comparisons(r, kFloat, kFloat);
    add_float_comparisons(r, kInt, kFloat);
    add_float_comparisons(r, kFloat, kInt);

    // () equals only (); it is never less or greater than anything.
    r.add("==", {kUnit, kUnit}, [](Ctx, Args) -> Dynamic { return true; });
    r.add("!=", {kUnit, kUnit}, [](Ctx, Args) -> Dynamic { return false; });
    for (const char* op : {"<", "<=", ">", ">="})
        r.add(op, {kUnit, kUnit}, [](Ctx, Args) -> Dynamic { return false; });

    r.add("!", {kBool}, [](Ctx, Args a) -> Dynamic { return !a[0]->as_bool(); });
    add_min_max(r);
}

}  // namespace rhai::packages
