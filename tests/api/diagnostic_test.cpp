// rhai::format_error / format_snippet (include/rhai/diagnostic.hpp): what a host prints.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "rhai/diagnostic.hpp"
#include "rhai/rhai.hpp"

using namespace rhai;

namespace {

template <class E>
E error_of(const Engine& engine, const std::string& script) {
    try {
        engine.run(script);
    } catch (const E& e) {
        return e;
    }
    ADD_FAILURE() << "no error from " << script;
    throw std::logic_error("no error");
}

DiagnosticOptions named(std::string file_name) {
    DiagnosticOptions d;
    d.file_name = std::move(file_name);
    return d;
}

}  // namespace

TEST(Diagnostic, ChainShowsEachCallWithItsLine) {
    Engine engine;
    std::string text = "fn f(x) {\n    throw \"boom\";\n}\nf(1);\n";
    auto e = error_of<EvalError>(engine, text);
    EXPECT_EQ(format_error(e, text, named("t.rhai")),
              "t.rhai: Runtime error: boom (line 2, position 5)\n"
              " 2 |     throw \"boom\";\n"
              "   |     ^\n"
              "in call to function 'f' (line 4, position 1)\n"
              " 4 | f(1);\n"
              "   | ^\n");
}

TEST(Diagnostic, ParseErrorWithoutFileName) {
    Engine engine;
    std::string text = "let a = (1;";
    auto e = error_of<ParseError>(engine, text);
    std::string shown = format_error(e, text);
    EXPECT_EQ(shown.rfind("Syntax error: ", 0), 0u) << shown;
    EXPECT_NE(shown.find(" 1 | let a = (1;\n   |           ^\n"), std::string::npos) << shown;
}

TEST(Diagnostic, ColorOnlyWhenAsked) {
    Engine engine;
    auto e = error_of<EvalError>(engine, "x");
    EXPECT_EQ(format_error(e, "x").find('\x1b'), std::string::npos);
    DiagnosticOptions color;
    color.color = true;
    EXPECT_NE(format_error(e, "x", color).find("\x1b[1;31m"), std::string::npos);
}

TEST(Diagnostic, SnippetCutsLongLinesAndCleansBytes) {
    std::string line = std::string(300, 'a') + "X" + std::string(300, 'b');
    std::string s = format_snippet(line, Position{1, 301});
    EXPECT_LT(s.size(), 260u);
    EXPECT_NE(s.find("...a"), std::string::npos);
    EXPECT_NE(s.find("Xb"), std::string::npos);
    // The caret sits under X.
    size_t x = s.find('X'), caret = s.find('^');
    size_t line_start = s.find('\n') + 1;
    EXPECT_EQ(caret - line_start, x);
    EXPECT_EQ(format_snippet("a\x01\xff" "b", Position{1, 4}), " 1 | a??b\n   |    ^\n");
    EXPECT_EQ(format_snippet("one line", Position{3, 1}), "");  // no such line
    EXPECT_EQ(format_snippet("x", Position{}), "");
}

TEST(Diagnostic, OtherSourcesComeFromTheLoader) {
    // A function compiled from another file: its lines come from load_source.
    auto dir = std::filesystem::temp_directory_path() / ("rhai_diag_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string lib_text = "// helper\nfn half(x) { x / 2 }\n";
    std::ofstream(dir / "lib.rhai") << lib_text;
    Engine engine;
    Scope scope;
    engine.register_static_module("m", engine.eval_ast_as_module(scope, engine.compile_file(dir / "lib.rhai")));
    std::string text = "m::half(\"ten\")";
    auto e = error_of<EvalError>(engine, text);
    DiagnosticOptions d = named("main.rhai");
    std::string asked;
    d.load_source = [&](std::string_view source) {
        asked = std::string(source);
        return std::optional<std::string>(lib_text);
    };
    std::string shown = format_error(e, text, d);
    std::filesystem::remove_all(dir);
    EXPECT_EQ(asked, (dir / "lib.rhai").string());
    EXPECT_NE(shown.find("main.rhai: Function not found: / (string, i64) (line 2, position 16)\n"
                         " 2 | fn half(x) { x / 2 }\n"),
              std::string::npos) << shown;
    EXPECT_NE(shown.find(" 1 | m::half(\"ten\")"), std::string::npos) << shown;
}
