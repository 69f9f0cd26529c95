// The VM's private state: the frame stack, the value stack and the dispatch loop.
//
// Every script call (named functions, closures, prelude built-ins, FnPtr calls) pushes a Frame
// on `frames_`; none uses the C++ stack. All values live on one `stack_` addressed by indices,
// so its growth never invalidates state that survives a call or a suspension. A native that
// calls ctx.suspend() makes run() return with every frame intact; resume pushes the value (or
// raises the error) at that call and continues. See task.hpp for the public face.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/bytecode.hpp"
#include "rhai/error.hpp"
#include "runtime/cycles.hpp"
#include "runtime/engine_core.hpp"
#include "vm/frame_stack.hpp"
#include "vm/task.hpp"

namespace rhai::vm {

// One resolved call per call site (per task), valid while the registry generation and the
// argument types match.
struct CacheEntry {
    static constexpr size_t kMaxTags = 6;
    uint64_t generation = UINT64_MAX;
    uint8_t argc = 0;
    Tag tags[kMaxTags] = {};
    const NativeFunction* native = nullptr;
    // Script-method lookup of a method call site (null fn = none), for this program and
    // receiver type: script functions never change once compiled.
    const Program* method_program = nullptr;
    Tag method_tag = Tag::Unit;
    const ScriptFunction* method_fn = nullptr;
};

// What eval code did to a frame's scope: like Rhai's scope stack, each entry ends with the
// block (depth) of the eval call that made it. A new name becomes a run-time variable; a name
// the frame already has as a local shadows it: the local's slot takes the new value and the old
// one is kept here, so code compiled against the slot sees the newest variable, as Rhai's
// by-name search does, and the old value comes back when the block ends.
// A property of an object map. Scripts' objects are small maps; for them a scan that compares
// lengths first and short keys byte by byte is several times cheaper than std::map::find, which
// makes a full three-way string comparison (a memcmp call) at every level of the tree.
template <class M>
inline auto find_prop(M& m, std::string_view key) -> decltype(m.find(key)) {
    if (m.size() > 8) return m.find(key);
    const size_t n = key.size();
    for (auto it = m.begin(); it != m.end(); ++it) {
        const std::string& k = it->first;
        if (k.size() != n) continue;
        size_t i = 0;
        while (i < n && k[i] == key[i]) ++i;
        if (i == n) return it;
    }
    return m.end();
}

struct EvalScope {
    struct Var {
        std::string name;
        Dynamic value;
        uint32_t depth;
    };
    struct Shadow {
        uint32_t slot;
        Dynamic saved;
        uint32_t depth;
    };
    std::vector<Var> vars;
    std::vector<Shadow> shadows;
    Dynamic* find(std::string_view name) {
        for (size_t i = vars.size(); i-- > 0;)
            if (vars[i].name == name) return &vars[i].value;
        return nullptr;
    }
};

// A variable captured by a closure (a Shared cell) whose value is lent to a method as `this`
// (`a.map(f)`, `a.call(f)`, a script method): until the method returns and the value goes back,
// the variable is locked, and using it meanwhile (from a closure that captured it) raises Rhai's
// ErrorDataRace instead of seeing the empty cell. Released on return, on unwinding, and when a
// task holding the frame is dropped.
class CellLock {
public:
    CellLock() = default;
    CellLock(CellLock&& o) noexcept : cell_(o.cell_) { o.cell_ = nullptr; }
    CellLock& operator=(CellLock&& o) noexcept {
        if (this != &o) {
            release();
            cell_ = o.cell_;
            o.cell_ = nullptr;
        }
        return *this;
    }
    ~CellLock() { release(); }
    void lock(const Dynamic& cell) {
        release();
        cell_ = &cell.as_shared();
        cell_->retain();
        cell_->lent = true;
    }
    // One test of a null pointer when nothing is held: every frame has one.
    void release() noexcept {
        if (cell_) [[unlikely]] {
            SharedObj* c = cell_;
            cell_ = nullptr;
            c->lent = false;
            c->release();
        }
    }

private:
    SharedObj* cell_ = nullptr;
};

EvalError data_race(Position pos);
[[noreturn]] const Dynamic* raise_data_race(Position pos);

// The value of a captured variable (a Shared cell) for the VM to read or write; ErrorDataRace
// while a method holds it (CellLock).
inline Dynamic& shared_value(const Dynamic& slot, Position pos) {
    SharedObj& cell = slot.as_shared();
    if (cell.lent) [[unlikely]]
        throw data_race(pos);
    return cell.value();
}

// The rarely used parts of a frame, boxed so a plain call writes and a return tests one pointer.
struct FrameExtra {
    std::shared_ptr<const ScriptFunction> keep;  // keeps closures' / eval code alive
    const bc::CallSite* scope_site = nullptr;    // eval / f!(): the caller's named variables
    std::unique_ptr<EvalScope> eval_scope;       // variables created by eval at run time
    CellLock lent_this;                          // the captured variable `this` was lent from
};

struct Frame {
    const ScriptFunction* fn = nullptr;
    const bc::Instr* pc = nullptr;  // next instruction
    uint32_t base = 0;              // stack index of local 0
    uint32_t ret_slot = 0;          // where the result goes in the caller's temporaries
    CacheEntry* caches = nullptr;   // this function's call-site caches
    bool has_this = false;
    bool is_eval = false;           // eval code: its `let`s go to the caller's scope
    bool wraps_errors = true;       // errors leaving it become ErrorInFunctionCall
    int32_t wb_place = -1;          // method call: caller's place to copy `this` back into
    uint32_t wb_keys = 0;           // stack index of that place's keys
    Position call_pos;              // the call site (for ErrorInFunctionCall)
    Dynamic this_val;
    std::unique_ptr<FrameExtra> extra;  // null for most frames

