// Custom host types: names, getters/setters, indexers, printing, equality.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

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

// The script fails with an ErrorDotExpr whose message contains `text`.
void expect_dot_error(Engine& engine, const char* script, const std::string& text) {
    try {
        engine.eval(script);
        ADD_FAILURE() << script << ": no error";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorDotExpr) << e.what();
        EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(CustomType, GettersAndSetters) {
    Engine engine;
    api_test::register_point(engine);
    EXPECT_EQ(engine.eval<INT>("let p = point(1, 2); p.x = 10; p.y += 5; p.x + p.y"), 17);
    EXPECT_EQ(engine.eval<std::string>("type_of(point(0, 0))"), "Point");
    EXPECT_EQ(engine.type_name_of(typeid(Point)), "Point");
    // A property that has no getter is an error naming it (Rhai: ErrorDotExpr "Unknown
    // property 'z' - a getter is not registered for type 'Point'").
    expect_dot_error(engine, "point(1, 2).z", "Unknown property 'z' - a getter is not registered for type 'Point'");
}

TEST(CustomType, NestedPropertyUpdatesWriteBack) {
    Engine engine;
    api_test::register_point(engine);
    // Updating a property of a custom value stored in an array/map writes back into it.
    EXPECT_EQ(engine.eval<INT>("let a = [point(1, 1)]; a[0].x = 5; a[0].x"), 5);
    EXPECT_EQ(engine.eval<INT>("let m = #{p: point(1, 1)}; m.p.shift(2); m.p.sum()"), 6);
}

// A host type whose property is another host type: `e.pos.x = 1` reads `pos` through its
// getter, updates the copy, and writes it back through the `pos` setter (as Rhai does for a
// property chain); the same through an indexer (`row[0].x = 1`).
struct Entity {
    Point pos;
    std::vector<Point> points{Point{0, 0}, Point{0, 0}};
    Array list{Dynamic(INT(1)), Dynamic(INT(2))};
    INT flags = 0;
    int setter_calls = 0;
};

// A property bag: no getters or setters, only indexers by name (Rhai's fallback for both).
struct Bag {
    std::map<std::string, Dynamic> fields;
};

void register_entity(Engine& engine) {
    api_test::register_point(engine);
    engine.register_type_with_name<Entity>("Entity")
        .register_fn("entity", [] { return Entity{}; })
        .register_get_set(
            "pos", [](const Entity& e) { return e.pos; }, [](Entity& e, Point p) { e.pos = p; })
        .register_indexer_get_set(
            [](const Entity& e, INT i) { return e.points.at(static_cast<size_t>(i)); },
            [](Entity& e, INT i, Point p) { e.points.at(static_cast<size_t>(i)) = p; })
        .register_get_set(
            "list", [](const Entity& e) { return e.list; }, [](Entity& e, Array a) { e.list = std::move(a); })
        .register_get_set(
            "flags", [](const Entity& e) { return e.flags; }, [](Entity& e, INT f) { e.flags = f; })
        .register_get("fixed", [](const Entity& e) { return e.pos; })
        .register_get("setter_calls", [](const Entity& e) { return INT(e.setter_calls); })
        .register_get_set(
            "counted", [](const Entity& e) { return e.pos; },
            [](Entity& e, Point p) {
                e.pos = p;
                ++e.setter_calls;
            });
    engine.register_type_with_name<Bag>("Bag")
        .register_fn("bag", [] { return Bag{}; })
        .register_indexer_get_set(
            [](const Bag& b, const std::string& k) {
                auto it = b.fields.find(k);
                return it == b.fields.end() ? Dynamic() : it->second;
            },
            [](Bag& b, const std::string& k, Dynamic v) { b.fields[k] = std::move(v); });
}

TEST(CustomType, PropertyChainThroughHostTypesWritesBack) {
    Engine engine;
    register_entity(engine);
    const std::pair<const char*, INT> cases[] = {
        {"let e = entity(); e.pos.x = 7; e.pos.x", 7},
        {"let e = entity(); e.pos.y += 3; e.pos.y += 4; e.pos.y", 7},
        {"let e = entity(); e.pos.shift(5); e.pos.sum()", 10},
        {"let e = entity(); e[1].x = 9; e[1].x + e[0].x", 9},
        {"let e = entity(); e[0].shift(2); e[0].sum()", 4},
        // Deeper: a host type inside a map inside an array.
        {"let a = [#{e: entity()}]; a[0].e.pos.x = 4; a[0].e.pos.x", 4},
        // A script method with `this` on the nested value writes back too.
        {"fn bump() { this.x += 1 } let e = entity(); e.pos.bump(); e.pos.bump(); e.pos.x", 2},
        {"fn bump() { this.x += 1 } let e = entity(); e[1].bump(); e[1].x", 1},
        // Containers behind a getter: indexing, methods, bits.
        {"let e = entity(); e.list[1] = 5; e.list.push(7); e.list[1] + e.list[2]", 12},
        {"let e = entity(); e.list[0] += 10; e.list[0]", 11},
        {"let e = entity(); e.flags[3] = true; e.flags", 8},
        // One setter call per assignment through the chain.
        {"let e = entity(); e.counted.x = 1; e.counted.y += 2; e.setter_calls", 2},
        // A getter without a setter: the inner change is dropped, not an error (Rhai: read-only).
        {"let e = entity(); e.fixed.x = 3; e.fixed.shift(1); e.fixed.x", 0},
    };
    for (const auto& [script, want] : cases) EXPECT_EQ(engine.eval<INT>(script), want) << script;
    // ... but assigning the read-only property itself is an error naming it.
    expect_dot_error(engine, "let e = entity(); e.fixed = point(1, 1);", "No writable property 'fixed'");
}

TEST(CustomType, StringIndexerIsThePropertyFallback) {
    Engine engine;
    register_entity(engine);
    EXPECT_EQ(engine.eval<INT>("let b = bag(); b.size = 3; b[\"size\"] + b.size"), 6);
    EXPECT_EQ(engine.eval<INT>("let b = bag(); b.p = point(1, 2); b.p.x = 5; b.p.sum()"), 7);
    EXPECT_EQ(engine.eval<INT>("let b = bag(); b.n = 1; b.n += 41; b.n"), 42);
    EXPECT_TRUE(engine.eval("bag().missing").is_unit());
    // A type with neither a getter nor a string indexer still names the property.
    expect_dot_error(engine, "point(1, 2).nothing", "Unknown property 'nothing'");
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
