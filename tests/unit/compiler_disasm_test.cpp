// Compiler tests: compile a snippet, compare its disassembly with the expected listing.
#include <gtest/gtest.h>

#include "compiler/compiler.hpp"
#include "rhai/error.hpp"

using namespace rhai;

namespace {

std::string listing(std::string_view src) {
    EngineCore core;
    return compiler::disassemble(*compiler::compile_source(src, core, "test"));
}

TEST(CompilerDisasm, LocalsSlotsFoldingAndFusedCompare) {
    EXPECT_EQ(listing("let x = 1;\nx += 2;\nlet y = 2 * 3 + x;\nif y > 5 { y -= 1; }\ny"), R"(fn <main>/0 locals 2
   0 PUSH_INT 1
   1 DEFINE_LOCAL $0
   2 ADD_LOCAL_INT $0 += 2
   3 PUSH_INT 6
   4 BINARY_LOCAL + $0
   5 DEFINE_LOCAL $1
   6 CMP_LOCAL_INT_JUMP $1 > 5 -> 8
   7 ADD_LOCAL_INT $1 -= 1
   8 LOAD_LOCAL $1
   9 RETURN
)");
    // A literal outside CMP_LOCAL_INT_JUMP's -16..15: the local is pushed, CMP_INT_JUMP.
    EXPECT_EQ(listing("let y = 1;\nif y > 500 { y = 0; }"), R"(fn <main>/0 locals 1
   0 PUSH_INT 1
   1 DEFINE_LOCAL $0
   2 LOAD_LOCAL $0
   3 CMP_INT_JUMP > 500 -> 8
   4 PUSH_INT 0
   5 STORE_LOCAL $0
   6 PUSH_UNIT
   7 JUMP -> 9
   8 PUSH_UNIT
   9 RETURN
)");
}

TEST(CompilerDisasm, ScriptCallsResolvedAtCompileTimeAndGlobals) {
    EXPECT_EQ(listing("fn add(a, b) { a + b }\nconst K = 7;\nfn k() { global::K }\nadd(k(), 1)"),
              R"(fn <main>/0 locals 1
   0 PUSH_INT 7
   1 DEFINE_GLOBAL global#0 K
   2 DEFINE_LOCAL $0
   3 CALL_SCRIPT k/0 fn#1
   4 PUSH_INT 1
   5 CALL_SCRIPT add/2 fn#0
   6 RETURN
fn add/2 locals 2
   0 BINARY_LOCALS $0 + $1
   1 RETURN
fn k/0 locals 0
   0 LOAD_GLOBAL global#0 K
   1 RETURN
)");
}

TEST(CompilerDisasm, ClosureCapturesCellCurriedFirst) {
    EXPECT_EQ(listing("let n = 1;\nlet f = |x| x + n;\nf.call(2)"), R"(fn <main>/0 locals 2
   0 PUSH_INT 1
   1 DEFINE_LOCAL $0
   2 LOAD_CELL $0
   3 MAKE_CLOSURE fn#0 captures 1
   4 DEFINE_LOCAL $1
   5 PUSH_INT 2
   6 CALL_PLACE call/1 on $1
   7 RETURN
fn anon$0/2 captures 1 locals 2
   0 BINARY_LOCALS $1 + $0
   1 RETURN
)");
}

TEST(CompilerDisasm, OperandsReadFromLocalsInPlace) {
    // Operators whose operands were just loaded from locals read them in place; `a[key]`
    // with a local `a` and a key that cannot assign `a` does not copy the array first. A
    // jump target between the loads keeps them apart.
    EXPECT_EQ(listing("let a = [1, 2];\nlet i = 0;\nlet s = a[i] + a[i + 1];\nwhile i < s { i += 1; }\n"
                      "let t = (if s > 0 { i } else { s }) * i;\nt"),
              R"(fn <main>/0 locals 4
   0 PUSH_CONST [1, 2]
   1 DEFINE_LOCAL $0
   2 PUSH_INT 0
   3 DEFINE_LOCAL $1
   4 INDEX_LOCALS $0[$1]
   5 LOAD_LOCAL $1
   6 BINARY_INT + 1
   7 INDEX_LOCAL $0[_]
   8 BINARY +
   9 DEFINE_LOCAL $2
  10 CMP_LOCALS_JUMP $1 < (next) -> 14
  11 NOP $2 site 4
  12 ADD_LOCAL_INT $1 += 1
  13 LOOP -> 10
  14 PUSH_UNIT
  15 POP
  16 CMP_LOCAL_INT_JUMP $2 > 0 -> 19
  17 LOAD_LOCAL $1
  18 JUMP -> 20
  19 LOAD_LOCAL $2
  20 BINARY_LOCAL * $1
  21 DEFINE_LOCAL $3
  22 LOAD_LOCAL $3
  23 RETURN
)");
}

TEST(CompilerDisasm, PlacesForAssignmentAndMethodCalls) {
    EXPECT_EQ(listing("let m = #{ list: [1] };\nm.list[0] = 5;\nm.list.push(2);"), R"(fn <main>/0 locals 1
   0 PUSH_CONST [1]
   1 MAKE_MAP ["list"]
   2 DEFINE_LOCAL $0
   3 PUSH_INT 0
   4 PUSH_INT 5
   5 SET_PLACE $0.list[_]
   6 PUSH_INT 2
   7 CALL_PLACE push/1 on $0.list
   8 RETURN
)");
}

TEST(CompilerDisasm, FunctionsDoNotSeeOuterVariables) {
    // `outer` is not a slot of f: it compiles to a run-time lookup that fails.
    std::string out = listing("let outer = 1;\nfn f() { outer }");
    EXPECT_NE(out.find("fn f/0 locals 0\n   0 LOAD_DYN outer\n"), std::string::npos) << out;
}

TEST(CompilerDisasm, RangeLoopUsesCursorSlots) {
    std::string out = listing("let s = 0;\nfor i in 0..10 { s += i; }");
    EXPECT_NE(out.find("FOR_PREP $1 -> "), std::string::npos) << out;
    EXPECT_NE(out.find("FOR_NEXT $1 -> "), std::string::npos) << out;
    // loop variable = cursor + 3, read in place by the fused op-assignment
    EXPECT_NE(out.find("OP_ASSIGN_LOCALS $0 += $4\n"), std::string::npos) << out;
}

TEST(CompilerDisasm, AssignmentToConstantIsACompileError) {
    EngineCore core;
    try {
        compiler::compile_source("const C = 1;\nC = 2;", core, "test");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::AssignmentToConstant);
        EXPECT_EQ(e.position().line, 2u);
    }
}

TEST(CompilerDisasm, BreakOutsideLoopIsACompileError) {
    EngineCore core;
    EXPECT_THROW(compiler::compile_source("break;", core, "test"), ParseError);
}

}  // namespace
