// Float text exactly as the reference implementation prints it.
//
// Rhai prints floats two ways: print()/to_string()/interpolation use Rhai's own Display
// (scientific past 1e13 or below 1e-13, always a fractional part: `1.0`, `1e15`), while
// debug()/to_debug() and elements inside arrays and maps use Rust's `{:?}` (plain between 1e-4
// and 1e16: `1000000000000000.0`, `1e16`, `1e-5`, `-0.0`). Both build on the shortest
// round-trip digits, which std::to_chars gives us.
#pragma once

#include <string>

namespace rhai {

std::string float_to_display(double v);  // Rhai Display (print, to_string, `${}`)
std::string float_to_debug(double v);    // Rust Debug   (debug, to_debug, inside containers)

// Rust primitives, exposed for packages that need them (e.g. to_string of parse results).
std::string rust_float_display(double v);  // Rust `{}`: never an exponent, "1" for 1.0
std::string rust_float_exp(double v);      // Rust `{:e}`: "1e15", "1.5e-7"

}  // namespace rhai
