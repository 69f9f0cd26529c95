// Calls the container packages' natives directly through a FunctionRegistry (no VM needed).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "packages/packages.hpp"
#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"
#include "runtime/engine_core.hpp"

namespace containers_test {

using namespace rhai;

struct Natives {
    EngineCore e;
    Natives() {
        packages::register_array(e);
        packages::register_map(e);
        packages::register_blob(e);
        packages::register_iterators(e);
        packages::register_fn_ptr(e);
        packages::register_time(e);
    }
    // Calls name(args...). For by-ref natives args[0] is mutated in place, as the VM does.
    Dynamic call(const std::string& name, std::vector<Dynamic>& args) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        const NativeFunction* f = e.functions.resolve(name, ptrs.data(), ptrs.size());
        if (!f) throw EvalError::function_not_found(call_signature(name, ptrs.data(), ptrs.size()));
        NativeCallContext ctx(e, name, Position{});
        return f->call(ctx, ptrs.data());
    }
    Dynamic call(const std::string& name, std::vector<Dynamic>&& args) { return call(name, args); }
    // Calls a method on `recv` (mutated in place when the native takes it by reference).
    template <class... A>
    Dynamic method(Dynamic& recv, const std::string& name, A&&... more) {
        std::vector<Dynamic> args{recv, Dynamic(std::forward<A>(more))...};
        Dynamic out = call(name, args);
        recv = args[0];
        return out;
    }
    bool has(const std::string& name, std::vector<Dynamic> args) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        return e.functions.resolve(name, ptrs.data(), ptrs.size()) != nullptr;
    }
};

inline Array ints(std::initializer_list<INT> xs) {
    Array a;
    for (INT x : xs) a.emplace_back(x);
    return a;
}

// All elements of an iterable value.
inline Array collect(const Dynamic& it) {
    Array out;
    auto c = it.as_iterable().cursor();
    Dynamic v;
    while (c->next(v)) out.push_back(v);
    return out;
}

inline std::string dbg(const Dynamic& d) { return d.to_debug(); }

}  // namespace containers_test
