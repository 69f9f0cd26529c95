// Custom host types: names, getters/setters, indexers, printing, equality.
#include <gtest/gtest.h>

#include <map>

#include "test_types.hpp"

using namespace rhai;
using api_test::Point;

namespace {

// A sparse grid indexed by integer (row-major) and by string ("r,c").
struct Grid {
    std::map<INT, INT> cells;
    INT width = 10;
};

void register_grid(Engine& engine) {
    engine.register_type_with_name<Grid>("Grid")
        .register_fn("grid", [] { return Grid{}; })
        .register_indexer_get_set(
            [](const Grid& g, INT i) -> Result<INT> {
                if (i < 0) return EvalError::array_bounds(g.width * g.width, i);
                auto it = g.cells.find(i);
                return it == g.cells.end() ? INT(0) : it->second;
            },
            [](Grid& g, INT i, INT v) { g.cells[i] = v; })
        .register_indexer_get([](const Grid& g, const std::string& key) {
            auto comma = key.find(',');
            INT r = std::stoll(key.substr(0, comma)), c = std::stoll(key.substr(comma + 1));
            auto it = g.cells.find(r * g.width + c);
            return it == g.cells.end() ? INT(0) : it->second;
        })
        .register_get("count", [](const Grid& g) { return INT(g.cells.size()); });
}

}  // namespace

TEST(CustomType, GettersAndSetters) {
    Engine engine;
    api_test::register_point(engine);
    EXPECT_EQ(engine.eval<INT>("let p = point(1, 2); p.x = 10; p.y += 5; p.x + p.y"), 17);
    EXPECT_EQ(engine.eval<std::string>("type_of(point(0, 0))"), "Point");
    EXPECT_EQ(engine.type_name_of(typeid(Point)), "Point");
    // A property that has no getter is an error naming it.
    try {
        engine.eval("point(1, 2).z");
        FAIL();
    } catch (const EvalError& e) {
        // Rhai: ErrorDotExpr "Unknown property 'z' - a getter is not registered for type 'Point'".
        EXPECT_EQ(e.kind(), ErrorKind::ErrorDotExpr) << e.what();
        EXPECT_NE(std::string(e.what()).find("type 'Point'"), std::string::npos) << e.what();
    }
}

TEST(CustomType, NestedPropertyUpdatesWriteBack) {
    Engine engine;
    api_test::register_point(engine);
    // Updating a property of a custom value stored in an array/map writes back into it.
    EXPECT_EQ(engine.eval<INT>("let a = [point(1, 1)]; a[0].x = 5; a[0].x"), 5);
    EXPECT_EQ(engine.eval<INT>("let m = #{p: point(1, 1)}; m.p.shift(2); m.p.sum()"), 6);
}

TEST(CustomType, Indexers) {
    Engine engine;
    register_grid(engine);
    EXPECT_EQ(engine.eval<INT>("let g = grid(); g[12] = 7; g[3] = 1; g[12] + g[3] + g[4]"), 8);
    EXPECT_EQ(engine.eval<INT>(R"(let g = grid(); g[12] = 7; g["1,2"])"), 7);
    EXPECT_EQ(engine.eval<INT>("let g = grid(); g[1] = 1; g[2] = 2; g.count"), 2);
    try {
        engine.eval("let g = grid(); g[-1]");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorArrayBounds);
    }
}

TEST(CustomType, PrintingAndEquality) {
    Engine engine;
    api_test::register_point(engine);
    api_test::PrintLog log;
    log.attach(engine);
    engine.run("let p = point(3, 4); print(p); print(`at ${p}`);");
    EXPECT_EQ(log.lines, (std::vector<std::string>{"(3, 4)", "at (3, 4)"}));
    EXPECT_TRUE(engine.eval<bool>("point(1, 2) == point(1, 2)"));
    EXPECT_TRUE(engine.eval<bool>("point(1, 2) != point(2, 1)"));
}

TEST(CustomType, ValuesCrossTheBoundary) {
    Engine engine;
    api_test::register_point(engine);
    Point p = engine.eval<Point>("let p = point(1, 2); p.shift(1); p");
    EXPECT_EQ(p, (Point{2, 3}));
    Scope scope;
    scope.push("origin", Point{5, 5});
    engine.run_with_scope(scope, "origin.x = 6;");
    EXPECT_EQ(scope.get_value<Point>("origin"), (Point{6, 5}));
    EXPECT_THROW(engine.eval<INT>("point(0, 0)"), EvalError);
}
