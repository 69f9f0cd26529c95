// The lexer: Rhai source text -> tokens (ending with Tok::Eof).
//
// Notable Rhai behaviours reproduced here:
//  * `-` directly followed by a digit, where a unary operator may stand, is part of the number
//    literal (`-2.abs()` is 2, `-0x11` is a malformed number, `-9223372036854775808` fits);
//  * back-tick strings with `${...}` interpolation nest to any depth: the lexer counts braces
//    per open interpolation and resumes the string text at the matching `}`;
//  * an unterminated `/* ...` comment silently ends the input;
//  * the first lexical error becomes a Tok::LexError token and ends the stream, so the parser
//    reports whichever error comes first in the text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "syntax/token.hpp"

namespace rhai::syntax {

// Tokenize a whole script. A leading `#!` shebang line is skipped. A string or char literal
// longer than max_string_size bytes (0 = no limit) is a LiteralTooLarge lexical error.
std::vector<Token> tokenize(std::string_view source, size_t max_string_size = 0);

}  // namespace rhai::syntax
