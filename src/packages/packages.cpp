#include "packages/packages.hpp"

namespace rhai::packages {

void register_standard_packages(EngineCore& e) {
    register_language(e);
    register_arithmetic(e);
    register_logic(e);
    register_bit_field(e);
    register_math(e);
    register_string(e);
    register_string_more(e);
    register_array(e);
    register_map(e);
    register_blob(e);
    register_iterators(e);
    register_fn_ptr(e);
    register_time(e);
    register_byte(e);
}

}  // namespace rhai::packages
