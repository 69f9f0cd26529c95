// Reference cycles through Shared cells are freed when the evaluation (or task, or Scope) that
// made them ends, or earlier by the VM's periodic collection (src/runtime/cycles.hpp).
// A Probe value counts its live instances, so a cycle that keeps one alive shows as a leak
// in any build, not only under LeakSanitizer.
#include <gtest/gtest.h>

#include <atomic>
#include <deque>

#include "rhai/engine.hpp"

using namespace rhai;

namespace {

std::atomic<int> live_probes{0};

struct Probe {
    Probe() { ++live_probes; }
    Probe(const Probe&) { ++live_probes; }
    ~Probe() { --live_probes; }
};

void add_probes(Engine& engine) {
    engine.register_type_with_name<Probe>("Probe");
    engine.register_fn("probe", [] { return Probe(); });
    engine.register_fn("live_probes", [] { return INT(live_probes.load()); });
}

class Cycles : public ::testing::Test {
protected:
    void SetUp() override { live_probes = 0; }
    void TearDown() override { EXPECT_EQ(live_probes.load(), 0) << "a cycle was not freed"; }
};

}  // namespace

TEST_F(Cycles, ClosureCapturingItsOwnVariable) {
    Engine engine;
    add_probes(engine);
    // The issue's example, with a probe riding in the cycle.
    EXPECT_EQ(engine.eval<INT>(R"(
        let p = probe();
        let f = 0;
        f = |x| if x > 0 { p; f.call(x - 1) } else { 0 };
        f.call(10)
    )"), 0);
}

TEST_F(Cycles, MapHoldingAClosureThatCapturesTheMap) {
    Engine engine;
    add_probes(engine);
    EXPECT_EQ(engine.eval<INT>(R"(
        let m = #{ p: probe() };
        m.size = || m.len();
        m.size.call()
    )"), 2);
}

TEST_F(Cycles, ArrayHoldingAClosureThatCapturesTheArray) {
    Engine engine;
    add_probes(engine);
    EXPECT_EQ(engine.eval<INT>(R"(
        let a = [probe()];
        a.push(|| a.len());
        a[1].call()
    )"), 2);
}

TEST_F(Cycles, CellsPointingAtEachOther) {
    Engine engine;
    add_probes(engine);
    EXPECT_TRUE(engine.eval<bool>(R"(
        let a = probe();
        let b = 0;
        let c = 0;
        b = || [a, c];
        c = || b;
        let k = || c;
        type_of(k.call()) == "Fn"
    )"));
}

TEST_F(Cycles, CyclesMadeInALoopAreCollectedWhileTheScriptRuns) {
    Engine engine;
    add_probes(engine);
    // Without the periodic collection the 50,000 probes would all be alive at the end.
    INT peak = engine.eval<INT>(R"(
        let peak = 0;
        for i in 0..50000 {
            let p = probe();
            let f = 0;
            f = || { p; f };
            if live_probes() > peak { peak = live_probes(); }
        }
        peak
    )");
    EXPECT_LT(peak, 10000);
}

TEST_F(Cycles, ReachableCellsStayIntact) {
    Engine engine;
    add_probes(engine);
    // A closure the host keeps still works after its evaluation ended; its cell was not
    // cleared by the collector at the end of the run.
    AST ast = engine.compile(R"(
        let x = 41;
        let keep = || x + 1;
        let junk = 0;
        junk = || junk;
        keep
    )");
    Dynamic f = engine.eval_ast(ast);
    ASSERT_TRUE(f.is_fn_ptr());
    Scope scope;
    scope.push_dynamic("f", f);
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "f.call()"), 42);
}

TEST_F(Cycles, ScopeVariablesInACycleAreFreedWithTheScope) {
    Engine engine;
    add_probes(engine);
    {
        Scope scope;
        engine.run_with_scope(scope, "let p = probe(); let f = 0; f = || { p; f };");
        EXPECT_EQ(live_probes.load(), 1);  // still reachable through the Scope
        EXPECT_EQ(engine.eval_with_scope<INT>(scope, "live_probes()"), 1);
    }
    EXPECT_EQ(live_probes.load(), 0);
}

TEST_F(Cycles, AsyncTaskKeepsItsCyclesUntilItEnds) {
    Engine engine;
    add_probes(engine);
    std::deque<Completion> pending;
    engine.register_async_fn("later", [&](Completion done, INT x) { pending.push_back(std::move(done)); });
    Task task = engine.eval_async(R"(
        let p = probe();
        let f = 0;
        f = |n| if n > 0 { p; f.call(n - 1) + later(n) } else { 0 };
        f.call(3)
    )");
    // Suspended three calls deep inside the recursive closure: everything is alive.
    while (!pending.empty()) {
        EXPECT_EQ(live_probes.load(), 1);
        Completion c = pending.front();
        pending.pop_front();
        c.resolve(INT(1));
    }
    EXPECT_EQ(task.status(), TaskStatus::Done);
    EXPECT_EQ(task.result<INT>(), 3);
    task = Task();
    EXPECT_EQ(live_probes.load(), 0);
}

TEST_F(Cycles, CancellingATaskFreesItsCycles) {
    Engine engine;
    add_probes(engine);
    std::deque<Completion> pending;
    engine.register_async_fn("later", [&](Completion done) { pending.push_back(std::move(done)); });
    Task task = engine.eval_async(R"(
        let p = probe();
        let f = 0;
        f = || { p; f; later() };
        f.call()
    )");
    EXPECT_EQ(task.status(), TaskStatus::Waiting);
    EXPECT_EQ(live_probes.load(), 1);
    EXPECT_TRUE(task.cancel());
    pending.clear();
    EXPECT_EQ(live_probes.load(), 0);
}
