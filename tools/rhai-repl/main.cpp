// rhai-repl [FILE...] — an interactive Rhai session.
//
// Each entry is read until it is a complete statement (lines continue while the parser stops
// at the end of the input), evaluated, and its value printed when it is not (). Variables and
// functions stay defined for later entries (session.hpp). Lines starting with ':' are
// commands (:help). FILEs are evaluated first, in order, as if typed in.
//
// On a terminal lines are edited with libedit and kept in ~/.rhai_repl_history (or
// $RHAI_REPL_HISTORY). With piped input there are no prompts: only values and errors are
// printed, and the exit status is 1 when an entry failed (0 otherwise), so a session can be
// scripted: printf 'let x = 40;\nx + 2\n' | rhai-repl   prints 42.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "line_reader.hpp"
#include "rhai/version.h"
#include "session.hpp"

namespace {

const char* kUsage =
    "usage: rhai-repl [FILE...]   evaluate FILEs, then read entries from standard input\n"
    "  -h, --help      this text\n"
    "  -V, --version   the version\n";

const char* kHelp =
    "Enter Rhai statements or expressions; the value of each entry is printed unless it is ().\n"
    "An entry continues on the next line while it is incomplete (an open block, call or string).\n"
    "Variables and functions stay defined for later entries.\n"
    "Commands:\n"
    "  :help             this text\n"
    "  :quit, :exit      leave (so does end of input, Ctrl-D)\n"
    "  :ast [CODE]       the syntax tree of CODE, or of the last entry\n"
    "  :dump [CODE]      the bytecode of CODE, or of the last entry\n"
    "  :scope            the variables defined so far\n"
    "  :functions        the functions defined so far\n";

bool use_color() {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    if ((no_color && *no_color) || (term && std::string_view(term) == "dumb")) return false;
    return isatty(STDERR_FILENO) == 1;
}

std::string history_file() {
    if (const char* f = std::getenv("RHAI_REPL_HISTORY")) return f;
    if (const char* home = std::getenv("HOME")) return std::string(home) + "/.rhai_repl_history";
    return {};
}

// A `:command [argument]` line; false when the session should end.
bool command(rhai_repl::Session& session, std::string_view line, bool& failed) {
    size_t space = line.find(' ');
    std::string_view name = line.substr(0, space);
    std::string arg = space == std::string_view::npos ? "" : std::string(line.substr(space + 1));
    if (name == ":quit" || name == ":exit" || name == ":q") return false;
    if (name == ":help" || name == ":h") std::cout << kHelp;
    else if (name == ":ast") session.print_ast(arg);
    else if (name == ":dump") session.print_bytecode(arg);
    else if (name == ":scope") session.print_scope();
    else if (name == ":functions") session.print_functions();
    else {
        std::cerr << "unknown command " << name << " (:help lists them)\n";
        failed = true;
    }
    std::cout << std::flush;
    return true;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

int repl(rhai_repl::Session& session, bool failed) {
    auto reader = rhai_repl::make_line_reader(history_file());
    if (reader->interactive())
        std::cout << "rhai-repl " RHAI_VERSION " (rhai-cpp). :help for help, :quit to leave.\n";
    std::string entry;
    for (;;) {
        std::optional<std::string> line = reader->read(entry.empty() ? "rhai> " : "  ... ");
        if (!line) break;
        if (entry.empty() && line->rfind(":", 0) == 0) {
            reader->remember(*line);
            if (!command(session, *line, failed)) return failed ? 1 : 0;
            continue;
        }
        entry += *line + "\n";
        if (is_blank(entry)) {
            entry.clear();
            continue;
        }
        if (session.is_incomplete(entry)) continue;
        reader->remember(entry.substr(0, entry.size() - 1));
        if (!session.eval(entry)) failed = true;
        entry.clear();
    }
    // End of input inside an entry: run it anyway, which reports why it is incomplete.
    if (!is_blank(entry) && !session.eval(entry)) failed = true;
    if (reader->interactive()) std::cout << '\n';
    return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "-h" || a == "--help") {
            std::cout << kUsage << kHelp;
            return 0;
        }
        if (a == "-V" || a == "--version") {
            std::cout << "rhai-repl " RHAI_VERSION "\n";
            return 0;
        }
        if (a.size() > 1 && a[0] == '-') {
            std::cerr << "rhai-repl: unknown option " << a << '\n' << kUsage;
            return 2;
        }
        files.emplace_back(a);
    }
    try {
        rhai_repl::Session session(use_color());
        bool failed = false;
        for (const std::string& f : files) {
            std::ifstream in(f, std::ios::binary);
            if (!in) {
                std::cerr << "rhai-repl: cannot read " << f << '\n';
                return 2;
            }
            std::stringstream text;
            text << in.rdbuf();
            if (!session.eval(text.str(), f, false)) failed = true;
        }
        return repl(session, failed);
    } catch (const std::exception& e) {
        std::cerr << "rhai-repl: " << e.what() << '\n';
        return 1;
    }
}
