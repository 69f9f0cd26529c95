// Resumability: an async host call may suspend the script anywhere — inside script functions,
// closures passed to built-ins (map, filter, reduce, sort, ...), loops, try blocks, string
// interpolation, switch arms and functions of imported modules.
#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <fstream>

#include "rhai/engine.hpp"
#include "rhai/module_resolver.hpp"

using namespace rhai;

namespace {

// Every call is pending; the host answers `x * 10` (or the string's length) in FIFO order.
struct EchoHost {
    std::deque<std::pair<Completion, Dynamic>> pending;
    explicit EchoHost(Engine& engine) {
        engine.register_async_fn("fetch", [this](Completion done, Dynamic x) {
            pending.emplace_back(std::move(done), std::move(x));
        });
    }
    // Answers calls until the task finishes; returns how many it answered.
    int drive(Task& task) {
        int n = 0;
        while (task.status() == TaskStatus::Waiting) {
            EXPECT_FALSE(pending.empty());
            if (pending.empty()) break;
            auto [done, x] = std::move(pending.front());
            pending.pop_front();
            if (x.is<INT>()) done.resolve(x.cast<INT>() * 10);
            else done.resolve(Dynamic(x.to_display() + "!"));
            ++n;
        }
        return n;
    }
};

struct Case {
    const char* name;
    const char* script;
    const char* expected;  // the script's value, printed with to_string
    int calls;
};

}  // namespace

class SuspendAnywhere : public ::testing::TestWithParam<Case> {};

