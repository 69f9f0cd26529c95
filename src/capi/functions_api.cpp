// Host functions through the C ABI: the JSON-envelope callback and the listener flavour, the
// future ids pending calls are known by, rhai_complete_future and the cancel notifier.
//
// A C host function is one native per arity (0..RHAI_MAX_ARITY), every parameter `any`.
// The envelope flavour calls the host first: a "success" or "error" answer never touches the
// async machinery (the synchronous fast path); only "pending" goes through
// detail::invoke_async, which suspends the task (or, in a synchronous eval, fails naming
// eval_async).
#include <string>

#include "capi/handles.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

struct HostFunction {
    rhai_engine* owner = nullptr;
    std::string name;
    uint64_t callback_id = 0;
    rhai_callback callback = nullptr;
    rhai_release_fn release = nullptr;
    rhai_listener listener = nullptr;
    std::shared_ptr<const detail::AsyncSite> site;
};

struct ArityEntry {
    std::shared_ptr<const HostFunction> fn;
    size_t arity = 0;
};

EvalError host_error(const HostFunction& f, const std::string& what) {
    return EvalError(ErrorKind::ErrorSystem, "Host function '" + f.name + "' " + what);
}

void encode_args(const HostFunction& f, Dynamic** args, size_t n, rapidjson::StringBuffer& buf) {
    JsonWriter w(buf);
    w.StartArray();
    for (size_t i = 0; i < n; ++i) write_value(w, *args[i], f.owner->values.get());
    w.EndArray();
}

const char* reason_name(CancelReason r) {
    switch (r) {
        case CancelReason::TaskCancelled: return "cancelled";
        case CancelReason::Timeout: return "timeout";
        case CancelReason::TaskDeadline: return "deadline";
        case CancelReason::EngineDestroyed: return "engine_freed";
    }
    return "cancelled";
}

// The call was abandoned: forget its id (if it still names this call) and tell the host.
void forget_future(rhai_engine* owner, uint64_t future_id, uint64_t call_id, CancelReason why) {
    rhai_cancel_fn notify = nullptr;
    uint64_t notify_id = 0;
    {
        std::lock_guard lock(owner->mu);
        auto it = owner->futures.find(future_id);
        if (it == owner->futures.end() || it->second.completion.id() != call_id) return;
        owner->futures.erase(it);
        notify = owner->cancel;
        notify_id = owner->cancel_id;
    }
    if (notify) notify(notify_id, future_id, reason_name(why));
}

void watch_cancel(rhai_engine* owner, uint64_t future_id, const Completion& done) {
    done.on_cancel([owner, future_id, call_id = done.id()](CancelReason why) {
        forget_future(owner, future_id, call_id, why);
    });
}

// A host-issued id names this call from now on. Throws when the id is already pending.
void adopt_host_future(const HostFunction& f, uint64_t future_id, const Completion& done) {
    {
        std::lock_guard lock(f.owner->mu);
        if (!f.owner->futures.emplace(future_id, PendingFuture{done}).second)
            throw host_error(f, "answered pending with future_id " + std::to_string(future_id) +
                                    ", which already names another pending call of this engine");
    }
    watch_cancel(f.owner, future_id, done);
}

// An engine-issued id: the next of the engine's counter that is not pending (host ids may
// share the space).
uint64_t adopt_engine_future(rhai_engine* owner, const Completion& done) {
    uint64_t id;
    {
        std::lock_guard lock(owner->mu);
        do {
            id = owner->next_future_id++;
        } while (id == 0 || owner->futures.count(id));
        owner->futures.emplace(id, PendingFuture{done});
    }
    watch_cancel(owner, id, done);
    return id;
}

