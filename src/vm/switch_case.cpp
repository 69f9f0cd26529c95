#include "vm/switch_case.hpp"

#include <cstring>

namespace rhai::vm {

namespace {

bool same_bits(FLOAT a, FLOAT b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

bool switch_literal_hit(const Dynamic& p, const Dynamic& v) {
    if (p.tag() != v.tag()) return false;
    switch (v.tag()) {
        case Tag::Float: return same_bits(p.as_float(), v.as_float());
        case Tag::Array: {
            const Array& x = p.as_array();
            const Array& y = v.as_array();
            if (x.size() != y.size()) return false;
            for (size_t i = 0; i < x.size(); ++i)
                if (!switch_literal_hit(x[i], y[i])) return false;
            return true;
        }
        case Tag::Map: {
            const Map& x = p.as_map();
            const Map& y = v.as_map();
            if (x.size() != y.size()) return false;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
                if (i->first != j->first || !switch_literal_hit(i->second, j->second)) return false;
            return true;
        }
        default: return p == v;
    }
}

bool switch_case_hit(const Dynamic& p, const Dynamic& v) {
    if (p.is_range() && (v.is_int() || v.is_float())) {
        const RangeObj& r = p.as_range();
        bool inclusive = p.tag() != Tag::Range;
        if (v.is_int()) {
            INT n = v.as_int();
            return n >= r.start && (inclusive ? n <= r.end : n < r.end);
        }
        FLOAT f = v.as_float(), lo = FLOAT(r.start), hi = FLOAT(r.end);
        return f >= lo && (inclusive ? f <= hi : f < hi);
    }
    return switch_literal_hit(p, v);
}

}  // namespace rhai::vm
