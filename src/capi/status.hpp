// Status codes, the thread-local last error, and the catch-all every extern "C" entry runs
// its body in (no C++ exception may cross the C ABI).
#pragma once

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "capi/json_value.hpp"
#include "rhai/error.hpp"
#include "rhai/rhai.h"

namespace rhai::capi {

// A failure the shim itself detects (bad input, bad handle, wrong state).
class ApiError : public std::runtime_error {
public:
    ApiError(rhai_status code, std::string message) : std::runtime_error(std::move(message)), code(code) {}
    rhai_status code;
};

void clear_last_error();
void set_last_error(std::string json);

// Error JSON: {"kind","error","message","line","column","call_stack"[, "value"]}.
std::string error_json(const EvalError& e, ValueTable* table);
std::string error_json(const ParseError& e);
std::string error_json(std::string_view kind, std::string_view error, std::string_view message);

// A copy the host frees with rhai_free_string (malloc'd, so any C host could free it too).
char* dup_string(std::string_view s);

// Throws ApiError(RHAI_ERR_NULL) naming the argument when p is null.
inline void require(const void* p, const char* what) {
    if (!p) throw ApiError(RHAI_ERR_NULL, std::string(what) + " is NULL");
}

// Records the exception in flight as the last error and returns its status code.
rhai_status status_of_current_exception(ValueTable* table) noexcept;

// Runs `body` (returning rhai_status) with the last error cleared and every exception turned
// into a status code.
template <class F>
rhai_status guarded(F&& body, ValueTable* table = nullptr) noexcept {
    clear_last_error();
    try {
        return body();
    } catch (...) {
        return status_of_current_exception(table);
    }
}

}  // namespace rhai::capi
