// Frames and calls: script functions, methods with `this` (copy-in/copy-out), function
// pointers, natives with their per-site caches, and the resolution order of architecture.md.
#include "compiler/compiler.hpp"
#include "runtime/size_limits.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

namespace {

std::string_view alias_type(std::string_view t) {
    if (t == "int") return "i64";
    if (t == "float") return "f64";
    return t;
}

EvalError non_pure_on_constant(std::string_view name, Position pos) {
    EvalError e(ErrorKind::ErrorNonPureMethodCallOnConstant,
                "Non-pure method '" + std::string(name) + "' cannot be called on constant", pos);
    e.fields()["function"] = Dynamic(std::string(name));
    return e;
}

}  // namespace

bool this_type_matches(std::string_view this_type, const Dynamic& v) {
    if (this_type.empty()) return true;
    return alias_type(this_type) == v.type_name();
}

// ---- frames ----------------------------------------------------------------------------

CacheEntry* Machine::caches_for(const Program* p) {
    for (auto& c : caches_)
        if (c.program == p) {
            if (!c.alive.expired()) return c.entries.get();
            // A destroyed Program's address, reused: start afresh.
            c.alive = p->weak_from_this();
            c.entries = std::make_unique<CacheEntry[]>(p->num_sites + 1);
            return c.entries.get();
        }
    // No frame runs code of a destroyed Program, so its caches can go.
    if (caches_.size() >= 16)
        std::erase_if(caches_, [](const ProgramCaches& c) { return c.alive.expired(); });
    caches_.push_back({p, p->weak_from_this(), std::make_unique<CacheEntry[]>(p->num_sites + 1)});
    return caches_.back().entries.get();
}

void Machine::ensure_stack(size_t needed) {
    if (stack_.size() >= needed) return;
    // The first frame gets little headroom: a host with thousands of waiting tasks pays for
    // every slot (memory, and the cache lines touched when the task ends). Deeper calls grow
    // geometrically.
    size_t headroom = stack_.empty() ? 8 : 64;
    stack_.resize(std::max(needed + headroom, stack_.size() * 2));
}

void Machine::push_frame(const ScriptFunction* fn, uint32_t base, uint32_t ret_slot, Position pos) {
    if (frames_.size() > call_limit_) throw EvalError(ErrorKind::ErrorStackOverflow, "Stack overflow", pos);
    ensure_stack(size_t(base) + fn->num_locals + fn->max_stack + 1);
    // Errors leaving a script function are wrapped (ErrorInFunctionCall); inside the prelude only
    // the built-in the script called wraps (as Rhai's native map/filter/... do), not its helpers.
    bool from_prelude = prelude_ && !frames_.empty() && frames_.back().fn->program == prelude_.get();
    bool wraps = !prelude_ || fn->program != prelude_.get() || !from_prelude;
    CacheEntry* caches;
    if (!frames_.empty() && frames_.back().fn->program == fn->program) {
        const Frame& caller = frames_.back();
        caches = caller.caches - caller.fn->site_base + fn->site_base;
    } else {
        caches = caches_for(fn->program) + fn->site_base;
    }
    add_frame(fn, base, ret_slot, caches, wraps, pos);
}

// Pops the current frame: clears everything it and its call left on the stack above ret_slot
// (the caller stores the result there), and drops its try handlers.
void Machine::pop_frame_cleanup(uint32_t top) {
    Frame& f = frames_.back();
    for (uint32_t i = f.ret_slot; i < top && i < stack_.size(); ++i) stack_[i] = Dynamic();
    while (!handlers_.empty() && handlers_.back().frame_depth >= frames_.size()) handlers_.pop_back();
    frames_.pop_back();
}

// Rhai's ErrorDataRace: a variable used while its value is lent to a method (CellLock).
EvalError data_race(Position pos) { return EvalError(ErrorKind::ErrorDataRace, "Data race detected", pos); }
const Dynamic* raise_data_race(Position pos) { throw data_race(pos); }
[[noreturn, gnu::cold, gnu::noinline]] static void raise_captured_race(const std::string& fn, uint32_t i, Position pos) {
    throw EvalError(ErrorKind::ErrorDataRace,
                    "Data race detected on variable 'argument #" + std::to_string(i + 1) + " of function '" + fn + "''",
                    pos);
}

