// Package "map": object map functions that do not call back into script code, plus JSON.
// filter/drain/retain with a (key, value) callback are in the prelude (prelude.cpp).
//
// Note: maps have no `len`/`is_empty` *properties* — `m.len` looks up the key "len" (Rhai).
#include "packages/container_util.hpp"
#include "packages/map_json.hpp"
#include "packages/packages.hpp"

namespace rhai::packages {

using namespace util;

namespace {

const Map& map(Dynamic** a) { return a[0]->as_map(); }
Map& map_mut(Dynamic** a) { return a[0]->map_mut(); }

void mixin(Map& into, const Map& from) {
    for (const auto& [k, v] : from) into.insert_or_assign(k, v);
}

bool map_equals(NativeCallContext& ctx, const Map& x, const Map& y) {
    if (x.size() != y.size()) return false;
    for (const auto& [k, v] : x) {
        auto it = y.find(k);
        if (it == y.end() || !loose_equals(ctx, v, it->second)) return false;
    }
    return true;
}

}  // namespace

void register_map(EngineCore& e) {
    auto& f = e.functions;
    const ParamType M = P(Tag::Map), S = P(Tag::String);

    f.add("len", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return INT(map(a).size()); });
    f.add("is_empty", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return map(a).empty(); });
    f.add("keys", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array out;
        out.reserve(map(a).size());
        for (const auto& kv : map(a)) out.emplace_back(kv.first);
        return out;
    });
    f.add("values", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Array out;
        out.reserve(map(a).size());
        for (const auto& kv : map(a)) out.push_back(kv.second);
        return out;
    });
    // contains() also drives `"key" in map`; a non-string key has no overload (Rhai errors).
    f.add("contains", {M, S}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return map(a).find(a[1]->as_string()) != map(a).end();
    });
    f.add("get", {M, S}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        auto it = map(a).find(a[1]->as_string());
        return it == map(a).end() ? Dynamic() : it->second;
    });
    f.add("set", {M, S, Any()}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        map_mut(a).insert_or_assign(a[1]->as_string(), std::move(*a[2]));
        return {};
    }, true, false);
    f.add("remove", {M, S}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (map(a).find(a[1]->as_string()) == map(a).end()) return {};
        Map& m = map_mut(a);
        auto it = m.find(a[1]->as_string());
        Dynamic out = std::move(it->second);
        m.erase(it);
        return out;
    }, true, false);
    f.add("clear", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (!map(a).empty()) map_mut(a).clear();
        return {};
    }, true, false);
    auto mix = [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (!a[1]->as_map().empty()) {
            Map other = a[1]->as_map();
            mixin(map_mut(a), other);
        }
        return {};
    };
    f.add("mixin", {M, M}, mix, true, false);
    f.add("+=", {M, M}, mix, true, false);
    f.add("+", {M, M}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        if (a[1]->as_map().empty()) return writable(*a[0]);
        Map out = map(a);
        mixin(out, a[1]->as_map());
        return out;
    });
    // fill_with: adds only the keys that are missing.
    f.add("fill_with", {M, M}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        Map other = a[1]->as_map();
        Map& m = map_mut(a);
        for (auto& [k, v] : other) m.try_emplace(k, std::move(v));
        return {};
    }, true, false);
    f.add("==", {M, M}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        return map_equals(ctx, map(a), a[1]->as_map());
    });
    f.add("!=", {M, M}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        return !map_equals(ctx, map(a), a[1]->as_map());
    });

    f.add("to_json", {M}, [](NativeCallContext&, Dynamic** a) -> Dynamic { return json::write(*a[0]); });
    f.add("parse_json", {S}, [](NativeCallContext&, Dynamic** a) -> Dynamic {
        return json::parse(a[0]->as_string());
    });
}

}  // namespace rhai::packages
