// Package "bit_field": reading and writing bits of an INT (get_bit, set_bit, get_bits,
// set_bits), the bits() stream, and the INT indexers `x[3]`, `x[0..4]`, `x[3] = true`.
//
// Rhai's rules: a bit index may be negative and then counts from the most significant end
// (-1 is bit 63, -64 is bit 0); anything outside raises ErrorBitFieldBounds
// ("Bit-field index 64 out of bounds: only 64 bits in bit-field"). Bit counts are clamped to
// the bits that remain. Range indexers do not accept negative bounds.
#include <limits>
#include <memory>

#include "packages/packages.hpp"

namespace rhai::packages {

namespace {

using Args = Dynamic**;
using Ctx = NativeCallContext&;

constexpr INT kBits = 64;

const ParamType kInt = ParamType::of(Tag::Int);
const ParamType kBool = ParamType::of(Tag::Bool);
const ParamType kRange = ParamType::of(Tag::Range);
const ParamType kRangeIncl = ParamType::of(Tag::RangeInclusive);

// Rhai's calc_index for bit positions: negative counts from the end.
INT bit_index(INT index) {
    if (index < 0) {
        if (index < -kBits) throw EvalError::bit_field_bounds(kBits, index);
        return kBits + index;
    }
    if (index >= kBits) throw EvalError::bit_field_bounds(kBits, index);
    return index;
}

// `len` low bits set (len in 0..=64).
uint64_t low_mask(INT len) { return len >= kBits ? ~uint64_t(0) : (uint64_t(1) << len) - 1; }

// Clamps a bit count starting at `bit` to the bits available.
INT clamp_len(INT bit, INT len) { return len > kBits - bit ? kBits - bit : len; }

INT get_bits(INT value, INT start, INT len) {
    if (len <= 0) return 0;
    INT bit = bit_index(start);
    len = clamp_len(bit, len);
    return static_cast<INT>((static_cast<uint64_t>(value) >> bit) & low_mask(len));
}

INT with_bits(INT value, INT start, INT len, INT new_value) {
    if (len <= 0) return value;
    INT bit = bit_index(start);
    len = clamp_len(bit, len);
    uint64_t mask = low_mask(len) << bit;
    uint64_t v = (static_cast<uint64_t>(value) & ~mask) | ((static_cast<uint64_t>(new_value) << bit) & mask);
    return static_cast<INT>(v);
}

// Ranges as (start, len) the way Rhai's range overloads of get_bits/set_bits/bits do:
// start = max(start, 0), end = max(end, start) (inclusive: max(end, start - 1)). get_bits and
// set_bits (`checked`) reject an inclusive end past bit 63; bits() clamps it.
std::pair<INT, INT> range_start_len(const Dynamic& r, bool checked) {
    const RangeObj& o = r.as_range();
    INT start = o.start < 0 ? 0 : o.start;
    if (r.tag() == Tag::RangeInclusive) {
        INT end = o.end < start - 1 ? start - 1 : o.end;
        if (checked && end >= kBits) throw EvalError::bit_field_bounds(kBits, end);
        if (end == std::numeric_limits<INT>::max()) end -= 1;
        return {start, end - start + 1};
    }
    INT end = o.end < start ? start : o.end;
    return {start, end - start};
}

// The indexer's view of a range `x[a..b]` / `x[a..=b]`: bounds must lie inside the word
// (an exclusive end may be 64); an empty range reads as 0 and writes nothing. An open end
// (`x[4..]`, stored as INT::MAX) reaches the top bit.
std::pair<INT, INT> index_range(const Dynamic& r) {
    const RangeObj& o = r.as_range();
    bool incl = r.tag() == Tag::RangeInclusive;
    INT limit = incl ? kBits - 1 : kBits;
    INT end = o.end == std::numeric_limits<INT>::max() ? limit : o.end;
    if (o.start < 0 || o.start >= kBits) throw EvalError::bit_field_bounds(kBits, o.start);
    if (end < 0 || end > limit) throw EvalError::bit_field_bounds(kBits, end);
    INT len = end - o.start + (incl ? 1 : 0);
    return {o.start, len < 0 ? 0 : len};
}

// ---- bits() --------------------------------------------------------------------------------

// The bits of a value from `from`, `len` of them, as bools (Rhai's BitRange).
struct BitRange final : IterableObj {
    INT value, from, len;
    BitRange(INT v, INT f, INT l) : value(v), from(f), len(l) {}
    std::string_view type_name() const override { return "rhai::packages::iter_basic::BitRange"; }
    struct Cur final : Cursor {
        uint64_t value;
        INT pos, end;
        Cur(INT v, INT f, INT l) : value(static_cast<uint64_t>(v)), pos(f), end(f + l) {}
        bool next(Dynamic& out) override {
            if (pos >= end) return false;
            out = Dynamic(((value >> pos) & 1) != 0);
            ++pos;
            return true;
        }
    };
    std::unique_ptr<Cursor> cursor() const override { return std::make_unique<Cur>(value, from, len); }
};

Dynamic make_bits(INT value, INT from, INT len) {
    INT bit = bit_index(from);
    len = len < 0 ? 0 : clamp_len(bit, len);
    return Dynamic::from_heap(Tag::Iterable, new BitRange(value, bit, len));
}

void register_get_set(FunctionRegistry& r) {
    r.add("get_bit", {kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return ((static_cast<uint64_t>(a[0]->as_int()) >> bit_index(a[1]->as_int())) & 1) != 0;
    });
    r.add("set_bit", {kInt, kInt, kBool}, [](Ctx, Args a) -> Dynamic {
        uint64_t mask = uint64_t(1) << bit_index(a[1]->as_int());
        uint64_t v = static_cast<uint64_t>(a[0]->as_int());
        *a[0] = Dynamic(static_cast<INT>(a[2]->as_bool() ? v | mask : v & ~mask));
        return Dynamic();
    }, true, false);

    r.add("get_bits", {kInt, kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return get_bits(a[0]->as_int(), a[1]->as_int(), a[2]->as_int());
    });
    r.add("set_bits", {kInt, kInt, kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        *a[0] = Dynamic(with_bits(a[0]->as_int(), a[1]->as_int(), a[2]->as_int(), a[3]->as_int()));
        return Dynamic();
    }, true, false);
    for (ParamType range : {kRange, kRangeIncl}) {
        r.add("get_bits", {kInt, range}, [](Ctx, Args a) -> Dynamic {
            auto [start, len] = range_start_len(*a[1], true);
            return get_bits(a[0]->as_int(), start, len);
        });
        r.add("set_bits", {kInt, range, kInt}, [](Ctx, Args a) -> Dynamic {
            auto [start, len] = range_start_len(*a[1], true);
            *a[0] = Dynamic(with_bits(a[0]->as_int(), start, len, a[2]->as_int()));
            return Dynamic();
        }, true, false);
    }
}

void register_bits_stream(FunctionRegistry& r) {
    for (const char* name : {"bits", "get$bits"})
        r.add(name, {kInt}, [](Ctx, Args a) -> Dynamic { return make_bits(a[0]->as_int(), 0, kBits); });
    r.add("bits", {kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return make_bits(a[0]->as_int(), a[1]->as_int(), kBits);
    });
    r.add("bits", {kInt, kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return make_bits(a[0]->as_int(), a[1]->as_int(), a[2]->as_int());
    });
    for (ParamType range : {kRange, kRangeIncl})
        r.add("bits", {kInt, range}, [](Ctx, Args a) -> Dynamic {
            auto [start, len] = range_start_len(*a[1], false);
            return make_bits(a[0]->as_int(), start, len);
        });
}

// Indexers: Rhai calls them "index$get$" / "index$set$".
void register_indexers(FunctionRegistry& r) {
    r.add("index$get$", {kInt, kInt}, [](Ctx, Args a) -> Dynamic {
        return ((static_cast<uint64_t>(a[0]->as_int()) >> bit_index(a[1]->as_int())) & 1) != 0;
    });
    r.add("index$set$", {kInt, kInt, kBool}, [](Ctx, Args a) -> Dynamic {
        uint64_t mask = uint64_t(1) << bit_index(a[1]->as_int());
        uint64_t v = static_cast<uint64_t>(a[0]->as_int());
        *a[0] = Dynamic(static_cast<INT>(a[2]->as_bool() ? v | mask : v & ~mask));
        return Dynamic();
    }, true, false);
    for (ParamType range : {kRange, kRangeIncl}) {
        r.add("index$get$", {kInt, range}, [](Ctx, Args a) -> Dynamic {
            auto [start, len] = index_range(*a[1]);
            if (len == 0) return INT(0);
            // Rhai shifts the masked INT right arithmetically: a field reaching bit 63 of a
            // negative value reads sign-extended (`(-5)[62..]` is -1).
            uint64_t masked = static_cast<uint64_t>(a[0]->as_int()) & (low_mask(len) << start);
            return static_cast<INT>(masked) >> start;
        });
        r.add("index$set$", {kInt, range, kInt}, [](Ctx, Args a) -> Dynamic {
            auto [start, len] = index_range(*a[1]);
            if (len > 0) *a[0] = Dynamic(with_bits(a[0]->as_int(), start, len, a[2]->as_int()));
            return Dynamic();
        }, true, false);
    }
}

}  // namespace

void register_bit_field(EngineCore& e) {
    register_get_set(e.functions);
    register_bits_stream(e.functions);
    register_indexers(e.functions);
}

}  // namespace rhai::packages
