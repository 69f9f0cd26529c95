// The standard packages: one file per Rhai package, each registering its natives into an
// EngineCore. register_standard_packages() installs them all (Rhai's StandardPackage).
#pragma once

#include "runtime/engine_core.hpp"

namespace rhai::packages {

void register_language(EngineCore& e);    // language.cpp: print, debug, type_of, timestamp-free core
void register_arithmetic(EngineCore& e);  // arithmetic.cpp: operators on INT/FLOAT/char/bool, abs, sign, ...
void register_logic(EngineCore& e);       // logic.cpp: comparisons across types, ! && || helpers
void register_bit_field(EngineCore& e);   // bit_field.cpp: get_bit, set_bit, get_bits, set_bits, bits()
void register_math(EngineCore& e);        // math.cpp: trig, sqrt, floor, parse_int, to_hex, ...
void register_string(EngineCore& e);      // string.cpp: basic string functions and operators
void register_string_more(EngineCore& e); // string_more.cpp: split, pad, trim, replace, ...
void register_array(EngineCore& e);       // array.cpp: non-callback array functions
void register_map(EngineCore& e);         // map.cpp: object map functions, to_json
void register_blob(EngineCore& e);        // blob.cpp
void register_iterators(EngineCore& e);   // iterators.cpp: range(), ranges, chars(), bits() streams
void register_fn_ptr(EngineCore& e);      // fn_ptr.cpp: name, is_anonymous, curry (call is a VM intrinsic)
void register_time(EngineCore& e);
void register_byte(EngineCore& e);       // byte.cpp: the u8 values a BLOB yields when iterated        // time.cpp: timestamp(), elapsed, arithmetic

void register_standard_packages(EngineCore& e);

// Higher-order built-ins (map, filter, reduce, sort with a comparer, ...) are written in Rhai
// itself so that a host call inside their callback can suspend the script like any other
// script code. This is their source; the VM compiles it once and resolves method calls that
// no native matches against it (prelude.cpp).
const char* prelude_source();

}  // namespace rhai::packages
