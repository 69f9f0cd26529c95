// The live-handle registry (see handles.hpp).
#include "capi/handles.hpp"

namespace rhai::capi {

namespace {
std::mutex g_mu;
std::unordered_map<const void*, HandleKind>& live() {
    static auto* m = new std::unordered_map<const void*, HandleKind>();  // never destroyed: safe at exit
    return *m;
}
}  // namespace

void register_handle(const void* p, HandleKind kind) {
    std::lock_guard lock(g_mu);
    live()[p] = kind;
}

void unregister_handle(const void* p) {
    std::lock_guard lock(g_mu);
    live().erase(p);
}

bool is_live_handle(const void* p, HandleKind kind) {
    std::lock_guard lock(g_mu);
    auto it = live().find(p);
    return it != live().end() && it->second == kind;
}

}  // namespace rhai::capi
