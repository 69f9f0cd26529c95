// The text string interpolation (`${x}`) gives a value: a registered custom type goes through
// its `to_string` function (as print does, src/api/custom_display.cpp), else its registered
// Rhai name; other values use their display text.
#include "vm/machine.hpp"

namespace rhai::vm {

std::string Machine::display_text(Dynamic& v, Position pos) {
    if (!v.flatten().is_custom()) return v.to_display();
    Dynamic flat = v.flatten();
    Dynamic* argv[] = {&flat};
    const NativeFunction* f = engine_.functions.resolve("to_string", argv, 1);
    // Only a function registered for this type: a catch-all `to_string(any)` would not know it.
    if (f && !f->params.empty() && !f->params[0].any) {
        Dynamic text = call_native(f, "to_string", argv, pos);
        return text.is_string() ? text.as_string() : text.to_display();
    }
    return engine_type_name(engine_, flat);
}

}  // namespace rhai::vm
