// rhai_scope_*: variables the host passes in and reads back, as JSON.
#include "capi/handles.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

std::string variable_name(const char* name) {
    std::string n(text(name, "name"));
    if (n.empty()) throw ApiError(RHAI_ERR_INVALID, "a variable name must not be empty");
    return n;
}

}  // namespace

extern "C" {

rhai_scope* rhai_scope_new(rhai_engine* engine) {
    rhai_scope* s = nullptr;
    guarded([&] {
        checked(engine);
        auto owned = std::make_unique<rhai_scope>();
        owned->values = engine->values;
        s = owned.release();
        register_handle(s, HandleKind::Scope);
        return RHAI_OK;
    });
    return s;
}

rhai_status rhai_scope_free(rhai_scope* scope) {
    if (!scope) return RHAI_OK;
    return guarded([&] {
        checked(scope);
        unregister_handle(scope);
        delete scope;
        return RHAI_OK;
    });
}

rhai_status rhai_scope_set(rhai_scope* scope, const char* name, const char* value_json) {
    return guarded([&] {
        checked(scope);
        std::string n = variable_name(name);
        Dynamic v = parse_value(text(value_json, "value_json"), scope->values.get());
        scope->scope->set_dynamic(n, std::move(v));
        return RHAI_OK;
    });
}

rhai_status rhai_scope_set_constant(rhai_scope* scope, const char* name, const char* value_json) {
    return guarded([&] {
        checked(scope);
        std::string n = variable_name(name);
        Dynamic v = parse_value(text(value_json, "value_json"), scope->values.get());
        scope->scope->push_constant_dynamic(n, std::move(v));
        return RHAI_OK;
    });
}

rhai_status rhai_scope_get(rhai_scope* scope, const char* name, char** out) {
    if (out) *out = nullptr;
    return guarded([&] {
        checked(scope);
        require(out, "out");
        std::string n = variable_name(name);
        const Dynamic* v = scope->scope->get(n);
        if (!v) throw ApiError(RHAI_ERR_INVALID, "no variable '" + n + "' in the scope");
        *out = dup_string(to_json(*v, scope->values.get()));
        return RHAI_OK;
    });
}

rhai_status rhai_scope_to_json(rhai_scope* scope, char** out) {
    if (out) *out = nullptr;
    return guarded([&] {
        checked(scope);
        require(out, "out");
        Map all;  // oldest first, so the newest of a repeated name wins
        for (const Scope::Entry& e : *scope->scope) all.insert_or_assign(e.name, e.value.flatten());
        rapidjson::StringBuffer buf;
        JsonWriter w(buf);
        w.StartObject();  // plain object: the keys are variable names, never tags
        for (const auto& [k, v] : all) {
            w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
            write_value(w, v, scope->values.get());
        }
        w.EndObject();
        *out = dup_string(std::string_view(buf.GetString(), buf.GetSize()));
        return RHAI_OK;
    });
}

rhai_status rhai_scope_len(rhai_scope* scope, uint64_t* out) {
    return guarded([&] {
        checked(scope);
        require(out, "out");
        *out = scope->scope->len();
        return RHAI_OK;
    });
}

}  // extern "C"
