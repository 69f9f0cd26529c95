// Package "bit_field" — registration filled in by its owner (see packages.hpp).
#include "packages/packages.hpp"

namespace rhai::packages {

void register_bit_field(EngineCore& e) { (void)e; }

}  // namespace rhai::packages
