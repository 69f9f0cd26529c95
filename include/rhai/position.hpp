// Source positions: every AST node, bytecode instruction and error carries one.
#pragma once
#include <cstdint>
#include <string>

namespace rhai {

// A 1-based line and column; line 0 means "no position" (Rhai's Position::NONE).
struct Position {
    uint32_t line = 0;
    uint32_t column = 0;

    constexpr bool is_none() const { return line == 0; }
    friend constexpr bool operator==(Position a, Position b) = default;
    // Rhai's Display: "line 3, position 7"; empty for none.
    std::string to_string() const {
        if (is_none()) return {};
        return "line " + std::to_string(line) + ", position " + std::to_string(column);
    }
};

}  // namespace rhai
