// Regression: the public Engine found no prelude (map/filter/reduce with closures gave
// "Function not found: map (array, Fn)") because prelude_for looked for `__prelude_mode`, a
// function the prelude script itself defines, instead of a native the packages register.
#include <gtest/gtest.h>

#include "rhai/engine.hpp"

TEST(Prelude, PublicEngineRunsHigherOrderBuiltins) {
    rhai::Engine engine;
    EXPECT_EQ(engine.eval<rhai::INT>("[1, 2, 3].map(|x| x * 10).reduce(|s, x| s + x, 0)"), 60);
    EXPECT_EQ(engine.eval<rhai::INT>("[1, 2, 3, 4].filter(|x| x % 2 == 0).len()"), 2);
}
