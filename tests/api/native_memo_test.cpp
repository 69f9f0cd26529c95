// The engine-wide memo of native resolutions (runtime/native_memo.hpp) is keyed by name,
// argument types and registry generation: new registrations, other argument types and other
// names must never see an old answer, on any task.
#include <gtest/gtest.h>

#include "rhai/engine.hpp"

TEST(NativeMemo, RegisteringAnOverloadLaterIsSeenByNewRuns) {
    rhai::Engine engine;
    engine.register_fn("pick", [](rhai::Dynamic) { return std::string("any"); });
    rhai::AST ast = engine.compile("pick(1)");
    EXPECT_EQ(engine.eval_ast<std::string>(ast), "any");
    EXPECT_EQ(engine.eval_ast<std::string>(ast), "any");  // remembered
    engine.register_fn("pick", [](rhai::INT) { return std::string("int"); });
    EXPECT_EQ(engine.eval_ast<std::string>(ast), "int");
    EXPECT_EQ(engine.eval<std::string>(R"(pick("s"))"), "any");
}

TEST(NativeMemo, ArgumentTypesSelectTheirOwnOverload) {
    rhai::Engine engine;
    engine.register_fn("kind", [](rhai::INT) { return std::string("int"); });
    engine.register_fn("kind", [](double) { return std::string("float"); });
    engine.register_fn("kind", [](std::string) { return std::string("string"); });
    rhai::AST ast = engine.compile(R"(let out = []; for v in [1, 2.5, "x", 3] { out.push(kind(v)); } out)");
    for (int run = 0; run < 3; ++run) {
        auto out = engine.eval_ast<rhai::Array>(ast);
        ASSERT_EQ(out.size(), 4u);
        EXPECT_EQ(out[0].as_string(), "int");
        EXPECT_EQ(out[1].as_string(), "float");
        EXPECT_EQ(out[2].as_string(), "string");
        EXPECT_EQ(out[3].as_string(), "int");
    }
}

TEST(NativeMemo, TwoEnginesNeverShareAnswers) {
    rhai::Engine a, b;
    a.register_fn("who", []() { return std::string("a"); });
    b.register_fn("who", []() { return std::string("b"); });
    for (int run = 0; run < 3; ++run) {
        EXPECT_EQ(a.eval<std::string>("who()"), "a");
        EXPECT_EQ(b.eval<std::string>("who()"), "b");
    }
}

TEST(NativeMemo, ManyDistinctCallsStayCorrectPastTheTableSize) {
    rhai::Engine engine;
    std::string script = "let s = 0;";
    for (int i = 0; i < 1500; ++i) {
        engine.register_fn(std::string("f").append(std::to_string(i)), [i](rhai::INT x) { return x + i; });
        script += " s += f" + std::to_string(i) + "(1);";
    }
    script += " s";
    rhai::INT want = 1500 + 1499 * 1500 / 2;
    EXPECT_EQ(engine.eval<rhai::INT>(script), want);
    EXPECT_EQ(engine.eval<rhai::INT>(script), want);
}