    FrameExtra& ext() {
        if (!extra) extra = std::make_unique<FrameExtra>();
        return *extra;
    }
    const bc::CallSite* scope_site() const { return extra ? extra->scope_site : nullptr; }
    EvalScope* eval_scope() const { return extra ? extra->eval_scope.get() : nullptr; }

    // Every call pushes one: a constructor writes the fields one by one (value-initialising
    // the whole struct compiles to a `rep stos`, slow for 100 bytes).
    Frame(const ScriptFunction* f, uint32_t b, uint32_t ret, CacheEntry* c, bool wraps, Position pos)
        : fn(f), pc(f->code.data()), base(b), ret_slot(ret), caches(c), wraps_errors(wraps), call_pos(pos) {}
};

// A method call being resolved (CALL_METHOD, CALL_PLACE).
struct MethodCall {
    std::string_view name;
    Dynamic* recv;       // the receiver: real storage (a place) or a temporary
    bool temp;           // recv is a temporary (natives may consume it)
    bool move_receiver;  // the receiver may be moved into the callee's `this`
    uint32_t args_at, argc, ret_slot;
    int32_t wb_place;    // >= 0: copy `this` back into this place of the caller on return
    uint32_t wb_keys;
    bool constant;       // the receiver is a constant
    bool fn_style;       // `push(a, 1)`: no script methods
};

// What a walk along a place computed instead of reaching real storage: a value read through
// a getter or an index getter, a char of a string, a bit of an INT, a missing map property.
// After a mutation, the values read through a getter or an index getter are fed back through
// the matching setter, innermost first, as Rhai does for a property chain (`e.pos.x = 1`).
struct PlaceTemps {
    struct Temp {
        Dynamic value;
        Dynamic* container;  // where it was read from: real storage or an earlier temp
        uint32_t step;       // the place's step that read it
        Dynamic key;         // that step's key (index steps): the keys' stack slots may be reused
        bool feed_back;      // read through a getter or an index getter
    };
    std::vector<Temp> temps;  // reserved to the place's length: containers point into earlier temps
    bool feeds_back() const {
        for (const Temp& t : temps)
            if (t.feed_back) return true;
        return false;
    }
};

struct Handler {
    uint32_t frame_depth;  // frames_.size() when installed
    uint32_t sp;           // stack index to restore
    const bc::Instr* catch_pc;
    // A catch block's guard (TRY_BEGIN with a=1): the error it caught. Rhai's `throw;` (a thrown
    // `()`) leaving the catch block rethrows this error instead, at the throw's position.
    std::shared_ptr<EvalError> rethrow;
};

class Machine {
public:
    Machine(EngineCore& engine, std::shared_ptr<const Program> program,
            std::shared_ptr<const Program> prelude);
    ~Machine();

    Status run(uint64_t op_budget);
    void resume_value(Dynamic v);
    void resume_error(EvalError e);
    void start_main();
    // Prepares a call of a function value (FnPtr) instead of the main chunk.
    void start_call(const Dynamic& fn_ptr, std::vector<Dynamic> args);

