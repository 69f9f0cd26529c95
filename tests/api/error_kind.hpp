// The kind of the EvalError a script fails with (a test failure when it does not fail).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "rhai/engine.hpp"

namespace api_test {

inline rhai::ErrorKind kind_of_failure(const rhai::Engine& engine, const std::string& script) {
    try {
        engine.run(script);
    } catch (const rhai::EvalError& e) {
        return e.kind();
    }
    ADD_FAILURE() << "expected an EvalError from: " << script;
    return rhai::ErrorKind::ErrorSystem;
}

}  // namespace api_test
