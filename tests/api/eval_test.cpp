// eval / run / compile / eval_ast / call_fn and the raw engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "test_types.hpp"

using namespace rhai;

TEST(Eval, TypedResults) {
    Engine engine;
    EXPECT_EQ(engine.eval<INT>("40 + 2"), 42);
    EXPECT_EQ(engine.eval<std::string>(R"("a" + "b")"), "ab");
    EXPECT_EQ(engine.eval<bool>("1 < 2"), true);
    EXPECT_DOUBLE_EQ(engine.eval<double>("1.5 * 2.0"), 3.0);
    EXPECT_EQ(engine.eval<char32_t>("'x'"), U'x');
    Dynamic d = engine.eval("[1, 2, 3]");
    ASSERT_TRUE(d.is<Array>());
    EXPECT_EQ(d.cast<Array>().size(), 3u);
    EXPECT_TRUE(engine.eval(";").is_unit());
    Map m = engine.eval<Map>("#{a: 1, b: \"two\"}");
    EXPECT_EQ(m.at("b").cast<std::string>(), "two");
}

// The higher-order built-ins (map, filter, reduce, ...) are the script prelude; the public
// Engine once ran without it, so every callback method was "Function not found".
TEST(Eval, HigherOrderBuiltinsAreAvailable) {
    Engine engine;
    EXPECT_EQ(engine.eval<INT>("[1].map(|x| x + 41)[0]"), 42);
    EXPECT_EQ(engine.eval<INT>("[1, 2, 3].reduce(|sum, v| sum + v, 0)"), 6);
    EXPECT_EQ(engine.eval<INT>("fn is_two(x) { x == 2 } [1, 2, 3, 2].index_of(\"is_two\", 2)"), 3);
}

TEST(Eval, WrongOutputTypeIsMismatchError) {
    Engine engine;
    try {
        (void)engine.eval<INT>(R"("hello")");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorMismatchOutputType);
        EXPECT_NE(e.message().find("string"), std::string::npos) << e.message();
    }
}

TEST(Eval, RunDiscardsTheValueAndPrints) {
    Engine engine;
    api_test::PrintLog log;
    log.attach(engine);
    engine.run(R"(let x = 6; print(x * 7); x)");
    EXPECT_EQ(log.lines, (std::vector<std::string>{"42"}));
}

TEST(Eval, RawEngineHasNoPackages) {
    Engine engine;
    EXPECT_EQ(engine.eval<INT>(R"("abc".len())"), 3);
    Engine raw = Engine::new_raw();
    EXPECT_EQ(raw.eval<INT>("1 + 2"), 3);  // operators on built-in types are always there
    try {
        raw.eval<INT>(R"("abc".len())");
        FAIL() << "len() must not exist in a raw engine";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
    }
    raw.register_fn("len", [](const std::string& s) { return INT(s.size()); });
    EXPECT_EQ(raw.eval<INT>(R"("abcd".len())"), 4);
}

TEST(Eval, CompileOnceRunMany) {
    Engine engine;
    AST ast = engine.compile("let total = 0; for i in 0..n { total += i; } total");
    for (INT n = 0; n < 50; ++n) {
        Scope scope;
        scope.push("n", n);
        EXPECT_EQ(engine.eval_ast_with_scope<INT>(scope, ast), n * (n - 1) / 2);
    }
    AST constant = engine.compile("21 * 2");
    EXPECT_EQ(engine.eval_ast<INT>(constant), 42);
    EXPECT_NO_THROW(engine.run_ast(constant));
    EXPECT_TRUE(engine.eval_ast(AST()).is_unit());
}

TEST(Eval, CallFnCallsScriptFunctions) {
    Engine engine;
    AST ast = engine.compile(R"(
        const OFFSET = 100;
        fn add(a, b) { a + b + global::OFFSET }
        fn greet(name) { `hello, ${name}` }
        private fn hidden() { 1 }
    )");
    Scope scope;
    EXPECT_EQ(engine.call_fn<INT>(scope, ast, "add", 1, 2), 103);
    EXPECT_EQ(engine.call_fn<std::string>(scope, ast, "greet", "ann"), "hello, ann");
    EXPECT_TRUE(scope.is_empty()) << "call_fn rewinds the scope";

    ASSERT_TRUE(ast.has_function("add", 2));
    EXPECT_FALSE(ast.has_function("add", 1));
    std::vector<std::string> names;
    for (const auto& f : ast.functions()) names.push_back(f.name);
    EXPECT_NE(std::find(names.begin(), names.end(), "greet"), names.end());

    try {
        engine.call_fn<INT>(scope, ast, "missing", 1);
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
        EXPECT_NE(e.message().find("missing"), std::string::npos) << e.message();
    }
}

TEST(Eval, CompileFileAndSourceName) {
    auto file = api_test::write_temp_script("rhai_api_compile_file", "answer.rhai", "fn answer() { 42 }\nanswer()\n");
    auto dir = file.parent_path();
    Engine engine;
    AST ast = engine.compile_file(file);
    EXPECT_EQ(engine.eval_ast<INT>(ast), 42);
    EXPECT_EQ(ast.source(), file.string());
    EXPECT_EQ(engine.eval_file<INT>(file), 42);
    EXPECT_THROW(engine.compile_file(dir / "missing.rhai"), Error);
}

TEST(Eval, CallFnRawControlsStatementsAndRewind) {
    Engine engine;
    api_test::PrintLog log;
    log.attach(engine);
    AST ast = engine.compile(R"(
        print("top level ran");
        let created = 1;
        fn double(x) { x * 2 }
    )");
    Scope scope;
    // eval_ast = false: the top-level statements do not run.
    std::vector<Dynamic> args{Dynamic(INT(21))};
    EXPECT_EQ(engine.call_fn_raw(scope, ast, "double", args, false, true).cast<INT>(), 42);
    EXPECT_TRUE(log.lines.empty());
    // rewind_scope = false: variables of the top-level statements stay in the scope.
    EXPECT_EQ(engine.call_fn_raw(scope, ast, "double", args, true, false).cast<INT>(), 42);
    EXPECT_EQ(log.lines, (std::vector<std::string>{"top level ran"}));
    EXPECT_EQ(scope.get_value<INT>("created"), 1);
    // call_fn calls script functions only, not natives of the same name.
    try {
        engine.call_fn<INT>(scope, ast, "abs", INT(-1));
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
    }
}

TEST(Eval, RegisterNativeWithExplicitSignature) {
    Engine engine;
    NativeFunction fn;
    fn.name = "sum_all";
    fn.params = {ParamType::of(Tag::Array)};
    fn.invoke = [](const void*, NativeCallContext&, Dynamic** args) -> Dynamic {
        INT total = 0;
        for (const Dynamic& v : args[0]->as_array())
            if (v.is_int()) total += v.as_int();
        return Dynamic(total);
    };
    engine.register_native(std::move(fn));
    EXPECT_EQ(engine.eval<INT>("sum_all([1, 2, 3, \"x\"])"), 6);
    EXPECT_EQ(engine.eval<INT>("[4, 5].sum_all()"), 9);
}
