// JSON for object maps: `map.to_json()` and `parse_json(text)`.
#pragma once

#include <string>
#include <string_view>

#include "rhai/dynamic.hpp"

namespace rhai::packages::json {

// Serializes a value the way Rhai's serde support does: () -> null, chars -> one-character
// strings, BLOBs -> arrays of bytes, a function pointer -> its name (or [name, curried...]),
// non-finite floats -> null. Throws EvalError for values JSON cannot hold (timestamps, ...).
std::string write(const Dynamic& value);

// Parses one JSON document (objects -> maps, arrays -> arrays, integers that fit -> INT,
// other numbers -> FLOAT, null -> ()). Throws EvalError (ErrorRuntime with a message naming
// the line and column) on malformed input or nesting deeper than 256 levels.
Dynamic parse(std::string_view text);

}  // namespace rhai::packages::json
