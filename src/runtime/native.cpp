// Native function table: registration, resolution by name/arity/types, call signatures.
#include "runtime/native.hpp"

#include <typeindex>

#include "runtime/cycles.hpp"
#include "runtime/engine_core.hpp"

namespace rhai {

void NativeCallContext::track_shared(const Dynamic& cell) const {
    if (cells_) cells_->track(cell);
}

bool ParamType::accepts(const Dynamic& v) const {
    if (any) return true;
    if (v.tag() != tag) return false;
    return tag != Tag::Custom || custom == nullptr || v.as_custom().type() == *custom;
}

namespace {

bool same_param(const ParamType& a, const ParamType& b) {
    if (a.any || b.any) return a.any == b.any;
    if (a.tag != b.tag) return false;
    if (a.tag != Tag::Custom) return true;
    if (!a.custom || !b.custom) return a.custom == b.custom;
    return *a.custom == *b.custom;
}

bool same_signature(const NativeFunction& a, const NativeFunction& b) {
    if (a.params.size() != b.params.size()) return false;
    for (size_t i = 0; i < a.params.size(); ++i)
        if (!same_param(a.params[i], b.params[i])) return false;
    return true;
}

// State of a SimpleNative registration: just the function pointer.
struct SimpleState {
    SimpleNative fn;
};

Dynamic invoke_simple(const void* state, NativeCallContext& ctx, Dynamic** args) {
    return static_cast<const SimpleState*>(state)->fn(ctx, args);
}

}  // namespace

FunctionRegistry::FunctionRegistry(std::shared_ptr<const FunctionRegistry> base)
    : base_(std::move(base)), generation_(base_ ? base_->generation_ : 0) {}

const std::vector<FunctionRegistry::Overloads>* FunctionRegistry::by_arity(std::string_view name) const {
    if (!table_.empty()) {
        auto it = table_.find(name);
        if (it != table_.end()) return &it->second;
    }
    return base_ ? base_->by_arity(name) : nullptr;
}

const NativeFunction* FunctionRegistry::add(NativeFunction fn) {
    ++generation_;
    size_t arity = fn.params.size();
    auto it = table_.find(std::string_view(fn.name));
    if (it == table_.end()) {
        // First registration of this name in this layer: start from the base's overloads.
        const std::vector<Overloads>* inherited = base_ ? base_->by_arity(fn.name) : nullptr;
        it = table_.emplace(fn.name, inherited ? *inherited : std::vector<Overloads>{}).first;
    }
    auto& by_arity = it->second;
    if (by_arity.size() <= arity) by_arity.resize(arity + 1);
    Overloads& list = by_arity[arity];
    for (auto& existing : list) {
        if (same_signature(*existing, fn)) {
            // Same signature: replace in place (Rhai's later registration wins). The slot keeps
            // its position; call-site caches are invalidated by the generation bump.
            existing = std::make_shared<const NativeFunction>(std::move(fn));
            return existing.get();
        }
    }
    list.push_back(std::make_shared<const NativeFunction>(std::move(fn)));
    return list.back().get();
}

const NativeFunction* FunctionRegistry::add(std::string name, std::vector<ParamType> params,
                                            SimpleNative f, bool by_ref, bool pure) {
    NativeFunction fn;
    fn.name = std::move(name);
    fn.params = std::move(params);
    fn.invoke = &invoke_simple;
    fn.state = std::make_shared<const SimpleState>(SimpleState{f});
    fn.first_by_ref = by_ref;
    fn.pure = pure;
    return add(std::move(fn));
}

const FunctionRegistry::Overloads* FunctionRegistry::overloads(std::string_view name,
                                                              size_t arity) const {
    const std::vector<Overloads>* all = by_arity(name);
    if (!all || all->size() <= arity) return nullptr;
    const Overloads& list = (*all)[arity];
    return list.empty() ? nullptr : &list;
}

const NativeFunction* FunctionRegistry::resolve(std::string_view name, Dynamic* const* args,
                                                size_t argc) const {
    const Overloads* list = overloads(name, argc);
    if (!list) return nullptr;
    const NativeFunction* best = nullptr;
    size_t best_exact = 0;
    for (const auto& fn : *list) {
        size_t exact = 0;
        bool ok = true;
        for (size_t i = 0; i < argc; ++i) {
            const ParamType& p = fn->params[i];
            if (!p.accepts(*args[i])) {
                ok = false;
                break;
            }
            exact += !p.any;
        }
        if (!ok) continue;
        if (exact == argc) return fn.get();  // fully typed match: nothing can beat it
        if (!best || exact > best_exact) {
            best = fn.get();
            best_exact = exact;
        }
    }
    return best;
}

bool FunctionRegistry::contains(std::string_view name, size_t arity) const {
    return overloads(name, arity) != nullptr;
}

bool FunctionRegistry::contains_name(std::string_view name) const {
    const std::vector<Overloads>* all = by_arity(name);
    if (!all) return false;
    for (const auto& list : *all)
        if (!list.empty()) return true;
    return false;
}

std::string call_signature(std::string_view name, Dynamic* const* args, size_t argc) {
    std::string out(name);
    out += " (";
    for (size_t i = 0; i < argc; ++i) {
        if (i > 0) out += ", ";
        out += args[i]->type_name();
    }
    out.push_back(')');
    return out;
}

std::string engine_type_name(const EngineCore& engine, const Dynamic& value) {
    const Dynamic& v = value.is_shared() ? value.as_shared().value() : value;
    if (v.is_custom() && !engine.custom_type_names.empty()) {
        auto it = engine.custom_type_names.find(std::type_index(v.as_custom().type()));
        if (it != engine.custom_type_names.end()) return it->second;
    }
    return v.type_name();
}

std::string call_signature(const EngineCore& engine, std::string_view name, Dynamic* const* args,
                           size_t argc) {
    std::string out(name);
    out += " (";
    for (size_t i = 0; i < argc; ++i) {
        if (i > 0) out += ", ";
        out += engine_type_name(engine, *args[i]);
    }
    out.push_back(')');
    return out;
}

}  // namespace rhai