// A method's `this` goes back into the caller's place it came from.
void Machine::write_back(Frame& callee) {
    if (callee.extra) callee.extra->lent_this.release();
    if (callee.wb_place < 0 || frames_.size() < 2) return;
    Frame& caller = frames_[frames_.size() - 2];
    const bc::Place& p = caller.fn->places[size_t(callee.wb_place)];
    set_place(caller, p, &stack_[callee.wb_keys], std::move(callee.this_val), callee.call_pos, true);
    callee.wb_place = -1;
}

void Machine::enter_method(const ScriptFunction* fn, uint32_t args_at, uint32_t ret_slot, Position pos,
                           Dynamic this_val, int32_t wb_place, uint32_t wb_keys) {
    if (!enter_script_fast(fn, args_at, ret_slot, pos)) push_frame(fn, args_at, ret_slot, pos);
    Frame& f = frames_.back();
    f.has_this = true;
    f.this_val = std::move(this_val);
    f.wb_place = wb_place;
    f.wb_keys = wb_keys;
}

// ---- natives ---------------------------------------------------------------------------

// Rhai's data size limits (max_string_size, max_array_size, max_map_size), or the ceilings
// of runtime/size_limits.hpp when none is configured; checked on values natives produce or
// mutate, op-assignments and string interpolation. The same points charge the memory cap.
void Machine::enforce_size(const Dynamic& v, Position pos, bool in_place) {
    const char* what = nullptr;
    if (v.is_string() && v.as_string().size() > limit_string_) what = "Length of string";
    else if (v.is_array() && v.as_array().size() > limit_array_) what = "Size of array/BLOB";
    else if (v.is_map() && v.as_map().size() > limit_map_) what = "Size of object map";
    else if (v.is_blob() && v.as_blob().size() > limit_blob_) what = "Size of array/BLOB";
    if (what) throw EvalError(ErrorKind::ErrorDataTooLarge, std::string(what) + " too large", pos);
    if (max_memory_) charge_memory(v, pos, in_place);
}

// A new value (a native's result, a literal, a value assigned into an element or property)
// measured through its nesting, as Rhai's check_data_size does, when a limit is configured.
// Values a native changed in place are only measured at the top (enforce_size): measuring a
// growing array in full after every push would make building it quadratic.
void Machine::enforce_data_size(const Dynamic& v, Position pos) {
    if (data_limits_ && (v.is_array() || v.is_map())) throw_on_size(engine_.limits, data_sizes(v), pos);
}

static_assert(CacheEntry::kMaxTags <= NativeMemo::kMaxArgs, "the memo keys every tag a call-site cache keys");

const NativeFunction* Machine::resolve_native(std::string_view name, Dynamic** argv, size_t argc,
                                              CacheEntry* cache) const {
    uint64_t gen = engine_.functions.generation();
    bool cacheable = cache && argc <= CacheEntry::kMaxTags;
    if (cacheable) {
        for (size_t i = 0; i < argc; ++i)
            if (argv[i]->tag() == Tag::Custom) cacheable = false;
    }
    if (cacheable && cache->generation == gen && cache->argc == argc && cache->native) {
        bool same = true;
        for (size_t i = 0; i < argc && same; ++i) same = cache->tags[i] == argv[i]->tag();
        if (same) return cache->native;
    }
    const NativeFunction* nf = cacheable ? engine_.native_memo->find(name, argv, argc, gen) : nullptr;
    if (!nf) {
        nf = engine_.functions.resolve(name, argv, argc);
        if (nf && cacheable) engine_.native_memo->remember(name, argv, argc, gen, nf);
    }
    if (nf && cacheable) {
        cache->generation = gen;
        cache->argc = uint8_t(argc);
        for (size_t i = 0; i < argc; ++i) cache->tags[i] = argv[i]->tag();
        cache->native = nf;
    }
    return nf;
}

