// The dispatch loop. Hot paths (locals, INT/FLOAT arithmetic and comparisons, jumps, script
// calls, range loops) are inline; everything else goes to out-of-line helpers in the other
// files of this folder. The loop keeps pc/bp/sp in registers and writes them back (SAVE) before
// anything that can throw, call, suspend or grow the stack; RELOAD re-reads them afterwards.
#include <cmath>
#include <limits>

#include "runtime/float_compare.hpp"
#include "vm/machine.hpp"
#include "vm/switch_case.hpp"

namespace rhai::vm {

using bc::BinOp;
using bc::Op;

namespace {

#define RHAI_INLINE inline __attribute__((always_inline))

// Writes a scalar into `out`, which holds no heap object (a scalar or ()): no release check.
template <class T>
RHAI_INLINE void put(Dynamic& out, T v) {
    new (&out) Dynamic(v);
}

RHAI_INLINE bool int_binary(BinOp op, INT a, INT b, Dynamic& out) {
    INT v;
    switch (op) {
        case BinOp::Add: if (__builtin_add_overflow(a, b, &v)) return false; put(out, v); return true;
        case BinOp::Sub: if (__builtin_sub_overflow(a, b, &v)) return false; put(out, v); return true;
        case BinOp::Mul: if (__builtin_mul_overflow(a, b, &v)) return false; put(out, v); return true;
        case BinOp::Div:
            if (b == 0 || (b == -1 && a == std::numeric_limits<INT>::min())) return false;
            put(out, a / b);
            return true;
        case BinOp::Mod:
            if (b == 0 || (b == -1 && a == std::numeric_limits<INT>::min())) return false;
            put(out, a % b);
            return true;
        case BinOp::Shl:
        case BinOp::Shr:
            return false;  // edge cases (negative/large shifts) live in the natives
        case BinOp::And: put(out, a & b); return true;
        case BinOp::Or: put(out, a | b); return true;
        case BinOp::Xor: put(out, a ^ b); return true;
        case BinOp::Eq: put(out, a == b); return true;
        case BinOp::Ne: put(out, a != b); return true;
        case BinOp::Lt: put(out, a < b); return true;
        case BinOp::Le: put(out, a <= b); return true;
        case BinOp::Gt: put(out, a > b); return true;
        case BinOp::Ge: put(out, a >= b); return true;
        default: return false;
    }
}

RHAI_INLINE bool float_binary(BinOp op, FLOAT a, FLOAT b, Dynamic& out) {
    switch (op) {
        case BinOp::Add: put(out, a + b); return true;
        case BinOp::Sub: put(out, a - b); return true;
        case BinOp::Mul: put(out, a * b); return true;
        case BinOp::Div: put(out, a / b); return true;
        case BinOp::Eq: put(out, float_eq(a, b)); return true;
        case BinOp::Ne: put(out, float_ne(a, b)); return true;
        case BinOp::Lt: put(out, float_lt(a, b)); return true;
        case BinOp::Le: put(out, float_le(a, b)); return true;
        case BinOp::Gt: put(out, float_gt(a, b)); return true;
        case BinOp::Ge: put(out, float_ge(a, b)); return true;
        default: return false;  // %, ** and bit ops: natives (Rhai's exact semantics)
    }
}

// A comparison operator (is_comparison) on two INTs.
RHAI_INLINE bool int_compare(BinOp op, INT a, INT b) {
    switch (op) {
        case BinOp::Lt: return a < b;
        case BinOp::Le: return a <= b;
        case BinOp::Gt: return a > b;
        case BinOp::Ge: return a >= b;
        case BinOp::Eq: return a == b;
        default: return a != b;
    }
}

// A local's value, read through its Shared cell when a closure captured it.
RHAI_INLINE const Dynamic& local_value(const Dynamic& slot) {
    return slot.is_shared() ? slot.as_shared().value() : slot;
}

}  // namespace

// `out` may be `l` or `r` itself (operands are read before the result is written); it must not
// hold a heap object unless the operation is one this returns false for.
RHAI_INLINE bool binary_fast_inline(BinOp op, const Dynamic& l, const Dynamic& r, Dynamic& out) {
    if (l.is_int()) {
        if (r.is_int()) return int_binary(op, l.as_int(), r.as_int(), out);
        if (r.is_float()) return float_binary(op, FLOAT(l.as_int()), r.as_float(), out);
        return false;
    }
    if (l.is_float()) {
        if (r.is_float()) return float_binary(op, l.as_float(), r.as_float(), out);
        if (r.is_int()) return float_binary(op, l.as_float(), FLOAT(r.as_int()), out);
        return false;
    }
    if (l.is_bool() && r.is_bool()) {
        bool a = l.as_bool(), b = r.as_bool();
        switch (op) {
            case BinOp::Eq: put(out, a == b); return true;
            case BinOp::Ne: put(out, a != b); return true;
            case BinOp::And: put(out, a && b); return true;
            case BinOp::Or: put(out, a || b); return true;
            case BinOp::Xor: put(out, a != b); return true;
            default: return false;
        }
    }
    return false;
}

bool binary_fast(BinOp op, const Dynamic& l, const Dynamic& r, Dynamic& out) {
    return binary_fast_inline(op, l, r, out);
}

// A closure's captured variable lent to a running method (the call then takes the general
// path, which raises ErrorDataRace).
static inline bool any_lent(const FnPtrObj& f) {
    for (const Dynamic& c : f.curried)
        if (c.is_shared() && c.as_shared().lent) [[unlikely]]
            return true;
    return false;
}

static EvalError not_bool(const Dynamic& v, Position pos) {
    return EvalError::mismatch_data_type("bool", v.type_name(), pos);
}

Status Machine::execute() {
    Frame* fr;
    const ScriptFunction* fn;
    const bc::Instr* code;
    const bc::Instr* pc;
    const Dynamic* K;
    Dynamic* bp;
    Dynamic* sp;

#define SAVE()                                             \
    do {                                                   \
        fr->pc = pc;                                       \
        saved_sp_ = uint32_t(sp - stack_.data());          \
    } while (0)
#define RELOAD()                                           \
    do {                                                   \
        fr = &frames_.back();                              \
        fn = fr->fn;                                       \
        code = fn->code.data();                            \
        pc = fr->pc;                                       \
        K = fn->constants.data();                          \
        bp = stack_.data() + fr->base;                     \
        sp = stack_.data() + saved_sp_;                    \
    } while (0)
#define POS() (fn->positions[size_t(pc - code) - 1])
// A captured variable lent to a running method (CellLock) cannot be used meanwhile.
#define LOCAL_VALUE(slot)                                                                     \
    (*((slot).is_shared() && (slot).as_shared().lent                                          \
           ? (fr->pc = pc, saved_sp_ = uint32_t(sp - stack_.data()), raise_data_race(POS())) \
           : &local_value(slot)))
#define CHECK_LENT(slot)                                   \
    if ((slot).as_shared().lent) [[unlikely]] {            \
        SAVE();                                            \
        throw data_race(POS());                            \
    }
// Counts an operation; a yield resumes at resume_pc. A limit error is raised at the ticking
// instruction (the one before pc), or at a function's first one right after entering it.
#define TICK_AT(resume_pc)                                 \
    if (++operations >= next_check_) {                     \
        const bc::Instr* keep_pc = pc;                     \
        Position at = fn->positions[pc > code ? size_t(pc - code) - 1 : 0]; \
        pc = (resume_pc);                                  \
        SAVE();                                            \
        if (operation_tick(at)) return Status::Yielded;    \
        pc = keep_pc;                                      \
    }
// A script function of the running frame's program entered inline (enter_script_fast's checks:
// call depth, room on the stack; frames_ may grow, fr is re-read): the registers are set from
// the new frame instead of reloaded. Arguments at stack index base_, the result to ret_.
#define CAN_ENTER(callee_, base_)                                                              \
    ((callee_)->program == fn->program && frames_.size() <= call_limit_ &&                     \
     stack_.size() >= size_t(base_) + (callee_)->num_locals + (callee_)->max_stack + 1)
#define ENTER_FRAME(callee_, base_, ret_)                                                      \
    do {                                                                                       \
        fr->pc = pc;                                                                           \
        CacheEntry* caches_ = fr->caches - fn->site_base + (callee_)->site_base;               \
        bool wraps_ = fn->program != prelude_.get() || !prelude_;                              \
        fr = &frames_.emplace_back(callee_, base_, ret_, caches_, wraps_, POS());              \
        fn = (callee_);                                                                        \
        code = pc = fn->code.data();                                                           \
        K = fn->constants.data();                                                              \
        bp = stack_.data() + (base_);                                                          \
        sp = bp + fn->num_locals;                                                              \
    } while (0)
#define ENTER_INLINE(callee_, base_, ret_)                                                     \
    do {                                                                                       \
        ENTER_FRAME(callee_, base_, ret_);                                                     \
        TICK_AT(pc);                                                                           \
        FAST_NEXT();                                                                           \
    } while (0)
// f.call(args) on a function value fo whose script function can be entered inline (as
// enter_fn_ptr: a closure of the running script or the prelude, or a function named by the
// pointer; no captured variable lent to a method): its curried values (a closure's captured
// cells) go first, the argc arguments at stack index at_ move up.
#define ENTER_FN_PTR(fo_, at_, argc_, ret_)                                                    \
    do {                                                                                       \
        const FnPtrObj& fp_ = (fo_);                                                           \
        uint32_t nc_ = uint32_t(fp_.curried.size());                                           \
        const CacheEntry& ce_ = fr->caches[in.b]; /* script_fn_by_name's cache hit, inline */  \
        const ScriptFunction* t_ =                                                             \
            fp_.fn ? fp_.fn.get()                                                              \
            : ce_.method_fn && ce_.method_program == program_.get() && ce_.method_fn->arity == nc_ + (argc_) && \
                    ce_.method_fn->name == fp_.name                                            \
                ? ce_.method_fn                                                                \
                : script_fn_by_name(fp_.name, nc_ + (argc_), fr->caches + in.b);               \
        if (t_ && t_->arity == nc_ + (argc_) && CAN_ENTER(t_, at_) &&                          \
            (!fp_.fn || t_->program == program_.get() || t_->program == prelude_.get()) &&     \
            !any_lent(fp_)) {                                                                  \
            if (nc_) {                                                                         \
                Dynamic* a_ = stack_.data() + (at_);                                           \
                for (uint32_t i_ = (argc_); i_-- > 0;) a_[nc_ + i_] = std::move(a_[i_]);        \
                for (uint32_t i_ = 0; i_ < nc_; ++i_) a_[i_] = fp_.curried[i_];                 \
            }                                                                                  \
            ENTER_INLINE(t_, at_, ret_);                                                       \
        }                                                                                      \
    } while (0)
#define AFTER_CALL()                                       \
    do {                                                   \
        if (status != Status::Ready) return status;        \
        RELOAD();                                          \
    } while (0)

    // Threaded dispatch where the compiler has labels as values (GCC, Clang): the next
    // handler is reached through its label, with no range check and no jump back to the loop
    // head. A computed goto does not run the destructors of the locals it leaves (GCC's
    // documented rule: a Dynamic copy in a slow path would leak), so there are two exits:
    // FAST_NEXT, the computed goto itself, only where no local with a destructor has been
    // constructed in the handler yet, and NEXT, a plain goto to the shared dispatch point.
    // Elsewhere both are `break` (the switch).
#if defined(__GNUC__)
    static const void* const kHandlers[] = {
#define OP(name, operands, effect, meaning) &&L_##name,
#include "compiler/opcodes.def"
#undef OP
    };
#define CASE(name) case Op::name: L_##name:
#define NEXT() goto next_instruction
#define FAST_NEXT()                                        \
    do {                                                   \
        in = *pc++;                                        \
        goto* kHandlers[size_t(in.op)];                    \
    } while (0)
#else
#define CASE(name) case Op::name:
#define NEXT() break
#define FAST_NEXT() break
#endif

    RELOAD();
    bc::Instr in;
    for (;;) {
#if defined(__GNUC__)
    next_instruction:
        in = *pc++;
        goto* kHandlers[size_t(in.op)];
#else
        in = *pc++;
#endif
        switch (in.op) {
            CASE(NOP)
                FAST_NEXT();
            CASE(PUSH_UNIT)
                *sp++ = Dynamic();
                FAST_NEXT();
            CASE(PUSH_TRUE)
                *sp++ = Dynamic(true);
                FAST_NEXT();
            CASE(PUSH_FALSE)
                *sp++ = Dynamic(false);
                FAST_NEXT();
            CASE(PUSH_INT)
                *sp++ = Dynamic(INT(int32_t(in.c)));
                FAST_NEXT();
            CASE(PUSH_CONST)
                *sp++ = K[in.c];
                FAST_NEXT();
            CASE(POP)
                *--sp = Dynamic();
                FAST_NEXT();
            CASE(DUP)
                *sp = sp[-1];
                ++sp;
                FAST_NEXT();
            CASE(LOAD_LOCAL) {
                const Dynamic& v = bp[in.b];
                if (v.is_shared()) {
                    CHECK_LENT(v);
                    *sp++ = v.as_shared().value();
                } else {
                    *sp++ = v;
                }
                FAST_NEXT();
            }
            CASE(STORE_LOCAL) {
                Dynamic& d = bp[in.b];
                --sp;
                if (d.is_shared()) {
                    CHECK_LENT(d);
                    d.as_shared().value() = std::move(*sp);
                } else {
                    d = std::move(*sp);
                }
                FAST_NEXT();
            }
            CASE(DEFINE_LOCAL)
                // c: the function's live variables after a `let` (0 elsewhere), for max_variables.
                if (in.c > max_variables_) [[unlikely]] {
                    SAVE();
                    throw EvalError(ErrorKind::ErrorTooManyVariables, "Too many variables defined", POS());
                }
                bp[in.b] = std::move(*--sp);
                // `let x = v` makes a plain variable even when v came from a constant (e.g. a
                // native returning its argument unchanged): Rhai clears the read-only flag.
                // (`const` is enforced at compile time, so this never unprotects a constant.)
                bp[in.b].set_read_only(false);
                FAST_NEXT();
            CASE(CLEAR_LOCAL)
                bp[in.b] = Dynamic();
                FAST_NEXT();
            CASE(LOAD_CELL) {
                Dynamic& d = bp[in.b];
                if (!d.is_shared()) {
                    d = Dynamic::shared(std::move(d));
                    cells.track(d);
                    *sp++ = d;
                    // A safe point: every live value is held by a Dynamic somewhere.
                    if (cells.due()) cells.collect();
                } else {
                    *sp++ = d;
                }
                FAST_NEXT();
            }
            CASE(IS_SHARED)
                *sp++ = Dynamic(bp[in.b].is_shared());
                FAST_NEXT();
            CASE(LOAD_THIS)
                if (!fr->has_this) {
                    SAVE();
                    throw EvalError(ErrorKind::ErrorUnboundThis, "'this' not bound", POS());
                }
                *sp++ = fr->this_val.flatten();
                FAST_NEXT();
            CASE(LOAD_GLOBAL)
                if (in.a || fn->program != program_.get() || in.c >= globals_.size() || !globals_set_[in.c]) {
                    SAVE();
                    if (in.a)
                        throw EvalError(ErrorKind::ErrorModuleNotFound,
                                        "Module not found: " + K[in.c].as_string(), POS());
                    if (fn->program != program_.get()) {
                        *sp++ = load_global_by_name(fn->program, in.c, POS());
                        NEXT();
                    }
                    throw EvalError::variable_not_found("global::" + fn->program->globals[in.c], POS());
                }
                *sp++ = globals_[in.c];
                FAST_NEXT();
            CASE(DEFINE_GLOBAL)
                if (globals_.size() <= in.c) {
                    globals_.resize(in.c + 1);
                    globals_set_.resize(in.c + 1);
                }
                globals_[in.c] = sp[-1];
                globals_[in.c].set_read_only(true);  // global::K reads stay read-only (QUIRKS.md)
                globals_set_[in.c] = 1;
                FAST_NEXT();
            CASE(LOAD_DYN) {
                SAVE();
                Dynamic v = load_dyn(K[in.c].as_string(), POS(), in.a != 0);
                *sp++ = std::move(v);
                NEXT();
            }
            CASE(STORE_DYN) {
                SAVE();
                bool is_const = false;
                Dynamic* v = find_dyn(frames_.size() - 1, K[in.c].as_string(), &is_const);
                if (!v) throw EvalError::variable_not_found(K[in.c].as_string(), POS());
                if (v->is_read_only() || is_const)
                    throw EvalError(ErrorKind::ErrorAssignmentToConstant,
                                    "Cannot modify constant " + K[in.c].as_string(), POS());
                --sp;
                if (v->is_shared()) {
                    CHECK_LENT(*v);
                    v->as_shared().value() = std::move(*sp);
                } else {
                    *v = std::move(*sp);
                }
                FAST_NEXT();
            }
            CASE(DEFINE_DYN)
                SAVE();
                --sp;
                define_dyn(K[in.c].as_string(), std::move(*sp), in.a != 0);
                FAST_NEXT();
            CASE(EVAL_SCOPE_END)
                if (fr->eval_scope()) eval_scope_end(*fr, in.c);
                FAST_NEXT();
            CASE(BINARY) {
                Dynamic& l = sp[-2];
                Dynamic& r = sp[-1];
                if (binary_fast_inline(BinOp(in.a), l, r, l)) {
                    --sp;  // r was a scalar: nothing to release
                    FAST_NEXT();
                }
                SAVE();
                Dynamic out = binary_slow(BinOp(in.a), l, r, POS(), fr->caches + in.b);
                r = Dynamic();
                l = std::move(out);
                --sp;
                NEXT();
            }
            CASE(BINARY_LOCAL) {
                Dynamic& l = sp[-1];
                const Dynamic& r = LOCAL_VALUE(bp[in.c]);
                if (binary_fast_inline(BinOp(in.a), l, r, l)) FAST_NEXT();
                SAVE();
                Dynamic rc = r;
                Dynamic out = binary_slow(BinOp(in.a), l, rc, POS(), fr->caches + in.b);
                l = std::move(out);
                NEXT();
            }
            CASE(BINARY_LOCALS) {
                const Dynamic& l = LOCAL_VALUE(bp[in.b]);
                const Dynamic& r = LOCAL_VALUE(bp[in.c & 0xFFFF]);
                if (!is_heap_tag(sp->tag()) && binary_fast_inline(BinOp(in.a), l, r, *sp)) {
                    ++sp;  // the slot above the top held no heap object: written in place
                    FAST_NEXT();
                }
                Dynamic out;
                if (!binary_fast_inline(BinOp(in.a), l, r, out)) {
                    SAVE();
                    Dynamic lc = l, rc = r;
                    out = binary_slow(BinOp(in.a), lc, rc, POS(), fr->caches + (in.c >> 16));
                }
                *sp++ = std::move(out);
                NEXT();
            }
            CASE(BINARY_INT) {
                Dynamic& l = sp[-1];
                INT b = int32_t(in.c);
                if (l.is_int()) {
                    INT a = l.as_int(), v;
                    switch (BinOp(in.a)) {
                        case BinOp::Add:
                            if (!__builtin_add_overflow(a, b, &v)) { put(l, v); FAST_NEXT(); }
                            break;
                        case BinOp::Sub:
                            if (!__builtin_sub_overflow(a, b, &v)) { put(l, v); FAST_NEXT(); }
                            break;
                        case BinOp::Lt: put(l, a < b); FAST_NEXT();
                        case BinOp::Le: put(l, a <= b); FAST_NEXT();
                        case BinOp::Gt: put(l, a > b); FAST_NEXT();
                        case BinOp::Ge: put(l, a >= b); FAST_NEXT();
                        case BinOp::Eq: put(l, a == b); FAST_NEXT();
                        case BinOp::Ne: put(l, a != b); FAST_NEXT();
                        default: break;
                    }
                }
                Dynamic r(b);
                if (binary_fast_inline(BinOp(in.a), l, r, l)) NEXT();
                SAVE();
                Dynamic out = binary_slow(BinOp(in.a), l, r, POS(), fr->caches + in.b);
                l = std::move(out);
                NEXT();
            }
            CASE(UNARY) {
                Dynamic& v = sp[-1];
                bc::UnOp op = bc::UnOp(in.a);
                if (op == bc::UnOp::Neg && v.is_int() && v.as_int() != std::numeric_limits<INT>::min()) {
                    v = Dynamic(-v.as_int());
                } else if (op == bc::UnOp::Neg && v.is_float()) {
                    v = Dynamic(-v.as_float());
                } else if (op == bc::UnOp::Not && v.is_bool()) {
                    v = Dynamic(!v.as_bool());
                } else if (op == bc::UnOp::Plus && (v.is_int() || v.is_float())) {
                } else {
                    SAVE();
                    v = unary_slow(op, v, POS(), fr->caches + in.b);
                }
                FAST_NEXT();
            }
            CASE(ADD_LOCAL_INT) {
                Dynamic* d = &bp[in.b];
                if (d->is_shared()) {
                    CHECK_LENT(*d);
                    d = &d->as_shared().value();
                }
                INT v, k = int32_t(in.c);
                if (d->is_int() && !(BinOp(in.a) == BinOp::Add ? __builtin_add_overflow(d->as_int(), k, &v)
                                                                : __builtin_sub_overflow(d->as_int(), k, &v))) {
                    *d = Dynamic(v);
                    FAST_NEXT();
                }
                SAVE();
                apply_op_assign(*d, BinOp(in.a), Dynamic(k), POS(), nullptr);
                FAST_NEXT();
            }
            CASE(OP_ASSIGN_LOCAL) {
                Dynamic* d = &bp[in.b];
                if (d->is_shared()) {
                    CHECK_LENT(*d);
                    d = &d->as_shared().value();
                }
                Dynamic& r = sp[-1];
                if (binary_fast_inline(BinOp(in.a), *d, r, *d)) {
                    --sp;  // r was a scalar
                    FAST_NEXT();
                }
                SAVE();
                apply_op_assign(*d, BinOp(in.a), std::move(r), POS(), fr->caches + in.c);
                *--sp = Dynamic();
                FAST_NEXT();
            }
            CASE(OP_ASSIGN_LOCALS) {
                Dynamic* d = &bp[in.b];
                if (d->is_shared()) {
                    CHECK_LENT(*d);
                    d = &d->as_shared().value();
                }
                const Dynamic& r = LOCAL_VALUE(bp[in.c & 0xFFFF]);
                if (binary_fast_inline(BinOp(in.a), *d, r, *d)) FAST_NEXT();
                SAVE();
                apply_op_assign(*d, BinOp(in.a), Dynamic(r), POS(), fr->caches + (in.c >> 16));
                FAST_NEXT();
            }
            CASE(CONCAT) {
                std::string s;
                Dynamic* first = sp - in.c;
                for (Dynamic* p = first; p < sp; ++p) {
                    if (p->is_string()) s += p->as_string();
                    else {
                        SAVE();
                        s += display_text(*p, POS());
                    }
                    *p = Dynamic();
                }
                sp = first;
                *sp++ = Dynamic(std::move(s));
                SAVE();
                enforce_size(sp[-1], POS());
                NEXT();
            }
            CASE(MAKE_ARRAY) {
                Array a;
                a.reserve(in.c);
                Dynamic* first = sp - in.c;
                for (Dynamic* p = first; p < sp; ++p) a.push_back(std::move(*p));
                sp = first;
                *sp++ = Dynamic(std::move(a));
                if (data_limits_) {
                    SAVE();
                    enforce_data_size(sp[-1], POS());
                }
                if (max_memory_) {  // `loop { a = [a] }` grows memory without a native call
                    SAVE();
                    charge_memory(sp[-1], POS());
                }
                NEXT();
            }
            CASE(MAKE_MAP) {
                Map m;
                const Array& keys = K[in.c].as_array();
                Dynamic* first = sp - in.b;
                for (size_t i = 0; i < in.b; ++i) m.insert_or_assign(keys[i].as_string(), std::move(first[i]));
                sp = first;
                *sp++ = Dynamic(std::move(m));
                if (data_limits_) {
                    SAVE();
                    enforce_data_size(sp[-1], POS());
                }
                if (max_memory_) {
                    SAVE();
                    charge_memory(sp[-1], POS());
                }
                NEXT();
            }
            CASE(MAKE_RANGE) {
                Dynamic& a = sp[-2];
                Dynamic& b = sp[-1];
                // `x..` (open end, parsed with a () end) runs to i64::MAX: an exclusive range
                // whatever the operator, so `x..=` does not overflow past the maximum.
                if (a.is_int() && b.is_unit()) {
                    a = Dynamic::range(a.as_int(), std::numeric_limits<INT>::max(), false);
                    --sp;
                    FAST_NEXT();
                }
                if (a.is_int() && b.is_int()) {
                    a = Dynamic::range(a.as_int(), b.as_int(), in.a != 0);
                    b = Dynamic();
                    --sp;
                    FAST_NEXT();
                }
                SAVE();
                Dynamic* argv[2] = {&a, &b};
                const char* name = in.a ? "..=" : "..";
                const NativeFunction* nf = resolve_native(name, argv, 2, nullptr);
                if (!nf) function_not_found(name, argv, 2, POS());
                Dynamic out = call_native(nf, name, argv, POS());
                b = Dynamic();
                a = std::move(out);
                --sp;
                NEXT();
            }
            CASE(GET_INDEX) {
                Dynamic& obj = sp[-2];
                Dynamic& idx = sp[-1];
                if (obj.is_array() && idx.is_int()) {
                    const Array& arr = obj.as_array();
                    INT i = idx.as_int();
                    if (i >= 0 && size_t(i) < arr.size()) {
                        Dynamic v = arr[size_t(i)];
                        obj = std::move(v);
                        --sp;
                        NEXT();
                    }
                }
                if (in.a && obj.is_unit()) {
                    idx = Dynamic();
                    --sp;
                    NEXT();
                }
                SAVE();
                Dynamic v = get_index(obj, idx, POS(), fr->caches + in.b);
                idx = Dynamic();
                obj = std::move(v);
                --sp;
                NEXT();
            }
            CASE(INDEX_LOCAL) {
                const Dynamic& obj = LOCAL_VALUE(bp[in.b]);
                Dynamic& idx = sp[-1];
                if (obj.is_array() && idx.is_int()) {
                    const Array& arr = obj.as_array();
                    if (uint64_t(idx.as_int()) < arr.size()) {
                        idx = arr[size_t(idx.as_int())];
                        FAST_NEXT();
                    }
                }
                SAVE();
                Dynamic o = obj;
                Dynamic v = get_index(o, idx, POS(), fr->caches + in.c);
                idx = std::move(v);
                NEXT();
            }
            CASE(INDEX_LOCALS) {
                const Dynamic& obj = LOCAL_VALUE(bp[in.b]);
                const Dynamic& idx = LOCAL_VALUE(bp[in.c & 0xFFFF]);
                if (obj.is_array() && idx.is_int()) {
                    const Array& arr = obj.as_array();
                    if (uint64_t(idx.as_int()) < arr.size()) {
                        *sp++ = arr[size_t(idx.as_int())];
                        FAST_NEXT();
                    }
                }
                SAVE();
                Dynamic o = obj, k = idx;
                Dynamic v = get_index(o, k, POS(), fr->caches + (in.c >> 16));
                *sp++ = std::move(v);
                NEXT();
            }
            CASE(GET_PROP) {
                Dynamic& obj = sp[-1];
                if (obj.is_map()) {
                    const Map& m = obj.as_map();
                    auto it = find_prop(m, K[in.c].as_string());
                    if (it != m.end()) {
                        Dynamic v = it->second;
                        obj = std::move(v);
                        NEXT();
                    }
                }
                if (in.a && obj.is_unit()) NEXT();
                SAVE();
                Dynamic v = get_property(obj, K[in.c].as_string(), POS(), fr->caches + in.b);
                obj = std::move(v);
                NEXT();
            }
            CASE(SET_PLACE) {
                const bc::Place& p = fn->places[in.b];
                // Fast path: local_array[int] = value (with no data-size limit to check).
                if (p.steps.size() == 1 && p.steps[0].is_index && p.root == bc::Place::Root::Local &&
                    !p.constant && !data_limits_) {
                    Dynamic& root = bp[p.slot];
                    Dynamic& key = sp[-2];
                    if (root.is_array() && key.is_int()) {
                        INT i = key.as_int();
                        Array& a = root.array_mut();
                        if (i >= 0 && size_t(i) < a.size() && !a[size_t(i)].is_read_only()) {
                            a[size_t(i)] = std::move(sp[-1]);
                            sp -= 2;
                            FAST_NEXT();
                        }
                    }
                }
                size_t nk = p.key_count();
                SAVE();
                set_place(*fr, p, sp - 1 - nk, std::move(sp[-1]), POS());
                for (size_t i = 0; i <= nk; ++i) *--sp = Dynamic();
                FAST_NEXT();
            }
            CASE(UPDATE_PLACE) {
                const bc::Place& p = fn->places[in.b];
                // Fast paths: local_array[int] op= number, and local_map.prop / this.prop op=
                // number on an existing property; the rest (and errors) in update_place.
                if (p.steps.size() == 1 && !p.constant) {
                    Dynamic* root = p.root == bc::Place::Root::Local                   ? &bp[p.slot]
                                    : p.root == bc::Place::Root::This && fr->has_this ? &fr->this_val
                                                                                      : nullptr;
                    if (root && root->is_shared()) {
                        CHECK_LENT(*root);
                        root = &root->as_shared().value();
                    }
                    if (root && p.steps[0].is_index) {
                        Dynamic& key = sp[-2];
                        if (root->is_array() && key.is_int()) {
                            INT i = key.as_int();
                            Array& a = root->array_mut();
                            if (i >= 0 && size_t(i) < a.size() && !a[size_t(i)].is_read_only() &&
                                binary_fast_inline(BinOp(in.a), a[size_t(i)], sp[-1], a[size_t(i)])) {
                                sp -= 2;  // the key and the operand were scalars
                                FAST_NEXT();
                            }
                        }
                    } else if (root && root->is_map()) {
                        Map& m = root->map_mut();
                        auto it = find_prop(m, p.steps[0].name);
                        if (it != m.end() && !it->second.is_read_only() &&
                            binary_fast_inline(BinOp(in.a), it->second, sp[-1], it->second)) {
                            --sp;
                            FAST_NEXT();
                        }
                    }
                }
                size_t nk = p.key_count();
                SAVE();
                update_place(*fr, p, sp - 1 - nk, BinOp(in.a), std::move(sp[-1]), POS(), fr->caches + in.c);
                for (size_t i = 0; i <= nk; ++i) *--sp = Dynamic();
                FAST_NEXT();
            }
            CASE(JUMP)
                pc = code + in.c;
                FAST_NEXT();
            CASE(LOOP)
                TICK_AT(code + in.c);  // before the jump: a limit error names the loop
                pc = code + in.c;
                FAST_NEXT();
            CASE(JUMP_IF_FALSE)
            CASE(JUMP_IF_TRUE) {
                Dynamic& c = sp[-1];
                if (!c.is_bool()) {
                    SAVE();
                    throw not_bool(c, POS());
                }
                bool b = c.as_bool();
                *--sp = Dynamic();
                if (b == (in.op == Op::JUMP_IF_TRUE)) pc = code + in.c;
                FAST_NEXT();
            }
            CASE(CMP_JUMP) {
                Dynamic& l = sp[-2];
                Dynamic& r = sp[-1];
                bool result;
                if (l.is_int() && r.is_int()) {
                    result = int_compare(BinOp(in.a), l.as_int(), r.as_int());
                } else {
                    SAVE();
                    result = compare_slow(BinOp(in.a), l, r, POS(), fr->caches + in.b);
                }
                sp[-1] = Dynamic();
                sp[-2] = Dynamic();
                sp -= 2;
                if (!result) pc = code + in.c;
                FAST_NEXT();
            }
            // A comparison of two operands (bound references) for a conditional jump: INTs
            // inline, the rest in compare_slow.
#define COMPARE(l_, r_, cache_)                                                                \
    ((l_).is_int() && (r_).is_int() ? int_compare(BinOp(in.a), (l_).as_int(), (r_).as_int())   \
                                    : (fr->pc = pc, saved_sp_ = uint32_t(sp - stack_.data()),  \
                                       compare_slow(BinOp(in.a), l_, r_, POS(), cache_)))
            CASE(CMP_LOCAL_JUMP) {
                Dynamic& l = sp[-1];
                const Dynamic& r = LOCAL_VALUE(bp[in.b]);
                bool result;
                if (l.is_int() && r.is_int()) {
                    result = int_compare(BinOp(in.a), l.as_int(), r.as_int());
                } else {
                    SAVE();
                    result = compare_slow(BinOp(in.a), l, r, POS(), nullptr);
                }
                *--sp = Dynamic();
                if (!result) pc = code + in.c;
                FAST_NEXT();
            }
            CASE(CMP_INT_JUMP) {
                Dynamic& l = sp[-1];
                INT b = int16_t(in.b);
                bool result;
                if (l.is_int()) {
                    result = int_compare(BinOp(in.a), l.as_int(), b);
                } else {
                    SAVE();
                    result = compare_slow(BinOp(in.a), l, Dynamic(b), POS(), nullptr);
                }
                *--sp = Dynamic();
                if (!result) pc = code + in.c;
                FAST_NEXT();
            }
            CASE(CMP_LOCALS_JUMP) {
                const bc::Instr operand = *pc++;  // the NOP after it
                const Dynamic& l = LOCAL_VALUE(bp[in.b]);
                const Dynamic& r = LOCAL_VALUE(bp[operand.b]);
                bool result = COMPARE(l, r, fr->caches + operand.c);
                if (!result) pc = code + in.c;
                FAST_NEXT();
            }
            CASE(CMP_LOCAL_INT_JUMP) {
                const Dynamic& l = LOCAL_VALUE(bp[in.b]);
                BinOp op = BinOp(int(BinOp::Eq) + (in.a & 7));
                INT b = int8_t(in.a) >> 3;
                bool result;
                if (l.is_int()) {
                    result = int_compare(op, l.as_int(), b);
                } else {
                    SAVE();
                    result = compare_slow(op, l, Dynamic(b), POS(), nullptr);
                }
                if (!result) pc = code + in.c;
                FAST_NEXT();
            }
#undef COMPARE
            CASE(AND_JUMP)
            CASE(OR_JUMP) {
                Dynamic& c = sp[-1];
                if (!c.is_bool()) {
                    SAVE();
                    throw not_bool(c, POS());
                }
                if (c.as_bool() == (in.op == Op::OR_JUMP)) pc = code + in.c;
                else *--sp = Dynamic();
                FAST_NEXT();
            }
            CASE(CHECK_BOOL)
                if (!sp[-1].is_bool()) {
                    SAVE();
                    throw not_bool(sp[-1], POS());
                }
                FAST_NEXT();
            CASE(COALESCE_JUMP)
                if (!sp[-1].is_unit()) pc = code + in.c;
                else --sp;
                FAST_NEXT();
            CASE(UNIT_JUMP)
                if (sp[-1].is_unit()) pc = code + in.c;
                FAST_NEXT();
            CASE(CALL_SCRIPT) {
                const ScriptFunction* callee = fn->program->functions[in.c].get();
                uint32_t at = uint32_t(sp - stack_.data()) - in.a;
                if (CAN_ENTER(callee, at) && !fn->sites[in.b].capture) [[likely]]
                    ENTER_INLINE(callee, at, at);
                SAVE();
                if (!enter_script_fast(callee, at, at, POS())) push_frame(callee, at, at, POS());
                if (fn->sites[in.b].capture) frames_.back().ext().scope_site = &fn->sites[in.b];
                RELOAD();
                TICK_AT(pc);
                FAST_NEXT();
            }
            CASE(CALL) {
                SAVE();
                uint32_t at = uint32_t(sp - stack_.data()) - in.a;
                call_by_name(fn->sites[in.b].name, at, in.a, at, POS(), fr->caches + in.b);
                AFTER_CALL();
                TICK_AT(pc);
                FAST_NEXT();
            }
            CASE(CALL_METHOD) {
                // `expr.call(args)` on a function value: straight into its frame (the value
                // stays in the result slot under the callee's arguments until the return).
                if (fn->sites[in.b].is_call && sp[-int(in.a)].is_fn_ptr()) {
                    uint32_t recv_at = uint32_t(sp - stack_.data()) - in.a;
                    ENTER_FN_PTR(sp[-int(in.a)].as_fn_ptr(), recv_at + 1, in.a - 1u, recv_at);
                }
                SAVE();
                exec_call_method(in, fn->sites[in.b], *fr, uint32_t(sp - stack_.data()));
                AFTER_CALL();
                TICK_AT(pc);
                FAST_NEXT();
            }
            CASE(CALL_PLACE) {
                // `f.call(args)` on a variable holding a function value: no place walk.
                if (const bc::CallSite& site = fn->sites[in.b]; site.is_call && !site.fn_style) {
                    const bc::Place& p = fn->places[size_t(site.place)];
                    if (p.steps.empty() && p.root == bc::Place::Root::Local) {
                        const Dynamic& f = local_value(bp[p.slot]);
                        if (f.is_fn_ptr()) {
                            uint32_t at = uint32_t(sp - stack_.data()) - in.a;
                            ENTER_FN_PTR(f.as_fn_ptr(), at, in.a, at);
                        }
                    }
                } else if (!site.is_call && !site.fn_style) {
                    // `x.method(args)` on a plain local whose script method the site's cache
                    // holds (dispatch_method's step 1): `this` moves into the frame and back
                    // into the variable on return (wb_place), as enter_method does.
                    const bc::Place& p = fn->places[size_t(site.place)];
                    if (p.steps.empty() && p.root == bc::Place::Root::Local && !p.constant) {
                        Dynamic* recv = bp + p.slot;
                        const CacheEntry& ce = fr->caches[in.b];
                        const ScriptFunction* m = ce.method_fn;
                        uint32_t at = uint32_t(sp - stack_.data()) - in.a;
                        if (m && !recv->is_shared() && recv->tag() != Tag::Custom && ce.method_tag == recv->tag() &&
                            ce.method_program == fn->program && CAN_ENTER(m, at)) {
                            int32_t wb = site.place;
                            ENTER_FRAME(m, at, at);
                            fr->has_this = true;
                            fr->this_val = std::move(*recv);
                            fr->wb_place = wb;
                            fr->wb_keys = at;
                            TICK_AT(pc);
                            FAST_NEXT();
                        }
                        if (!recv->is_shared()) {
                            // Natives and uncached methods: what call_place passes for such a
                            // place (real storage, written back; no temporaries to feed back).
                            SAVE();
                            dispatch_method({site.name, recv, false, true, at, in.a, at, site.place, at, false, false},
                                            fr->caches + in.b, POS());
                            AFTER_CALL();
                            TICK_AT(pc);
                            FAST_NEXT();
                        }
                    }
                }
                SAVE();
                exec_call_place(in, fn->sites[in.b], *fr, uint32_t(sp - stack_.data()));
                AFTER_CALL();
                TICK_AT(pc);
                FAST_NEXT();
            }
            CASE(INTRINSIC) {
                SAVE();
                exec_intrinsic(in, fn->sites[in.b], *fr, uint32_t(sp - stack_.data()));
                AFTER_CALL();
                FAST_NEXT();
            }
            CASE(RETURN) {
                if (frames_.size() > 1 && (handlers_.empty() || handlers_.back().frame_depth < frames_.size())) {
                    if (fr->wb_place >= 0) {
                        // A method called on a plain local variable: `this` goes straight back
                        // (write_back's set_place on a place without steps); the rest slow.
                        if (fr->extra) goto return_slow;
                        const Frame& caller = frames_[frames_.size() - 2];
                        const bc::Place& p = caller.fn->places[size_t(fr->wb_place)];
                        if (!p.steps.empty() || p.root != bc::Place::Root::Local || p.constant) goto return_slow;
                        Dynamic& var = stack_[caller.base + p.slot];
                        if (var.is_shared()) goto return_slow;
                        var = std::move(fr->this_val);
                    }
                    // A script call returning into a script caller: the value goes to the
                    // return slot, everything else the frame left above it is cleared.
                    Dynamic* ret = stack_.data() + fr->ret_slot;
                    Dynamic* top = sp - 1;
                    if (top != ret) {
                        for (Dynamic* p = ret; p < top; ++p) *p = Dynamic();
                        *ret = std::move(*top);
                    }
                    sp = ret + 1;
                    frames_.pop_back();
                    fr = &frames_.back();
                    fn = fr->fn;
                    code = fn->code.data();
                    pc = fr->pc;
                    K = fn->constants.data();
                    bp = stack_.data() + fr->base;
                    FAST_NEXT();
                }
            return_slow:
                Dynamic v = std::move(*--sp);
                SAVE();
                Frame& done = frames_.back();
                uint32_t ret = done.ret_slot;
                write_back(done);
                if (capture_module && frames_.size() == 1) capture_module_end();
                pop_frame_cleanup(uint32_t(sp - stack_.data()));
                if (frames_.empty()) {
                    result = std::move(v);
                    return Status::Finished;
                }
                stack_[ret] = std::move(v);
                saved_sp_ = ret + 1;
                RELOAD();
                NEXT();
            }
            CASE(MAKE_CLOSURE) {
                const ScriptFunction* target = fn->program->functions[in.c].get();
                std::vector<Dynamic> cells;
                cells.reserve(in.a);
                Dynamic* first = sp - in.a;
                for (Dynamic* p = first; p < sp; ++p) cells.push_back(std::move(*p));
                sp = first;
                *sp++ = Dynamic::fn_ptr(target->name, std::move(cells), fn->program->handle(target));
                if (max_memory_) {
                    SAVE();
                    charge_memory(sp[-1], POS());
                }
                NEXT();
            }
            CASE(TRY_BEGIN)
                handlers_.push_back(Handler{uint32_t(frames_.size()), uint32_t(sp - stack_.data()), code + in.c,
                                            in.a ? std::move(last_caught_) : nullptr});
                FAST_NEXT();
            CASE(TRY_END)
                handlers_.pop_back();
                FAST_NEXT();
            CASE(THROW) {
                Dynamic v = std::move(*--sp);
                SAVE();
                throw EvalError::runtime(std::move(v), POS());
            }
            CASE(FOR_PREP) {
                SAVE();
                Dynamic v = std::move(*--sp);
                for_prep(bp + in.b, std::move(v), POS());
                NEXT();
            }
            // FOR_NEXT jumps to c when the loop is done, FOR_LOOP (the same step at the loop's
            // bottom) when it is not. An INT cursor (a range) holds the next value, cur[1] the
            // last one, cur[2] the element count so far; all three are scalars.
#define FOR_STEP(on_done, on_more)                                                             \
    {                                                                                          \
        TICK_AT(pc - 1);                                                                       \
        Dynamic* cur = bp + in.b;                                                              \
        Dynamic* var = cur + 3;                                                                \
        if (var->is_shared()) { /* captured: one shared variable */                            \
            CHECK_LENT(*var);                                                                  \
            var = &var->as_shared().value();                                                   \
        }                                                                                      \
        if (cur->is_int()) {                                                                   \
            INT v = cur->as_int();                                                             \
            INT last = cur[1].as_int();                                                        \
            if (v > last) {                                                                    \
                on_done;                                                                       \
                FAST_NEXT();                                                                   \
            }                                                                                  \
            *var = Dynamic(v);                                                                 \
            if (v == last) put(*cur, Dynamic());                                               \
            else put(*cur, v + 1);                                                             \
            put(cur[2], cur[2].as_int() + 1);                                                  \
            on_more;                                                                           \
            FAST_NEXT();                                                                       \
        }                                                                                      \
        SAVE();                                                                                \
        if (!for_next(cur, *var)) {                                                            \
            on_done;                                                                           \
            FAST_NEXT();                                                                       \
        }                                                                                      \
        cur[2] = Dynamic(cur[2].as_int() + 1);                                                 \
        on_more;                                                                               \
        FAST_NEXT();                                                                           \
    }
            CASE(FOR_NEXT)
                FOR_STEP(pc = code + in.c, (void)0)
            CASE(FOR_LOOP)
                FOR_STEP((void)0, pc = code + in.c)
#undef FOR_STEP
            CASE(FOR_INDEX)
                *sp++ = Dynamic(bp[in.b + 2].as_int() - 1);
                FAST_NEXT();
            CASE(MATCH_JUMP) {
                const Dynamic& pat = K[in.b];
                const Dynamic& v = sp[-1];
                bool hit = pat.is_int() && v.is_int() ? pat.as_int() == v.as_int() : switch_case_hit(pat, v);
                if (hit) pc = code + in.c;
                FAST_NEXT();
            }
        }
    }
#undef CASE
#undef NEXT
#undef FAST_NEXT
#undef SAVE
#undef RELOAD
#undef POS
#undef TICK_AT
#undef AFTER_CALL
#undef CAN_ENTER
#undef ENTER_INLINE
#undef ENTER_FRAME
#undef ENTER_FN_PTR
}

}  // namespace rhai::vm
