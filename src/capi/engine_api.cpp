// rhai_engine_*: creation with safe limits, configuration (all or nothing), clock, output
// hooks, and the host-driven deadlines.
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

#include "capi/handles.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

// Safe defaults for a C host (docs/c-abi.md): a script cannot exhaust memory through one
// string, array or map, nor the stack through recursion. Operations stay unlimited: a host
// bounds run time with task timeouts or op budgets instead.
void apply_safe_defaults(Engine& e) {
    e.set_max_call_levels(64);
    e.set_max_expr_depths(64, 32);
    e.set_max_string_size(16u << 20);
    e.set_max_array_size(1u << 20);
    e.set_max_map_size(1u << 20);
    e.set_max_pending_calls(100000);
}

uint64_t uint_setting(const rapidjson::Value& v, const std::string& key) {
    if (!v.IsUint64()) throw ApiError(RHAI_ERR_INVALID, "config: \"" + key + "\" must be a non-negative integer");
    return v.GetUint64();
}

bool bool_setting(const rapidjson::Value& v, const std::string& key) {
    if (!v.IsBool()) throw ApiError(RHAI_ERR_INVALID, "config: \"" + key + "\" must be true or false");
    return v.GetBool();
}

uint32_t u32_setting(const rapidjson::Value& v, const std::string& key) {
    uint64_t n = uint_setting(v, key);
    if (n > UINT32_MAX) throw ApiError(RHAI_ERR_INVALID, "config: \"" + key + "\" is too large");
    return static_cast<uint32_t>(n);
}

// Builds the change for one key (validation only: nothing is applied yet).
std::function<void(rhai_engine&)> setting(const std::string& key, const rapidjson::Value& v) {
    using Fn = std::function<void(rhai_engine&)>;
    if (key == "max_operations") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_operations(n); };
    if (key == "max_call_levels") return [n = u32_setting(v, key)](rhai_engine& e) { e.engine.set_max_call_levels(n); };
    if (key == "max_expr_depth")
        return [n = u32_setting(v, key)](rhai_engine& e) { e.engine.core().limits.max_expr_depth = n; };
    if (key == "max_function_expr_depth")
        return [n = u32_setting(v, key)](rhai_engine& e) { e.engine.core().limits.max_function_expr_depth = n; };
    if (key == "max_string_size") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_string_size(n); };
    if (key == "max_array_size") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_array_size(n); };
    if (key == "max_map_size") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_map_size(n); };
    if (key == "max_variables") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_variables(n); };
    if (key == "max_functions") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_functions(n); };
    if (key == "max_modules") {
        uint64_t n = uint_setting(v, key);
        return [n](rhai_engine& e) { e.engine.set_max_modules(n == 0 ? SIZE_MAX : n); };
    }
    if (key == "max_memory") return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_memory(n); };
    if (key == "max_pending_calls")
        return [n = uint_setting(v, key)](rhai_engine& e) { e.engine.set_max_pending_calls(n); };
    if (key == "allow_eval") {
        // As Rhai hosts do it: `eval` becomes a disabled symbol (a syntax error), which the
        // parser enforces; EngineCore::allow_eval alone is not consulted by the VM.
        bool b = bool_setting(v, key);
        return [b](rhai_engine& e) {
            e.engine.set_allow_eval(b);
            if (b) e.engine.core().disabled_symbols.erase("eval");
            else e.engine.disable_symbol("eval");
        };
    }
    if (key == "allow_import") {
        bool b = bool_setting(v, key);
        return [b](rhai_engine& e) {
            if (!b) e.engine.disable_imports();
            else e.engine.set_module_resolver(std::make_shared<FileModuleResolver>());
        };
    }
    if (key == "strict_variables")
        return [b = bool_setting(v, key)](rhai_engine& e) { e.engine.set_strict_variables(b); };
    if (key == "fail_on_invalid_map_property")
        return [b = bool_setting(v, key)](rhai_engine& e) { e.engine.set_fail_on_invalid_map_property(b); };
    if (key == "call_timeout_ms") {
        if (!v.IsNumber() || v.GetDouble() < 0)
            throw ApiError(RHAI_ERR_INVALID, "config: \"call_timeout_ms\" must be a non-negative number");
        auto ns = std::chrono::nanoseconds(static_cast<int64_t>(v.GetDouble() * 1e6));
        return [ns](rhai_engine& e) { e.engine.set_call_timeout(ns.count() > 0 ? std::optional(ns) : std::nullopt); };
    }
    if (key == "optimization") {
        std::string s = v.IsString() ? v.GetString() : "";
        OptimizationLevel level = s == "none" ? OptimizationLevel::None
                                  : s == "full" ? OptimizationLevel::Full
                                                : OptimizationLevel::Simple;
        if (s != "none" && s != "simple" && s != "full")
            throw ApiError(RHAI_ERR_INVALID, "config: \"optimization\" must be \"none\", \"simple\" or \"full\"");
        return [level](rhai_engine& e) { e.engine.set_optimization_level(level); };
    }
    throw ApiError(RHAI_ERR_INVALID, "config: unknown key \"" + key + "\"");
    return Fn{};
}

}  // namespace

