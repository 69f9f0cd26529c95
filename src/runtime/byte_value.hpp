// Rhai's `u8`: the element type a BLOB yields when iterated (`for x in blob`). Real Rhai has
// every Rust integer type; rhai-cpp's Dynamic has only INT, so `u8` is a small built-in custom
// value. It prints as its number, compares with other u8 values, and — as in Rhai — mixes with
// INT only through explicit conversion (`x.to_int()`): `sum += x` with an INT `sum` is
// "Function not found: += (i64, u8)".
#pragma once

#include <cstdint>
#include <string>
#include <typeinfo>

#include "rhai/dynamic.hpp"

namespace rhai {

struct ByteValue final : CustomObj {
    uint8_t value;
    explicit ByteValue(uint8_t v) : value(v) {}
    const std::type_info& type() const override { return typeid(ByteValue); }
    CustomObj* clone() const override { return new ByteValue(value); }
    void* address() override { return &value; }
    std::string type_name() const override { return "u8"; }
    bool append_text(std::string& out) const override {
        out += std::to_string(value);
        return true;
    }
    bool same_value(const CustomObj& other) const override {
        return other.type() == typeid(ByteValue) && static_cast<const ByteValue&>(other).value == value;
    }
};

inline Dynamic make_byte(uint8_t v) { return Dynamic::from_heap(Tag::Custom, new ByteValue(v)); }
inline const ByteValue* as_byte(const Dynamic& d) {
    if (!d.is_custom() || d.as_custom().type() != typeid(ByteValue)) return nullptr;
    return static_cast<const ByteValue*>(&d.as_custom());
}

}  // namespace rhai
