// Rhai's keyword and reserved-word tables, and its identifier rules.
#pragma once

#include <optional>
#include <string_view>

#include "syntax/token.hpp"

namespace rhai::syntax {

// A standard keyword or symbol written as `text` (`while`, `+=`, `#{`), if any.
std::optional<Tok> lookup_keyword_or_symbol(std::string_view text);

struct ReservedInfo {
    bool reserved = false;        // `var`, `this`, `print`, `++`, ...: not usable as a name
    bool callable = false;        // may still be called as a function: `print(x)`, `Fn("f")`
    bool method_callable = false; // may be called in method style: `f.call(1)`, `x.type_of()`
};
// Rhai's reserved keywords and symbols (default features).
ReservedInfo reserved_info(std::string_view text);

// ASCII letters, digits and `_`, with at least one letter before any digit (`_1` and `__` are
// not identifiers; `_a1` is).
bool is_valid_identifier(std::string_view name);
// A valid identifier that is neither a keyword nor a reserved word (what `Fn("...")` accepts).
bool is_valid_function_name(std::string_view name);

inline bool is_id_start(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_id_continue(char32_t c) {
    return is_id_start(c) || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace rhai::syntax
