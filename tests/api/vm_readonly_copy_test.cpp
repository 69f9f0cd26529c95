// A value copied out of a constant into a `let` variable is an ordinary, writable value
// (Rhai clears the read-only flag on assignment), even when a native hands the constant back
// unchanged (`*args[0]`).
#include <gtest/gtest.h>

#include "rhai/rhai.hpp"

using namespace rhai;

TEST(VmReadOnly, LetOfIdentityResultIsWritableInEval) {
    Engine engine;
    engine.register_fn("same", [](Dynamic v) { return v; });
    Scope scope;
    scope.push_constant("K", INT(3));
    // eval's top-level `let` creates a run-time variable; assigning it checks the flag.
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "eval(\"let z = same(K); z = 6; z\")"), 6);
}

TEST(VmReadOnly, LetOfIdentityResultIsWritable) {
    Engine engine;
    engine.register_fn("same", [](Dynamic v) { return v; });
    Scope scope;
    scope.push_constant("K", INT(3));
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "let z = same(K); z = 6; z"), 6);
}
