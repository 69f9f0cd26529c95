// Test harness for the string packages: an EngineCore holding only the string natives, and
// helpers that resolve a function by name and argument types and call it the way the VM does
// (args[0] is the receiver's real storage for methods).
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "packages/packages.hpp"
#include "rhai/error.hpp"
#include "runtime/engine_core.hpp"

namespace strings_test {

using namespace rhai;

class StringNatives : public ::testing::Test {
protected:
    EngineCore engine;

    void SetUp() override {
        packages::register_string(engine);
        packages::register_string_more(engine);
    }

    // Calls `name(self, rest...)`; `self` is passed by reference and may be mutated.
    Dynamic call_on(std::string_view name, Dynamic& self, std::vector<Dynamic> rest = {}) {
        std::vector<Dynamic*> ptrs{&self};
        for (auto& v : rest) ptrs.push_back(&v);
        const NativeFunction* fn = engine.functions.resolve(name, ptrs.data(), ptrs.size());
        if (!fn) throw std::runtime_error("not found: " + call_signature(name, ptrs.data(), ptrs.size()));
        NativeCallContext ctx(engine, name, Position{});
        return fn->call(ctx, ptrs.data());
    }
    // Calls `name(args...)` on temporaries.
    Dynamic call(std::string_view name, std::vector<Dynamic> args) {
        Dynamic first = args.empty() ? Dynamic() : args.front();
        if (args.empty()) throw std::invalid_argument("call needs an argument");
        return call_on(name, first, std::vector<Dynamic>(args.begin() + 1, args.end()));
    }
    bool has(std::string_view name, std::vector<Dynamic> args) {
        std::vector<Dynamic*> ptrs;
        for (auto& v : args) ptrs.push_back(&v);
        return engine.functions.resolve(name, ptrs.data(), ptrs.size()) != nullptr;
    }
    // The string result of a call (fails the test if it is not a string).
    std::string text(std::string_view name, std::vector<Dynamic> args) {
        Dynamic r = call(name, std::move(args));
        EXPECT_TRUE(r.is_string()) << name << " returned " << r.type_name();
        return r.is_string() ? r.as_string() : std::string();
    }
    // Applies an in-place method to a copy of `s` and returns the edited string; the method
    // itself must return ().
    std::string edited(std::string_view name, std::string s, std::vector<Dynamic> rest = {}) {
        Dynamic self(std::move(s));
        Dynamic r = call_on(name, self, std::move(rest));
        EXPECT_TRUE(r.is_unit()) << name << " should return ()";
        return self.as_string();
    }
    // Display text of any result (arrays print as ["a", "b"]).
    std::string shown(std::string_view name, std::vector<Dynamic> args) {
        return call(name, std::move(args)).to_display();
    }
};

inline Dynamic ch(char32_t c) { return Dynamic(c); }
inline Dynamic num(INT v) { return Dynamic(v); }

}  // namespace strings_test