TEST_P(SuspendAnywhere, ScriptSuspendsAndResumesToTheSameResultAsSync) {
    const Case& c = GetParam();
    Engine engine;
    EchoHost host(engine);
    Task task = engine.eval_async(c.script);
    int calls = host.drive(task);
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->what() : "");
    EXPECT_EQ(task.result().to_display(), c.expected);
    if (c.calls >= 0) {  // -1: depends on the algorithm (sort)
        EXPECT_EQ(calls, c.calls);
    }

    // The same script where the host answers at once gives the same value.
    Engine sync;
    sync.register_async_fn("fetch", [](Completion done, Dynamic x) {
        if (x.is<INT>()) done.resolve(x.cast<INT>() * 10);
        else done.resolve(Dynamic(x.to_display() + "!"));
    });
    EXPECT_EQ(sync.eval<Dynamic>(c.script).to_display(), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Async, SuspendAnywhere,
    ::testing::Values(
        Case{"map", "[1, 2, 3].map(|x| fetch(x) + 1)", "[11, 21, 31]", 3},
        Case{"map_index", "[5, 6].map(|x, i| fetch(x) + i)", "[50, 61]", 2},
        Case{"filter", "[1, 2, 3, 4].filter(|x| fetch(x) > 20)", "[3, 4]", 4},
        Case{"reduce", "[1, 2, 3].reduce(|s, x| s + fetch(x), 0)", "60", 3},
        Case{"sort", "let a = [3, 1, 2]; a.sort(|x, y| fetch(x) - fetch(y)); a", "[1, 2, 3]", -1},
        Case{"all_some", "[1, 2].all(|x| fetch(x) > 5) && [1, 2].some(|x| fetch(x) == 20)", "true", 4},
        Case{"retain", "let a = [1, 2, 3]; a.retain(|x| fetch(x) != 20); a", "[1, 3]", 3},
        Case{"index_of", "[4, 5, 6].index_of(|x| fetch(x) == 50)", "1", 2},
        Case{"script_fn", "fn twice(x) { fetch(x) + fetch(x) } twice(2) + twice(3)", "100", 4},
        Case{"recursion", "fn sum(n) { if n == 0 { 0 } else { fetch(n) + sum(n - 1) } } sum(4)", "100", 4},
        Case{"closure_capture", "let k = 7; let f = |x| fetch(x) + k; f.call(1) + f.call(2)", "44", 2},
        Case{"fn_ptr_call", "fn g(x) { fetch(x) } let p = Fn(\"g\"); p.call(3)", "30", 1},
        Case{"curry", "let f = |a, b| fetch(a) + b; let g = f.curry(2); g.call(1)", "21", 1},
        Case{"loops", "let s = 0; for i in 0..3 { let j = 0; while j < 2 { s += fetch(i); j += 1; } } s", "60", 6},
        Case{"do_loop", "let n = 0; do { n += fetch(1); } while n < 30; n", "30", 3},
        Case{"try_block", "let r = 0; try { r = fetch(4); throw r; } catch (e) { r = e + fetch(1) } r", "50", 2},
        Case{"interpolation", "`a=${fetch(1)} b=${fetch(\"x\")}`", "a=10 b=x!", 2},
        Case{"switch", "switch fetch(1) { 10 => fetch(2), _ => 0 }", "20", 2},
        Case{"if_cond", "if fetch(1) > 5 { fetch(2) } else { fetch(3) }", "20", 2},
        Case{"method_chain", "let m = #{ v: 1 }; m.v = fetch(m.v); m.v += fetch(2); m.v", "30", 2},
        Case{"index_expr", "let a = [0, 0, 0]; a[fetch(0)] = fetch(5); a", "[50, 0, 0]", 2},
        Case{"map_object", "let obj = #{ n: 2, get: || fetch(this.n) }; obj.get()", "20", 1},
        Case{"nested_closures", "[[1, 2], [3]].map(|row| row.map(|x| fetch(x)).reduce(|s, v| s + v, 0))", "[30, 30]", 3},
        Case{"short_circuit", "fetch(0) == 0 || fetch(9) == 1", "true", 1},
        Case{"string_ops", "let s = fetch(\"ab\"); s.len() + fetch(s.len())", "33", 2},
        Case{"in_operator", "fetch(2) in [10, 20]", "true", 1},
        Case{"for_range_bound", "let s = 0; for i in 0..fetch(1) / 5 { s += i; } s", "1", 1}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(AsyncModules, FunctionsOfAnImportedScriptModuleCanSuspend) {
    Engine engine;
    EchoHost host(engine);
    auto resolver = std::make_shared<StaticModuleResolver>();
    Engine loader;
    loader.register_async_fn("fetch", [](Completion, Dynamic) {});
    AST module_ast = engine.compile(R"(
        fn get_twice(x) { fetch(x) + fetch(x + 1) }
        fn via_closure(list) { list.map(|x| fetch(x)) }
        export const BASE = 100;
    )");
    Scope scope;
    resolver->insert("remote", engine.eval_ast_as_module(scope, module_ast));
    engine.set_module_resolver(resolver);
    Task task = engine.eval_async(R"(
        import "remote" as r;
        r::get_twice(1) + r::via_closure([2, 3]).reduce(|s, v| s + v, 0) + r::BASE
    )");
    EXPECT_EQ(host.drive(task), 4);
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->what() : "");
    EXPECT_EQ(task.result<INT>(), 10 + 20 + 20 + 30 + 100);
}

// A module's top-level code runs once, when a resolver loads it (resolvers are synchronous and
// cache the module). An async call there must answer at once; a pending one is a clear error
// naming the module, and the script can catch it. Its functions, called later, may suspend.
TEST(AsyncModules, ModuleTopLevelCodeMustAnswerAtOnceButItsFunctionsMaySuspend) {
    Engine engine;
    EchoHost host(engine);
    engine.register_async_fn("cached", [](Completion done, INT x) { done.resolve(x + 1); });
    auto dir = std::filesystem::temp_directory_path() / "rhai_async_module_test";
    std::filesystem::create_directories(dir);
    {
        std::ofstream f(dir / "config.rhai");
        f << "export let value = cached(4);\nfn read() { fetch(5) }\n";
        std::ofstream g(dir / "waits.rhai");
        g << "export let value = fetch(4);\n";
    }
    engine.set_module_resolver(std::make_shared<FileModuleResolver>(dir));
    Task task = engine.eval_async(R"(import "config" as c; c::value + c::read())");
    EXPECT_EQ(host.drive(task), 1);
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->what() : "");
    EXPECT_EQ(task.result<INT>(), 55);

    Task bad = engine.eval_async(R"(let r = ""; try { import "waits" as w; } catch (e) { r = e.message; } r)");
    ASSERT_EQ(bad.status(), TaskStatus::Done) << (bad.error() ? bad.error()->what() : "");
    std::string msg = bad.result<std::string>();
    EXPECT_NE(msg.find("waits"), std::string::npos) << msg;
    EXPECT_NE(msg.find("fetch"), std::string::npos) << msg;
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

// Operators, property and index access on host types are native calls the VM cannot park a
// script in. An async host function registered there works when it answers at once, and
// otherwise fails the task with a clear error (the host's call is cancelled), never leaving
// the script running on a missing value.
namespace {
struct Account {
    INT id = 0;
};
}  // namespace

TEST(AsyncNativeSites, GettersIndexersAndOperatorsAnswerAtOnceOrFailClearly) {
    Engine engine;
    engine.register_type_with_name<Account>("Account");
    engine.register_fn("account", [](INT id) { return Account{id}; });
    std::deque<Completion> later;
    std::vector<CancelReason> cancels;
    // Answers at once for even ids, later for odd ones.
    auto answer = [&](Completion done, INT value, INT id) {
        if (id % 2 == 0) {
            done.resolve(value);
            return;
        }
        done.on_cancel([&](CancelReason r) { cancels.push_back(r); });
        later.push_back(std::move(done));
    };
    engine.register_async_fn("get$balance", [&](Completion done, Account a) { answer(std::move(done), a.id * 100, a.id); });
    engine.register_async_fn("index$get$", [&](Completion done, Account a, INT i) { answer(std::move(done), a.id + i, a.id); });
    engine.register_async_fn("+", [&](Completion done, Account a, INT n) { answer(std::move(done), a.id + n, a.id); });

    Task now = engine.eval_async("let a = account(2); a.balance + a[5] + (a + 1)");
    ASSERT_EQ(now.status(), TaskStatus::Done) << (now.error() ? now.error()->what() : "");
    EXPECT_EQ(now.result<INT>(), 200 + 7 + 3);

    for (const char* script : {"account(3).balance", "account(3)[1]", "account(3) + 1",
                               "let a = account(3); let s = `${a.balance}`; s"}) {
        Task t = engine.eval_async(script);
        ASSERT_EQ(t.status(), TaskStatus::Failed) << script;
        std::string message = t.error()->what();
        EXPECT_NE(message.find("cannot wait for the host"), std::string::npos) << script << ": " << message;
    }
    EXPECT_EQ(cancels.size(), 4u);
    EXPECT_EQ(engine.pending_call_count(), 0u);
    for (Completion& c : later) EXPECT_FALSE(c.resolve(INT(1)));  // abandoned: ignored
}

// A script method whose `this` was read through a host getter (`w.pos.bump()`) may wait for
// the host; on return `this` goes back through the setter, after the resume.
TEST(SuspendAnywhereHostTypes, MethodOnAGetterValueWaitsThenWritesBack) {
    struct Pos {
        INT x = 0;
    };
    struct World {
        Pos pos;
    };
    Engine engine;
    EchoHost host(engine);
    engine.register_type_with_name<Pos>("Pos").register_get_set(
        "x", [](const Pos& p) { return p.x; }, [](Pos& p, INT v) { p.x = v; });
    engine.register_type_with_name<World>("World")
        .register_fn("world", [] { return World{}; })
        .register_get_set(
            "pos", [](const World& w) { return w.pos; }, [](World& w, Pos p) { w.pos = p; });
    Task task = engine.eval_async(
        "fn bump(n) { this.x += fetch(n); } let w = world(); w.pos.bump(1); w.pos.bump(2); w.pos.x");
    EXPECT_EQ(host.drive(task), 2);
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->what() : "");
    EXPECT_EQ(task.result<INT>(), 30);
}
