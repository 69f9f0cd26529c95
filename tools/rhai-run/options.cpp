// rhai-run option parsing: `--flag N` and `--flag=N`, numbers checked strictly (a typo or an
// overflow is a usage error, never a silently different limit).
#include "options.hpp"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string_view>

namespace rhai_run {

const char* usage() {
    return "usage: rhai-run [OPTIONS] FILE...     run script files (- reads standard input)\n"
           "       rhai-run [OPTIONS] -e SCRIPT   run the script given as text\n"
           "  -e, --eval SCRIPT        a script as text (may repeat; runs in order with the files)\n"
           "  --dump                   print the bytecode instead of running\n"
           "  --demo-async             run the files as async tasks with a host fetch(x) that answers later\n"
           "  --max-operations N       stop after N operations (0 = unlimited)\n"
           "  --max-call-levels N      function call nesting (default 64)\n"
           "  --max-expr-depth N       expression nesting, top level and in functions\n"
           "  --max-string-size N      longest string in bytes\n"
           "  --max-array-size N       largest array or BLOB\n"
           "  --max-map-size N         largest object map\n"
           "  --max-memory BYTES       bytes held by script values\n"
           "  --timeout SECONDS        wall-clock limit per run (fractions allowed)\n"
           "  --color WHEN             colour error messages: auto (a terminal), always, never\n"
           "  -h, --help               this text\n"
           "  -V, --version            the version of rhai-run\n"
           "A script error exits 1, a usage error 2.\n";
}

namespace {

// A decimal integer in [0, max]; nothing else (no sign, no suffix, no spaces).
bool parse_uint(std::string_view s, uint64_t max, uint64_t& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out <= max;
}

bool parse_seconds(std::string_view s, double& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    // Beyond a year a timeout means nothing; it would also overflow the clock arithmetic.
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out) && out > 0 &&
           out <= 365.0 * 24 * 3600;
}

struct Cursor {
    int argc;
    char** argv;
    int i;
};

// The value of `--name N` / `--name=N`; false with `error` set when it is missing.
bool take_value(Cursor& c, std::string_view arg, std::string_view name, std::string& value,
                std::string& error) {
    if (arg.size() > name.size() && arg[name.size()] == '=') {
        value = std::string(arg.substr(name.size() + 1));
        return true;
    }
    if (c.i + 1 >= c.argc) {
        error = std::string(name) + " needs a value";
        return false;
    }
    value = c.argv[++c.i];
    return true;
}

bool matches(std::string_view arg, std::string_view name) {
    return arg == name || (arg.size() > name.size() && arg.substr(0, name.size()) == name &&
                           arg[name.size()] == '=');
}

template <class T>
bool integer_flag(Cursor& c, std::string_view arg, std::string_view name, std::optional<T>& slot,
                  std::string& error) {
    std::string value;
    if (!take_value(c, arg, name, value, error)) return false;
    uint64_t n = 0;
    if (!parse_uint(value, std::numeric_limits<T>::max(), n)) {
        error = std::string(name) + ": not a non-negative integer in range: '" + value + "'";
        return false;
    }
    slot = T(n);
    return true;
}

}  // namespace

std::optional<Options> parse_options(int argc, char** argv, std::string& error) {
    Options o;
    Cursor c{argc, argv, 1};
    for (; c.i < argc; ++c.i) {
        std::string_view a = argv[c.i];
        bool ok = true;
        if (a == "--dump") o.dump = true;
        else if (a == "--demo-async") o.demo_async = true;
        else if (a == "-h" || a == "--help") o.help = true;
        else if (a == "-V" || a == "--version") o.version = true;
        else if (a == "-") o.inputs.push_back({Input::Kind::Stdin, "-"});
        else if (a == "-e" || matches(a, "--eval")) {
            std::string text;
            ok = take_value(c, a, a == "-e" ? "-e" : "--eval", text, error);
            if (ok) o.inputs.push_back({Input::Kind::Inline, std::move(text)});
        } else if (matches(a, "--color")) {
            std::string when;
            ok = take_value(c, a, "--color", when, error);
            if (ok && when == "auto") o.color = ColorMode::Auto;
            else if (ok && when == "always") o.color = ColorMode::Always;
            else if (ok && when == "never") o.color = ColorMode::Never;
            else if (ok) {
                error = "--color: expected auto, always or never: '" + when + "'";
                ok = false;
            }
        }
        else if (matches(a, "--max-operations")) ok = integer_flag(c, a, "--max-operations", o.max_operations, error);
        else if (matches(a, "--max-call-levels")) ok = integer_flag(c, a, "--max-call-levels", o.max_call_levels, error);
        else if (matches(a, "--max-expr-depth")) ok = integer_flag(c, a, "--max-expr-depth", o.max_expr_depth, error);
        else if (matches(a, "--max-string-size")) ok = integer_flag(c, a, "--max-string-size", o.max_string_size, error);
        else if (matches(a, "--max-array-size")) ok = integer_flag(c, a, "--max-array-size", o.max_array_size, error);
        else if (matches(a, "--max-map-size")) ok = integer_flag(c, a, "--max-map-size", o.max_map_size, error);
        else if (matches(a, "--max-memory")) ok = integer_flag(c, a, "--max-memory", o.max_memory, error);
        else if (matches(a, "--timeout")) {
            std::string value;
            double s = 0;
            ok = take_value(c, a, "--timeout", value, error);
            if (ok && !parse_seconds(value, s)) {
                error = "--timeout: not a positive number of seconds: '" + value + "'";
                ok = false;
            }
            if (ok) o.timeout_seconds = s;
        } else if (a.size() > 1 && a[0] == '-') {
            error = "unknown option " + std::string(a);
            ok = false;
        } else o.inputs.push_back({Input::Kind::File, std::string(a)});
        if (!ok) return std::nullopt;
    }
    if (o.inputs.empty() && !o.help && !o.version) {
        error = "no script file given";
        return std::nullopt;
    }
    return o;
}

bool read_input(const Input& input, std::string& text, std::string& name) {
    switch (input.kind) {
        case Input::Kind::Inline:
            text = input.value;
            name = "<cmdline>";
            return true;
        case Input::Kind::Stdin:
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
            name = "<stdin>";
            return true;
        case Input::Kind::File: break;
    }
    std::ifstream in(input.value, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    name = input.value;
    return true;
}

bool use_color(ColorMode mode) {
    if (mode != ColorMode::Auto) return mode == ColorMode::Always;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    if (no_color && *no_color) return false;
    if (term && std::string_view(term) == "dumb") return false;
    return isatty(STDERR_FILENO) == 1;
}

void apply_limits(const Options& o, rhai::Limits& l) {
    if (o.max_operations) l.max_operations = *o.max_operations;
    if (o.max_call_levels) l.max_call_levels = *o.max_call_levels;
    if (o.max_expr_depth) l.max_expr_depth = l.max_function_expr_depth = *o.max_expr_depth;
    if (o.max_string_size) l.max_string_size = *o.max_string_size;
    if (o.max_array_size) l.max_array_size = *o.max_array_size;
    if (o.max_map_size) l.max_map_size = *o.max_map_size;
    if (o.max_memory) l.max_memory = *o.max_memory;
}

}  // namespace rhai_run
