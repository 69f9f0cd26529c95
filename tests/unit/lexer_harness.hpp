// Helpers for the lexer tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/lexer.hpp"

namespace lexer_test {

using rhai::syntax::Tok;
using rhai::syntax::Token;
using rhai::syntax::tokenize;

inline std::vector<Tok> kinds(const std::string& src) {
    std::vector<Tok> out;
    for (const auto& t : tokenize(src)) out.push_back(t.kind);
    return out;
}

// The single token of `src` (fails the test when there is not exactly one).
inline Token only(const std::string& src) {
    auto toks = tokenize(src);
    EXPECT_EQ(toks.size(), 2u) << src;
    EXPECT_NE(toks[0].kind, Tok::LexError) << src << ": " << toks[0].text;
    return toks.empty() ? Token{} : toks[0];
}

struct LexErr {
    std::string message;
    rhai::Position pos;
};

// The lexical error in `src` (fails the test when there is none).
inline LexErr lex_error(const std::string& src) {
    for (const auto& t : tokenize(src)) {
        if (t.kind == Tok::LexError) return {t.text, t.pos};
    }
    ADD_FAILURE() << "no lexical error in: " << src;
    return {};
}

}  // namespace lexer_test