    // Layout: what every suspend / resume touches comes first (about two cache lines),
    // because a host with thousands of waiting tasks resumes each one from cold memory; rare
    // state (errors, follow-up calls) is boxed: a pointer, not 150 bytes.
    Status status = Status::Ready;
private:
    friend struct Exec;
    uint32_t saved_sp_ = 0;     // top of stack at the last save point (error recovery)
    uint32_t suspend_slot_ = 0; // where the pending call's result goes
public:
    uint64_t token = 0;
    uint64_t operations = 0;
private:
    uint64_t budget_end_ = UINT64_MAX;
    uint64_t next_check_ = UINT64_MAX;
    EngineCore& engine_;
    FrameStack<Frame> frames_;
    std::vector<Dynamic> stack_;
    std::vector<Handler> handlers_;
    std::shared_ptr<EvalError> last_caught_;  // the error handle_error just caught (for the guard)
    std::unique_ptr<EvalError> pending_error_;  // resume_error's error, raised by the next run
public:
    void* task_handle = nullptr;  // NativeCallContext::task() for natives
    void* host_binding = nullptr; // NativeCallContext::host_binding() for natives
    // -- the rest
    Dynamic result;
    std::unique_ptr<EvalError> error;  // set when Failed
    // Task::then_call: the call to make when the main chunk finishes.
    std::unique_ptr<std::pair<Dynamic, std::vector<Dynamic>>> follow_up;
    // Every cell the run made, for the cycle collector (runtime/cycles.hpp). ~Machine releases
    // all frames, values and results first, then the tracker frees the cycles among them.
    CellTracker cells;
    // Task::capture_module_state: what the main chunk leaves for the module made from it.
    bool capture_module = false;
    std::shared_ptr<const ScriptGlobals> captured_constants;
    std::vector<std::pair<std::string, std::shared_ptr<const Module>>> captured_imports;
    void capture_module_end();  // at the main chunk's RETURN (modules.cpp)

private:
    std::shared_ptr<const Program> program_;
    std::shared_ptr<const Program> prelude_;
    std::vector<Dynamic> globals_;      // top-level constants (global::NAME)
    std::vector<char> globals_set_;     // which of them are defined yet
    // Call-site caches, one array per Program this task has run code of. The weak reference
    // tells a live Program from a destroyed one whose address a new Program (eval code) reuses:
    // the stale array must not be matched, and dead ones are dropped as new ones are added.
    struct ProgramCaches {
        const Program* program;
        std::weak_ptr<const Program> alive;
        std::unique_ptr<CacheEntry[]> entries;
    };
    std::vector<ProgramCaches> caches_;
    // The constants of the modules whose functions this task entered, per module program:
    // `global::NAME` in code of another program than program_ (modules.cpp, load_global).
    std::vector<std::pair<const Program*, std::shared_ptr<const ScriptGlobals>>> module_globals_;
    // Effective size limits of one value (runtime/size_limits.hpp), checked by enforce_size.
    size_t limit_string_ = 0, limit_array_ = 0, limit_map_ = 0, limit_blob_ = 0;
    // A data-size limit is configured: values are then measured through their nesting, as
    // Rhai's check_data_size does (an element or property assignment is checked too).
    bool data_limits_ = false;
    // Limits::max_memory (memory.cpp): bytes found by the last census of the task's values,
    // and bytes produced since (charged at the size-check points).
    size_t max_memory_ = 0;
    size_t measured_bytes_ = 0;
    size_t fresh_bytes_ = 0;
    // Objects recently grown in place and their sizes: a container growing in place
    // (`a.push(x)` in a loop) is charged by its growth only.
    struct Charged {
        const HeapObject* obj = nullptr;
        size_t bytes = 0;
    };
    Charged charged_[8];

    Status execute();
    bool handle_error(EvalError e);
    void rearm_checks();
    // Returns true when the task must yield (budget exhausted); throws on limits.
    bool operation_tick(Position at);  // `at`: where a limit error is raised

