// Error display for people: an error with the source line it points at and a caret under the
// column, as Rhai's command-line tools show it. rhai-run and rhai-repl print errors this way;
// a host with a console can do the same.
//
//   rhai::DiagnosticOptions how;
//   how.file_name = "x.rhai";
//   try { engine.run(text); }
//   catch (const rhai::EvalError& e) { std::cerr << rhai::format_error(e, text, how); }
//
// For `throw "boom"` inside `fn f()` called from line 5 the text is:
//
//   x.rhai: Runtime error: boom (line 2, position 5)
//    2 |     throw "boom";
//      |     ^
//   in call to function 'f' (line 5, position 1)
//    5 | f();
//      | ^
//
// Without the source lines this is exactly the error's Rhai text (e.what()); each line of the
// call chain (innermost first) is followed by the line of source it names.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "rhai/error.hpp"

namespace rhai {

struct DiagnosticOptions {
    // Shown before the message ("x.rhai: ..."); empty: no prefix.
    std::string file_name;
    // ANSI colours, for a terminal (the tools turn this on only when stderr is a TTY).
    bool color = false;
    // The text of another source a function of the chain came from (`(from 'lib.rhai')`, a
    // module). Unset, or nullopt for that source: its lines print without a snippet.
    std::function<std::optional<std::string>(std::string_view source)> load_source;
    // Calls of a chain past this many show as "... N more calls" (the innermost and the
    // outermost ones stay).
    size_t max_frames = 12;
};

// `text` is the source of the script the error came from. Ends with a newline.
std::string format_error(const EvalError& error, std::string_view text, const DiagnosticOptions& options = {});
std::string format_error(const ParseError& error, std::string_view text, const DiagnosticOptions& options = {});

// One line of `text` (1-based) with a caret under `column`: the snippet format_error prints,
// for hosts reporting their own errors. Long lines are cut around the column; control bytes and
// invalid UTF-8 show as '?'. Empty when the line does not exist.
std::string format_snippet(std::string_view text, Position pos, bool color = false);

// The line Rhai's default debug() output prints (without the newline): "source @ line:col | text",
// "source | text" without a position, "line:col | text" without a source, else the text.
std::string format_debug_line(std::string_view text, std::string_view source, Position pos);

}  // namespace rhai
