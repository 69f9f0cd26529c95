// Free-variable analysis for closures: which names a closure body uses without declaring them
// first. The compiler captures those that name a variable visible where the closure is made.
#pragma once

#include <string>
#include <vector>

#include "syntax/ast.hpp"

namespace rhai::compiler {

// Names in first-use order (nested closures included: their free names are ours too).
std::vector<std::string> free_variables(const syntax::FnDef& fn);

}  // namespace rhai::compiler
