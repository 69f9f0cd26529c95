// Places (assignment targets and method receivers) and indexing/property access.
//
// A place is a root variable (local slot or `this`) followed by index and property steps;
// walking it yields a pointer to the real storage, unsharing copy-on-write containers on the
// way (array_mut/map_mut), so `a[1].push(5)` and `m.list[0] += 1` mutate in place. Steps that
// cannot be addressed (a char of a string, a bit of an INT, a property behind a getter) are
// computed into a scratch value instead.
#include <algorithm>

#include "runtime/utf8.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

namespace {

// Rhai's index normalisation: negative counts from the end. -1 when out of bounds.
int64_t normalize_index(INT i, size_t len) {
    if (i < 0) i += INT(len);
    if (i < 0 || size_t(i) >= len) return -1;
    return i;
}

size_t char_count(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Byte offset of the char at char index `idx` (idx < char count).
size_t char_offset(const std::string& s, size_t idx) {
    size_t i = 0;
    while (idx > 0 && i < s.size()) {
        utf8_next(s, i);
        --idx;
    }
    return i;
}

// Rhai's ErrorIndexingType when no indexer fits: "Indexer unavailable: T [K]" for a read,
// "... = V" for a write (engine_type_name(): a registered custom type shows its Rhai name).
EvalError indexing_type(const std::string& what, Position pos) {
    return EvalError(ErrorKind::ErrorIndexingType, "Indexer unavailable: " + what, pos);
}

// Rhai's ErrorDotExpr for a missing getter, or a missing setter (which names the value type).
EvalError unknown_property(const std::string& type, std::string_view name, const std::string* value_type,
                           Position pos) {
    if (value_type)
        return EvalError(ErrorKind::ErrorDotExpr,
                         "No writable property '" + std::string(name) + "' - a setter is not registered for type '" +
                             type + "' to handle '" + *value_type + "'",
                         pos);
    return EvalError(ErrorKind::ErrorDotExpr,
                     "Unknown property '" + std::string(name) + "' - a getter is not registered for type '" + type +
                         "'",
                     pos);
}

INT int_key(const Dynamic& key, Position pos) {
    if (!key.is_int()) throw EvalError::mismatch_data_type("i64", key.type_name(), pos);
    return key.as_int();
}

}  // namespace

// The root variable itself (a Shared cell stays as it is).
Dynamic* Machine::place_variable(Frame& fr, const bc::Place& p, bool* is_const) {
    if (p.root == bc::Place::Root::This) return &fr.this_val;
    if (p.root == bc::Place::Root::Local) return &stack_[fr.base + p.slot];
    size_t fi = frames_.size() - 1;
    while (fi > 0 && &frames_[fi] != &fr) --fi;
    Dynamic* v = find_dyn(fi, p.root_name, is_const);
    if (!v) throw EvalError::variable_not_found(p.root_name, p.root_pos);
    return v;
}

// A `const` root: known when compiled, or (Root::Dyn) marked on the value eval defined.
bool Machine::place_constant(Frame& fr, const bc::Place& p) {
    if (p.root != bc::Place::Root::Dyn) return p.constant;
    bool is_const = false;
    return place_variable(fr, p, &is_const)->is_read_only() || is_const;
}

Dynamic* Machine::place_root(Frame& fr, const bc::Place& p, Position pos) {
    if (p.root == bc::Place::Root::This && !fr.has_this)
        throw EvalError(ErrorKind::ErrorUnboundThis, "'this' not bound", p.root_pos);
    Dynamic* root = place_variable(fr, p);
    if (root->is_shared()) root = &shared_value(*root, pos);
    return root;
}

// True when a step on `container` is answered by a getter or an index getter (a host
// function), so its value is a temporary that a setter must take back after a mutation.
static bool reads_through_function(const Dynamic& container, bool is_index) {
    if (!is_index) return !container.is_map();
    return !(container.is_array() || container.is_map() || container.is_string() || container.is_blob() ||
             container.is_int());
}

Dynamic* Machine::walk_place(Frame& fr, const bc::Place& p, Dynamic* keys, size_t steps, PlaceTemps& temps,
                             Position pos) {
    Dynamic* cur = place_root(fr, p, pos);
    size_t k = 0;
    auto keep = [&](Dynamic v, size_t step, bool is_index) {
        if (temps.temps.capacity() == 0) temps.temps.reserve(p.steps.size());
        bool through_function = reads_through_function(*cur, is_index);
        temps.temps.push_back({std::move(v), cur, uint32_t(step), is_index ? keys[k - 1] : Dynamic(), through_function});
        cur = &temps.temps.back().value;
    };
    for (size_t i = 0; i < steps; ++i) {
        const bc::Place::Step& st = p.steps[i];
        if (st.optional && cur->is_unit()) return nullptr;  // `()?[k]...`: nothing to reach
        if (st.is_index) {
            const Dynamic& key = keys[k++];
            if (cur->is_array()) {
                INT idx = int_key(key, pos);
                int64_t at = normalize_index(idx, cur->as_array().size());
                if (at < 0) throw EvalError::array_bounds(INT(cur->as_array().size()), idx, pos);
                cur = &cur->array_mut()[size_t(at)];
                continue;
            }
            if (cur->is_map() && key.is_string()) {
                Map& m = cur->map_mut();
                auto it = find_prop(m, key.as_string());
                if (it != m.end()) {
                    cur = &it->second;
                    continue;
                }
            }
            keep(get_index(*cur, key, pos, nullptr), i, true);
        } else {
            if (cur->is_map()) {
                Map& m = cur->map_mut();
                auto it = find_prop(m, st.name);
                if (it != m.end()) {
                    cur = &it->second;
                    continue;
                }
            }
            keep(get_property(*cur, st.name, pos, nullptr), i, false);
        }
    }
    return cur;
}

// The setter (or index setter) that takes back a value read through a getter (or an index
// getter). None registered: the property is read-only and nothing is fed back (false), as in
// Rhai, which also tries the indexer with the property's name before giving up.
bool Machine::feed_child(Dynamic& container, bool is_index, const Dynamic& key, const std::string& name,
                         Dynamic& value, Position pos) {
    if (!is_index) {
        std::string setter = "set$" + name;
        Dynamic* argv[2] = {&container, &value};
        if (const NativeFunction* nf = resolve_native(setter, argv, 2, nullptr)) {
            call_native(nf, setter, argv, pos);
            return true;
        }
    }
    Dynamic k = is_index ? key : Dynamic(name);
    Dynamic* argv[3] = {&container, &k, &value};
    if (const NativeFunction* nf = resolve_native("index$set$", argv, 3, nullptr)) {
        call_native(nf, "index$set$", argv, pos);
        return true;
    }
    return false;
}

void Machine::feed_back(PlaceTemps& temps, const bc::Place& p, Position pos) {
    for (size_t i = temps.temps.size(); i-- > 0;) {
        PlaceTemps::Temp& t = temps.temps[i];
        if (!t.feed_back) continue;
        const bc::Place::Step& st = p.steps[t.step];
        feed_child(*t.container, st.is_index, t.key, st.name, t.value, pos);
    }
}

void Machine::set_place(Frame& fr, const bc::Place& p, Dynamic* keys, Dynamic value, Position pos,
                        bool feeding) {
    if (place_constant(fr, p))
        throw EvalError(ErrorKind::ErrorAssignmentToConstant, "Cannot modify constant " + p.root_name, p.root_pos);
    if (p.steps.empty()) {
        *place_root(fr, p, pos) = std::move(value);
        return;
    }
    PlaceTemps temps;
    Dynamic* container = walk_place(fr, p, keys, p.steps.size() - 1, temps, pos);
    const bc::Place::Step& last = p.steps.back();
    if (!container || (last.optional && container->is_unit())) return;
    static const Dynamic no_key;
    const Dynamic& key = last.is_index ? keys[p.key_count() - 1] : no_key;
    // An element or field holding a value read from a constant (global::K) stays read-only.
    const Dynamic* old = nullptr;
    if (container->is_array() && last.is_index && key.is_int()) {
        int64_t at = normalize_index(key.as_int(), container->as_array().size());
        if (at >= 0) old = &container->as_array()[size_t(at)];
    } else if (container->is_map() && (!last.is_index || key.is_string())) {
        const Map& m = container->as_map();
        auto it = find_prop(m, last.is_index ? std::string_view(key.as_string()) : std::string_view(last.name));
        if (it != m.end()) old = &it->second;
    }
    if (old && old->is_read_only())
        throw EvalError(ErrorKind::ErrorAssignmentToConstant, "Cannot modify constant " + p.root_name, p.root_pos);
    if (feeding && reads_through_function(*container, last.is_index)) {
        feed_child(*container, last.is_index, key, last.name, value, pos);
    } else {
        // Rhai checks the data size of an assigned element (of the whole map for a property:
        // here the value and the map's own count, which set_child checks).
        if (!feeding) enforce_data_size(value, pos);
        set_child(*container, last.is_index, key, last.name, std::move(value), pos);
    }
    feed_back(temps, p, pos);
}

void Machine::update_place(Frame& fr, const bc::Place& p, Dynamic* keys, bc::BinOp op, Dynamic rhs,
                           Position pos, CacheEntry* cache) {
    if (place_constant(fr, p))
        throw EvalError(ErrorKind::ErrorAssignmentToConstant, "Cannot modify constant " + p.root_name, p.root_pos);
    Dynamic* target;
    Dynamic scratch;
    PlaceTemps temps;
    Dynamic* container = nullptr;
    if (p.steps.empty()) {
        target = place_root(fr, p, pos);
    } else {
        container = walk_place(fr, p, keys, p.steps.size() - 1, temps, pos);
        const bc::Place::Step& last = p.steps.back();
        if (!container || (last.optional && container->is_unit())) return;
        target = nullptr;
        if (last.is_index) {
            const Dynamic& key = keys[p.key_count() - 1];
            if (container->is_array() && key.is_int()) {
                int64_t at = normalize_index(key.as_int(), container->as_array().size());
                if (at < 0) throw EvalError::array_bounds(INT(container->as_array().size()), key.as_int(), pos);
                target = &container->array_mut()[size_t(at)];
            } else if (container->is_map() && key.is_string()) {
                Map& m = container->map_mut();
                auto it = find_prop(m, key.as_string());
                if (it != m.end()) target = &it->second;
            }
        } else if (container->is_map()) {
            Map& m = container->map_mut();
            auto it = find_prop(m, last.name);
            if (it != m.end()) target = &it->second;
        }
        if (!target) {
            const Dynamic& key = last.is_index ? keys[p.key_count() - 1] : scratch;
            scratch = get_child(*container, last.is_index, key, last.name, pos);
            target = &scratch;
        }
    }

    if (target != &scratch && container && target->is_read_only())
        throw EvalError(ErrorKind::ErrorAssignmentToConstant, "Cannot modify constant " + p.root_name, p.root_pos);
    apply_op_assign(*target, op, std::move(rhs), pos, cache);
    if (target == &scratch) {
        const bc::Place::Step& last = p.steps.back();
        static const Dynamic no_key;
        const Dynamic& key = last.is_index ? keys[p.key_count() - 1] : no_key;
        set_child(*container, last.is_index, key, last.name, std::move(scratch), pos);
    }
    feed_back(temps, p, pos);
}

// target op= rhs, in place where possible (INT/FLOAT, string append, `+=` natives).
void Machine::apply_op_assign(Dynamic& target, bc::BinOp op, Dynamic rhs, Position pos, CacheEntry* cache) {
    Dynamic out;
    if (binary_fast(op, target, rhs, out)) {
        target = std::move(out);
    } else if (op == bc::BinOp::Add && target.is_string() && rhs.is_string()) {
        // Checked before growing: `s += s` in a loop doubles, and must stop at the limit
        // rather than after one allocation too many.
        if (target.as_string().size() + rhs.as_string().size() > limit_string_)
            throw EvalError(ErrorKind::ErrorDataTooLarge, "Length of string too large", pos);
        target.string_mut() += rhs.as_string();
    } else if (op == bc::BinOp::Add && target.is_string() && rhs.is_char()) {
        append_utf8(target.string_mut(), rhs.as_char());
    } else {
        // Rhai tries the op-assignment function (`+=`, receiver by reference) first.
        std::string opname = std::string(bc::binop_name(op)) + "=";
        Dynamic* argv[2] = {&target, &rhs};
        if (const NativeFunction* nf = resolve_native(opname, argv, 2, nullptr); nf && nf->first_by_ref) {
            call_native(nf, opname, argv, pos);
        } else {
            Dynamic left = target;
            out = binary_slow(op, left, rhs, pos, cache);
            target = std::move(out);
        }
    }
    enforce_size(target, pos, true);
}

Dynamic Machine::get_child(Dynamic& container, bool is_index, const Dynamic& key, const std::string& name,
                           Position pos) {
    return is_index ? get_index(container, key, pos, nullptr) : get_property(container, name, pos, nullptr);
}

void Machine::set_child(Dynamic& c, bool is_index, const Dynamic& key, const std::string& name,
                        Dynamic value, Position pos) {
    if (!is_index) {
        if (c.is_map()) {
            c.map_mut().insert_or_assign(name, std::move(value));
            enforce_size(c, pos, true);  // the map may have grown
            return;
        }
        // A setter, else an indexer taking the property's name (Rhai's property-bag fallback).
        if (feed_child(c, false, key, name, value, pos)) return;
        const std::string vt = engine_type_name(engine_, value);
        throw unknown_property(engine_type_name(engine_, c), name, &vt, pos);
    }
    if (c.is_array()) {
        INT idx = int_key(key, pos);
        int64_t at = normalize_index(idx, c.as_array().size());
        if (at < 0) throw EvalError::array_bounds(INT(c.as_array().size()), idx, pos);
        c.array_mut()[size_t(at)] = std::move(value);
        return;
    }
    if (c.is_map()) {
        if (!key.is_string()) throw EvalError::mismatch_data_type("string", key.type_name(), pos);
        c.map_mut().insert_or_assign(key.as_string(), std::move(value));
        enforce_size(c, pos, true);  // the map may have grown
        return;
    }
    if (c.is_string() && key.is_int()) {
        if (!value.is_char()) throw EvalError::mismatch_data_type("char", value.type_name(), pos);
        const std::string& s = c.as_string();
        size_t n = char_count(s);
        int64_t at = normalize_index(key.as_int(), n);
        if (at < 0) throw EvalError::string_bounds(INT(n), key.as_int(), pos);
        size_t off = char_offset(s, size_t(at));
        size_t end = off;
        utf8_next(s, end);
        std::string& m = c.string_mut();
        m.replace(off, end - off, utf8_encode(value.as_char()));
        return;
    }
    if (c.is_blob()) {  // Rhai: a BLOB takes only an INT index, even with indexers registered
        INT idx = int_key(key, pos);
        // Rhai's BlobByte target names the wanted type "INT".
        if (!value.is_int()) throw EvalError::mismatch_data_type("INT", value.type_name(), pos);
        int64_t at = normalize_index(idx, c.as_blob().size());
        if (at < 0) throw EvalError::array_bounds(INT(c.as_blob().size()), key.as_int(), pos);
        c.blob_mut()[size_t(at)] = uint8_t(value.as_int());
        return;
    }
    // x[a..b] = v: Rhai's BitField target wants an "integer".
    if (c.is_int() && key.is_range() && !value.is_int())
        throw EvalError::mismatch_data_type("integer", value.type_name(), pos);
    if (c.is_int() && key.is_int()) {
        if (!value.is_bool()) throw EvalError::mismatch_data_type("bool", value.type_name(), pos);
        INT bit = key.as_int();
        if (bit < 0) bit += 64;
        if (bit < 0 || bit >= 64) throw EvalError::bit_field_bounds(64, key.as_int(), pos);
        uint64_t v = uint64_t(c.as_int());
        v = value.as_bool() ? (v | (uint64_t(1) << bit)) : (v & ~(uint64_t(1) << bit));
        c = Dynamic(INT(v));
        return;
    }
    Dynamic k = key;
    Dynamic* argv[3] = {&c, &k, &value};
    if (const NativeFunction* nf = resolve_native("index$set$", argv, 3, nullptr)) {
        call_native(nf, "index$set$", argv, pos);
        return;
    }
    if (c.is_string()) throw EvalError::mismatch_data_type("i64", key.type_name(), pos);
    throw indexing_type(engine_type_name(engine_, c) + " [" + engine_type_name(engine_, key) + "] = " +
                            engine_type_name(engine_, value),
                        pos);
}

Dynamic Machine::get_index(const Dynamic& obj, const Dynamic& idx, Position pos, CacheEntry* cache) {
    switch (obj.tag()) {
        case Tag::Array: {
            INT i = int_key(idx, pos);
            const Array& a = obj.as_array();
            int64_t at = normalize_index(i, a.size());
            if (at < 0) throw EvalError::array_bounds(INT(a.size()), i, pos);
            return a[size_t(at)];
        }
        case Tag::Map: {
            if (!idx.is_string()) throw EvalError::mismatch_data_type("string", idx.type_name(), pos);
            const Map& m = obj.as_map();
            auto it = find_prop(m, idx.as_string());
            if (it != m.end()) return it->second;
            if (engine_.fail_on_invalid_map_property)
                throw EvalError(ErrorKind::ErrorPropertyNotFound, "Property not found: " + idx.as_string(), pos);
            return Dynamic();
        }
        case Tag::String: {
            // s[a..b] goes to the strings package's index$get$ (its clamping rules).
            if (!idx.is_int()) break;
            const std::string& s = obj.as_string();
            size_t n = char_count(s);
            int64_t at = normalize_index(idx.as_int(), n);
            if (at < 0) throw EvalError::string_bounds(INT(n), idx.as_int(), pos);
            size_t off = char_offset(s, size_t(at));
            return Dynamic(utf8_next(s, off));
        }
        case Tag::Blob: {
            INT i = int_key(idx, pos);
            const Blob& b = obj.as_blob();
            int64_t at = normalize_index(i, b.size());
            if (at < 0) throw EvalError::array_bounds(INT(b.size()), i, pos);
            return Dynamic(INT(b[size_t(at)]));
        }
        case Tag::Int: {
            if (!idx.is_int()) break;
            INT bit = idx.as_int();
            if (bit < 0) bit += 64;
            if (bit < 0 || bit >= 64) throw EvalError::bit_field_bounds(64, idx.as_int(), pos);
            return Dynamic(((uint64_t(obj.as_int()) >> bit) & 1) != 0);
        }
        default:
            break;
    }
    Dynamic o = obj, k = idx;
    Dynamic* argv[2] = {&o, &k};
    if (const NativeFunction* nf = resolve_native("index$get$", argv, 2, cache))
        return call_native(nf, "index$get$", argv, pos);
    if (obj.is_string() || obj.is_int()) throw EvalError::mismatch_data_type("i64", idx.type_name(), pos);
    throw indexing_type(engine_type_name(engine_, obj) + " [" + engine_type_name(engine_, idx) + "]", pos);
}

Dynamic Machine::get_property(const Dynamic& obj, const std::string& name, Position pos, CacheEntry* cache) {
    if (obj.is_map()) {
        const Map& m = obj.as_map();
        auto it = find_prop(m, name);
        if (it != m.end()) return it->second;
        if (engine_.fail_on_invalid_map_property)
            throw EvalError(ErrorKind::ErrorPropertyNotFound, "Property not found: " + name, pos);
        return Dynamic();
    }
    std::string getter = "get$" + name;
    Dynamic o = obj;
    Dynamic* argv[1] = {&o};
    if (const NativeFunction* nf = resolve_native(getter, argv, 1, cache))
        return call_native(nf, getter, argv, pos);
    // No getter: an indexer taking the property's name answers (Rhai's property-bag fallback).
    Dynamic k(name);
    Dynamic* iargv[2] = {&o, &k};
    if (const NativeFunction* nf = resolve_native("index$get$", iargv, 2, nullptr))
        return call_native(nf, "index$get$", iargv, pos);
    throw unknown_property(engine_type_name(engine_, obj), name, nullptr, pos);
}

}  // namespace rhai::vm
