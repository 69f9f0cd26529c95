// rhai_register_scalar_function: host functions whose arguments and result are scalars cross
// as rhai_scalar structs instead of JSON text (the envelope path's cost is mostly writing and
// parsing JSON; docs/benchmarks.md, "C ABI"). Synchronous only: a host that needs to answer
// "pending" uses the envelope flavour.
#include <string>
#include <vector>

#include "capi/handles.hpp"
#include "runtime/utf8.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

struct ScalarFunction {
    std::string name;
    size_t arity = 0;
    uint64_t callback_id = 0;
    rhai_scalar_callback callback = nullptr;
};

// A STRING argument points into the argument itself (it outlives the callback), or into
// `text` for a char's UTF-8 and for a string read out of a shared cell.
rhai_scalar scalar_of(const ScalarFunction& f, const Dynamic& arg, size_t index, std::string& text) {
    rhai_scalar s{};
    if (arg.is_string()) {
        s.type = RHAI_SCALAR_STRING;
        s.s = arg.as_string().c_str();
        s.len = arg.as_string().size();
        return s;
    }
    Dynamic v = arg.flatten();
    switch (v.tag()) {
        case Tag::Unit: s.type = RHAI_SCALAR_UNIT; return s;
        case Tag::Bool: s.type = RHAI_SCALAR_BOOL; s.i = v.as_bool() ? 1 : 0; return s;
        case Tag::Int: s.type = RHAI_SCALAR_INT; s.i = v.as_int(); return s;
        case Tag::Float: s.type = RHAI_SCALAR_FLOAT; s.f = v.as_float(); return s;
        case Tag::Char: text = utf8_encode(v.as_char()); break;
        case Tag::String: text = v.as_string(); break;
        default:
            throw EvalError(ErrorKind::ErrorMismatchDataType,
                            "Host function '" + f.name + "' takes scalar arguments (unit, bool, int, float, string); "
                            "argument " + std::to_string(index + 1) + " is " + v.type_name());
    }
    s.type = RHAI_SCALAR_STRING;
    s.s = text.c_str();
    s.len = text.size();
    return s;
}

Dynamic value_of(const ScalarFunction& f, const rhai_scalar& r) {
    switch (r.type) {
        case RHAI_SCALAR_UNIT: return Dynamic();
        case RHAI_SCALAR_BOOL: return Dynamic(r.i != 0);
        case RHAI_SCALAR_INT: return Dynamic(INT(r.i));
        case RHAI_SCALAR_FLOAT: return Dynamic(FLOAT(r.f));
        case RHAI_SCALAR_STRING:
            if (!r.s && r.len) break;
            return Dynamic(std::string(r.s ? r.s : "", r.len));
    }
    throw EvalError(ErrorKind::ErrorSystem, "Host function '" + f.name + "' returned an invalid rhai_scalar (type " +
                                                std::to_string(r.type) + (r.s ? "" : ", NULL string") + ")");
}

Dynamic invoke_scalar(const void* state, NativeCallContext&, Dynamic** args) {
    const auto& f = *static_cast<const ScalarFunction*>(state);
    rhai_scalar in[RHAI_MAX_ARITY];
    std::string text[RHAI_MAX_ARITY];
    for (size_t i = 0; i < f.arity; ++i) in[i] = scalar_of(f, *args[i], i, text[i]);
    rhai_scalar out{};
    out.type = -1;  // a callback that sets nothing is caught as invalid
    if (f.callback(f.callback_id, in, f.arity, &out) != 0) {
        std::string message = out.type == RHAI_SCALAR_STRING && out.s ? std::string(out.s, out.len)
                                                                      : "Host function '" + f.name + "' failed";
        throw EvalError::runtime(Dynamic(std::move(message)));
    }
    return value_of(f, out);
}

}  // namespace

extern "C" rhai_status rhai_register_scalar_function(rhai_engine* engine, const char* name, size_t arity,
                                                     uint64_t callback_id, rhai_scalar_callback callback) {
    return guarded([&] {
        checked(engine);
        ScalarFunction f{std::string(text(name, "name")), arity, callback_id, callback};
        if (f.name.empty()) throw ApiError(RHAI_ERR_INVALID, "a function name must not be empty");
        if (!callback) throw ApiError(RHAI_ERR_NULL, "callback is NULL");
        if (arity > RHAI_MAX_ARITY)
            throw ApiError(RHAI_ERR_INVALID, "arity " + std::to_string(arity) + " is above RHAI_MAX_ARITY (" +
                                                 std::to_string(RHAI_MAX_ARITY) + ")");
        NativeFunction native;
        native.name = f.name;
        native.params.assign(arity, ParamType::dynamic());
        native.invoke = &invoke_scalar;
        native.state = std::make_shared<const ScalarFunction>(std::move(f));
        engine->engine.register_native(std::move(native));
        return RHAI_OK;
    });
}
