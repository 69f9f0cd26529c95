// What the C ABI's opaque handles are, and the registry that tells a live handle from a freed
// or foreign pointer (so a bad handle is refused with RHAI_ERR_BAD_HANDLE, not dereferenced).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "capi/json_value.hpp"
#include "capi/status.hpp"
#include "rhai/engine.hpp"
#include "rhai/rhai.h"

namespace rhai::capi {

enum class HandleKind : uint8_t { Engine, Ast, Scope, Task };

// Live handles of the process. A lookup is one uncontended lock and a hash probe.
void register_handle(const void* p, HandleKind kind);
void unregister_handle(const void* p);
bool is_live_handle(const void* p, HandleKind kind);

// A pending host call, by its future id (host-issued or engine-issued).
struct PendingFuture {
    Completion completion;
};

}  // namespace rhai::capi

struct rhai_engine {
    // Values kept on the host's behalf ({"$handle":N}); shared with scopes and tasks, which
    // may outlive the engine.
    std::shared_ptr<rhai::capi::ValueTable> values = std::make_shared<rhai::capi::ValueTable>();

    std::mutex mu;  // the fields below; never held while calling into the engine or the host
    std::unordered_map<uint64_t, rhai::capi::PendingFuture> futures;
    uint64_t next_future_id = 1;  // engine-issued ids (listeners)
    rhai_cancel_fn cancel = nullptr;
    uint64_t cancel_id = 0;
    rhai_clock_fn clock = nullptr;
    void* clock_data = nullptr;

    // Declared last so it is destroyed first: cancelling its tasks still finds the maps above.
    rhai::Engine engine;
};

struct rhai_ast {
    rhai::AST ast;
};

struct rhai_scope {
    // Shared so that a task running with this scope keeps it alive after rhai_scope_free.
    std::shared_ptr<rhai::Scope> scope = std::make_shared<rhai::Scope>();
    std::shared_ptr<rhai::capi::ValueTable> values;
};

struct rhai_task {
    rhai::Task task;
    std::shared_ptr<rhai::capi::ValueTable> values;
};

namespace rhai::capi {

// The handle itself, or ApiError (RHAI_ERR_NULL / RHAI_ERR_BAD_HANDLE).
template <class T>
T* checked(T* p, HandleKind kind, const char* what) {
    require(p, what);
    if (!is_live_handle(p, kind))
        throw ApiError(RHAI_ERR_BAD_HANDLE, std::string(what) + " is not a live handle (freed, or never created here)");
    return p;
}
inline rhai_engine* checked(rhai_engine* p) { return checked(p, HandleKind::Engine, "engine"); }
inline rhai_scope* checked(rhai_scope* p) { return checked(p, HandleKind::Scope, "scope"); }
inline const rhai_ast* checked(const rhai_ast* p) { return checked(p, HandleKind::Ast, "ast"); }
inline rhai_task* checked(rhai_task* p) { return checked(p, HandleKind::Task, "task"); }
// A scope argument that may be NULL.
inline rhai_scope* checked_optional(rhai_scope* p) { return p ? checked(p) : nullptr; }

// Null-checks a C string argument.
inline std::string_view text(const char* s, const char* what) {
    require(s, what);
    return s;
}

}  // namespace rhai::capi