Dynamic Machine::call_native(const NativeFunction* nf, std::string_view name, Dynamic** argv, Position pos,
                             bool can_suspend) {
    NativeCallContext ctx(engine_, name, pos);
    ctx.set_task(task_handle);
    ctx.set_can_suspend(can_suspend);
    ctx.set_host_binding(host_binding);
    ctx.set_cell_tracker(&cells);
    if (!frames_.empty()) ctx.set_source(frames_.back().fn->program->source);
    Dynamic r = nf->call(ctx, argv);
    enforce_data_size(r, pos);
    enforce_size(r, pos);
    if (nf->first_by_ref) enforce_size(*argv[0], pos, true);
    if (ctx.suspended() && !can_suspend)
        throw EvalError(ErrorKind::ErrorSystem,
                        "Function '" + std::string(name) + "' cannot wait for the host here (an operator, property "
                        "or index access): call it as a function",
                        pos);
    if (ctx.suspended()) {
        status = Status::Suspended;
        token = ctx.suspend_token();
    }
    return r;
}

void Machine::finish_native_call(Dynamic value, uint32_t ret_slot, uint32_t top) {
    for (uint32_t i = ret_slot + 1; i < top; ++i) stack_[i] = Dynamic();
    stack_[ret_slot] = std::move(value);
    saved_sp_ = ret_slot + 1;
    if (status == Status::Suspended) suspend_slot_ = ret_slot;
}

void Machine::function_not_found(std::string_view name, Dynamic** argv, size_t argc, Position pos) {
    throw EvalError::function_not_found(call_signature(engine_, name, argv, argc), pos);
}

const ScriptFunction* Machine::find_method(const Program* p, std::string_view name, size_t argc,
                                           const Dynamic& receiver) const {
    if (!p) return nullptr;
    auto it = p->by_name.find(std::string(name));
    if (it == p->by_name.end()) return nullptr;
    // A method typed for the receiver (`fn int.m()`) wins over an untyped one, whichever was
    // defined first (Rhai looks up the typed hash before the plain one).
    const ScriptFunction* untyped = nullptr;
    for (uint32_t i : it->second) {
        const ScriptFunction* f = p->functions[i].get();
        if (f->arity != argc) continue;
        if (f->this_type.empty()) {
            if (!untyped) untyped = f;
        } else if (this_type_matches(f->this_type, receiver)) {
            return f;
        }
    }
    return untyped;
}

// ---- calls by name ---------------------------------------------------------------------

void Machine::call_by_name(std::string_view name, uint32_t args_at, uint32_t argc, uint32_t ret_slot,
                           Position pos, CacheEntry* cache) {
    Dynamic* argv[256];
    for (uint32_t i = 0; i < argc; ++i) argv[i] = &stack_[args_at + i];
    if (const NativeFunction* nf = resolve_native(name, argv, argc, cache)) {
        Dynamic r = call_native(nf, name, argv, pos, true);
        finish_native_call(std::move(r), ret_slot, args_at + argc);
        return;
    }
    // Functions of the main script called from eval code or the prelude.
    const Program* here = frames_.back().fn->program;
    for (const Program* p : {here, program_.get()}) {
        if (const ScriptFunction* f = p->find(name, argc)) {  // never a typed method
            push_frame(f, args_at, ret_slot, pos);
            return;
        }
    }
    // A prelude method called function-style: `map(a, f)`.
    if (argc >= 1) {
        if (const ScriptFunction* f = find_method(prelude_.get(), name, argc - 1, stack_[args_at])) {
            Dynamic self = std::move(stack_[args_at]);
            enter_method(f, args_at + 1, ret_slot, pos, std::move(self), -1, 0);
            return;
        }
    }
    function_not_found(name, argv, argc, pos);
}

// A FnPtr made from a name (`Fn("helper")`): the main script's function, else the running
// module's. A site's cache remembers a hit in the main script (the method fields, which
// `f.call(...)` sites never use for methods): its functions never change once compiled, so the
// same name and arity find the same function.
const ScriptFunction* Machine::script_fn_by_name(const std::string& name, uint32_t argc, CacheEntry* cache) const {
    if (cache && cache->method_program == program_.get() && cache->method_fn &&
        cache->method_fn->arity == argc && cache->method_fn->name == name)
        return cache->method_fn;
    if (const ScriptFunction* t = program_->find(name, argc)) {
        if (cache) {
            cache->method_program = program_.get();
            cache->method_tag = Tag::FnPtr;
            cache->method_fn = t;
        }
        return t;
    }
    return frames_.back().fn->program->find(name, argc);
}

