// Package "iterators": range(), step ranges (integer and float) and range properties.
// Character streams (chars()) are in string_chars.cpp, bit streams (bits()) in bit_field.cpp.
//
// Step ranges are IterableObj values: immutable, so iterating one twice gives the same
// elements (like cloning a Rust iterator). Their type names are Rhai's Rust type names.
#include <cmath>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

// range(from, to, step) over INT: from, from+step, ... while < to (step > 0) or > to
// (step < 0). When the next value would overflow INT the sequence ends after the current one
// (the reference drops that last value near i64::MAX — see QUIRKS "left out").
struct StepRangeInt final : IterableObj {
    INT from, to, step;
    StepRangeInt(INT f, INT t, INT s) : from(f), to(t), step(s) {}
    std::string_view type_name() const override { return "rhai::packages::iter_basic::StepRange<i64>"; }
    struct Cur final : Cursor {
        INT cur, to, step;
        bool done;
        Cur(INT f, INT t, INT s) : cur(f), to(t), step(s), done(s > 0 ? f >= t : f <= t) {}
        bool next(Dynamic& out) override {
            if (done) return false;
            out = cur;
            INT n;
            if (__builtin_add_overflow(cur, step, &n)) done = true;
            else {
                cur = n;
                done = step > 0 ? cur >= to : cur <= to;
            }
            return true;
        }
    };
    std::unique_ptr<Cursor> cursor() const override { return std::make_unique<Cur>(from, to, step); }
};

struct StepRangeFloat final : IterableObj {
    FLOAT from, to, step;
    StepRangeFloat(FLOAT f, FLOAT t, FLOAT s) : from(f), to(t), step(s) {}
    std::string_view type_name() const override { return "rhai::packages::iter_basic::StepRange<f64>"; }
    struct Cur final : Cursor {
        FLOAT cur, to, step;
        Cur(FLOAT f, FLOAT t, FLOAT s) : cur(f), to(t), step(s) {}
        bool next(Dynamic& out) override {
            if (step > 0 ? !(cur < to) : !(cur > to)) return false;
            out = cur;
            FLOAT n = cur + step;
            // A step too small to change the value would loop forever: end instead.
            if (n == cur) to = cur;
            cur = n;
            return true;
        }
    };
    std::unique_ptr<Cursor> cursor() const override { return std::make_unique<Cur>(from, to, step); }
};

// Rhai's StepRange::new: a step that leaves `from` unchanged is ErrorInFunctionCall("range")
// around ErrorArithmetic.
[[noreturn]] void zero_step() {
    throw EvalError::in_function_call(
        "range", "", std::make_shared<EvalError>(EvalError::arithmetic("step value cannot be zero")), {});
}

Dynamic step_range(INT from, INT to, INT step) {
    if (step == 0) zero_step();
    return Dynamic::from_heap(Tag::Iterable, new StepRangeInt(from, to, step));
}

}  // namespace

void register_iterators(EngineCore& e) {
    auto& f = e.functions;
    const ParamType I = P(Tag::Int), F = P(Tag::Float), R = P(Tag::Range), RI = P(Tag::RangeInclusive);

    // range(from, to) is the exclusive range from..to itself.
    f.add("range", {I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return Dynamic::range(a[0]->as_int(), a[1]->as_int(), false);
    });
    f.add("range", {I, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return step_range(a[0]->as_int(), a[1]->as_int(), a[2]->as_int());
    });
    // Only an exclusive range takes a step (range(0..=10, 5) has no overload in Rhai).
    f.add("range", {R, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return step_range(a[0]->as_range().start, a[0]->as_range().end, a[1]->as_int());
    });
    f.add("range", {F, F, F}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        FLOAT from = a[0]->as_float(), to = a[1]->as_float(), step = a[2]->as_float();
        // Also a step too small to change `from`; a NaN step makes an empty range.
        const FLOAT n = from + step;
        if (n == from) zero_step();
        if (!((from < to && n > from) || (from > to && n < from))) to = from;  // empty
        return Dynamic::from_heap(Tag::Iterable, new StepRangeFloat(from, to, step));
    });

    // ---- range properties (methods and getters) ----
    for (ParamType r : {R, RI}) {
        for (const char* name : {"start", "get$start"})
            f.add(name, {r}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return a[0]->as_range().start; });
        for (const char* name : {"end", "get$end"})
            f.add(name, {r}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return a[0]->as_range().end; });
        for (const char* name : {"is_inclusive", "get$is_inclusive"})
            f.add(name, {r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
                return a[0]->tag() == Tag::RangeInclusive;
            });
        for (const char* name : {"is_exclusive", "get$is_exclusive"})
            f.add(name, {r}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return a[0]->tag() == Tag::Range; });
        for (const char* name : {"is_empty", "get$is_empty"})
            f.add(name, {r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
                const RangeObj& o = a[0]->as_range();
                return a[0]->tag() == Tag::Range ? o.start >= o.end : o.start > o.end;
            });
        f.add("contains", {r, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            const RangeObj& o = a[0]->as_range();
            INT x = a[1]->as_int();
            return x >= o.start && (a[0]->tag() == Tag::Range ? x < o.end : x <= o.end);
        });
        f.add("==", {r, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            return a[0]->as_range().start == a[1]->as_range().start && a[0]->as_range().end == a[1]->as_range().end;
        });
        f.add("!=", {r, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            return !(a[0]->as_range().start == a[1]->as_range().start && a[0]->as_range().end == a[1]->as_range().end);
        });
    }
}

}  // namespace rhai::packages
