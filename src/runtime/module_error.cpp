// The "Module not found" error. Lives in the runtime (not the api stage) because the VM raises
// it for imports too, and stages below api must not depend on it.
#include "rhai/module_resolver.hpp"

namespace rhai {

EvalError module_not_found(std::string_view path, Position pos) {
    EvalError e(ErrorKind::ErrorModuleNotFound, "Module not found: " + std::string(path), pos);
    e.fields()["module"] = Dynamic(std::string(path));
    return e;
}

}  // namespace rhai
