// The prelude: Rhai's higher-order built-ins written in Rhai itself.
//
// Why script and not C++: a callback may call a host function that suspends the script
// (`urls.map(|u| fetch(u))`). The VM can set a suspended script aside only when no C++ frame
// sits between it and the callback, so every built-in that calls back into script code is
// bytecode. These are typed methods (`fn array.map(f)`): `this` is the receiver, bound by
// reference, so methods that change it (drain, retain, sort, dedup, for_each) change the
// caller's variable. They are resolved after script functions and natives (architecture.md),
// so a native overload with the same name (e.g. drain(start, len), index_of(value)) wins
// whenever its parameter types match.
//
// Callback arity, as Rhai 1.x calls callbacks (FnPtr::call_raw_with_extra_args):
//   * the element is bound to `this` and the callback called with no element argument when it
//     takes exactly the "other" arguments (`a.map(|| this * 2)`, `a.reduce(|sum| sum + this)`);
//   * otherwise it is called with the element (`|x|`), or with the element and its index when
//     it takes one more parameter (`|x, i|`, or `Fn("f")` with a two-parameter `f`).
// The choice uses the VM intrinsic `__fn_arity_ok(f, n)` (src/compiler/bytecode.hpp,
// Intrinsic::FnArityOk): true when the function pointer `f` accepts n arguments after its
// curried ones. `x.call(f, args...)` calls f with `this` bound to the variable x.
// The mode is computed once per built-in call, not per element.
//
// Errors: a callback's error propagates (the VM wraps it in ErrorInFunctionCall naming the
// built-in, as Rhai does). Unlike Rhai, an error inside a sort/dedup comparer is not
// swallowed: it propagates too.
//
// Names starting with `__` are private helpers of the prelude.
#include "packages/packages.hpp"