// The common FnPtr call without the general path's bookkeeping: a closure or a function the
// pointer names, of the main script or the prelude (nothing to keep alive), with no `this`.
// True: its frame is entered, curried values (a closure's captured cells) first; false:
// nothing was done and call_value decides, errors included.
// A closure's captured variables are its first (curried) arguments: one lent to a running
// method fails the call before it starts, as in Rhai (ensure_no_data_race).
static inline void check_captured_not_lent(const FnPtrObj& f, Position pos) {
    for (uint32_t i = 0, nc = uint32_t(f.curried.size()); i < nc; ++i)
        if (f.curried[i].is_shared() && f.curried[i].as_shared().lent) [[unlikely]]
            raise_captured_race(f.name, i, pos);
}

bool Machine::enter_fn_ptr(const FnPtrObj& f, uint32_t args_at, uint32_t argc, uint32_t ret_slot, Position pos,
                           CacheEntry* cache) {
    check_captured_not_lent(f, pos);
    uint32_t nc = uint32_t(f.curried.size());
    uint32_t total = nc + argc;
    const ScriptFunction* target = f.fn ? f.fn.get() : script_fn_by_name(f.name, total, cache);
    if (!target || target->arity != total) return false;
    if (f.fn && target->program != program_.get() && target->program != prelude_.get()) return false;
    // Checks the call depth and that the stack holds the callee's locals (so the shift fits).
    if (!enter_script_fast(target, args_at, ret_slot, pos)) return false;
    if (nc) {
        Dynamic* a = stack_.data() + args_at;
        for (uint32_t i = argc; i-- > 0;) a[nc + i] = std::move(a[i]);
        for (uint32_t i = 0; i < nc; ++i) a[i] = f.curried[i];
    }
    return true;
}

