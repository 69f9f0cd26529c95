// Package "array": every array function that does not call back into script code.
// Callback-taking functions (map, filter, reduce, sort(comparer), drain(fn), ...) live in the
// prelude (prelude.cpp) so that a host call inside the callback can suspend the script.
//
// Position rules follow Rhai: negative positions count from the end; (start, len) pairs and
// ranges are clamped to the array (util::offset_len); single-element access outside the array
// gives () / does nothing.
#include <algorithm>

#include "packages/container_util.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

Array& arr_mut(Dynamic** args) { return args[0]->array_mut(); }
const Array& arr(Dynamic** args) { return args[0]->as_array(); }

Array extract_part(const Array& a, INT start, INT len) {
    if (a.empty() || len <= 0) return {};
    auto [s, n] = offset_len(a.size(), start, len);
    return Array(a.begin() + s, a.begin() + s + n);
}

Array drain_part(Array& a, INT start, INT len) {
    if (a.empty() || len <= 0) return {};
    auto [s, n] = offset_len(a.size(), start, len);
    Array out(std::make_move_iterator(a.begin() + s), std::make_move_iterator(a.begin() + s + n));
    a.erase(a.begin() + s, a.begin() + s + n);
    return out;
}

// Keeps [start, start+len) and returns everything else (front part first, then the tail).
Array retain_part(Array& a, INT start, INT len) {
    if (a.empty() || len <= 0) return {};
    auto [s, n] = offset_len(a.size(), start, len);
    if (n == 0) return {};
    Array out(std::make_move_iterator(a.begin()), std::make_move_iterator(a.begin() + s));
    out.insert(out.end(), std::make_move_iterator(a.begin() + s + n), std::make_move_iterator(a.end()));
    Array kept(std::make_move_iterator(a.begin() + s), std::make_move_iterator(a.begin() + s + n));
    a = std::move(kept);
    return out;
}

void splice_part(Array& a, INT start, INT len, Array replace) {
    if (a.empty()) {
        a = std::move(replace);
        return;
    }
    auto [s, n] = offset_len(a.size(), start, len);
    if (s >= a.size()) {
        a.insert(a.end(), std::make_move_iterator(replace.begin()), std::make_move_iterator(replace.end()));
        return;
    }
    a.erase(a.begin() + s, a.begin() + s + n);
    a.insert(a.begin() + s, std::make_move_iterator(replace.begin()), std::make_move_iterator(replace.end()));
}

Array split_at(Array& a, INT index) {
    if (a.empty()) return {};
    auto [s, n] = offset_len(a.size(), index, INT64_MAX);
    if (s >= a.size()) return {};
    Array out(std::make_move_iterator(a.begin() + s), std::make_move_iterator(a.end()));
    a.erase(a.begin() + s, a.end());
    return out;
}

INT index_of_value(NativeCallContext& ctx, const Array& a, const Dynamic& v, INT start) {
    if (a.empty()) return -1;
    auto [s, n] = offset_len(a.size(), start, 0);
    for (size_t i = s; i < a.size(); ++i)
        if (loose_equals(ctx, a[i], v)) return INT(i);
    return -1;
}

// Natural order of sort(): all elements must share one of the comparable built-in types.
// Returns false when the elements are of a type that has no natural order (left unsorted).
bool natural_sort(Array& a, bool descending) {
    if (a.size() <= 1) return true;
    Tag t = a[0].tag();
    for (const Dynamic& d : a)
        if (d.tag() != t)
            throw EvalError::function_not_found(
                "sort() cannot be called with elements of different types");
    auto by = [&](auto less) {
        if (descending)
            std::stable_sort(a.begin(), a.end(), [&](const Dynamic& x, const Dynamic& y) { return less(y, x); });
        else
            std::stable_sort(a.begin(), a.end(), less);
    };
    switch (t) {
        case Tag::Int: by([](const Dynamic& x, const Dynamic& y) { return x.as_int() < y.as_int(); }); break;
        case Tag::Float:
            // NaN compares equal to everything (Rust's partial_cmp().unwrap_or(Equal)).
            by([](const Dynamic& x, const Dynamic& y) { return x.as_float() < y.as_float(); });
            break;
        case Tag::Char: by([](const Dynamic& x, const Dynamic& y) { return x.as_char() < y.as_char(); }); break;
        case Tag::String:
            by([](const Dynamic& x, const Dynamic& y) { return x.as_string() < y.as_string(); });
            break;
        case Tag::Bool: by([](const Dynamic& x, const Dynamic& y) { return !x.as_bool() && y.as_bool(); }); break;
        default: return false;
    }
    return true;
}

