// Package "fn_ptr" — registration filled in by its owner (see packages.hpp).
#include "packages/packages.hpp"

namespace rhai::packages {

void register_fn_ptr(EngineCore& e) { (void)e; }

}  // namespace rhai::packages
