#include "packages/packages.hpp"

namespace rhai::packages {

// Filled in by the packages owner: Rhai source of the higher-order built-ins.
const char* prelude_source() { return ""; }

}  // namespace rhai::packages