// The host's envelope, copied and checked. Throws EvalError (raised at the call site).
Dynamic answer_of(const HostFunction& f, NativeCallContext& ctx, std::string_view reply) {
    ScratchDocument scratch;
    rapidjson::Document& doc = scratch.doc();
    try {
        parse_document(doc, reply);
    } catch (const JsonError& e) {
        throw host_error(f, std::string("returned a malformed envelope: ") + e.what());
    }
    if (!doc.IsObject()) throw host_error(f, "returned an envelope that is not a JSON object");
    // Read through a const view: with two non-const rapidjson iterators `==` is ambiguous in
    // C++20 (clang -Wambiguous-reversed-operator).
    const rapidjson::Value& envelope = doc;
    auto status = envelope.FindMember("status");
    if (status == envelope.MemberEnd() || !status->value.IsString())
        throw host_error(f, "returned an envelope without a \"status\" string");
    std::string_view st(status->value.GetString(), status->value.GetStringLength());
    if (st == "success") {
        auto v = envelope.FindMember("value");
        if (v == envelope.MemberEnd()) throw host_error(f, "answered success without a \"value\"");
        try {
            return from_json(v->value, f.owner->values.get());
        } catch (const JsonError& e) {
            throw host_error(f, std::string("answered an invalid value: ") + e.what());
        }
    }
    if (st == "error") {
        auto e = envelope.FindMember("error");
        if (e == envelope.MemberEnd() || !e->value.IsString())
            throw host_error(f, "answered error without an \"error\" string");
        throw EvalError::runtime(Dynamic(std::string(e->value.GetString(), e->value.GetStringLength())));
    }
    if (st == "pending") {
        auto id = envelope.FindMember("future_id");
        if (id == envelope.MemberEnd() || !id->value.IsUint64())
            throw host_error(f, "answered pending without a non-negative integer \"future_id\"");
        struct Env {
            const HostFunction* f;
            uint64_t id;
        } env{&f, id->value.GetUint64()};
        return detail::invoke_async(*f.site, ctx, [](void* p, Completion done) {
            auto& e = *static_cast<Env*>(p);
            adopt_host_future(*e.f, e.id, done);
        }, &env);
    }
    throw host_error(f, "returned an unknown status \"" + std::string(st) + "\"");
}

// Hands a released-flavour envelope back to the host however answer_of ends.
struct ReleaseEnvelope {
    const HostFunction& f;
    const char* envelope;
    ~ReleaseEnvelope() {
        if (f.release) f.release(f.callback_id, envelope);
    }
};

Dynamic call_envelope(const HostFunction& f, NativeCallContext& ctx, Dynamic** args, size_t n) {
    rapidjson::StringBuffer args_json;
    encode_args(f, args, n, args_json);
    const char* reply = f.callback(f.callback_id, args_json.GetString());
    if (!reply) throw host_error(f, "returned NULL instead of an envelope");
    // The envelope is borrowed until control returns to the host: answer_of parses it (the
    // document copies its strings) before anything can call back into the host.
    ReleaseEnvelope guard{f, reply};
    return answer_of(f, ctx, reply);
}

Dynamic call_listener(const HostFunction& f, NativeCallContext& ctx, Dynamic** args, size_t n) {
    struct Env {
        const HostFunction* f;
        rapidjson::StringBuffer args;
    } env{&f, {}};
    encode_args(f, args, n, env.args);
    return detail::invoke_async(*f.site, ctx, [](void* p, Completion done) {
        auto& e = *static_cast<Env*>(p);
        uint64_t id = adopt_engine_future(e.f->owner, done);
        e.f->listener(e.f->callback_id, id, e.args.GetString());
    }, &env);
}

Dynamic invoke_host(const void* state, NativeCallContext& ctx, Dynamic** args) {
    const auto& entry = *static_cast<const ArityEntry*>(state);
    const HostFunction& f = *entry.fn;
    return f.listener ? call_listener(f, ctx, args, entry.arity) : call_envelope(f, ctx, args, entry.arity);
}

rhai_status register_host(rhai_engine* engine, const char* name, HostFunction f) {
    return guarded([&] {
        checked(engine);
        f.name = std::string(text(name, "name"));
        if (f.name.empty()) throw ApiError(RHAI_ERR_INVALID, "a function name must not be empty");
        if (!f.callback && !f.listener) throw ApiError(RHAI_ERR_NULL, "callback is NULL");
        f.owner = engine;
        f.site = engine->engine.make_async_site(f.name);
        auto shared = std::make_shared<const HostFunction>(std::move(f));
        for (size_t arity = 0; arity <= RHAI_MAX_ARITY; ++arity) {
            NativeFunction native;
            native.name = shared->name;
            native.params.assign(arity, ParamType::dynamic());
            native.invoke = &invoke_host;
            native.state = std::make_shared<const ArityEntry>(ArityEntry{shared, arity});
            engine->engine.register_native(std::move(native));
        }
        return RHAI_OK;
    });
}