namespace rhai::packages {

namespace {

const char* const kPrelude = R"RHAI(
// ---------------------------------------------------------------- arrays: mapping

fn array.map(f) {
    f = __prelude_fn(f, "map", this, [f]);
    let src = this;
    let n = src.len();
    let out = [];
    if n == 0 { return out; }
    if __fn_arity_ok(f, 0) {
        for i in 0..n { let item = src[i]; out.push(item.call(f)); }
    } else if __fn_arity_ok(f, 1) {
        for i in 0..n { out.push(f.call(src[i])); }
    } else {
        for i in 0..n { out.push(f.call(src[i], i)); }
    }
    out
}

fn array.filter(f) {
    f = __prelude_fn(f, "filter", this, [f]);
    let src = this;
    let n = src.len();
    let out = [];
    if n == 0 { return out; }
    let mode = __prelude_mode(f, 0);
    for i in 0..n {
        let item = src[i];
        let keep = if mode == 0 { item.call(f) } else if mode == 1 { f.call(item) } else { f.call(item, i) };
        if keep == true { out.push(src[i]); }
    }
    out
}

fn array.for_each(f) {
    f = __prelude_fn_ptr(f, "for_each", this, [f]);
    let n = this.len();
    if n == 0 { return; }
    let zero = __fn_arity_ok(f, 0);
    for i in 0..n {
        let item = this[i];
        if zero { item.call(f); } else { item.call(f, i); }
        this[i] = item;
    }
}

fn array.zip(other, f) {
    f = __prelude_fn_ptr(f, "zip", this, [other, f]);
    let src = this;
    let n = src.len();
    if other.len() < n { n = other.len(); }
    let out = [];
    if n == 0 { return out; }
    if __fn_arity_ok(f, 2) {
        for i in 0..n { out.push(f.call(src[i], other[i])); }
    } else {
        for i in 0..n { out.push(f.call(src[i], other[i], i)); }
    }
    out
}

// ---------------------------------------------------------------- arrays: reducing

fn array.reduce(f) { this.__prelude_reduce(__prelude_fn(f, "reduce", this, [f]), (), false) }
fn array.reduce(f, initial) { this.__prelude_reduce(__prelude_fn(f, "reduce", this, [f, initial]), initial, false) }
fn array.reduce_rev(f) { this.__prelude_reduce(__prelude_fn(f, "reduce_rev", this, [f]), (), true) }
fn array.reduce_rev(f, initial) { this.__prelude_reduce(__prelude_fn(f, "reduce_rev", this, [f, initial]), initial, true) }

// The accumulator is the first argument; the element is the second (or `this` when the
// callback takes only the accumulator); the index is the optional third.
fn array.__prelude_reduce(f, acc, rev) {
    let src = this;
    let n = src.len();
    if n == 0 { return acc; }
    let mode = __prelude_mode(f, 1);
    for k in 0..n {
        let i = if rev { n - 1 - k } else { k };
        let item = src[i];
        acc = if mode == 0 { item.call(f, acc) } else if mode == 1 { f.call(acc, item) } else { f.call(acc, item, i) };
    }
    acc
}

// ---------------------------------------------------------------- arrays: searching

fn array.some(f) { this.__prelude_find_index(__prelude_fn(f, "some", this, [f]), 0) >= 0 }
fn array.all(f) {
    f = __prelude_fn(f, "all", this, [f]);
    let src = this;
    let n = src.len();
    if n == 0 { return true; }
    let mode = __prelude_mode(f, 0);
    for i in 0..n {
        let item = src[i];
        let ok = if mode == 0 { item.call(f) } else if mode == 1 { f.call(item) } else { f.call(item, i) };
        if ok != true { return false; }
    }
    true
}

fn array.index_of(f) { this.index_of(f, 0) }
fn array.index_of(f, start) {
    if type_of(f) != "string" {
        return this.__prelude_find_index(__prelude_fn(f, "index_of", this, [f, start]), start);
    }
    // Rhai: a string names a predicate; when no function of that name can be called, the
    // string itself is searched for.
    if this.len() == 0 { return -1; }
    try {
        return this.__prelude_find_index(Fn(f), start);
    } catch (e) {
        if type_of(e) != "map" || !e.message.starts_with("Function not found: " + f) { throw; }
    }
    this.__index_of_value(f, start)
}

fn array.find(f) { this.find(__prelude_fn_ptr(f, "find", this, [f]), 0) }
fn array.find(f, start) {
    let i = this.__prelude_find_index(__prelude_fn_ptr(f, "find", this, [f, start]), start);
    if i < 0 { () } else { this[i] }
}

fn array.find_map(f) { this.find_map(__prelude_fn_ptr(f, "find_map", this, [f]), 0) }
fn array.find_map(f, start) {
    f = __prelude_fn_ptr(f, "find_map", this, [f, start]);
    let src = this;
    let n = src.len();
    if n == 0 { return (); }
    let s = __prelude_start(start, n);
    let mode = __prelude_mode(f, 0);
    for i in s..n {
        let item = src[i];
        let v = if mode == 0 { item.call(f) } else if mode == 1 { f.call(item) } else { f.call(item, i) };
        if type_of(v) != "()" { return v; }
    }
    ()
}

// Index of the first element (from `start`, negative counts from the end) for which the
// predicate returns true; -1 if none.
fn array.__prelude_find_index(f, start) {
    let src = this;
    let n = src.len();
    if n == 0 { return -1; }
    let s = __prelude_start(start, n);
    let mode = __prelude_mode(f, 0);
    for i in s..n {
        let item = src[i];
        let hit = if mode == 0 { item.call(f) } else if mode == 1 { f.call(item) } else { f.call(item, i) };
        if hit == true { return i; }
    }
    -1
}

// ---------------------------------------------------------------- arrays: in-place changes

// Removes the elements the predicate accepts and returns them.
fn array.drain(f) { this.__prelude_split_by(__prelude_fn(f, "drain", this, [f]), true) }
// Keeps the elements the predicate accepts and returns the others.
fn array.retain(f) { this.__prelude_split_by(__prelude_fn(f, "retain", this, [f]), false) }

fn array.__prelude_split_by(f, take_matches) {
    let src = this;
    let n = src.len();
    let taken = [];
    if n == 0 { return taken; }
    let kept = [];
    let mode = __prelude_mode(f, 0);
    for i in 0..n {
        let item = src[i];
        let hit = if mode == 0 { item.call(f) } else if mode == 1 { f.call(item) } else { f.call(item, i) };
        if (hit == true) == take_matches { taken.push(src[i]); } else { kept.push(src[i]); }
    }
    this = kept;
    taken
}

// Removes consecutive elements for which comparer(previous kept element, element) is true.
fn array.dedup(comparer) {
    comparer = __prelude_fn(comparer, "dedup", this, [comparer]);
    let src = this;
    let n = src.len();
    if n <= 1 { return; }
    let last = src[0];
    let kept = [last];
    for i in 1..n {
        let item = src[i];
        if comparer.call(last, item) != true {
            kept.push(item);
            last = item;
        }
    }
    this = kept;
}

// A stable bottom-up merge sort. It calls comparer(right, left) and takes the right element
// first only when that says "less": an INT < 0 or `true` (a bool comparer means "is less").
// Any other result counts as "not less", so inconsistent comparers still give a permutation
// of the input in O(n log n) calls.
fn array.sort(comparer) {
    comparer = __prelude_fn(comparer, "sort", this, [comparer]);
    let n = this.len();
    if n <= 1 { return; }
    let src = this;
    let dst = src;
    let width = 1;
    while width < n {
        let lo = 0;
        while lo < n {
            let mid = lo + width;
            if mid > n { mid = n; }
            let hi = mid + width;
            if hi > n { hi = n; }
            let i = lo;
            let j = mid;
            let k = lo;
            while i < mid && j < hi {
                let r = comparer.call(src[j], src[i]);
                let right_first = if type_of(r) == "i64" { r < 0 } else { r == true };
                if right_first { dst[k] = src[j]; j += 1; } else { dst[k] = src[i]; i += 1; }
                k += 1;
            }
            while i < mid { dst[k] = src[i]; i += 1; k += 1; }
            while j < hi { dst[k] = src[j]; j += 1; k += 1; }
            lo = hi;
        }
        let t = src;
        src = dst;
        dst = t;
        width *= 2;
    }
    this = src;
}

// A sorted copy; the receiver is unchanged. Only a function pointer: Rhai 1.25 has no
// by-name form of order.
fn array.order(comparer) {
    comparer = __prelude_fn_ptr(comparer, "order", this, [comparer]);
    let copy = this;
    copy.sort(comparer);
    copy
}

// Rhai's other names of sort(comparer) and order(comparer), function pointers only.
fn array.sort_by(comparer) {
    comparer = __prelude_fn_ptr(comparer, "sort_by", this, [comparer]);
    this.sort(comparer);
}
fn array.order_by(comparer) {
    comparer = __prelude_fn_ptr(comparer, "order_by", this, [comparer]);
    this.order(comparer)
}

// ---------------------------------------------------------------- object maps

// Map callbacks are called with the key; the value is bound to `this` when the callback takes
// only the key (`|k| this > 1`), else passed as the second argument (`|k, v| v > 1`).
fn map.map(f) {
    f = __prelude_fn_ptr(f, "map", this, [f]);
    let src = this;
    let out = #{};
    let with_this = __fn_arity_ok(f, 1);
    for k in src.keys() {
        let v = src[k];
        out[k] = if with_this { v.call(f, k) } else { f.call(k, v) };
    }
    out
}

fn map.filter(f) {
    f = __prelude_fn_ptr(f, "filter", this, [f]);
    let src = this;
    let out = #{};
    let with_this = __fn_arity_ok(f, 1);
    for k in src.keys() {
        let v = src[k];
        let keep = if with_this { v.call(f, k) } else { f.call(k, v) };
        if keep == true { out[k] = src[k]; }
    }
    out
}

// Removes the entries the predicate accepts and returns them.
fn map.drain(f) { this.__prelude_split_by(__prelude_fn_ptr(f, "drain", this, [f]), true) }
// Keeps the entries the predicate accepts and returns the others.
fn map.retain(f) { this.__prelude_split_by(__prelude_fn_ptr(f, "retain", this, [f]), false) }

fn map.__prelude_split_by(f, take_matches) {
    let src = this;
    let taken = #{};
    let kept = #{};
    let with_this = __fn_arity_ok(f, 1);
    for k in src.keys() {
        let v = src[k];
        let hit = if with_this { v.call(f, k) } else { f.call(k, v) };
        if (hit == true) == take_matches { taken[k] = v; } else { kept[k] = v; }
    }
    this = kept;
    taken
}

// ---------------------------------------------------------------- helpers

// The callback argument of a built-in: a function pointer, or a function name as a string
// (Rhai's older by-name forms). Anything else is Rhai's "Function not found: map (array, i64)"
// for the built-in's signature (`args` are the built-in's arguments after the receiver).
fn __prelude_fn(f, name, receiver, args) {
    if type_of(f) == "Fn" { return f; }
    if type_of(f) == "string" { return Fn(f); }
    __prelude_not_found(name, receiver, args)
}
// A callback that must be a function pointer: Rhai 1.25 has by-name forms only for the array
// methods map, filter, index_of, some, all, dedup, reduce, reduce_rev, sort, drain and retain
// (src/api/deprecated.rs), none for find, find_map, for_each, zip or the object-map methods.
fn __prelude_fn_ptr(f, name, receiver, args) {
    if type_of(f) == "Fn" { return f; }
    __prelude_not_found(name, receiver, args)
}

// How to call a per-element callback that takes `others` arguments besides the element:
// 0 = element as `this`, 1 = with the element, 2 = with the element and its index.
fn __prelude_mode(f, others) {
    if __fn_arity_ok(f, others) { 0 } else if __fn_arity_ok(f, others + 1) { 1 } else { 2 }
}

// A start position: negative counts from the end; before the front means 0.
fn __prelude_start(start, n) {
    if start >= 0 { start } else if start < -n { 0 } else { n + start }
}
)RHAI";

}  // namespace

const char* prelude_source() { return kPrelude; }

}  // namespace rhai::packages