    CacheEntry* caches_for(const Program* p);
    void ensure_stack(size_t needed);
    void push_frame(const ScriptFunction* fn, uint32_t base, uint32_t ret_slot, Position pos);
    void pop_frame_cleanup(uint32_t top);
    // push_frame's common case, inline: a call from a script frame to a function of its own
    // program (so the same call-site cache array), within the call-depth limit, with room on
    // the value stack and in frames_. False (nothing done): use push_frame.
    bool enter_script_fast(const ScriptFunction* fn, uint32_t base, uint32_t ret_slot, Position pos) {
        if (frames_.empty() || frames_.size() > call_limit_ || frames_.size() == frames_.capacity() ||
            stack_.size() < size_t(base) + fn->num_locals + fn->max_stack + 1)
            return false;
        const Frame& caller = frames_.back();
        if (caller.fn->program != fn->program) return false;
        CacheEntry* caches = caller.caches - caller.fn->site_base + fn->site_base;
        // As push_frame decides: a prelude function called from the prelude does not wrap errors.
        bool wraps = fn->program != prelude_.get() || !prelude_;
        add_frame(fn, base, ret_slot, caches, wraps, pos);
        return true;
    }
    void add_frame(const ScriptFunction* fn, uint32_t base, uint32_t ret_slot, CacheEntry* caches, bool wraps,
                   Position pos) {
        frames_.emplace_back(fn, base, ret_slot, caches, wraps, pos);
        saved_sp_ = base + fn->num_locals;
    }
    void write_back(Frame& callee);

    // Calls.
    // Calls a FnPtr with the argc values at args_at; the result goes to ret_slot. `this_ptr`
    // (may be null) is bound as `this`; with wb_place >= 0 it is copied back into that place
    // of the calling frame when the callee returns.
    // `cache`: the call site's (`f.call(...)`), for FnPtrs made from a name.
    // `this_constant`: `this` is a constant (a non-pure native may not get it).
    void call_value(const Dynamic& fn_ptr, uint32_t args_at, uint32_t argc, uint32_t ret_slot,
                    Dynamic* this_ptr, int32_t wb_place, uint32_t wb_keys, Position pos,
                    CacheEntry* cache = nullptr, bool this_constant = false);
    bool enter_fn_ptr(const FnPtrObj& f, uint32_t args_at, uint32_t argc, uint32_t ret_slot, Position pos,
                      CacheEntry* cache);
    const ScriptFunction* script_fn_by_name(const std::string& name, uint32_t argc, CacheEntry* cache) const;
    void call_by_name(std::string_view name, uint32_t args_at, uint32_t argc, uint32_t ret_slot,
                      Position pos, CacheEntry* cache);
    // in_place: v is a receiver / target that may have grown, not a new value.
    void enforce_size(const Dynamic& v, Position pos, bool in_place = false);
    void enforce_data_size(const Dynamic& v, Position pos);
    // The memory cap (memory.cpp): charge a value just produced, or one grown in place (by
    // its growth); past the cap a census of everything the task holds decides
    // (ErrorMemoryLimit).
    void charge_memory(const Dynamic& v, Position pos, bool in_place = false);
    size_t census_bytes() const;
    // `can_suspend`: the caller parks the script when the native suspends (call sites whose
    // result goes through finish_native_call); elsewhere a suspension is refused.
    Dynamic call_native(const NativeFunction* nf, std::string_view name, Dynamic** argv, Position pos,
                        bool can_suspend = false);
    const ScriptFunction* find_method(const Program* p, std::string_view name, size_t argc,
                                      const Dynamic& receiver) const;
    const NativeFunction* resolve_native(std::string_view name, Dynamic** argv, size_t argc,
                                         CacheEntry* cache) const;
    void exec_call_place(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp);
    struct PlaceCallExtras;
    void call_place(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp, PlaceCallExtras* extras);
    void call_fn_on_place(Dynamic& first, uint32_t args_at, uint32_t argc, uint32_t ret_slot, Position pos);
    void exec_call_method(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp);
    void exec_intrinsic(const bc::Instr& in, const bc::CallSite& site, Frame& fr, uint32_t sp);
    void dispatch_method(const MethodCall& mc, CacheEntry* cache, Position pos);
    void enter_method(const ScriptFunction* fn, uint32_t args_at, uint32_t ret_slot, Position pos,
                      Dynamic this_val, int32_t wb_place, uint32_t wb_keys);
    void finish_native_call(Dynamic value, uint32_t ret_slot, uint32_t top);
    [[noreturn]] void function_not_found(std::string_view name, Dynamic** argv, size_t argc, Position pos);