void Machine::call_value(const Dynamic& fn_ptr, uint32_t args_at, uint32_t argc, uint32_t ret_slot,
                         Dynamic* this_ptr, int32_t wb_place, uint32_t wb_keys, Position pos, CacheEntry* cache,
                         bool this_constant) {
    // fn_ptr is never one of the stack slots the argument shifting below overwrites (callers
    // pass a local copy or the receiver's variable).
    if (!fn_ptr.is_fn_ptr()) throw EvalError::mismatch_data_type("Fn", fn_ptr.type_name(), pos);
    const FnPtrObj& f = fn_ptr.as_fn_ptr();
    const uint32_t nc = uint32_t(f.curried.size());
    // (enter_fn_ptr checks the captured variables first; a call with `this` checks here.)
    if (!this_ptr) {
        if (enter_fn_ptr(f, args_at, argc, ret_slot, pos, cache)) return;
    } else {
        check_captured_not_lent(f, pos);
    }
    // Take `this` now: this_ptr may point into the stack, which push_frame may reallocate.
    Dynamic* const old_data = stack_.data();
    const size_t old_size = stack_.size();
    Dynamic this_val;
    if (this_ptr) this_val = wb_place >= 0 ? std::move(*this_ptr) : *this_ptr;
    uint32_t total = nc + argc;
    if (total > 255) throw EvalError(ErrorKind::ErrorFunctionNotFound, "Too many arguments", pos);
    if (nc) {
        ensure_stack(size_t(args_at) + total + 1);
        for (uint32_t i = argc; i-- > 0;) stack_[args_at + nc + i] = std::move(stack_[args_at + i]);
        for (uint32_t i = 0; i < nc; ++i) stack_[args_at + i] = f.curried[i];
    }
    const ScriptFunction* target = f.fn ? f.fn.get() : script_fn_by_name(f.name, total, cache);
    auto bind_this = [&](Frame& fr) {
        if (!this_ptr) return;
        fr.has_this = true;
        fr.this_val = std::move(this_val);
        if (wb_place >= 0) {
            fr.wb_place = wb_place;
            fr.wb_keys = wb_keys;
        }
    };
    if (target && target->arity == total) {
        if (!enter_script_fast(target, args_at, ret_slot, pos)) push_frame(target, args_at, ret_slot, pos);
        Frame& fr = frames_.back();
        // Code of the running script and of the prelude lives as long as this machine; other
        // closures (eval code, modules) are kept alive by the frame.
        if (f.fn && target->program != program_.get() && target->program != prelude_.get()) fr.ext().keep = f.fn;
        bind_this(fr);
        return;
    }
    // Not a script function: put a moved-out receiver back where it came from.
    if (this_ptr && wb_place >= 0) {
        if (this_ptr >= old_data && this_ptr < old_data + old_size) this_ptr = stack_.data() + (this_ptr - old_data);
        *this_ptr = std::move(this_val);
    }
    // With `this` (`x.call(f, ..)`, a pointer in a map property), a native function gets the
    // receiver as its first argument, by reference when it is real storage, as in Rhai.
    Dynamic* argv[257];
    const uint32_t first = this_ptr ? 1u : 0u;
    if (this_ptr) argv[0] = wb_place >= 0 ? this_ptr : &this_val;
    for (uint32_t i = 0; i < total; ++i) argv[first + i] = &stack_[args_at + i];
    if (!f.fn) {
        if (const NativeFunction* nf = resolve_native(f.name, argv, first + total, nullptr)) {
            if (this_constant && nf->first_by_ref && !nf->pure) throw non_pure_on_constant(f.name, pos);
            Dynamic copy;
            if (this_ptr && !nf->first_by_ref && wb_place >= 0) {
                copy = *this_ptr;
                argv[0] = &copy;
            }
            Dynamic r = call_native(nf, f.name, argv, pos, true);
            finish_native_call(std::move(r), ret_slot, args_at + total);
            return;
        }
        // A built-in written in Rhai (the prelude's `map`, `filter`, ...): a method of `this`,
        // or of the first argument when there is no `this`.
        if (prelude_ && (this_ptr || total >= 1)) {
            const Dynamic& recv = *argv[0];
            const uint32_t nargs = this_ptr ? total : total - 1;
            if (const ScriptFunction* pf = find_method(prelude_.get(), f.name, nargs, recv)) {
                Dynamic self = std::move(*argv[0]);  // the receiver's own slot, this_val or the argument
                enter_method(pf, this_ptr ? args_at : args_at + 1, ret_slot, pos, std::move(self),
                             this_ptr ? wb_place : -1, wb_keys);
                return;
            }
        }
    }
    function_not_found(f.name, argv, first + total, pos);
}

// `call(f, a, ..)` with `a` a variable (`first`; a copy if captured): the pointer sits in the
// first argument slot. Rhai redirects it to `name(a, ..)`: with no curried values and no
// script function of that name, a native gets `a` by reference; otherwise `a` is a copy.
void Machine::call_fn_on_place(Dynamic& first, uint32_t args_at, uint32_t argc, uint32_t ret_slot, Position pos) {
    Dynamic f = std::move(stack_[args_at]);
    if (!f.is_fn_ptr()) throw EvalError::mismatch_data_type("Fn", f.type_name(), pos);
    const FnPtrObj& fp = f.as_fn_ptr();
    if (fp.curried.empty() && !fp.fn && !script_fn_by_name(fp.name, argc, nullptr)) {
        Dynamic* argv[256];
        argv[0] = &first;
        for (uint32_t i = 1; i < argc; ++i) argv[i] = &stack_[args_at + i];
        if (const NativeFunction* nf = resolve_native(fp.name, argv, argc, nullptr)) {
            Dynamic copy;
            if (!nf->first_by_ref) {
                copy = first;
                argv[0] = &copy;
            }
            Dynamic r = call_native(nf, fp.name, argv, pos, true);
            finish_native_call(std::move(r), ret_slot, args_at + argc);
            return;
        }
    }
    stack_[args_at] = first;
    call_value(f, args_at, argc, ret_slot, nullptr, -1, 0, pos);
}

// ---- method calls ----------------------------------------------------------------------

