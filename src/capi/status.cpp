// The last error (thread-local, as errno is) and the mapping of exceptions to status codes.
#include "capi/status.hpp"
#include "rhai/version.h"

namespace rhai::capi {

namespace {

thread_local std::string t_last_error;
thread_local bool t_has_error = false;

std::string_view category(ErrorKind k) {
    switch (k) {
        case ErrorKind::ErrorParsing: return "parse";
        case ErrorKind::ErrorTimeout: return "timeout";
        case ErrorKind::ErrorCancelled: return "cancelled";
        default: return "runtime";
    }
}

void write_position(JsonWriter& w, Position pos) {
    w.Key("line");
    w.Uint(pos.line);
    w.Key("column");
    w.Uint(pos.column);
}

void write_text(JsonWriter& w, const char* key, std::string_view text) {
    w.Key(key);
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

}  // namespace

void clear_last_error() {
    t_has_error = false;
    t_last_error.clear();
}

void set_last_error(std::string json) {
    t_last_error = std::move(json);
    t_has_error = true;
}

std::string error_json(const EvalError& outer, ValueTable* table) {
    // The call chain (outermost first), then the innermost error's message and position:
    // that is where the script actually failed.
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    const EvalError* e = &outer;
    w.StartObject();
    w.Key("call_stack");
    w.StartArray();
    while (e->kind() == ErrorKind::ErrorInFunctionCall && e->inner()) {
        w.StartObject();
        auto fn = e->fields().find("function");
        write_text(w, "function", fn != e->fields().end() && fn->second.is_string() ? fn->second.as_string() : "");
        write_position(w, e->position());
        w.EndObject();
        e = e->inner().get();
    }
    w.EndArray();
    write_text(w, "kind", category(e->kind()));
    write_text(w, "error", error_kind_name(e->kind()));
    write_text(w, "message", e->message());
    write_position(w, e->position().is_none() ? outer.position() : e->position());
    if (e->kind() == ErrorKind::ErrorRuntime) {
        w.Key("value");
        try {
            write_value(w, e->thrown(), table);
        } catch (const JsonError&) {
            w.Null();
        }
    }
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

std::string error_json(const ParseError& e) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    write_text(w, "kind", "parse");
    write_text(w, "error", parse_error_kind_name(e.kind()));
    write_text(w, "message", e.message());
    write_position(w, e.position());
    w.Key("call_stack");
    w.StartArray();
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

std::string error_json(std::string_view kind, std::string_view error, std::string_view message) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    write_text(w, "kind", kind);
    write_text(w, "error", error);
    write_text(w, "message", message);
    write_position(w, Position{});
    w.Key("call_stack");
    w.StartArray();
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

char* dup_string(std::string_view s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

rhai_status status_of_current_exception(ValueTable* table) noexcept {
    try {
        try {
            throw;
        } catch (const ApiError& e) {
            std::string_view name = e.code == RHAI_ERR_NULL          ? "NullPointer"
                                    : e.code == RHAI_ERR_BAD_HANDLE  ? "BadHandle"
                                    : e.code == RHAI_ERR_UNKNOWN_FUTURE ? "UnknownFuture"
                                    : e.code == RHAI_ERR_TOO_LATE    ? "TooLate"
                                    : e.code == RHAI_ERR_STATE       ? "WrongState"
                                                                     : "InvalidArgument";
            set_last_error(error_json("input", name, e.what()));
            return e.code;
        } catch (const JsonError& e) {
            set_last_error(error_json("input", "BadJson", e.what()));
            return RHAI_ERR_JSON;
        } catch (const ParseError& e) {
            set_last_error(error_json(e));
            return RHAI_ERR_PARSE;
        } catch (const EvalError& e) {
            set_last_error(error_json(e, table));
            return RHAI_ERR_EVAL;
        } catch (const std::bad_alloc&) {
            set_last_error(error_json("internal", "OutOfMemory", "out of memory"));
            return RHAI_ERR_INTERNAL;
        } catch (const std::exception& e) {
            set_last_error(error_json("internal", "Internal", e.what()));
            return RHAI_ERR_INTERNAL;
        } catch (...) {
            set_last_error(error_json("internal", "Internal", "unknown C++ exception"));
            return RHAI_ERR_INTERNAL;
        }
    } catch (...) {
        // Recording the error itself failed (out of memory): the code still says what happened.
        return RHAI_ERR_INTERNAL;
    }
}

}  // namespace rhai::capi

extern "C" {

void rhai_free_string(char* s) { std::free(s); }

char* rhai_get_last_error(void) {
    using namespace rhai::capi;
    if (!t_has_error) return nullptr;
    try {
        return dup_string(t_last_error);
    } catch (...) {
        return nullptr;
    }
}

const char* rhai_version(void) { return RHAI_VERSION; }

}  // extern "C"
