// Run-time behaviour of modules and related VM features: import scoping, functions seeing the
// caller's imports, sub-modules through an alias, unknown namespaces, variable limits in
// functions, on_var error positions, caught throws through functions.
#include <gtest/gtest.h>

#include "error_kind.hpp"

#include "test_types.hpp"

using namespace rhai;

namespace {

std::shared_ptr<StaticModuleResolver> resolver_with_math() {
    auto sub = std::make_shared<Module>("math::consts");
    sub->set_var("E", INT(3));
    sub->set_native_fn("half", [](INT x) { return x / 2; });
    auto m = std::make_shared<Module>("math");
    m->set_native_fn("add", [](INT a, INT b) { return a + b; }).set_var("ANSWER", INT(42)).set_sub_module("consts", sub);
    auto r = std::make_shared<StaticModuleResolver>();
    r->insert("math", m);
    return r;
}

ErrorKind kind_of(Engine& engine, const char* script) { return api_test::kind_of_failure(engine, script); }

}  // namespace

TEST(ModuleRuntime, SubModulesThroughAnAlias) {
    Engine engine;
    engine.set_module_resolver(resolver_with_math());
    EXPECT_EQ(engine.eval<INT>(R"(import "math" as m; m::consts::half(m::consts::E * 2))"), 3);
    EXPECT_EQ(kind_of(engine, R"(import "math" as m; m::nothing::half(2))"), ErrorKind::ErrorModuleNotFound);
    EXPECT_EQ(kind_of(engine, R"(import "math" as m; m::missing(1))"), ErrorKind::ErrorFunctionNotFound);
    EXPECT_EQ(kind_of(engine, R"(import "math" as m; m::MISSING)"), ErrorKind::ErrorVariableNotFound);
}

TEST(ModuleRuntime, ImportsAreBlockScoped) {
    Engine engine;
    engine.set_module_resolver(resolver_with_math());
    EXPECT_EQ(engine.eval<INT>(R"({ import "math" as m; m::ANSWER })"), 42);
    EXPECT_EQ(kind_of(engine, R"({ import "math" as m; } m::ANSWER)"), ErrorKind::ErrorModuleNotFound);
    // A later import of the same alias shadows the earlier one.
    auto r = resolver_with_math();
    auto other = std::make_shared<Module>();
    other->set_var("ANSWER", INT(7));
    r->insert("other", other);
    engine.set_module_resolver(r);
    EXPECT_EQ(engine.eval<INT>(R"(import "math" as m; import "other" as m; m::ANSWER)"), 7);
}

TEST(ModuleRuntime, FunctionsSeeTheCallersImports) {
    Engine engine;
    engine.set_module_resolver(resolver_with_math());
    EXPECT_EQ(engine.eval<INT>(R"(fn f(x) { m::add(x, m::ANSWER) } import "math" as m; f(1))"), 43);
}

TEST(ModuleRuntime, ModuleVariablesAreCopies) {
    Engine engine;
    engine.set_module_resolver(resolver_with_math());
    EXPECT_EQ(engine.eval<INT>(R"(import "math" as m; let x = m::ANSWER; x += 1; x)"), 43);
}

TEST(ModuleRuntime, NoResolverMeansNotFound) {
    Engine engine;
    engine.set_module_resolver(nullptr);
    try {
        engine.run(R"(import "abc" as a;)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorModuleNotFound);
        EXPECT_EQ(e.message(), "Module not found: abc");
    }
}

TEST(ModuleRuntime, MaxVariablesCountsPerFunction) {
    Engine engine;
    engine.set_max_variables(3);
    // Each function has its own scope: parameters count, the caller's variables do not.
    EXPECT_EQ(engine.eval<INT>("fn f(a) { let b = 1; let c = 2; a + b + c } let x = 1; let y = 2; f(x + y)"), 6);
    EXPECT_EQ(kind_of(engine, "fn f(a) { let b = 1; let c = 2; let d = 3; d } f(1)"),
              ErrorKind::ErrorInFunctionCall);
    // Variables of a finished block are gone.
    EXPECT_EQ(engine.eval<INT>("let a = 1; { let b = 2; let c = 3; } { let d = 4; let e = 5; } a"), 1);
}

TEST(ModuleRuntime, OnVarErrorsCarryThePosition) {
    Engine engine;
    engine.on_var([](std::string_view name) -> std::optional<Dynamic> {
        if (name == "bad") throw EvalError(ErrorKind::ErrorForbiddenVariable, "Forbidden variable name: bad");
        return std::nullopt;
    });
    try {
        engine.eval("let x = 1;\nx + bad");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorForbiddenVariable);
        EXPECT_EQ(e.position().line, 2u);
    }
}

TEST(ModuleRuntime, CatchGetsTheThrownValueThroughFunctions) {
    Engine engine;
    EXPECT_EQ(engine.eval<INT>("fn a(x) { b(x) } fn b(x) { throw x + 1; } let r = 0; try { a(1); } catch (e) { r = e; } r"), 2);
    // Other errors are caught as the ErrorInFunctionCall map.
    EXPECT_EQ(engine.eval<std::string>(R"(fn a() { 1 / 0 } let r = ""; try { a(); } catch (e) { r = e.error; } r)"), "ErrorInFunctionCall");
}

TEST(ModuleRuntime, CustomTypeNamesInMessages) {
    Engine engine;
    api_test::register_point(engine);
    try {
        engine.eval("let p = point(1, 2); p.nothing(1)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_NE(std::string(e.message()).find("nothing (Point, i64)"), std::string::npos) << e.message();
    }
}
