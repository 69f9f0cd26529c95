// The prelude (prelude.cpp): higher-order built-ins written in Rhai. These tests run scripts on
// the VM with a host function `fetch(x)` that suspends the script; the test completes it with
// x * 100 (or an error for negative x). They check that a suspension inside any callback —
// map, filter, reduce, sort comparers, map callbacks, for_each — resumes correctly.
#include <algorithm>
#include <random>

#include "compiler/compiler.hpp"
#include "containers_harness.hpp"
#include "vm/task.hpp"

using namespace containers_test;

namespace {

struct Runner {
    EngineCore core;
    std::shared_ptr<const Program> prelude;
    int suspensions = 0;

    Runner() {
        packages::register_standard_packages(core);
        core.functions.add("fetch", {ParamType::of(Tag::Int)}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
            ctx.suspend(uint64_t(a[0]->as_int() + 1000000));
            return {};
        });
        prelude = compiler::compile_source(packages::prelude_source(), core, "prelude");
    }

    // Runs the script to completion, completing every pending fetch; returns its value.
    Dynamic run(const std::string& src, uint64_t budget = 0) {
        auto prog = compiler::compile_source(src, core, "test");
        vm::Task task(core, prog, prelude);
        vm::Status s = task.run(budget);
        for (int guard = 0; guard < 1000000; ++guard) {
            if (s == vm::Status::Suspended) {
                ++suspensions;
                INT x = INT(task.pending_token()) - 1000000;
                if (x < 0) task.resume_with_error(EvalError::runtime(Dynamic("fetch failed")));
                else task.resume_with_value(Dynamic(x * 100));
            } else if (s != vm::Status::Yielded) {
                break;
            }
            s = task.run(budget);
        }
        if (s == vm::Status::Failed) throw task.error();
        EXPECT_EQ(s, vm::Status::Finished);
        return task.result();
    }
};

TEST(ContainersPrelude, Compiles) {
    Runner r;
    ASSERT_NE(r.prelude, nullptr);
    EXPECT_NE(std::string(packages::prelude_source()).find("fn array.map(f)"), std::string::npos);
}

TEST(ContainersPrelude, MapSuspendsPerElement) {
    Runner r;
    EXPECT_EQ(dbg(r.run("[1, 2, 3].map(|u| fetch(u))")), "[100, 200, 300]");
    EXPECT_EQ(r.suspensions, 3);
}

TEST(ContainersPrelude, FilterReduceFindSuspend) {
    Runner r;
    EXPECT_EQ(dbg(r.run("[1, 2, 3].filter(|u| fetch(u) > 150)")), "[2, 3]");
    EXPECT_EQ(r.run("[1, 2, 3].reduce(|acc, u| acc + fetch(u), 0)").as_int(), 600);
    EXPECT_EQ(r.run("[1, 2, 3].find(|u| fetch(u) == 200)").as_int(), 2);
    EXPECT_EQ(r.run("[1, 2, 3].index_of(|u| fetch(u) == 300)").as_int(), 2);
    EXPECT_TRUE(r.run("[1, 2, 3].all(|u| fetch(u) >= 100)").as_bool());
}

TEST(ContainersPrelude, SortComparerSuspends) {
    Runner r;
    EXPECT_EQ(dbg(r.run("let a = [3, 1, 2, 5, 4]; a.sort(|x, y| fetch(x) - fetch(y)); a")), "[1, 2, 3, 4, 5]");
    EXPECT_GT(r.suspensions, 5);
}

TEST(ContainersPrelude, MapCallbacksAndForEachSuspend) {
    Runner r;
    EXPECT_EQ(dbg(r.run("#{ a: 1, b: 2 }.filter(|k, v| fetch(v) > 100)")), "#{\"b\": 2}");
    EXPECT_EQ(dbg(r.run("let a = [1, 2]; a.for_each(|| { this = fetch(this); }); a")), "[100, 200]");
    EXPECT_EQ(dbg(r.run("[[1, 2], [3]].map(|xs| xs.map(|x| fetch(x)))")), "[[100, 200], [300]]");
}

TEST(ContainersPrelude, FailedFetchIsCatchableInsideCallback) {
    Runner r;
    EXPECT_EQ(r.run("let r = \"\"; try { [1, -1, 2].map(|u| fetch(u)); } catch (e) { r = e; } r").as_string(),
              "fetch failed");
    EXPECT_THROW(r.run("[1, -1].map(|u| fetch(u))"), EvalError);
}

TEST(ContainersPrelude, YieldsUnderAnOperationBudget) {
    Runner r;
    Dynamic v = r.run("let a = []; for i in 0..200 { a.push(i); } let s = 0; for x in a.map(|x| x * 2) { s += x; } s", 50);
    EXPECT_EQ(v.as_int(), 39800);
}

TEST(ContainersPrelude, SortMatchesStableSortOnRandomInput) {
    Runner r;
    std::mt19937 rng(42);
    std::vector<std::pair<INT, INT>> items;
    std::string src = "let a = [";
    for (int i = 0; i < 300; ++i) {
        INT key = INT(rng() % 20);
        items.emplace_back(key, i);
        src += "[" + std::to_string(key) + ", " + std::to_string(i) + "],";
    }
    src += "]; a.sort(|x, y| x[0] - y[0]); a";
    std::stable_sort(items.begin(), items.end(), [](auto& x, auto& y) { return x.first < y.first; });
    Dynamic v = r.run(src);
    ASSERT_EQ(v.as_array().size(), items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ(v.as_array()[i].as_array()[0].as_int(), items[i].first);
        EXPECT_EQ(v.as_array()[i].as_array()[1].as_int(), items[i].second);
    }
}

TEST(ContainersPrelude, InconsistentComparerGivesAPermutation) {
    Runner r;
    Dynamic v = r.run(
        "let n = 7; let a = []; for i in 0..200 { a.push(i); }"
        "a.sort(|x, y| { n = (n * 31 + 17) % 101; n - 50 }); a");
    Array got = v.as_array();
    std::vector<INT> ints;
    for (auto& d : got) ints.push_back(d.as_int());
    std::sort(ints.begin(), ints.end());
    ASSERT_EQ(ints.size(), 200u);
    for (INT i = 0; i < 200; ++i) EXPECT_EQ(ints[size_t(i)], i);
}

TEST(ContainersPrelude, CallbackArityRules) {
    Runner r;
    EXPECT_EQ(dbg(r.run("[1, 2].map(|| this * 10)")), "[10, 20]");
    EXPECT_EQ(dbg(r.run("[1, 2].map(|x, i| x + i)")), "[1, 3]");
    EXPECT_EQ(dbg(r.run("fn f(x, i) { x * i } [1, 2, 3].map(Fn(\"f\"))")), "[0, 2, 6]");
    EXPECT_EQ(r.run("[1, 2, 3].reduce(|s| s + this, 0)").as_int(), 6);
    EXPECT_EQ(dbg(r.run("[5, 15, 10].map(Fn(\"max\").curry(10))")), "[10, 15, 10]");
}

TEST(ContainersPrelude, ComparerErrorPropagates) {
    Runner r;
    EXPECT_THROW(r.run("let a = [2, 1]; a.sort(|x, y| { throw \"bad\"; })"), EvalError);
}

}  // namespace