extern "C" {

rhai_engine* rhai_engine_new(void) {
    rhai_engine* e = nullptr;
    rhai_status s = guarded([&] {
        auto owned = std::make_unique<rhai_engine>();
        apply_safe_defaults(owned->engine);
        e = owned.release();
        register_handle(e, HandleKind::Engine);
        return RHAI_OK;
    });
    return s == RHAI_OK ? e : nullptr;
}

rhai_status rhai_engine_free(rhai_engine* engine) {
    if (!engine) return RHAI_OK;
    return guarded([&] {
        checked(engine);
        unregister_handle(engine);
        delete engine;  // ~Engine cancels its tasks: on_cancel / on_done callbacks run here
        return RHAI_OK;
    });
}

rhai_status rhai_engine_config(rhai_engine* engine, const char* config_json) {
    return guarded([&] {
        checked(engine);
        rapidjson::Document doc;
        parse_document(doc, text(config_json, "config_json"));
        if (!doc.IsObject()) throw JsonError("config must be a JSON object");
        std::vector<std::function<void(rhai_engine&)>> changes;
        // Const iterators: `!=` on two non-const rapidjson ones is ambiguous in C++20.
        const rapidjson::Value& settings = doc;
        for (auto it = settings.MemberBegin(); it != settings.MemberEnd(); ++it)
            changes.push_back(setting(it->name.GetString(), it->value));
        for (auto& change : changes) change(*engine);  // every key was valid: apply them all
        return RHAI_OK;
    });
}

rhai_status rhai_engine_get_config(rhai_engine* engine, char** out) {
    return guarded([&] {
        checked(engine);
        require(out, "out");
        const Limits& l = engine->engine.limits();
        const EngineCore& c = engine->engine.core();
        rapidjson::StringBuffer buf;
        JsonWriter w(buf);
        w.StartObject();
        w.Key("max_operations"); w.Uint64(l.max_operations);
        w.Key("max_call_levels"); w.Uint(l.max_call_levels);
        w.Key("max_expr_depth"); w.Uint(l.max_expr_depth);
        w.Key("max_function_expr_depth"); w.Uint(l.max_function_expr_depth);
        w.Key("max_string_size"); w.Uint64(l.max_string_size);
        w.Key("max_array_size"); w.Uint64(l.max_array_size);
        w.Key("max_map_size"); w.Uint64(l.max_map_size);
        w.Key("max_variables"); w.Uint64(l.max_variables);
        w.Key("max_functions"); w.Uint64(l.max_functions);
        w.Key("max_modules"); w.Uint64(l.max_modules == SIZE_MAX ? 0 : l.max_modules);
        w.Key("max_memory"); w.Uint64(l.max_memory);
        w.Key("max_pending_calls"); w.Uint64(engine->engine.max_pending_calls());
        w.Key("allow_eval"); w.Bool(c.allow_eval);
        w.Key("allow_import"); w.Bool(c.module_resolver && !dynamic_cast<const DummyModuleResolver*>(c.module_resolver.get()));
        w.Key("strict_variables"); w.Bool(c.strict_variables);
        w.Key("fail_on_invalid_map_property"); w.Bool(c.fail_on_invalid_map_property);
        auto timeout = engine->engine.call_timeout();
        w.Key("call_timeout_ms"); w.Double(timeout ? double(timeout->count()) / 1e6 : 0.0);
        static constexpr const char* kLevels[] = {"none", "simple", "full"};
        w.Key("optimization"); w.String(kLevels[static_cast<int>(engine->engine.optimization_level())]);
        w.EndObject();
        *out = dup_string(std::string_view(buf.GetString(), buf.GetSize()));
        return RHAI_OK;
    });
}

rhai_status rhai_engine_set_clock(rhai_engine* engine, rhai_clock_fn clock, void* user_data) {
    return guarded([&] {
        checked(engine);
        if (!clock) {
            engine->engine.set_clock(nullptr);
            return RHAI_OK;
        }
        engine->engine.set_clock([clock, user_data] {
            return TimePoint(std::chrono::duration_cast<AsyncClock::duration>(std::chrono::nanoseconds(clock(user_data))));
        });
        return RHAI_OK;
    });
}

rhai_status rhai_on_print(rhai_engine* engine, uint64_t callback_id, rhai_print_fn print, rhai_print_fn debug) {
    return guarded([&] {
        checked(engine);
        if (print) {
            engine->engine.on_print([=](std::string_view t) { print(callback_id, std::string(t).c_str()); });
        } else {
            engine->engine.on_print([](std::string_view t) { std::fwrite(t.data(), 1, t.size(), stdout); std::fputc('\n', stdout); });
        }
        if (debug) {
            engine->engine.on_debug([=](std::string_view t, std::string_view, Position) { debug(callback_id, std::string(t).c_str()); });
        } else {
            engine->engine.on_debug([](std::string_view t, std::string_view, Position) { std::fwrite(t.data(), 1, t.size(), stderr); std::fputc('\n', stderr); });
        }
        return RHAI_OK;
    });
}

int64_t rhai_now(rhai_engine* engine) {
    int64_t now = -1;
    guarded([&] {
        checked(engine);
        now = std::chrono::duration_cast<std::chrono::nanoseconds>(engine->engine.now().time_since_epoch()).count();
        return RHAI_OK;
    });
    return now;
}

rhai_status rhai_next_deadline(rhai_engine* engine, int64_t* out, int32_t* has) {
    return guarded([&] {
        checked(engine);
        require(out, "out");
        require(has, "has");
        std::optional<TimePoint> d = engine->engine.next_deadline();
        *has = d ? 1 : 0;
        *out = d ? std::chrono::duration_cast<std::chrono::nanoseconds>(d->time_since_epoch()).count() : 0;
        return RHAI_OK;
    });
}

rhai_status rhai_expire(rhai_engine* engine, int64_t now_ns, uint64_t* expired) {
    return guarded([&] {
        checked(engine);
        TimePoint now = now_ns < 0 ? engine->engine.now()
                                   : TimePoint(std::chrono::duration_cast<AsyncClock::duration>(std::chrono::nanoseconds(now_ns)));
        size_t n = engine->engine.expire(now);
        if (expired) *expired = n;
        return RHAI_OK;
    });
}

}  // extern "C"
