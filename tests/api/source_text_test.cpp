// Source text that is not UTF-8, or holds NUL bytes, is a parse error wherever it is (a host
// passing C strings would cut the script at a NUL; Rhai's source is always UTF-8).
#include <gtest/gtest.h>

#include <string>

#include "rhai/engine.hpp"

using namespace rhai;

namespace {
ParseError parse_error_of(const std::string& source) {
    Engine engine;
    try {
        engine.compile(source);
    } catch (const ParseError& e) {
        return e;
    }
    ADD_FAILURE() << "expected a parse error";
    return ParseError(ParseErrorKind::BadInput, "", {});
}
}  // namespace

TEST(SourceText, InvalidUtf8IsAParseErrorAtItsPosition) {
    ParseError e = parse_error_of("let x = 1;\nlet s = \"ab\xff\";");
    EXPECT_EQ(e.kind(), ParseErrorKind::BadInput);
    EXPECT_EQ(e.position().line, 2u);
    EXPECT_EQ(e.position().column, 12u);  // the bad byte itself
    EXPECT_NE(e.message().find("UTF-8"), std::string::npos);
}

TEST(SourceText, MalformedSequencesOfEveryKindAreRejected) {
    for (std::string bad : {"\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                            "\xf8\x88\x80\x80\x80", "\xe2\x82", "\xc3("}) {
        EXPECT_EQ(parse_error_of("// " + bad + "\n1").kind(), ParseErrorKind::BadInput) << bad.size();
    }
}

TEST(SourceText, WellFormedUtf8IsAccepted) {
    Engine engine;
    EXPECT_EQ(engine.eval<std::string>("\"h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80\""),
              "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80");
}

TEST(SourceText, NulIsAParseErrorEvenInsideStringsAndComments) {
    for (std::string src : {std::string("let x = 1;\0 x", 13), std::string("\"a\0b\"", 5),
                            std::string("// \0\n1", 6)}) {
        ParseError e = parse_error_of(src);
        EXPECT_EQ(e.kind(), ParseErrorKind::BadInput);
        EXPECT_NE(e.message().find("NUL"), std::string::npos);
    }
}
