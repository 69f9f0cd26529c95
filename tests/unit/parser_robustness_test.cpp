// Parser: garbage in, ParseError out. Random fragment soups and mutated corpus scripts must
// either parse or raise rhai::ParseError -- never crash, hang or throw anything else.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parser.hpp"

namespace {

// Parses `src`; returns false (and records a failure) if anything but ParseError escapes.
bool parses_or_fails_cleanly(const std::string& src) {
    try {
        rhai::syntax::Script s = rhai::syntax::parse(src);
        (void)rhai::syntax::dump_ast(s);  // walking the tree must be safe too
        return true;
    } catch (const rhai::ParseError& e) {
        EXPECT_FALSE(e.message().empty()) << src;
        EXPECT_GE(e.position().line, 1u) << src;
        return true;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "unexpected exception " << e.what() << " for: " << src;
        return false;
    }
}

const std::vector<std::string> kFragments = {
    "let ", "const ", "x", "y", " = ", "1", "0x1f", "1.5e3", "-", "+", "*", "**", "/", "%",
    "(", ")", "[", "]", "{", "}", "#{", ":", ",", ";", ".", "?.", "?[", "??", "..", "..=",
    "if ", "else ", "switch ", "=>", "_", "while ", "loop ", "do ", "until ", "for ", " in ",
    "break", "continue", "return ", "throw ", "try ", "catch ", "fn ", "private ", "|", "||",
    "&&", "!", "!in", "\"s\"", "'c'", "`a${", "`", "}`", "#\"r\"#", "// c\n", "/* c */",
    "/*", "import ", "export ", " as ", "::", "global", "this", "Fn(", "print(", "\n",
    "\\", "'", "\"", "$", "@", "==", "<<", ">>=", "é", "\xff",
};

}  // namespace

TEST(ParserRobustness, RandomFragmentSoup) {
    std::mt19937 rng(12345);
    std::uniform_int_distribution<size_t> pick(0, kFragments.size() - 1);
    std::uniform_int_distribution<int> len(1, 40);
    for (int round = 0; round < 3000; ++round) {
        std::string src;
        for (int i = len(rng); i > 0; --i) src += kFragments[pick(rng)];
        if (!parses_or_fails_cleanly(src)) return;
    }
}

TEST(ParserRobustness, MutatedCorpusScripts) {
    namespace fs = std::filesystem;
    fs::path cases = fs::path(RHAI_CONFORMANCE_DIR) / "cases";
    std::error_code ec;
    if (!fs::exists(cases, ec)) GTEST_SKIP() << "conformance corpus not available";
    std::vector<std::string> scripts;
    for (const auto& entry : fs::directory_iterator(cases)) {
        if (entry.path().extension() != ".rhai") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        scripts.push_back(ss.str());
    }
    ASSERT_FALSE(scripts.empty());
    std::mt19937 rng(777);
    for (int round = 0; round < 3000; ++round) {
        std::string src = scripts[rng() % scripts.size()];
        if (src.empty()) continue;
        for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
            size_t at = rng() % src.size();
            switch (rng() % 3) {
                case 0: src.erase(at, 1 + rng() % 3); break;
                case 1: src.insert(at, 1, "(){}[]\"'`;,.$#|"[rng() % 15]); break;
                default: src.insert(at, src.substr(rng() % src.size(), rng() % 8)); break;
            }
            if (src.empty()) src = std::string(";");
        }
        if (!parses_or_fails_cleanly(src)) return;
    }
}
