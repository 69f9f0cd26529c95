// Operator fallbacks, iteration, run-time variables and the VM intrinsics.
#include "compiler/compiler.hpp"
#include "runtime/byte_value.hpp"
#include "runtime/utf8.hpp"
#include "syntax/keywords.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

// ---- operators -------------------------------------------------------------------------

Dynamic Machine::binary_slow(bc::BinOp op, Dynamic& l, Dynamic& r, Position pos, CacheEntry* cache) {
    const char* name = bc::binop_name(op);
    Dynamic* argv[2] = {&l, &r};
    if (const NativeFunction* nf = resolve_native(name, argv, 2, cache)) return call_native(nf, name, argv, pos);
    // Rhai: comparing values of different types with no comparison function gives false
    // (!= gives true); two values of one type without one is "Function not found".
    // An exclusive and an inclusive range are only `!=` (Rhai's builtin.rs "incompatible
    // ranges" rule); every other operator on them is "Function not found".
    if (l.is_range() && r.is_range() && op != bc::BinOp::Ne) function_not_found(name, argv, 2, pos);
    if (bc::is_comparison(op) && l.tag() != r.tag()) return Dynamic(op == bc::BinOp::Ne);
    function_not_found(name, argv, 2, pos);
}

bool Machine::compare_slow(bc::BinOp op, const Dynamic& l, const Dynamic& r, Position pos, CacheEntry* cache) {
    Dynamic out;
    if (!binary_fast(op, l, r, out)) {
        Dynamic lc = l, rc = r;
        out = binary_slow(op, lc, rc, pos, cache);
    }
    if (!out.is_bool()) throw EvalError::mismatch_data_type("bool", out.type_name(), pos);
    return out.as_bool();
}

Dynamic Machine::unary_slow(bc::UnOp op, Dynamic& v, Position pos, CacheEntry* cache) {
    const char* name = bc::unop_name(op);
    Dynamic* argv[1] = {&v};
    if (const NativeFunction* nf = resolve_native(name, argv, 1, cache)) return call_native(nf, name, argv, pos);
    function_not_found(name, argv, 1, pos);
}

// ---- iteration -------------------------------------------------------------------------
// A for loop's cursor occupies three slots: [0] the state (an INT: next value of a range,
// whose last value is in [1]; an array/string/blob with the position in [1]; a cursor object;
// () when done) and [2] the number of elements produced so far.

namespace {

struct CursorHolder final : InternalObj {
    std::unique_ptr<Cursor> cursor;
    explicit CursorHolder(std::unique_ptr<Cursor> c) : cursor(std::move(c)) {}
};

}  // namespace

void Machine::for_prep(Dynamic* cursor, Dynamic it, Position pos) {
    cursor[2] = Dynamic(INT(0));
    cursor[1] = Dynamic(INT(0));
    switch (it.tag()) {
        case Tag::Range:
        case Tag::RangeInclusive: {
            const RangeObj& r = it.as_range();
            bool inclusive = it.tag() == Tag::RangeInclusive;
            if (inclusive ? r.end < r.start : r.end <= r.start) {
                cursor[0] = Dynamic();
                return;
            }
            cursor[0] = Dynamic(r.start);
            cursor[1] = Dynamic(inclusive ? r.end : r.end - 1);
            return;
        }
        case Tag::Array:
        case Tag::String:
        case Tag::Blob:
            cursor[0] = std::move(it);
            return;
        case Tag::Iterable:
            cursor[0] = Dynamic::from_heap(Tag::Internal, new CursorHolder(it.as_iterable().cursor()));
            return;
        default:
            throw EvalError(ErrorKind::ErrorFor, "For loop expects iterable type", pos);
    }
}

bool Machine::for_next(Dynamic* cursor, Dynamic& out) {
    Dynamic& src = cursor[0];
    switch (src.tag()) {
        case Tag::Array: {
            INT i = cursor[1].as_int();
            const Array& a = src.as_array();
            if (size_t(i) >= a.size()) return false;
            out = a[size_t(i)];
            cursor[1] = Dynamic(i + 1);
            return true;
        }
        case Tag::String: {
            size_t i = size_t(cursor[1].as_int());
            const std::string& s = src.as_string();
            if (i >= s.size()) return false;
            out = Dynamic(utf8_next(s, i));
            cursor[1] = Dynamic(INT(i));
            return true;
        }
        case Tag::Blob: {
            INT i = cursor[1].as_int();
            const Blob& b = src.as_blob();
            if (size_t(i) >= b.size()) return false;
            out = make_byte(b[size_t(i)]);  // Rhai yields u8, not INT
            cursor[1] = Dynamic(i + 1);
            return true;
        }
        case Tag::Internal:
            return static_cast<CursorHolder*>(src.heap())->cursor->next(out);
        default:
            return false;
    }
}

// ---- run-time variables ----------------------------------------------------------------