bool array_equals(NativeCallContext& ctx, Dynamic** a) {
    const Array& x = a[0]->as_array();
    const Array& y = a[1]->as_array();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
        if (!loose_equals(ctx, x[i], y[i])) return false;
    return true;
}

// Every value tag that is not a function pointer: index_of(value) must not capture a FnPtr
// argument, which belongs to the prelude's index_of(filter).
constexpr Tag kValueTags[] = {Tag::Unit,  Tag::Bool,  Tag::Int,   Tag::Float,          Tag::Char,
                              Tag::Timestamp, Tag::String, Tag::Array, Tag::Map, Tag::Blob,
                              Tag::Range, Tag::RangeInclusive, Tag::Iterable, Tag::Custom};

}  // namespace

void register_array(EngineCore& e) {
    auto& f = e.functions;
    const ParamType A = P(Tag::Array), I = P(Tag::Int), R = P(Tag::Range), RI = P(Tag::RangeInclusive);

    // ---- size ----
    for (const char* name : {"len", "get$len"})
        f.add(name, {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return INT(arr(a).size()); });
    for (const char* name : {"is_empty", "get$is_empty"})
        f.add(name, {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return arr(a).empty(); });

    // ---- element access ----
    f.add("get", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        auto i = index_of_pos(arr(a).size(), a[1]->as_int());
        return i ? arr(a)[*i] : Dynamic();
    });
    f.add("set", {A, I, Any()}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (auto i = index_of_pos(arr(a).size(), a[1]->as_int())) arr_mut(a)[*i] = std::move(*a[2]);
        return {};
    }, true, false);

    // ---- growing ----
    f.add("push", {A, Any()}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        arr_mut(a).push_back(std::move(*a[1]));
        return {};
    }, true, false);
    auto append = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array other = a[1]->as_array();
        if (other.empty()) return {};
        Array& me = arr_mut(a);
        if (me.empty()) me = std::move(other);
        else me.insert(me.end(), std::make_move_iterator(other.begin()), std::make_move_iterator(other.end()));
        return {};
    };
    f.add("append", {A, A}, append, true, false);
    // `+=` with an array appends its elements; with anything else it pushes (registration
    // order matters: the first matching overload wins).
    f.add("+=", {A, A}, append, true, false);
    f.add("+=", {A, Any()}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        arr_mut(a).push_back(std::move(*a[1]));
        return {};
    }, true, false);
    f.add("+", {A, A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (a[1]->as_array().empty()) return writable(*a[0]);
        if (a[0]->as_array().empty()) return writable(*a[1]);
        Array out = a[0]->as_array();
        const Array& y = a[1]->as_array();
        out.insert(out.end(), y.begin(), y.end());
        return out;
    });
    f.add("concat", {A, A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array out = a[0]->as_array();
        const Array& y = a[1]->as_array();
        out.insert(out.end(), y.begin(), y.end());
        return out;
    });
    f.add("insert", {A, I, Any()}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array& v = arr_mut(a);
        if (v.empty()) {
            v.push_back(std::move(*a[2]));
            return {};
        }
        auto [s, n] = offset_len(v.size(), a[1]->as_int(), 0);
        if (s >= v.size()) v.push_back(std::move(*a[2]));
        else v.insert(v.begin() + s, std::move(*a[2]));
        return {};
    }, true, false);
    f.add("pad", {A, I, Any()}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (len <= 0 || uint64_t(len) <= arr(a).size()) return {};
        check_container_size(ctx, "Size of array/BLOB", len, sizeof(Dynamic), ctx.engine().limits.max_array_size);
        arr_mut(a).resize(size_t(len), *a[2]);
        return {};
    }, true, false);

    // ---- shrinking ----
    f.add("pop", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (arr(a).empty()) return {};
        Array& v = arr_mut(a);
        Dynamic out = std::move(v.back());
        v.pop_back();
        return out;
    }, true, false);
    f.add("shift", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (arr(a).empty()) return {};
        Array& v = arr_mut(a);
        Dynamic out = std::move(v.front());
        v.erase(v.begin());
        return out;
    }, true, false);
    f.add("remove", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        auto i = index_of_pos(arr(a).size(), a[1]->as_int());
        if (!i) return {};
        Array& v = arr_mut(a);
        Dynamic out = std::move(v[*i]);
        v.erase(v.begin() + *i);
        return out;
    }, true, false);
    f.add("clear", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (!arr(a).empty()) arr_mut(a).clear();
        return {};
    }, true, false);
    f.add("truncate", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (arr(a).empty() || (len > 0 && uint64_t(len) >= arr(a).size())) return {};
        Array& v = arr_mut(a);
        if (len > 0) v.resize(size_t(len));
        else v.clear();
        return {};
    }, true, false);
    f.add("chop", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        INT len = a[1]->as_int();
        if (arr(a).empty() || (len > 0 && uint64_t(len) >= arr(a).size())) return {};
        Array& v = arr_mut(a);
        if (len <= 0) v.clear();
        else v.erase(v.begin(), v.begin() + (v.size() - size_t(len)));
        return {};
    }, true, false);
    f.add("reverse", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (arr(a).size() > 1) std::reverse(arr_mut(a).begin(), arr_mut(a).end());
        return {};
    }, true, false);

    // ---- portions ----
    f.add("splice", {A, I, I, A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        splice_part(arr_mut(a), a[1]->as_int(), a[2]->as_int(), a[3]->as_array());
        return {};
    }, true, false);
    for (ParamType r : {R, RI})
        f.add("splice", {A, r, A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            splice_part(arr_mut(a), s, n, a[2]->as_array());
            return {};
        }, true, false);
    f.add("extract", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return extract_part(arr(a), a[1]->as_int(), INT64_MAX);
    });
    f.add("extract", {A, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return extract_part(arr(a), a[1]->as_int(), a[2]->as_int());
    });
    for (ParamType r : {R, RI})
        f.add("extract", {A, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return extract_part(arr(a), s, n);
        });
    f.add("split", {A, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return split_at(arr_mut(a), a[1]->as_int());
    }, true, false);
    f.add("drain", {A, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return drain_part(arr_mut(a), a[1]->as_int(), a[2]->as_int());
    }, true, false);
    for (ParamType r : {R, RI})
        f.add("drain", {A, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return drain_part(arr_mut(a), s, n);
        }, true, false);
    f.add("retain", {A, I, I}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return retain_part(arr_mut(a), a[1]->as_int(), a[2]->as_int());
    }, true, false);
    for (ParamType r : {R, RI})
        f.add("retain", {A, r}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
            auto [s, n] = range_start_len(*a[1]);
            return retain_part(arr_mut(a), s, n);
        }, true, false);

    // ---- searching (Rhai's loose `==`: 2 == 2.0, "4" == '4') ----
    f.add("contains", {A, Any()}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        for (const Dynamic& x : arr(a))
            if (loose_equals(ctx, x, *a[1])) return true;
        return false;
    });
    // A string argument goes to the prelude's index_of: Rhai first tries it as the name of a
    // predicate function, and searches for the string value only when no such function exists.
    f.add("__index_of_value", {A, Any(), I}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        return index_of_value(ctx, arr(a), *a[1], a[2]->as_int());
    });
    for (Tag t : kValueTags) {
        if (t == Tag::String) continue;
        f.add("index_of", {A, P(t)}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
            return index_of_value(ctx, arr(a), *a[1], 0);
        });
        f.add("index_of", {A, P(t), I}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
            return index_of_value(ctx, arr(a), *a[1], a[2]->as_int());
        });
    }

    // ---- equality ----
    f.add("==", {A, A}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic { return array_equals(ctx, a); });
    f.add("!=", {A, A}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic { return !array_equals(ctx, a); });

    // Used by the prelude (prelude.cpp) to reject a callback argument that is not a function:
    // raises Rhai's "Function not found: NAME (receiver type, arg types...)".
    f.add("__prelude_not_found", {P(Tag::String), Any(), A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        std::vector<Dynamic> call_args{*a[1]};
        for (const Dynamic& x : a[2]->as_array()) call_args.push_back(x);
        std::vector<Dynamic*> ptrs;
        for (Dynamic& x : call_args) ptrs.push_back(&x);
        throw EvalError::function_not_found(call_signature(a[0]->as_string(), ptrs.data(), ptrs.size()));
    });

    // ---- order ----
    f.add("dedup", {A}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        if (arr(a).size() <= 1) return {};
        Array& v = arr_mut(a);
        size_t kept = 0;
        for (size_t i = 1; i < v.size(); ++i) {
            if (loose_equals(ctx, v[kept], v[i])) continue;
            ++kept;
            if (kept != i) v[kept] = std::move(v[i]);
        }
        v.resize(kept + 1);
        return {};
    }, true, false);
    f.add("sort", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (arr(a).size() > 1) natural_sort(arr_mut(a), false);
        return {};
    }, true, false);
    f.add("sort_desc", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (arr(a).size() > 1) natural_sort(arr_mut(a), true);
        return {};
    }, true, false);
    // order()/order_desc(): sorted copies; the receiver is unchanged.
    f.add("order", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array copy = arr(a);
        natural_sort(copy, false);
        return copy;
    });
    f.add("order_desc", {A}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array copy = arr(a);
        natural_sort(copy, true);
        return copy;
    });
}

}  // namespace rhai::packages
