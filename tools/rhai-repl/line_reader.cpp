// LineReader implementations (line_reader.hpp). RHAI_REPL_LIBEDIT is defined by CMake when
// libedit's readline-compatible interface was found (Debian: libedit-dev).
#include "line_reader.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#ifdef RHAI_REPL_LIBEDIT
#include <editline/readline.h>
#endif

namespace rhai_repl {
namespace {

class PlainReader : public LineReader {
public:
    explicit PlainReader(bool prompts) : prompts_(prompts) {}
    std::optional<std::string> read(const char* prompt) override {
        if (prompts_) {
            std::cout << prompt << std::flush;
        }
        std::string line;
        if (!std::getline(std::cin, line)) return std::nullopt;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    void remember(const std::string&) override {}
    bool interactive() const override { return prompts_; }

private:
    bool prompts_;
};

#ifdef RHAI_REPL_LIBEDIT
class EditReader : public LineReader {
public:
    explicit EditReader(std::string history_file) : history_file_(std::move(history_file)) {
        using_history();
        if (!history_file_.empty()) read_history(history_file_.c_str());
    }
    ~EditReader() override {
        if (!history_file_.empty()) write_history(history_file_.c_str());
    }
    std::optional<std::string> read(const char* prompt) override {
        char* raw = readline(prompt);
        if (!raw) return std::nullopt;
        std::string line(raw);
        std::free(raw);
        return line;
    }
    void remember(const std::string& entry) override {
        if (!entry.empty()) add_history(entry.c_str());
    }
    bool interactive() const override { return true; }

private:
    std::string history_file_;
};
#endif

}  // namespace

std::unique_ptr<LineReader> make_line_reader(const std::string& history_file) {
    bool tty = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1;
#ifdef RHAI_REPL_LIBEDIT
    if (tty) return std::make_unique<EditReader>(history_file);
#else
    (void)history_file;
#endif
    return std::make_unique<PlainReader>(tty);
}

}  // namespace rhai_repl
