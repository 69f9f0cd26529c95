// Where rhai-repl's lines come from: libedit (line editing and a history file) when standard
// input is a terminal and the build found libedit, otherwise plain reads from standard input
// (piped input, no prompts).
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace rhai_repl {

class LineReader {
public:
    virtual ~LineReader() = default;
    // The next line without its newline; nullopt at end of input.
    virtual std::optional<std::string> read(const char* prompt) = 0;
    // Remembers a whole entry (several lines for a multi-line one) in the history.
    virtual void remember(const std::string& entry) = 0;
    // Prompts and a banner make sense only for a person at a terminal.
    virtual bool interactive() const = 0;
};

// `history_file` empty: no history file.
std::unique_ptr<LineReader> make_line_reader(const std::string& history_file);

}  // namespace rhai_repl