Dynamic* Machine::find_dyn(size_t fi, std::string_view name, bool* is_const) {
    for (;;) {
        Frame& f = frames_[fi];
        if (EvalScope* es = f.eval_scope())
            if (Dynamic* v = es->find(name)) return v;
        if (!f.scope_site() || fi == 0) return nullptr;
        // The calling frame's variables, by the names its call site recorded.
        const std::string& sc = f.scope_site()->scope;
        Frame& caller = frames_[fi - 1];
        Dynamic* found = nullptr;
        size_t i = 0;
        while (i < sc.size()) {
            size_t e1 = sc.find('\0', i);
            size_t e2 = sc.find('\0', e1 + 1);
            if (std::string_view(sc).substr(i, e1 - i) == name) {
                found = &stack_[caller.base + std::stoul(sc.substr(e1 + 1, e2 - e1 - 1))];
                if (is_const) *is_const = sc[e2 - 1] == 'c';  // "slot" or "slot" + "c"
            }
            i = e2 + 1;
        }
        if (found) return found;
        --fi;
    }
}

// A top-level `let`/`const` of eval code: it lands in the scope of the frame that called eval
// (through nested evals), at the depth of that eval call.
void Machine::define_dyn(const std::string& name, Dynamic value, bool is_const) {
    size_t fi = frames_.size() - 1;
    bool top_level = true;  // Rhai's scope_level 0: every eval call on the way is at top level
    while (fi > 0 && frames_[fi].is_eval) {
        top_level = top_level && frames_[fi].scope_site() && frames_[fi].scope_site()->eval_depth == 0;
        --fi;
    }
    Frame& f = frames_[fi];
    const bc::CallSite* site = fi + 1 < frames_.size() ? frames_[fi + 1].scope_site() : nullptr;
    const uint32_t depth = site ? site->eval_depth : 0;
    top_level = top_level && fi == 0;
    value.set_read_only(is_const);  // a `const` stays constant; a `let` copy is writable
    if (is_const && top_level) {
        // A top-level constant is also global::NAME for the script's functions.
        const auto& names = program_->globals;
        for (uint32_t i = 0; i < names.size(); ++i)
            if (names[i] == name) {
                if (globals_.size() <= i) {
                    globals_.resize(i + 1);
                    globals_set_.resize(i + 1);
                }
                globals_[i] = value;
                globals_set_[i] = 1;
            }
    }
    if (!f.eval_scope()) f.ext().eval_scope = std::make_unique<EvalScope>();
    // A local of the calling frame visible at the eval call (innermost last) is shadowed.
    int64_t slot = -1;
    if (site) {
        const std::string& sc = site->scope;
        size_t i = 0;
        while (i < sc.size()) {
            size_t e1 = sc.find('\0', i);
            size_t e2 = sc.find('\0', e1 + 1);
            if (std::string_view(sc).substr(i, e1 - i) == name) slot = std::stol(sc.substr(e1 + 1, e2 - e1 - 1));
            i = e2 + 1;
        }
    }
    if (slot < 0) {
        f.eval_scope()->vars.push_back({name, std::move(value), depth});
        return;
    }
    Dynamic& local = stack_[f.base + size_t(slot)];
    f.eval_scope()->shadows.push_back({uint32_t(slot), std::move(local), depth});
    local = std::move(value);
}

void Machine::eval_scope_end(Frame& f, uint32_t depth) {
    EvalScope& es = *f.eval_scope();
    while (!es.shadows.empty() && es.shadows.back().depth >= depth) {
        stack_[f.base + es.shadows.back().slot] = std::move(es.shadows.back().saved);
        es.shadows.pop_back();
    }
    std::erase_if(es.vars, [depth](const EvalScope::Var& v) { return v.depth >= depth; });
}

// ---- intrinsics ------------------------------------------------------------------------

