// rhai::Scope on its own and round-tripping through evaluations.
#include <gtest/gtest.h>

#include "test_types.hpp"

using namespace rhai;

TEST(Scope, PushGetSetContains) {
    Scope scope;
    scope.push("x", INT(1)).push("name", std::string("ann")).push_constant("LIMIT", 10);
    EXPECT_EQ(scope.len(), 3u);
    EXPECT_TRUE(scope.contains("x"));
    EXPECT_FALSE(scope.contains("y"));
    EXPECT_EQ(scope.get_value<INT>("x"), 1);
    EXPECT_EQ(scope.get_value<std::string>("name"), "ann");
    EXPECT_EQ(scope.get_value<std::string>("x"), std::nullopt);  // wrong type
    EXPECT_EQ(scope.is_constant("LIMIT"), true);
    EXPECT_EQ(scope.is_constant("x"), false);

    scope.set_value("x", INT(5));
    EXPECT_EQ(scope.get_value<INT>("x"), 5);
    scope.set_value("fresh", true);  // set_value on a missing name pushes it
    EXPECT_EQ(scope.get_value<bool>("fresh"), true);
    EXPECT_THROW(scope.set_value("LIMIT", 1), EvalError);

    // A later push shadows an earlier one; remove() pops the newest.
    scope.push("x", INT(99));
    EXPECT_EQ(scope.get_value<INT>("x"), 99);
    EXPECT_EQ(scope.remove<INT>("x"), 99);
    EXPECT_EQ(scope.get_value<INT>("x"), 5);
}

TEST(Scope, IterationAndRewind) {
    Scope scope;
    scope.push("a", 1).push("b", 2).push_constant("c", 3);
    std::vector<std::string> names;
    INT total = 0;
    for (const auto& entry : scope) {
        names.push_back(entry.name);
        total += entry.value.cast<INT>();
    }
    EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(total, 6);
    scope.rewind(1);
    EXPECT_EQ(scope.len(), 1u);
    EXPECT_FALSE(scope.contains("b"));
    scope.clear();
    EXPECT_TRUE(scope.is_empty());
}

TEST(Scope, EvalWithScopeRoundTrip) {
    Engine engine;
    Scope scope;
    scope.push("x", INT(40));
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "x + 2"), 42);

    // The script changes a host variable and declares new ones: both are visible afterwards.
    engine.run_with_scope(scope, "x += 1; let greeting = `hi ${x}`; let list = [1, 2];");
    EXPECT_EQ(scope.get_value<INT>("x"), 41);
    EXPECT_EQ(scope.get_value<std::string>("greeting"), "hi 41");
    ASSERT_TRUE(scope.contains("list"));
    EXPECT_EQ(scope.get_value<Array>("list")->size(), 2u);

    // ...and persist into the next evaluation.
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "x + list.len()"), 43);

    size_t before = scope.len();
    engine.run_with_scope(scope, "let tmp = 1;");
    EXPECT_EQ(scope.len(), before + 1);
    scope.rewind(before);
    EXPECT_FALSE(scope.contains("tmp"));
}

TEST(Scope, ScriptCannotAssignHostConstant) {
    Engine engine;
    Scope scope;
    scope.push_constant("LIMIT", INT(3));
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "LIMIT * 2"), 6);
    try {
        engine.run_with_scope(scope, "LIMIT = 4;");
        FAIL() << "assigning a constant must fail";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorAssignmentToConstant);
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::AssignmentToConstant);
    }
    EXPECT_EQ(scope.get_value<INT>("LIMIT"), 3);
}
