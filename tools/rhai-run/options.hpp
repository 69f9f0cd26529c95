// rhai-run's command line: modes, files and the engine limits a user can set.
//
// Parsing never exits the process: it returns an error message and main() turns that into
// exit status 2 (usage error), so the same code is testable and the exit codes stay in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine_core.hpp"

namespace rhai_run {

// A script to run: a file, the text of `-e`, or standard input (`-`).
struct Input {
    enum class Kind { File, Inline, Stdin } kind = Kind::File;
    std::string value;  // the path, or the script text for Inline
};

enum class ColorMode { Auto, Always, Never };

struct Options {
    bool dump = false;
    bool demo_async = false;
    bool help = false;
    bool version = false;
    ColorMode color = ColorMode::Auto;
    std::vector<Input> inputs;  // in command-line order
    // Only the limits given on the command line change; the rest keep the engine's defaults.
    std::optional<uint64_t> max_operations;
    std::optional<uint32_t> max_call_levels;
    std::optional<uint32_t> max_expr_depth;  // top level and inside functions alike
    std::optional<size_t> max_string_size;
    std::optional<size_t> max_array_size;
    std::optional<size_t> max_map_size;
    std::optional<size_t> max_memory;        // bytes held by script values (Limits::max_memory)
    std::optional<double> timeout_seconds;   // wall clock, parse included
};

// The usage text printed by --help and after a usage error.
const char* usage();

// Parses argv[1..]; on a usage error returns nullopt and sets `error`.
std::optional<Options> parse_options(int argc, char** argv, std::string& error);

// The text of an input and the name errors show for it ("<cmdline>" for -e, "<stdin>" for -);
// false when a file cannot be read.
bool read_input(const Input& input, std::string& text, std::string& name);

// Whether error messages get ANSI colours: always, never, or when stderr is a terminal (and
// NO_COLOR is not set).
bool use_color(ColorMode mode);

// Copies the limits given on the command line into the engine's.
void apply_limits(const Options& o, rhai::Limits& limits);

}  // namespace rhai_run