void Machine::exec_call_method(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp) {
    Position pos = fr.fn->positions[size_t(fr.pc - fr.fn->code.data()) - 1];
    uint32_t recv_at = sp - in.a;
    uint32_t args_at = recv_at + 1;
    uint32_t argc = in.a - 1u;
    Dynamic& recv = stack_[recv_at];
    if (site.is_call) {
        if (recv.is_fn_ptr()) {
            Dynamic f = std::move(recv);
            call_value(f, args_at, argc, recv_at, nullptr, -1, 0, pos, fr.caches + in.b);
            return;
        }
        if (argc >= 1 && stack_[args_at].is_fn_ptr()) {
            Dynamic f = std::move(stack_[args_at]);
            Dynamic self = std::move(recv);
            call_value(f, args_at + 1, argc - 1, recv_at, &self, -1, 0, pos);
            return;
        }
        throw EvalError::mismatch_data_type("Fn", recv.type_name(), pos);
    }
    dispatch_method({site.name, &recv, true, true, args_at, argc, recv_at, -1, 0, false, false},
                    fr.caches + in.b, pos);
}

// A method call on a place whose root is a captured variable (a Shared cell) or a constant:
// the rare cases, kept off the common path. Called method-style, a captured variable's value
// lent to a script method as `this` is locked meanwhile (CellLock); called function-style
// (`push(a, 1)`, `map(a, f)`), a captured variable or a constant is passed as a copy, as Rhai
// does (its by-reference shortcut is for plain variables).
struct Machine::PlaceCallExtras {
    Dynamic cell;  // the captured variable's cell, or ()
    Dynamic copy;  // function-style: the copy passed instead of the variable
    CellLock lent;
};

[[gnu::always_inline]] inline void Machine::call_place(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp,
                         PlaceCallExtras* extras) {
    Position pos = fr.fn->positions[size_t(fr.pc - fr.fn->code.data()) - 1];
    const bc::Place& p = fr.fn->places[size_t(site.place)];
    uint32_t argc = in.a;
    uint32_t args_at = sp - argc;
    uint32_t keys_at = args_at - uint32_t(p.key_count());
    const size_t depth = frames_.size();
    PlaceTemps temps;
    Dynamic* recv = p.steps.empty() ? place_root(fr, p, pos) : walk_place(fr, p, &stack_[keys_at], p.steps.size(), temps, pos);
    // Real storage, a temporary nothing takes back (a char of a string, a missing property), or
    // a value read through a getter / index getter that its setter takes back after the call.
    bool real = temps.temps.empty();
    bool constant = place_constant(fr, p);
    bool feeds = !constant && temps.feeds_back();
    int32_t wb = (real && !constant) || feeds ? site.place : -1;
    if (extras && site.fn_style) {
        extras->copy = *recv;
        recv = &extras->copy;
        real = feeds = constant = false;
        wb = -1;
        extras->cell = Dynamic();
    }
    // Locks the captured variable for the call; a script frame it entered holds the lock.
    auto lend = [&] {
        if (extras && extras->cell.is_shared()) extras->lent.lock(extras->cell);
    };
    auto lend_to_callee = [&] {
        if (extras && frames_.size() > depth && frames_.back().wb_place >= 0)
            frames_.back().ext().lent_this = std::move(extras->lent);
    };
    if (site.fn_style && site.is_call) return call_fn_on_place(*recv, args_at, argc, keys_at, pos);
    if (!site.fn_style && site.is_call) {
        if (recv->is_fn_ptr()) {
            call_value(*recv, args_at, argc, keys_at, nullptr, -1, 0, pos, fr.caches + in.b);
            return;
        }
        if (argc >= 1 && stack_[args_at].is_fn_ptr()) {
            Dynamic f = std::move(stack_[args_at]);
            lend();
            call_value(f, args_at + 1, argc - 1, keys_at, recv, real ? wb : -1, keys_at, pos, nullptr, constant);
            lend_to_callee();
            return;
        }
        throw EvalError::mismatch_data_type("Fn", recv->type_name(), pos);
    }
    Dynamic* const old_data = stack_.data();
    const size_t old_size = stack_.size();
    lend();
    dispatch_method({site.name, recv, !real && !feeds, !real || wb >= 0, args_at, argc, keys_at, wb, keys_at,
                     constant, site.fn_style},
                    fr.caches + in.b, pos);
    lend_to_callee();
    // A script method takes its `this` back through the setters on return (wb_place); a native
    // mutated the temporary in place, so feed it back now (a root variable's slot moves with
    // the stack if the call grew it).
    if (feeds && frames_.size() == depth) {
        for (PlaceTemps::Temp& t : temps.temps)
            if (t.container >= old_data && t.container < old_data + old_size)
                t.container = stack_.data() + (t.container - old_data);
        feed_back(temps, p, pos);
    }
}

