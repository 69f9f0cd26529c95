// Package "arithmetic" — registration filled in by its owner (see packages.hpp).
#include "packages/packages.hpp"

namespace rhai::packages {

void register_arithmetic(EngineCore& e) { (void)e; }

}  // namespace rhai::packages
