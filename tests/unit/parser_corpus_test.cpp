// Parses every script of the shared conformance corpus (when ../shared exists): scripts that
// must succeed parse, and exactly the known syntax-error cases fail with a ParseError.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "syntax/parser.hpp"

namespace fs = std::filesystem;
using rhai::syntax::parse;

namespace {

// <project>/../shared/conformance, found from this file's path (tests/unit/...).
fs::path corpus_root() {
    fs::path p = RHAI_CONFORMANCE_DIR;
    std::error_code ec;
    return fs::exists(p / "cases", ec) ? p : fs::path{};
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Cases whose failure is a syntax error (the other `.fail` cases fail while running; e.g.
// fnptr_invalid_name_fail: Fn("not a valid name!") is checked when it runs, as in Rhai).
const std::set<std::string> kParseFailures = {
    "ctrl_break_outside_loop_fail",        "ctrl_continue_outside_loop_fail",
    "err_try_is_not_an_expression_fail",   "fn_defined_inside_block_fail",
    "fn_duplicate_definition_fail",        "fn_nested_definition_fail",
    "lex_escape_double_quote_in_char_fail",
    "lex_escape_single_quote_in_string_fail", "lex_keyword_as_variable_fail",
    "lex_malformed_number_fail",           "lex_missing_semicolon_fail",
    "lex_parse_error_no_output",           "lex_reserved_keyword_fail",
    "map_duplicate_key_fail",              "module_export_inside_block_fail",
    "switch_default_not_last_fail",        "err_modify_constant_fail",
};

void check_folder(const fs::path& dir) {
    int parsed = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".rhai") continue;
        std::string name = entry.path().stem().string();
        bool must_fail = kParseFailures.count(name) != 0;
        bool has_fail_file = fs::exists(fs::path(entry.path()).replace_extension(".fail"));
        std::string src = read_file(entry.path());
        try {
            parse(src);
            EXPECT_FALSE(must_fail) << name << " parsed but must be a syntax error";
        } catch (const rhai::ParseError& e) {
            EXPECT_TRUE(must_fail) << name << " failed to parse: " << e.message() << " ("
                                   << e.position().to_string() << ")";
        }
        if (must_fail) {
            EXPECT_TRUE(has_fail_file) << name;
        }
        ++parsed;
    }
    EXPECT_GT(parsed, 0);
}

}  // namespace

TEST(ParserCorpus, CasesParseExactlyAsExpected) {
    fs::path root = corpus_root();
    if (root.empty()) GTEST_SKIP() << "conformance corpus not available";
    check_folder(root / "cases");
}

TEST(ParserCorpus, PackagesAllParse) {
    fs::path root = corpus_root();
    if (root.empty()) GTEST_SKIP() << "conformance corpus not available";
    check_folder(root / "packages");
}
