// Suspension and resumption of vm::Task: a TEST-ONLY native `wait(x)` suspends the script with
// token x; the test resumes it with a value or an error, at every depth the VM supports
// (script functions, closures called by the prelude, sort comparators, methods with `this`).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "compiler/compiler.hpp"
#include "packages/packages.hpp"
#include "vm/task.hpp"

using namespace rhai;
using vm::Status;

namespace {

struct VmEnv {
    EngineCore core;
    std::shared_ptr<const Program> prelude;
    std::string printed;

    VmEnv() {
        packages::register_standard_packages(core);
        core.on_print = [this](std::string_view s) {
            printed.append(s);
            printed.push_back('\n');
        };
        // wait(x): suspends; the token is x (an INT).
        core.functions.add("wait", {ParamType::of(Tag::Int)}, [](NativeCallContext& ctx, Dynamic** a) {
            ctx.suspend(uint64_t(a[0]->as_int()));
            return Dynamic();
        });
        prelude = compiler::compile_source(packages::prelude_source(), core, "prelude");
    }

    std::unique_ptr<vm::Task> task(std::string_view src) {
        auto program = compiler::compile_source(src, core, "test");
        return std::make_unique<vm::Task>(core, program, prelude);
    }
};

std::string debug_of(const Dynamic& v) { return v.to_debug(); }

TEST(VmSuspend, ResumeWithValueAtTopLevel) {
    VmEnv env;
    auto t = env.task("let a = wait(7); a + 1");
    ASSERT_EQ(t->run(), Status::Suspended);
    EXPECT_EQ(t->pending_token(), 7u);
    // Running again without resuming changes nothing.
    EXPECT_EQ(t->run(), Status::Suspended);
    t->resume_with_value(Dynamic(INT(41)));
    ASSERT_EQ(t->run(), Status::Finished);
    EXPECT_EQ(t->result().as_int(), 42);
}

TEST(VmSuspend, InsideNestedScriptFunctions) {
    VmEnv env;
    auto t = env.task(R"(
        fn inner(x) { let y = wait(x); y * 2 }
        fn outer(x) { let local = [1, 2]; inner(x) + local.len() }
        outer(5) + 100
    )");
    ASSERT_EQ(t->run(), Status::Suspended);
    EXPECT_EQ(t->pending_token(), 5u);
    t->resume_with_value(Dynamic(INT(10)));
    ASSERT_EQ(t->run(), Status::Finished);
    EXPECT_EQ(t->result().as_int(), 122);
}

TEST(VmSuspend, InsideClosureCalledByPreludeMap) {
    VmEnv env;
    auto t = env.task("let k = 1; [1, 2, 3].map(|x| wait(x) + k)");
    for (uint64_t expect = 1; expect <= 3; ++expect) {
        ASSERT_EQ(t->run(), Status::Suspended);
        EXPECT_EQ(t->pending_token(), expect);
        t->resume_with_value(Dynamic(INT(expect * 10)));
    }
    ASSERT_EQ(t->run(), Status::Finished);
    EXPECT_EQ(debug_of(t->result()), "[11, 21, 31]");
}

TEST(VmSuspend, InsideSortComparator) {
    VmEnv env;
    auto t = env.task(R"(
        let a = [3, 1, 2];
        a.sort(|x, y| { wait(0); x - y });
        a
    )");
    int suspensions = 0;
    Status s;
    while ((s = t->run()) == Status::Suspended) {
        ++suspensions;
        t->resume_with_value(Dynamic());
    }
    ASSERT_EQ(s, Status::Finished) << t->error().describe();
    EXPECT_GT(suspensions, 0);
    EXPECT_EQ(debug_of(t->result()), "[1, 2, 3]");
}

TEST(VmSuspend, InsideMethodWithThis) {
    VmEnv env;
    auto t = env.task(R"(
        fn add_waited(n) { this.total += wait(n); this.calls += 1; }
        let acc = #{ total: 1, calls: 0 };
        acc.add_waited(3);
        acc.add_waited(4);
        acc
    )");
    ASSERT_EQ(t->run(), Status::Suspended);
    EXPECT_EQ(t->pending_token(), 3u);
    t->resume_with_value(Dynamic(INT(30)));
    ASSERT_EQ(t->run(), Status::Suspended);
    EXPECT_EQ(t->pending_token(), 4u);
    t->resume_with_value(Dynamic(INT(40)));
    ASSERT_EQ(t->run(), Status::Finished);
    EXPECT_EQ(debug_of(t->result()), "#{\"calls\": 2, \"total\": 71}");
}

TEST(VmSuspend, ResumeManyTimesInALoop) {
    VmEnv env;
    auto t = env.task("let s = 0; for i in 0..5 { s += wait(i); } s");
    for (uint64_t i = 0; i < 5; ++i) {
        ASSERT_EQ(t->run(), Status::Suspended);
        EXPECT_EQ(t->pending_token(), i);
        t->resume_with_value(Dynamic(INT(i * i)));
    }
    ASSERT_EQ(t->run(), Status::Finished);
    EXPECT_EQ(t->result().as_int(), 0 + 1 + 4 + 9 + 16);
}

TEST(VmSuspend, ResumeWithErrorIsCatchable) {
    VmEnv env;
    auto t = env.task(R"(
        fn fetch(x) { wait(x) }
        let r = "none";
        try { r = fetch(9); } catch (e) { r = `caught ${e}`; }
        r
    )");
    ASSERT_EQ(t->run(), Status::Suspended);
    t->resume_with_error(EvalError::runtime(Dynamic("boom")));
    ASSERT_EQ(t->run(), Status::Finished) << t->error().describe();
    EXPECT_EQ(t->result().as_string(), "caught boom");
}

TEST(VmSuspend, ResumeWithUncaughtErrorFails) {
    VmEnv env;
    auto t = env.task("let x = wait(1);\nx + 1");
    ASSERT_EQ(t->run(), Status::Suspended);
    t->resume_with_error(EvalError(ErrorKind::ErrorRuntime, "host failed"));
    ASSERT_EQ(t->run(), Status::Failed);
    EXPECT_EQ(t->error().kind(), ErrorKind::ErrorRuntime);
    EXPECT_EQ(t->error().position().line, 1u);  // raised at the call site
}

TEST(VmSuspend, TimeSlicingYieldsAndContinues) {
    VmEnv env;
    auto t = env.task("let s = 0; for i in 0..100000 { s += i; } s");
    int yields = 0;
    Status s;
    while ((s = t->run(1000)) == Status::Yielded) ++yields;
    ASSERT_EQ(s, Status::Finished);
    EXPECT_GE(yields, 50);
    EXPECT_EQ(t->result().as_int(), INT(100000) * 99999 / 2);
}

TEST(VmSuspend, TimeSlicingInsideRecursion) {
    VmEnv env;
    auto t = env.task("fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } } fib(15)");
    int yields = 0;
    Status s;
    while ((s = t->run(100)) == Status::Yielded) ++yields;
    ASSERT_EQ(s, Status::Finished);
    EXPECT_GT(yields, 10);
    EXPECT_EQ(t->result().as_int(), 610);
}

TEST(VmSuspend, CancelWhileSuspendedReleasesEverything) {
    VmEnv env;
    auto t = env.task(R"(
        let big = [];
        for i in 0..100 { big.push(`item ${i}`); }
        let f = |x| big.len() + wait(x);
        [1, 2].map(f)
    )");
    ASSERT_EQ(t->run(), Status::Suspended);
    t.reset();  // cancelling = destroying (leaks show under the asan preset)
    SUCCEED();
}

TEST(VmSuspend, RunSyncReportsEvalAsync) {
    VmEnv env;
    auto program = compiler::compile_source("wait(1)", env.core, "test");
    try {
        vm::run_sync(env.core, program, env.prelude);
        FAIL() << "expected an error";
    } catch (const EvalError& e) {
        EXPECT_NE(std::string(e.what()).find("eval_async"), std::string::npos);
    }
}

TEST(VmSuspend, CallFunctionValueTask) {
    VmEnv env;
    auto program = compiler::compile_source("fn twice(x) { wait(x) * 2 }", env.core, "test");
    vm::Task t(env.core, program, env.prelude, Dynamic::fn_ptr("twice"), {Dynamic(INT(4))});
    ASSERT_EQ(t.run(), Status::Suspended);
    EXPECT_EQ(t.pending_token(), 4u);
    t.resume_with_value(Dynamic(INT(21)));
    ASSERT_EQ(t.run(), Status::Finished);
    EXPECT_EQ(t.result().as_int(), 42);
}

}  // namespace