    // Places and indexing.
    Dynamic* place_root(Frame& fr, const bc::Place& p, Position pos);
    Dynamic* place_variable(Frame& fr, const bc::Place& p, bool* is_const = nullptr);
    bool place_constant(Frame& fr, const bc::Place& p);
    // nullptr: an optional step (`?[`, `?.`) met () on the way.
    Dynamic* walk_place(Frame& fr, const bc::Place& p, Dynamic* keys, size_t steps, PlaceTemps& temps,
                        Position pos);
    // `feeding`: the value is a method's `this` going back to where it was read; a final step
    // through a getter or an index getter with no matching setter is then skipped, not an error.
    void set_place(Frame& fr, const bc::Place& p, Dynamic* keys, Dynamic value, Position pos,
                   bool feeding = false);
    void feed_back(PlaceTemps& temps, const bc::Place& p, Position pos);
    bool feed_child(Dynamic& container, bool is_index, const Dynamic& key, const std::string& name,
                    Dynamic& value, Position pos);
    void update_place(Frame& fr, const bc::Place& p, Dynamic* keys, bc::BinOp op, Dynamic rhs,
                      Position pos, CacheEntry* cache);
    void apply_op_assign(Dynamic& target, bc::BinOp op, Dynamic rhs, Position pos, CacheEntry* cache);
    Dynamic get_index(const Dynamic& obj, const Dynamic& idx, Position pos, CacheEntry* cache);
    Dynamic get_property(const Dynamic& obj, const std::string& name, Position pos, CacheEntry* cache);
    void set_child(Dynamic& container, bool is_index, const Dynamic& key, const std::string& name,
                   Dynamic value, Position pos);
    Dynamic get_child(Dynamic& container, bool is_index, const Dynamic& key, const std::string& name,
                      Position pos);

    // Operators.
    Dynamic binary_slow(bc::BinOp op, Dynamic& l, Dynamic& r, Position pos, CacheEntry* cache);
    // A comparison of a fused compare-and-jump that is not INT with INT: true/false, or
    // ErrorMismatchDataType when a comparison native returns a non-bool.
    bool compare_slow(bc::BinOp op, const Dynamic& l, const Dynamic& r, Position pos, CacheEntry* cache);
    Dynamic unary_slow(bc::UnOp op, Dynamic& v, Position pos, CacheEntry* cache);

    // Iteration.
    void for_prep(Dynamic* cursor, Dynamic iterable, Position pos);
    bool for_next(Dynamic* cursor, Dynamic& out);

    // Run-time variables (eval, f!()).
    // is_const: set when the variable is a `const` of a calling frame (its value is not marked).
    Dynamic* find_dyn(size_t frame_index, std::string_view name, bool* is_const = nullptr);
    void define_dyn(const std::string& name, Dynamic value, bool is_const);
    void eval_scope_end(Frame& f, uint32_t depth);
    // CONCAT's text of a non-string value (display.cpp): custom types through `to_string`.
    std::string display_text(Dynamic& v, Position pos);
    // LOAD_DYN: Engine::on_var first, then run-time variables (modules.cpp).
    Dynamic load_dyn(const std::string& name, Position pos, bool known_variable = false);
    // LOAD_GLOBAL in code of another program than program_ (eval code, module functions).
    Dynamic load_global_by_name(const Program* prog, uint32_t index, Position pos) const;

    // Modules (modules.cpp): `import`, `m::f(...)`, `m::X`.
    Dynamic import_module(const Dynamic& path, const std::string& alias, Position pos);
    const Module* find_module(std::string_view alias) const;
    const Module* module_of_path(const std::vector<std::string_view>& parts, Position pos) const;
    Dynamic module_var(const std::string& full, Position pos) const;
    Array fn_metadata(const std::string* name, INT arity) const;
    void module_call(const std::string& full, uint32_t args_at, uint32_t argc, uint32_t top, Position pos);
    size_t modules_loaded_ = 0;  // imports so far (Limits::max_modules)
    uint32_t max_variables_ = UINT32_MAX;  // Limits::max_variables (DEFINE_LOCAL's live count)
    size_t call_limit_ = 1000000;          // Limits::max_call_levels (0: the default depth)
};

// The value `catch (e)` binds for an error (catch_value.cpp).
Dynamic catch_value(const EvalError& e);
// Rhai's "Function not found" for a method call, typed method names etc.
bool this_type_matches(std::string_view this_type, const Dynamic& v);
// Fast INT/FLOAT operator paths; false when the general path must run.
bool binary_fast(bc::BinOp op, const Dynamic& l, const Dynamic& r, Dynamic& out);

}  // namespace rhai::vm
