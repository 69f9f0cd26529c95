// Callbacks and language options: on_print, on_debug, on_var, disable_symbol, custom
// operators, strict variables, optimization level, invalid map properties.
#include <gtest/gtest.h>

#include "rhai/diagnostic.hpp"
#include "test_types.hpp"

using namespace rhai;

TEST(Options, OnPrintAndOnDebug) {
    Engine engine;
    std::vector<std::string> printed, debugged;
    std::vector<Position> positions;
    engine.on_print([&](std::string_view s) { printed.emplace_back(s); });
    engine.on_debug([&](std::string_view s, std::string_view, Position pos) {
        debugged.emplace_back(s);
        positions.push_back(pos);
    });
    engine.run("print(\"hello\");\nprint(40 + 2);\ndebug(\"dbg\");");
    EXPECT_EQ(printed, (std::vector<std::string>{"hello", "42"}));
    ASSERT_EQ(debugged.size(), 1u);
    EXPECT_EQ(debugged[0], "\"dbg\"");  // debug() shows the Debug form, as Rhai
    EXPECT_EQ(positions[0].line, 3u);
}

TEST(Options, OnDebugGetsTheSource) {
    // Rhai hands debug() the running AST's source (tests/print.rs: "world" at 1:19); the
    // default output writes "source @ line:col | text".
    auto file = api_test::write_temp_script("rhai_on_debug_source", "world.rhai", "let x = \"hello!\"; debug(x)");
    Engine engine;
    std::string source, text;
    Position pos;
    engine.on_debug([&](std::string_view s, std::string_view src, Position p) {
        text = s;
        source = src;
        pos = p;
    });
    engine.run_file(file);
    EXPECT_EQ(text, "\"hello!\"");
    EXPECT_EQ(source, file.string());
    EXPECT_EQ(pos.line, 1u);
    EXPECT_EQ(pos.column, 19u);
    EXPECT_EQ(format_debug_line(text, "world", pos), "world @ 1:19 | \"hello!\"");
    EXPECT_EQ(format_debug_line("x", "world", Position{}), "world | x");
    EXPECT_EQ(format_debug_line("x", "", Position{}), "x");
    EXPECT_EQ(format_debug_line("x", "", pos), "1:19 | x");
    engine.run("debug(1)");
    EXPECT_EQ(source, "");
    std::filesystem::remove_all(file.parent_path());
}

TEST(Options, OnVarResolvesVariables) {
    Engine engine;
    std::atomic<int> asked{0};
    engine.on_var([&](std::string_view name) -> std::optional<Dynamic> {
        ++asked;
        if (name == "answer") return Dynamic(INT(42));
        if (name == "forbidden") throw EvalError(ErrorKind::ErrorForbiddenVariable, "Forbidden variable name: forbidden");
        return std::nullopt;
    });
    EXPECT_EQ(engine.eval<INT>("answer + 1"), 43);
    EXPECT_GT(asked.load(), 0);
    // Script locals are not asked for.
    EXPECT_EQ(engine.eval<INT>("let answer = 1; answer"), 1);
    try {
        engine.eval("forbidden");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorForbiddenVariable);
    }
    // nullopt falls through to normal lookup (here: not found).
    try {
        engine.eval("unknown_var");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorVariableNotFound);
    }
}

TEST(Options, DisableSymbol) {
    Engine engine;
    EXPECT_EQ(engine.eval<INT>("let i = 0; while i < 3 { i += 1; } i"), 3);
    engine.disable_symbol("while");
    EXPECT_THROW(engine.compile("let i = 0; while i < 3 { i += 1; } i"), ParseError);
    engine.disable_symbol("+=");
    EXPECT_THROW(engine.compile("let i = 0; i += 1;"), ParseError);
    EXPECT_EQ(engine.eval<INT>("let i = 0; i = i + 1; i"), 1);
}

TEST(Options, CustomOperator) {
    Engine engine;
    engine.register_custom_operator("foo", 160).register_fn("foo", [](INT a, INT b) { return a * 10 + b; });
    // Precedence 160 binds tighter than `+` (150), looser than `*` (180).
    EXPECT_EQ(engine.eval<INT>("1 foo 2"), 12);
    EXPECT_EQ(engine.eval<INT>("1 + 2 foo 3"), 1 + 23);
    EXPECT_EQ(engine.eval<INT>("2 foo 3 * 2"), 26);
    // Built-in operators and keywords cannot be redefined unless disabled first.
    EXPECT_THROW(engine.register_custom_operator("+", 10), std::invalid_argument);
    EXPECT_THROW(engine.register_custom_operator("while", 10), std::invalid_argument);
    engine.disable_symbol("while");
    EXPECT_NO_THROW(engine.register_custom_operator("while", 10));
}

TEST(Options, StrictVariables) {
    Engine engine;
    EXPECT_NO_THROW(engine.compile("let a = 1; b + a"));  // b might come from a Scope
    engine.set_strict_variables(true);
    EXPECT_TRUE(engine.strict_variables());
    try {
        engine.compile("let a = 1; b + a");
        FAIL();
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::VariableUndefined);
    }
    EXPECT_NO_THROW(engine.compile("let a = 1; a + 1"));
    EXPECT_NO_THROW(engine.compile("fn f(x) { x } f(1)"));
    // An undefined variable as the root of an assignment target or a method receiver.
    for (const char* src : {"zz[0] = 1;", "zz.x += 1;", "zz.push(1);"}) {
        try {
            engine.compile(src);
            FAIL() << src;
        } catch (const ParseError& e) {
            EXPECT_EQ(e.kind(), ParseErrorKind::VariableUndefined) << src;
            EXPECT_EQ(std::string(e.what()).find("Undefined variable: zz"), 0u) << e.what();
        }
    }
}

TEST(Options, OptimizationLevels) {
    const char* scripts[] = {"1 + 2 * 3", "let x = 10; if x > 5 { \"big\" } else { \"small\" }",
                             "const K = 4; fn f(n) { n * global::K } f(2)", "[1, 2, 3].len()"};
    for (auto level : {OptimizationLevel::None, OptimizationLevel::Simple, OptimizationLevel::Full}) {
        Engine engine;
        engine.set_optimization_level(level);
        EXPECT_EQ(engine.optimization_level(), level);
        EXPECT_EQ(engine.eval<INT>(scripts[0]), 7);
        EXPECT_EQ(engine.eval<std::string>(scripts[1]), "big");
        EXPECT_EQ(engine.eval<INT>(scripts[2]), 8);
        EXPECT_EQ(engine.eval<INT>(scripts[3]), 3);
    }
    // Folding must keep run-time errors run-time errors (and at the same place).
    Engine full;
    full.set_optimization_level(OptimizationLevel::Full);
    EXPECT_NO_THROW(full.compile("if false { 1 / 0 }"));
    EXPECT_THROW(full.eval("1 / 0"), EvalError);
}

TEST(Options, FailOnInvalidMapProperty) {
    Engine engine;
    EXPECT_TRUE(engine.eval("let m = #{a: 1}; m.b").is_unit());
    engine.set_fail_on_invalid_map_property(true);
    EXPECT_TRUE(engine.fail_on_invalid_map_property());
    EXPECT_EQ(engine.eval<INT>("let m = #{a: 1}; m.a"), 1);
    try {
        engine.eval("let m = #{a: 1};\nm.b");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorPropertyNotFound);
        EXPECT_EQ(e.position().line, 2u);
    }
}
