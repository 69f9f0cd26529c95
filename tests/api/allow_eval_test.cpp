// Engine::set_allow_eval(false) forbids `eval` in scripts: a script using it does not compile,
// and an AST compiled while eval was allowed fails at the call when run after the change.
#include <gtest/gtest.h>

#include "rhai/engine.hpp"

TEST(AllowEval, DisallowedEvalIsACompileError) {
    rhai::Engine engine;
    EXPECT_EQ(engine.eval<rhai::INT>(R"(eval("40 + 2"))"), 42);
    engine.set_allow_eval(false);
    EXPECT_THROW(engine.eval<rhai::INT>(R"(eval("1"))"), rhai::ParseError);
    EXPECT_THROW(engine.eval<rhai::INT>(R"(let x = 1; if x > 0 { eval("x") } else { 0 })"), rhai::ParseError);
    engine.set_allow_eval(true);
    EXPECT_EQ(engine.eval<rhai::INT>(R"(eval("7"))"), 7);
}

TEST(AllowEval, AstCompiledBeforeFailsAtTheCall) {
    rhai::Engine engine;
    rhai::AST ast = engine.compile(R"(let a = 1; eval("a + 1"))");
    engine.set_allow_eval(false);
    try {
        engine.eval_ast<rhai::INT>(ast);
        FAIL() << "eval ran although the host disabled it";
    } catch (const rhai::EvalError& e) {
        EXPECT_NE(std::string(e.what()).find("eval is disabled"), std::string::npos) << e.what();
        EXPECT_EQ(e.position().line, 1);
    }
}

TEST(AllowEval, OtherFunctionsNamedLikeItStillWork) {
    rhai::Engine engine;
    engine.set_allow_eval(false);
    EXPECT_EQ(engine.eval<rhai::INT>(R"(let evaluate = 3; evaluate * 2)"), 6);
    EXPECT_EQ(engine.eval<rhai::INT>(R"(#{eval_count: 4}.eval_count)"), 4);
}
