// rhai-cpp: the Rhai scripting language for C++20 applications. Include this one header.
//
//   #include <rhai/rhai.hpp>
//   rhai::Engine engine;
//   engine.register_fn("greet", [](const std::string& who) { return "hello, " + who; });
//   std::string s = engine.eval<std::string>(R"(greet("world"))");
//
// See docs/embedding.md for a guided tour.
#pragma once

#include "rhai/ast.hpp"
#include "rhai/diagnostic.hpp"
#include "rhai/dynamic.hpp"
#include "rhai/engine.hpp"
#include "rhai/error.hpp"
#include "rhai/module.hpp"
#include "rhai/module_resolver.hpp"
#include "rhai/position.hpp"
#include "rhai/result.hpp"
#include "rhai/scope.hpp"
#include "rhai/version.h"