void Machine::exec_call_place(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp) {
    const bc::Place& p = fr.fn->places[size_t(site.place)];
    // (`this_val` is () in a frame without `this`.)
    const Dynamic& root = p.root == bc::Place::Root::Local ? stack_[fr.base + p.slot] : *place_variable(fr, p);
    if (root.is_shared() || p.constant || (p.root == bc::Place::Root::Dyn && place_constant(fr, p))) [[unlikely]] {
        PlaceCallExtras extras;
        if (root.is_shared()) extras.cell = root;
        call_place(in, site, fr, sp, &extras);
        return;
    }
    call_place(in, site, fr, sp, nullptr);
}

void Machine::dispatch_method(const MethodCall& mc, CacheEntry* cache, Position pos) {
    Dynamic& recv = *mc.recv;
    auto enter = [&](const ScriptFunction* f) {
        Dynamic self = mc.move_receiver ? std::move(recv) : recv;
        enter_method(f, mc.args_at, mc.ret_slot, pos, std::move(self), mc.wb_place, mc.wb_keys);
    };
    // 1. script functions of the running module (`this` = receiver)
    const Program* here = frames_.back().fn->program;
    if (!mc.fn_style) {
        const ScriptFunction* f;
        if (cache && cache->method_program == here && cache->method_tag == recv.tag() && recv.tag() != Tag::Custom) {
            f = cache->method_fn;
        } else {
            f = find_method(here, mc.name, mc.argc, recv);
            if (cache) {
                cache->method_program = here;
                cache->method_tag = recv.tag();
                cache->method_fn = f;
            }
        }
        if (f) return enter(f);
        if (here != program_.get())
            if (const ScriptFunction* f = find_method(program_.get(), mc.name, mc.argc, recv);
                f && here != prelude_.get())
                return enter(f);
    }
    // 2. natives (receiver by reference)
    Dynamic* argv[256];
    argv[0] = &recv;
    for (uint32_t i = 0; i < mc.argc; ++i) argv[i + 1] = &stack_[mc.args_at + i];
    if (const NativeFunction* nf = resolve_native(mc.name, argv, mc.argc + 1, cache)) {
        if (nf->first_by_ref && !nf->pure && mc.constant) throw non_pure_on_constant(mc.name, pos);
        Dynamic copy;
        if (!nf->first_by_ref && !mc.temp) {
            copy = recv;
            argv[0] = &copy;
        }
        Dynamic r = call_native(nf, mc.name, argv, pos, true);
        finish_native_call(std::move(r), mc.ret_slot, mc.args_at + mc.argc);
        return;
    }
    // 3. prelude methods
    if (const ScriptFunction* f = find_method(prelude_.get(), mc.name, mc.argc, recv)) return enter(f);
    // 4. a map property holding a function pointer: obj.f(args) calls it with this = obj
    if (!mc.fn_style && recv.is_map()) {
        auto it = recv.as_map().find(mc.name);
        if (it != recv.as_map().end() && it->second.is_fn_ptr()) {
            Dynamic f = it->second;
            call_value(f, mc.args_at, mc.argc, mc.ret_slot, &recv, mc.wb_place, mc.wb_keys, pos, nullptr, mc.constant);
            return;
        }
    }
    Dynamic flat = recv.flatten();
    argv[0] = &flat;
    function_not_found(mc.name, argv, mc.argc + 1, pos);
}

}  // namespace rhai::vm