// {"value": v} or {"error": "message"}: the key decides.
struct Outcome {
    std::optional<Dynamic> value;
    std::string error;
};

Outcome parse_outcome(rhai_engine* engine, std::string_view json) {
    ScratchDocument scratch;
    rapidjson::Document& doc = scratch.doc();
    parse_document(doc, json);
    if (!doc.IsObject()) throw JsonError("a completion must be {\"value\": ...} or {\"error\": \"...\"}");
    const rapidjson::Value& outcome = doc;  // const iterators (see answer_of)
    auto v = outcome.FindMember("value");
    auto e = outcome.FindMember("error");
    if ((v == outcome.MemberEnd()) == (e == outcome.MemberEnd()) || outcome.MemberCount() != 1)
        throw JsonError("a completion must have exactly one key, \"value\" or \"error\"");
    if (v != outcome.MemberEnd()) return Outcome{from_json(v->value, engine->values.get()), {}};
    if (!e->value.IsString()) throw JsonError("\"error\" must be a string");
    return Outcome{std::nullopt, std::string(e->value.GetString(), e->value.GetStringLength())};
}

}  // namespace

extern "C" {

rhai_status rhai_register_function(rhai_engine* engine, const char* name, uint64_t callback_id,
                                   rhai_callback callback) {
    return register_host(engine, name, HostFunction{nullptr, {}, callback_id, callback, nullptr, nullptr, nullptr});
}

rhai_status rhai_register_function_ex(rhai_engine* engine, const char* name, uint64_t callback_id,
                                      rhai_callback callback, rhai_release_fn release) {
    return register_host(engine, name, HostFunction{nullptr, {}, callback_id, callback, release, nullptr, nullptr});
}

rhai_status rhai_register_listener(rhai_engine* engine, const char* name, uint64_t callback_id,
                                   rhai_listener listener) {
    return register_host(engine, name, HostFunction{nullptr, {}, callback_id, nullptr, nullptr, listener, nullptr});
}

rhai_status rhai_complete_future(rhai_engine* engine, uint64_t future_id, const char* result_json) {
    return guarded([&] {
        checked(engine);
        // Parse before touching the call: bad JSON leaves it pending.
        Outcome outcome = parse_outcome(engine, text(result_json, "result_json"));
        Completion done;
        {
            std::lock_guard lock(engine->mu);
            auto it = engine->futures.find(future_id);
            if (it == engine->futures.end())
                throw ApiError(RHAI_ERR_UNKNOWN_FUTURE, "no pending call with future_id " + std::to_string(future_id) +
                                                            " on this engine (never issued, already completed, "
                                                            "timed out or cancelled)");
            done = std::move(it->second.completion);
            engine->futures.erase(it);
        }
        // The waiting script continues inside resolve / reject, on this thread.
        bool ok = outcome.value ? done.resolve(std::move(*outcome.value))
                                : done.reject(EvalError::runtime(Dynamic(std::move(outcome.error))));
        if (!ok) throw ApiError(RHAI_ERR_TOO_LATE, "future_id " + std::to_string(future_id) + " was abandoned before this completion");
        return RHAI_OK;
    });
}

rhai_status rhai_on_cancel(rhai_engine* engine, uint64_t callback_id, rhai_cancel_fn cancel) {
    return guarded([&] {
        checked(engine);
        std::lock_guard lock(engine->mu);
        engine->cancel = cancel;
        engine->cancel_id = callback_id;
        return RHAI_OK;
    });
}

rhai_status rhai_pending_count(rhai_engine* engine, uint64_t* out) {
    return guarded([&] {
        checked(engine);
        require(out, "out");
        std::lock_guard lock(engine->mu);
        *out = engine->futures.size();
        return RHAI_OK;
    });
}

rhai_status rhai_release_value(rhai_engine* engine, uint64_t handle) {
    return guarded([&] {
        checked(engine);
        if (!engine->values->release(handle))
            throw ApiError(RHAI_ERR_INVALID, "no kept value with handle " + std::to_string(handle));
        return RHAI_OK;
    });
}

}  // extern "C"