void Machine::exec_intrinsic(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp) {
    using bc::Intrinsic;
    Position pos = fr.fn->positions[size_t(fr.pc - fr.fn->code.data()) - 1];
    uint32_t argc = in.a;
    uint32_t at = sp - argc;
    Dynamic* a = &stack_[at];
    auto need_string = [&](const Dynamic& v) -> const std::string& {
        if (!v.is_string()) throw EvalError::mismatch_data_type("string", v.type_name(), pos);
        return v.as_string();
    };
    auto need_int = [&](const Dynamic& v) -> INT {
        if (!v.is_int()) throw EvalError::mismatch_data_type("i64", v.type_name(), pos);
        return v.as_int();
    };
    Dynamic result;
    switch (Intrinsic(in.c)) {
        case Intrinsic::FnCreate: {
            // (pos: where the argument starts, as Rhai reports these errors.) A keyword or
            // reserved word is Rhai's ErrorParsing (not catchable); another invalid name is
            // "Function not found".
            const std::string& name = need_string(a[0]);
            if (!syntax::is_valid_function_name(name)) {
                if (syntax::reserved_info(name).reserved || syntax::lookup_keyword_or_symbol(name))
                    throw EvalError(ErrorKind::ErrorParsing,
                                    "Syntax error: '" + name + "' is a reserved " +
                                        (syntax::is_valid_identifier(name) ? "keyword" : "symbol"),
                                    pos);
                throw EvalError::function_not_found(name, pos);
            }
            result = Dynamic::fn_ptr(name);
            break;
        }
        case Intrinsic::CallFn: {
            Dynamic f = std::move(a[0]);
            const size_t depth = frames_.size();
            call_value(f, at + 1, argc - 1, at, nullptr, -1, 0, pos);
            // call!(f): a script function called through the pointer sees the caller's variables.
            if (site.capture && frames_.size() > depth) frames_.back().ext().scope_site = &site;
            return;
        }
        case Intrinsic::Eval: {
            if (!engine_.allow_eval)
                throw EvalError(ErrorKind::ErrorSystem, "eval is disabled by the host", pos);
            std::string code = need_string(a[0]);
            std::shared_ptr<Program> prog;
            try {
                prog = compiler::compile_source(code, engine_, "", true);
            } catch (const ParseError& pe) {
                // Rhai: ErrorParsing displays as "Syntax error: ...".
                auto inner = std::make_shared<EvalError>(ErrorKind::ErrorParsing, "Syntax error: " + pe.message(),
                                                         pe.position());
                throw EvalError::in_function_call("eval", "", inner, pos);
            }
            a[0] = Dynamic();
            push_frame(prog->main.get(), at, at, pos);
            Frame& f = frames_.back();
            f.ext().keep = prog->handle(prog->main.get());
            f.is_eval = true;
            f.ext().scope_site = &site;
            return;
        }
        case Intrinsic::IsDefVar: {
            const std::string& name = need_string(a[0]);
            // The calling frame's scope is what the site recorded, plus run-time variables.
            bool found = false;
            const std::string& sc = site.scope;
            size_t i = 0;
            while (i < sc.size() && !found) {
                size_t e1 = sc.find('\0', i);
                found = std::string_view(sc).substr(i, e1 - i) == name;
                i = sc.find('\0', e1 + 1) + 1;
            }
            result = Dynamic(found || find_dyn(frames_.size() - 1, name) != nullptr);
            break;
        }
        case Intrinsic::IsDefFn: {
            std::string type = argc == 3 ? need_string(a[0]) : "";
            const std::string& name = need_string(a[argc == 3 ? 1 : 0]);
            INT n = need_int(a[argc - 1]);
            bool found = false;
            for (const Program* p : {program_.get(), fr.fn->program}) {
                auto it = p->by_name.find(name);
                if (it == p->by_name.end()) continue;
                for (uint32_t idx : it->second) {
                    const ScriptFunction* f = p->functions[idx].get();
                    if (INT(f->arity) == n && f->this_type == type) found = true;
                }
            }
            result = Dynamic(found);
            break;
        }
        case Intrinsic::FnArityOk: {
            if (!a[0].is_fn_ptr()) throw EvalError::mismatch_data_type("Fn", a[0].type_name(), pos);
            const FnPtrObj& f = a[0].as_fn_ptr();
            size_t n = size_t(need_int(a[1])) + f.curried.size();
            bool ok;
            if (f.fn) ok = f.fn->arity == n;
            else
                ok = program_->find(f.name, n) != nullptr || fr.fn->program->find(f.name, n) != nullptr ||
                     engine_.functions.contains(f.name, n);
            result = Dynamic(ok);
            break;
        }
        case Intrinsic::Exit: {
            result = argc ? std::move(a[0]) : Dynamic();
            while (!frames_.empty()) pop_frame_cleanup(uint32_t(stack_.size()));
            handlers_.clear();
            status = Status::Finished;
            return;
        }
        case Intrinsic::Import:
            result = import_module(a[0], site.name, pos);
            break;
        case Intrinsic::ModuleCall:
            module_call(site.name, at, argc, sp, pos);
            return;
        case Intrinsic::ModuleVar:
            result = module_var(site.name, pos);
            break;
        case Intrinsic::FnMetadata: {
            // Natives in Rhai: arguments of other types match no overload.
            if ((argc >= 1 && !a[0].is_string()) || (argc == 2 && !a[1].is_int())) {
                Dynamic* argv[2] = {&a[0], &a[1]};
                function_not_found(site.name, argv, argc, pos);
            }
            INT n = argc == 2 ? a[1].as_int() : -1;
            if (argc == 2 && n < 0) result = Dynamic(Array{});
            else result = Dynamic(fn_metadata(argc ? &a[0].as_string() : nullptr, n));
            break;
        }
    }
    finish_native_call(std::move(result), at, sp);
}

}  // namespace rhai::vm
