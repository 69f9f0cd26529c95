#pragma once
// How a `switch` case pattern matches the scrutinee, as Rhai decides it.
#include "rhai/dynamic.hpp"

namespace rhai::vm {

// Rhai looks literal cases up by the scrutinee's hash, so a literal case matches only a value of
// the same type with the same bits: no INT/FLOAT or string/char mixing, no float tolerance
// (0.0 and -0.0 differ). Patterns are literals, so unhashable values
// (timestamps, closures) never meet a pattern of their own type.
bool switch_literal_hit(const Dynamic& pattern, const Dynamic& value);

// A range case (INT bounds) contains an INT or a FLOAT scrutinee (compared as FLOAT). A range
// pattern also matches, by hash, a scrutinee that is the very same range.
bool switch_case_hit(const Dynamic& pattern, const Dynamic& value);

}  // namespace rhai::vm
