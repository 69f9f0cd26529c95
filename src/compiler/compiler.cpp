// AST -> bytecode (see compiler.hpp for the model, opcodes.def for the instruction set).
#include "compiler/compiler.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "compiler/free_vars.hpp"
#include "rhai/error.hpp"

namespace rhai::compiler {

using bc::BinOp;
using bc::Instr;
using bc::Op;
using syntax::Node;
using syntax::NodeKind;

namespace {

[[noreturn]] void compile_error(ParseErrorKind kind, std::string msg, Position pos) {
    throw ParseError(kind, std::move(msg), pos);
}

bool binop_of(std::string_view s, BinOp& out) {
    static const std::pair<const char*, BinOp> table[] = {
        {"+", BinOp::Add}, {"-", BinOp::Sub}, {"*", BinOp::Mul}, {"/", BinOp::Div},
        {"%", BinOp::Mod}, {"**", BinOp::Pow}, {"<<", BinOp::Shl}, {">>", BinOp::Shr},
        {"&", BinOp::And}, {"|", BinOp::Or}, {"^", BinOp::Xor}, {"==", BinOp::Eq},
        {"!=", BinOp::Ne}, {"<", BinOp::Lt}, {"<=", BinOp::Le}, {">", BinOp::Gt},
        {">=", BinOp::Ge}};
    for (auto& [name, op] : table)
        if (s == name) {
            out = op;
            return true;
        }
    return false;
}

bool is_literal(const Node& n) {
    switch (n.kind) {
        case NodeKind::Unit: case NodeKind::BoolLit: case NodeKind::IntLit:
        case NodeKind::FloatLit: case NodeKind::CharLit: case NodeKind::StringLit:
            return true;
        default:
            return false;
    }
}

Dynamic literal_value(const Node& n) {
    switch (n.kind) {
        case NodeKind::BoolLit: return Dynamic(n.int_value != 0);
        case NodeKind::IntLit: return Dynamic(INT(n.int_value));
        case NodeKind::FloatLit: return Dynamic(FLOAT(n.float_value));
        case NodeKind::CharLit: return Dynamic(char32_t(n.int_value));
        case NodeKind::StringLit: return Dynamic(n.text);
        default: return Dynamic();
    }
}

// Folds INT/FLOAT literal arithmetic; false when the operation must happen at run time
// (overflow, division by zero, mixed or non-numeric types: the VM reports those errors).
bool fold_binary(BinOp op, const Node& l, const Node& r, Dynamic& out) {
    if (l.kind == NodeKind::IntLit && r.kind == NodeKind::IntLit) {
        INT a = l.int_value, b = r.int_value, v = 0;
        switch (op) {
            case BinOp::Add: if (__builtin_add_overflow(a, b, &v)) return false; break;
            case BinOp::Sub: if (__builtin_sub_overflow(a, b, &v)) return false; break;
            case BinOp::Mul: if (__builtin_mul_overflow(a, b, &v)) return false; break;
            case BinOp::Div:
                if (b == 0 || (a == std::numeric_limits<INT>::min() && b == -1)) return false;
                v = a / b;
                break;
            case BinOp::Mod:
                if (b == 0 || (a == std::numeric_limits<INT>::min() && b == -1)) return false;
                v = a % b;
                break;
            case BinOp::Eq: out = Dynamic(a == b); return true;
            case BinOp::Ne: out = Dynamic(a != b); return true;
            case BinOp::Lt: out = Dynamic(a < b); return true;
            case BinOp::Le: out = Dynamic(a <= b); return true;
            case BinOp::Gt: out = Dynamic(a > b); return true;
            case BinOp::Ge: out = Dynamic(a >= b); return true;
            default: return false;
        }
        out = Dynamic(v);
        return true;
    }
    if (l.kind == NodeKind::FloatLit && r.kind == NodeKind::FloatLit) {
        FLOAT a = l.float_value, b = r.float_value;
        switch (op) {
            case BinOp::Add: out = Dynamic(a + b); return true;
            case BinOp::Sub: out = Dynamic(a - b); return true;
            case BinOp::Mul: out = Dynamic(a * b); return true;
            default: return false;
        }
    }
    return false;
}

// The value of a constant expression (literals combined by foldable operators), if it is one.
bool const_value(const Node& n, Dynamic& out, int depth = 0) {
    if (depth > 64) return false;
    if (is_literal(n)) {
        out = literal_value(n);
        return true;
    }
    if (n.kind == NodeKind::Unary && n.op == "-") {
        Dynamic v;
        if (!const_value(*n.kids[0], v, depth + 1)) return false;
        if (v.is_int() && v.as_int() != std::numeric_limits<INT>::min()) {
            out = Dynamic(INT(-v.as_int()));
            return true;
        }
        if (v.is_float()) {
            out = Dynamic(FLOAT(-v.as_float()));
            return true;
        }
        return false;
    }
    BinOp op;
    if (n.kind == NodeKind::Binary && binop_of(n.op, op)) {
        Dynamic l, r;
        if (!const_value(*n.kids[0], l, depth + 1) || !const_value(*n.kids[1], r, depth + 1)) return false;
        Node ln(l.is_int() ? NodeKind::IntLit : l.is_float() ? NodeKind::FloatLit : NodeKind::Unit, n.pos);
        Node rn(r.is_int() ? NodeKind::IntLit : r.is_float() ? NodeKind::FloatLit : NodeKind::Unit, n.pos);
        if (ln.kind == NodeKind::Unit || rn.kind == NodeKind::Unit) return false;
        if (l.is_int()) ln.int_value = l.as_int(); else ln.float_value = l.as_float();
        if (r.is_int()) rn.int_value = r.as_int(); else rn.float_value = r.as_float();
        return fold_binary(op, ln, rn, out);
    }
    return false;
}

struct LocalVar {
    std::string name;
    uint16_t slot;
    bool is_const;
};

struct LoopCtx {
    std::vector<size_t> breaks;     // JUMPs to the break target (value on the stack)
    std::vector<size_t> continues;  // JUMPs to the continue target
    uint32_t depth;                 // stack depth at loop statement level
    size_t try_depth;               // handlers active outside the loop
    bool value_break;               // `loop`: break may carry a value
    size_t scope_depth = 0;         // block depth of the loop statement
    size_t evals = 0;               // eval calls compiled before the loop
};

struct ProgramBuilder {
    Program& prog;
    const CompileOptions& options;
    uint32_t anon_count = 0;
    uint32_t global_index(const std::string& name) {
        for (uint32_t i = 0; i < prog.globals.size(); ++i)
            if (prog.globals[i] == name) return i;
        prog.globals.push_back(name);
        return uint32_t(prog.globals.size() - 1);
    }
};

class FnCompiler {
public:
    FnCompiler(ProgramBuilder& pb, ScriptFunction& fn, FnCompiler* parent, bool is_main)
        : pb_(pb), f_(fn), parent_(parent), is_main_(is_main) {}

    void declare_param(const std::string& name) { declare_local(name, false, fn_pos_); }

    // Compiles a body block as the function's value and returns.
    void compile_body(const Node& body) {
        compile_block_value(body);
        emit(Op::RETURN, body.pos, -1);
        finish();
    }

    // The main chunk: statements; the last expression statement is the script's value.
    void compile_main(const std::vector<syntax::NodePtr>& stmts) {
        const Node* last_expr = nullptr;
        if (!stmts.empty() && is_expression(*stmts.back())) last_expr = stmts.back().get();
        for (auto& s : stmts) {
            if (s.get() == last_expr) compile_expr(*s);
            else compile_stmt(*s);
        }
        if (!last_expr) emit(Op::PUSH_UNIT, {}, 1);
        emit(Op::RETURN, {}, -1);
        finish();
    }

    Position fn_pos_;

private:
    ProgramBuilder& pb_;
    ScriptFunction& f_;
    [[maybe_unused]] FnCompiler* parent_;  // the enclosing function's compiler; nothing reads it yet
    bool is_main_;
    std::vector<LocalVar> locals_;
    std::vector<size_t> scope_marks_;
    std::vector<size_t> eval_marks_;  // evals_ at each enter_scope
    std::vector<std::string> eval_vars_;  // eval code: names its top-level lets defined so far
    size_t evals_ = 0;                // eval calls compiled so far in this function
    uint32_t next_slot_ = 0;
    int32_t depth_ = 0;
    int32_t max_depth_ = 0;
    std::vector<LoopCtx> loops_;
    size_t try_depth_ = 0;
    // `?.` / `?[` on () skip the whole rest of the chain (Rhai's chains nest to the right, so
    // its check returns () for everything after it). Chain nodes nest to the left here: the
    // outermost one owns the list of such jumps and patches them at its end.
    std::vector<size_t>* chain_jumps_ = nullptr;
    bool chain_receiver_ = false;  // the node being compiled is the receiver of a chain step

    static bool is_chain_step(const Node& n) {
        return n.kind == NodeKind::Index || n.kind == NodeKind::Property || n.kind == NodeKind::MethodCall;
    }
    struct ChainState { std::vector<size_t>* saved; std::vector<size_t> own; bool outer; };
    void begin_chain(ChainState& st) {
        st.outer = !chain_receiver_;
        chain_receiver_ = false;
        st.saved = chain_jumps_;
        if (st.outer) chain_jumps_ = &st.own;
    }
    void compile_chain_receiver(const Node& recv) {
        std::vector<size_t>* mine = chain_jumps_;
        chain_receiver_ = is_chain_step(recv);
        compile_expr(recv);
        chain_receiver_ = false;
        chain_jumps_ = mine;
    }
    void optional_step(const Node& n) {
        if (n.flag) chain_jumps_->push_back(emit(Op::UNIT_JUMP, n.pos, 0));
    }
    void end_chain(ChainState& st) {
        if (st.outer)
            for (size_t j : st.own) patch(j);
        chain_jumps_ = st.saved;
    }
    size_t label_pc_ = SIZE_MAX;  // pc of the last bound jump target (peephole barrier)
    std::map<std::string, uint32_t> string_consts_;
    std::map<INT, uint32_t> int_consts_;

    void finish() {
        f_.num_locals = next_slot_;
        f_.max_stack = uint32_t(max_depth_) + 4;
    }

    // ---- emission ------------------------------------------------------------------------
    size_t emit(Op op, Position pos, int effect, uint8_t a = 0, uint16_t b = 0, uint32_t c = 0) {
        f_.code.push_back(Instr{op, a, b, c});
        f_.positions.push_back(pos);
        depth_ += effect;
        if (depth_ > max_depth_) max_depth_ = depth_;
        return f_.code.size() - 1;
    }
    size_t here() const { return f_.code.size(); }
    void bind_label() { label_pc_ = here(); }
    void patch(size_t at) { f_.code[at].c = uint32_t(here()); bind_label(); }
    void patch_to(size_t at, size_t target) { f_.code[at].c = uint32_t(target); }

    // Superinstructions: how many LOAD_LOCALs (up to `want`) end the code with no jump target
    // after the first of them, so an operator can read them in place instead.
    size_t trailing_loads(size_t want) const {
        size_t n = 0;
        while (n < want && n < f_.code.size() && f_.code[f_.code.size() - 1 - n].op == Op::LOAD_LOCAL) ++n;
        while (n > 0 && label_pc_ != SIZE_MAX && label_pc_ > f_.code.size() - n) --n;
        return n;
    }
    uint16_t take_load() {
        uint16_t slot = f_.code.back().b;
        f_.code.pop_back();
        f_.positions.pop_back();
        depth_ -= 1;
        return slot;
    }
    // Emits `op` (BINARY or CMP_JUMP) or its fused form when its operands were just
    // loaded from locals: the operands are read in place, with the same order of evaluation.
    size_t emit_fused(Op op, Position pos, uint8_t a, uint16_t site) {
        size_t n = trailing_loads(2);
        if (op == Op::CMP_JUMP) {
            if (n == 0) return emit(Op::CMP_JUMP, pos, -2, a, site);
            if (n == 2) {  // two locals: the right one (and the site) in a NOP operand word after it
                uint16_t right = take_load();
                uint16_t left = take_load();
                size_t at = emit(Op::CMP_LOCALS_JUMP, pos, 0, a, left);
                emit(Op::NOP, pos, 0, 0, right, site);
                return at;
            }
            return emit(Op::CMP_LOCAL_JUMP, pos, -1, a, take_load());
        }
        if (n == 2) {
            uint16_t right = take_load();
            uint16_t left = take_load();
            return emit(Op::BINARY_LOCALS, pos, 1, a, left, uint32_t(right) | (uint32_t(site) << 16));
        }
        if (n == 1) return emit(Op::BINARY_LOCAL, pos, 0, a, site, take_load());
        return emit(Op::BINARY, pos, -1, a, site);
    }

    // POP with a peephole: a value pushed by a side-effect-free instruction is not pushed at all.
    void emit_pop(Position pos) {
        if (!f_.code.empty() && label_pc_ != here()) {
            Op last = f_.code.back().op;
            if (last == Op::PUSH_UNIT || last == Op::PUSH_INT || last == Op::PUSH_CONST ||
                last == Op::LOAD_LOCAL || last == Op::PUSH_TRUE || last == Op::PUSH_FALSE) {
                f_.code.pop_back();
                f_.positions.pop_back();
                depth_ -= 1;
                return;
            }
        }
        emit(Op::POP, pos, -1);
    }

    uint32_t add_const(Dynamic v) {
        if (v.is_string()) {
            auto it = string_consts_.find(v.as_string());
            if (it != string_consts_.end()) return it->second;
            uint32_t i = uint32_t(f_.constants.size());
            string_consts_.emplace(v.as_string(), i);
            f_.constants.push_back(std::move(v));
            return i;
        }
        if (v.is_int()) {
            auto it = int_consts_.find(v.as_int());
            if (it != int_consts_.end()) return it->second;
            int_consts_.emplace(v.as_int(), uint32_t(f_.constants.size()));
        }
        f_.constants.push_back(std::move(v));
        return uint32_t(f_.constants.size() - 1);
    }
    uint16_t add_site(bc::CallSite site) {
        if (f_.sites.size() >= 65535) compile_error(ParseErrorKind::TooManyFunctions, "Too many calls in one function", fn_pos_);
        f_.sites.push_back(std::move(site));
        return uint16_t(f_.sites.size() - 1);
    }
    uint16_t add_site(std::string name) {
        bc::CallSite s;
        s.name = std::move(name);
        return add_site(std::move(s));
    }
    void push_value(const Dynamic& v, Position pos) {
        if (v.is_unit()) emit(Op::PUSH_UNIT, pos, 1);
        else if (v.is_bool()) emit(v.as_bool() ? Op::PUSH_TRUE : Op::PUSH_FALSE, pos, 1);
        else if (v.is_int() && v.as_int() >= INT32_MIN && v.as_int() <= INT32_MAX)
            emit(Op::PUSH_INT, pos, 1, 0, 0, uint32_t(int32_t(v.as_int())));
        else emit(Op::PUSH_CONST, pos, 1, 0, 0, add_const(v));
    }

    // ---- scopes --------------------------------------------------------------------------
    uint16_t alloc_slot(Position pos) {
        if (next_slot_ >= 65535) compile_error(ParseErrorKind::TooManyFunctions, "Too many variables", pos);
        return uint16_t(next_slot_++);
    }
    uint16_t declare_local(const std::string& name, bool is_const, Position pos) {
        uint16_t slot = alloc_slot(pos);
        locals_.push_back({name, slot, is_const});
        return slot;
    }
    void enter_scope() {
        scope_marks_.push_back(locals_.size());
        eval_marks_.push_back(evals_);
    }
    // The depth an eval call records (CallSite::eval_depth): 0 only at the main script's top.
    uint32_t block_depth(size_t marks) const { return uint32_t(marks + (is_main_ ? 0 : 1)); }
    // Leaving the blocks of `marks` scope marks and deeper after eval calls were compiled in
    // them: the variables those calls defined end.
    void end_eval_scopes(size_t marks, size_t evals_before, Position pos) {
        if (evals_ > evals_before) emit(Op::EVAL_SCOPE_END, pos, 0, 0, 0, block_depth(marks));
    }
    // Leaves a block scope; returns the slots its variables used (CLEAR_LOCAL'd by the caller
    // or, for loop bodies, after the loop).
    std::vector<uint16_t> leave_scope() {
        size_t mark = scope_marks_.back();
        end_eval_scopes(scope_marks_.size(), eval_marks_.back(), fn_pos_);
        scope_marks_.pop_back();
        eval_marks_.pop_back();
        std::vector<uint16_t> slots;
        for (size_t i = mark; i < locals_.size(); ++i) slots.push_back(locals_[i].slot);
        locals_.resize(mark);
        return slots;
    }
    void clear_slots(const std::vector<uint16_t>& slots, Position pos) {
        for (uint16_t s : slots) emit(Op::CLEAR_LOCAL, pos, 0, 0, s);
    }
    const LocalVar* find_local(std::string_view name) const {
        for (size_t i = locals_.size(); i-- > 0;)
            if (locals_[i].name == name) return &locals_[i];
        return nullptr;
    }
    bool at_top_scope() const { return is_main_ && scope_marks_.empty(); }

    // ---- statements ----------------------------------------------------------------------
    static bool is_expression(const Node& n) {
        switch (n.kind) {
            case NodeKind::Let: case NodeKind::Assign: case NodeKind::Break:
            case NodeKind::Continue: case NodeKind::Return: case NodeKind::Throw:
            case NodeKind::Import: case NodeKind::Export:
            case NodeKind::Nop:
                return false;
            default:
                return true;
        }
    }

    void compile_stmt(const Node& n) {
        switch (n.kind) {
            case NodeKind::Let: return compile_let(n);
            case NodeKind::Assign: return compile_assign(n);
            case NodeKind::Break: return compile_break(n);
            case NodeKind::Continue: return compile_continue(n);
            case NodeKind::Return:
                if (n.kids.empty()) emit(Op::PUSH_UNIT, n.pos, 1);
                else compile_expr(*n.kids[0]);
                emit(Op::RETURN, n.pos, -1);
                return;
            case NodeKind::Throw:
                if (n.kids.empty()) emit(Op::PUSH_UNIT, n.pos, 1);
                else compile_expr(*n.kids[0]);
                emit(Op::THROW, n.pos, -1);
                return;
            case NodeKind::TryCatch: return compile_try(n);
            case NodeKind::If: {
                // In statement position an `if` leaves no value behind.
                size_t jf = compile_condition_false_jump(*n.kids[0]);
                compile_block_stmt(*n.kids[1]);
                if (n.kids.size() > 2 && n.kids[2]) {
                    size_t jend = emit(Op::JUMP, n.pos, 0);
                    patch(jf);
                    compile_block_stmt(*n.kids[2]);
                    patch(jend);
                } else {
                    patch(jf);
                }
                return;
            }
            case NodeKind::Import: {
                // The module goes into a hidden local "alias::" (no script can name it), so it is
                // scoped like a variable; the VM finds it through f_.imports (src/vm/modules.cpp).
                compile_expr(*n.kids[0]);
                emit(Op::INTRINSIC, n.pos, 0, 1, add_site(n.text), uint32_t(bc::Intrinsic::Import));
                if (n.text.empty()) {
                    emit_pop(n.pos);
                    return;
                }
                uint16_t slot = declare_local(n.text + "::", false, n.pos);
                f_.imports.emplace_back(n.text, slot);
                emit(Op::DEFINE_LOCAL, n.pos, -1, 0, slot);
                return;
            }
            case NodeKind::Export:
            case NodeKind::Nop:
                return;
            default:
                compile_expr(n);
                emit_pop(n.pos);
        }
    }

    void compile_let(const Node& n) {
        if (n.kids.empty()) emit(Op::PUSH_UNIT, n.pos, 1);
        else compile_expr(*n.kids[0]);
        if (pb_.options.eval_mode && at_top_scope()) {
            emit(Op::DEFINE_DYN, n.pos, -1, n.flag ? 1 : 0, 0, add_const(Dynamic(n.text)));
            eval_vars_.push_back(n.text);
            return;
        }
        if (n.flag && at_top_scope())
            emit(Op::DEFINE_GLOBAL, n.pos, 0, 0, 0, pb_.global_index(n.text));
        if (n.flag2) pb_.prog.exports.push_back(n.text);
        uint16_t slot = declare_local(n.text, n.flag, n.pos);
        // c = the variables now live in this function: the VM checks Limits::max_variables.
        uint32_t live = 0;
        for (auto& lv : locals_) live += !lv.name.empty() && lv.name.back() != ':';
        emit(Op::DEFINE_LOCAL, n.pos, -1, 0, slot, live);
    }

    void compile_break(const Node& n) {
        if (loops_.empty()) compile_error(ParseErrorKind::LoopBreak, "Break statement should only be used inside a loop", n.pos);
        LoopCtx& lc = loops_.back();
        int32_t saved = depth_;
        if (n.kids.empty()) emit(Op::PUSH_UNIT, n.pos, 1);
        else compile_expr(*n.kids[0]);
        // Discard temporaries of an enclosing expression, keeping the break value on top.
        if (depth_ - 1 > int32_t(lc.depth)) {
            uint16_t slot = alloc_slot(n.pos);
            emit(Op::DEFINE_LOCAL, n.pos, -1, 0, slot);
            while (depth_ > int32_t(lc.depth)) emit(Op::POP, n.pos, -1);
            emit(Op::LOAD_LOCAL, n.pos, 1, 0, slot);
        }
        for (size_t i = try_depth_; i > lc.try_depth; --i) emit(Op::TRY_END, n.pos, 0);
        end_eval_scopes(lc.scope_depth + 1, lc.evals, n.pos);
        lc.breaks.push_back(emit(Op::JUMP, n.pos, 0));
        depth_ = saved;
    }

    void compile_continue(const Node& n) {
        if (loops_.empty()) compile_error(ParseErrorKind::LoopBreak, "Continue statement should only be used inside a loop", n.pos);
        LoopCtx& lc = loops_.back();
        int32_t saved = depth_;
        while (depth_ > int32_t(lc.depth)) emit(Op::POP, n.pos, -1);
        for (size_t i = try_depth_; i > lc.try_depth; --i) emit(Op::TRY_END, n.pos, 0);
        end_eval_scopes(lc.scope_depth + 1, lc.evals, n.pos);
        // LOOP, not JUMP: it counts an operation. `loop { continue; }` never reaches the
        // loop's own back edge, and must still hit max_operations / on_progress / yields.
        lc.continues.push_back(emit(Op::LOOP, n.pos, 0));
        depth_ = saved;
    }

    // want_value: the statement ends a block whose value is wanted. Rhai: a try statement's
    // value is its try block's value, or () when the catch block ran.
    void compile_try(const Node& n, bool want_value = false) {
        size_t begin = emit(Op::TRY_BEGIN, n.pos, 0);
        ++try_depth_;
        const size_t evals_before = evals_;
        if (want_value) compile_block_value(*n.kids[0]);
        else compile_block_stmt(*n.kids[0]);
        --try_depth_;
        emit(Op::TRY_END, n.pos, 0);
        size_t skip = emit(Op::JUMP, n.pos, 0);
        if (want_value) depth_ -= 1;  // the catch path starts without the try block's value
        patch(begin);
        end_eval_scopes(scope_marks_.size() + 1, evals_before, n.pos);  // the try block was left by a throw
        // The catch block runs under a guard that turns `throw;` into a rethrow of the caught error.
        emit(Op::TRY_BEGIN, n.pos, 0, 1);
        ++try_depth_;
        depth_ += 1;  // the caught value
        if (depth_ > max_depth_) max_depth_ = depth_;
        enter_scope();
        if (!n.text.empty()) {
            uint16_t slot = declare_local(n.text, false, n.pos);
            emit(Op::DEFINE_LOCAL, n.pos, -1, 0, slot);
        } else {
            emit(Op::POP, n.pos, -1);
        }
        compile_block_stmt(*n.kids[1]);
        clear_slots(leave_scope(), n.pos);
        --try_depth_;
        emit(Op::TRY_END, n.pos, 0);
        if (want_value) emit(Op::PUSH_UNIT, n.pos, 1);
        patch(skip);
    }

    // ---- assignment and places -----------------------------------------------------------
    // A place expression: a variable or `this`, followed by index/property steps.
    // `?.` / `?[` steps are allowed only in assignment targets (Rhai: `x?[1] = v` assigns
    // unless the container is ()); a method receiver through them is not a place.
    bool is_place(const Node& n, bool allow_optional = false) const {
        const Node* cur = &n;
        while (cur->kind == NodeKind::Index || cur->kind == NodeKind::Property) {
            if (cur->flag && !allow_optional) return false;
            cur = cur->kids[0].get();
        }
        // A variable with no slot is found by name at run time (Root::Dyn).
        return cur->kind == NodeKind::This || cur->kind == NodeKind::Variable;
    }

    // Pushes the place's index keys and returns its index in the places table.
    uint16_t compile_place(const Node& n) {
        std::vector<const Node*> chain;
        const Node* cur = &n;
        while (cur->kind == NodeKind::Index || cur->kind == NodeKind::Property) {
            chain.push_back(cur);
            cur = cur->kids[0].get();
        }
        bc::Place place;
        place.root_pos = cur->pos;
        if (cur->kind == NodeKind::This) {
            place.root = bc::Place::Root::This;
            place.root_name = "this";
            f_.uses_this = true;
        } else if (const LocalVar* lv = find_local(cur->text)) {
            place.slot = lv->slot;
            place.constant = lv->is_const;
            place.root_name = cur->text;
        } else {
            place.root = bc::Place::Root::Dyn;  // constant or not: the value's read-only flag says
            place.root_name = cur->text;
        }
        for (size_t i = chain.size(); i-- > 0;) {
            const Node* step = chain[i];
            if (step->kind == NodeKind::Index) {
                place.steps.push_back({true, {}, step->flag});
                compile_expr(*step->kids[1]);
            } else {
                place.steps.push_back({false, step->text, step->flag});
            }
        }
        f_.places.push_back(std::move(place));
        return uint16_t(f_.places.size() - 1);
    }

    void compile_assign(const Node& n) {
        const Node& target = *n.kids[0];
        const Node& value = *n.kids[1];
        BinOp op{};
        bool compound = n.op != "=";
        if (compound && !binop_of(std::string_view(n.op).substr(0, n.op.size() - 1), op))
            compile_error(ParseErrorKind::UnknownOperator, "Unknown operator: '" + n.op + "'", n.pos);

        if (target.kind == NodeKind::Variable) {
            const LocalVar* lv = find_local(target.text);
            if (lv && lv->is_const)
                compile_error(ParseErrorKind::AssignmentToConstant,
                              "Cannot assign to constant '" + target.text + "'", target.pos);
            if (!lv) {
                if (compound) {
                    emit(Op::LOAD_DYN, target.pos, 1, defined_by_eval(target.text), 0,
                         add_const(Dynamic(target.text)));
                    compile_expr(value);
                    emit(Op::BINARY, n.pos, -1, uint8_t(op), add_site(bc::binop_name(op)));
                } else {
                    compile_expr(value);
                }
                emit(Op::STORE_DYN, target.pos, -1, 0, 0, add_const(Dynamic(target.text)));
                return;
            }
            if (!compound) {
                compile_expr(value);
                emit(Op::STORE_LOCAL, n.pos, -1, 0, lv->slot);
                return;
            }
            if ((op == BinOp::Add || op == BinOp::Sub) && value.kind == NodeKind::IntLit &&
                value.int_value > INT32_MIN && value.int_value <= INT32_MAX) {
                emit(Op::ADD_LOCAL_INT, n.pos, 0, uint8_t(op), lv->slot, uint32_t(int32_t(value.int_value)));
                return;
            }
            compile_expr(value);
            uint16_t site = add_site(bc::binop_name(op));
            if (trailing_loads(1) == 1)
                emit(Op::OP_ASSIGN_LOCALS, n.pos, 0, uint8_t(op), lv->slot, uint32_t(take_load()) | (uint32_t(site) << 16));
            else
                emit(Op::OP_ASSIGN_LOCAL, n.pos, -1, uint8_t(op), lv->slot, site);
            return;
        } else if (target.kind != NodeKind::This && target.kind != NodeKind::Index &&
                   target.kind != NodeKind::Property) {
            compile_error(ParseErrorKind::AssignmentToInvalidLHS, "Assignment to an invalid target", target.pos);
        }
        if (!is_place(target, true)) {
            // e.g. `foo().x = 1` or an unknown root variable: evaluate for errors, then fail.
            compile_expr(target);
            emit_pop(target.pos);
            compile_expr(value);
            emit_pop(value.pos);
            return;
        }
        uint16_t place = compile_place(target);
        size_t keys = f_.places[place].key_count();
        compile_expr(value);
        if (compound)
            emit(Op::UPDATE_PLACE, n.pos, -int(keys) - 1, uint8_t(op), place, add_site(bc::binop_name(op)));
        else
            emit(Op::SET_PLACE, n.pos, -int(keys) - 1, 0, place);
    }

    // ---- blocks --------------------------------------------------------------------------
    // A block whose value is wanted (pushes exactly one value).
    void compile_block_value(const Node& n) {
        if (n.kind != NodeKind::Block) {
            compile_expr(n);
            return;
        }
        enter_scope();
        compile_block_items(n, true);
        clear_slots(leave_scope(), n.pos);
    }
    // A block in statement position (pushes nothing).
    void compile_block_stmt(const Node& n, std::vector<uint16_t>* deferred_clears = nullptr) {
        if (n.kind != NodeKind::Block) {
            compile_stmt(n);
            return;
        }
        enter_scope();
        compile_block_items(n, false);
        auto slots = leave_scope();
        if (deferred_clears) deferred_clears->insert(deferred_clears->end(), slots.begin(), slots.end());
        else clear_slots(slots, n.pos);
    }
    void compile_block_items(const Node& n, bool want_value) {
        size_t count = n.kids.size();
        bool value_from_last = want_value && count > 0 && n.flag && is_expression(*n.kids.back());
        for (size_t i = 0; i < count; ++i) {
            if (value_from_last && i + 1 == count) compile_expr(*n.kids[i]);
            else compile_stmt(*n.kids[i]);
        }
        if (want_value && !value_from_last) emit(Op::PUSH_UNIT, n.pos, 1);
    }

    // ---- expressions ---------------------------------------------------------------------
    void compile_expr(const Node& n) {
        switch (n.kind) {
            case NodeKind::Unit: case NodeKind::BoolLit: case NodeKind::IntLit:
            case NodeKind::FloatLit: case NodeKind::CharLit: case NodeKind::StringLit:
                return push_value(literal_value(n), n.pos);
            case NodeKind::Interpolated:
                for (auto& k : n.kids) compile_expr(*k);
                emit(Op::CONCAT, n.pos, 1 - int(n.kids.size()), 0, 0, uint32_t(n.kids.size()));
                return;
            case NodeKind::ArrayLit: return compile_array(n);
            case NodeKind::MapLit: return compile_map(n);
            case NodeKind::TryCatch: return compile_try(n, true);  // a block's last statement
            case NodeKind::Variable: return compile_variable(n);
            case NodeKind::This:
                f_.uses_this = true;
                emit(Op::LOAD_THIS, n.pos, 1);
                return;
            case NodeKind::Namespaced: return compile_namespaced(n);
            case NodeKind::Unary: return compile_unary(n);
            case NodeKind::Binary: return compile_binary(n);
            case NodeKind::And:
            case NodeKind::Or: {
                compile_expr(*n.kids[0]);
                size_t j = emit(n.kind == NodeKind::And ? Op::AND_JUMP : Op::OR_JUMP, n.kids[0]->pos, -1);  // a non-bool is reported at the operand
                compile_expr(*n.kids[1]);
                emit(Op::CHECK_BOOL, n.kids[1]->pos, 0);
                patch(j);
                return;
            }
            case NodeKind::Coalesce: {
                compile_expr(*n.kids[0]);
                size_t j = emit(Op::COALESCE_JUMP, n.pos, -1);
                compile_expr(*n.kids[1]);
                patch(j);
                return;
            }
            case NodeKind::In: {
                // `a in b` is Rhai's function call contains(b, a): the container is evaluated
                // first, and a script function `contains` of two parameters takes precedence.
                compile_expr(*n.kids[1]);
                compile_expr(*n.kids[0]);
                if (const ScriptFunction* own = pb_.prog.find("contains", 2))
                    emit_call_script(*own, 2, false, n.pos);
                else
                    emit_call_by_name("contains", 2, n.pos);
                return;
            }
            case NodeKind::Range:
                compile_expr(*n.kids[0]);
                compile_expr(*n.kids[1]);
                emit(Op::MAKE_RANGE, n.pos, -1, n.flag ? 1 : 0);
                return;
            case NodeKind::Index: {
                if (const LocalVar* lv = indexed_local(n)) {
                    // local[simple key]: the container is read in place (no copy, no refcount).
                    chain_receiver_ = false;  // no `?.` inside: nothing of this node joins a chain
                    compile_expr(*n.kids[1]);
                    uint16_t site = add_site("index$get$");
                    if (trailing_loads(1) == 1)
                        emit(Op::INDEX_LOCALS, n.pos, 1, 0, lv->slot, uint32_t(take_load()) | (uint32_t(site) << 16));
                    else
                        emit(Op::INDEX_LOCAL, n.pos, 0, 0, lv->slot, site);
                    return;
                }
                ChainState st;
                begin_chain(st);
                compile_chain_receiver(*n.kids[0]);
                optional_step(n);
                compile_expr(*n.kids[1]);
                emit(Op::GET_INDEX, n.pos, -1, n.flag, add_site("index$get$"));
                end_chain(st);
                return;
            }
            case NodeKind::Property: {
                ChainState st;
                begin_chain(st);
                compile_chain_receiver(*n.kids[0]);
                optional_step(n);
                emit(Op::GET_PROP, n.pos, 0, n.flag, add_site("get$" + n.text), add_const(Dynamic(n.text)));
                end_chain(st);
                return;
            }
            case NodeKind::Call: return compile_call(n);
            case NodeKind::MethodCall: return compile_method_call(n);
            case NodeKind::Closure: return compile_closure(n);
            case NodeKind::Block: return compile_block_value(n);
            case NodeKind::If: return compile_if(n);
            case NodeKind::Switch: return compile_switch(n);
            case NodeKind::While: return compile_while(n);
            case NodeKind::Loop: return compile_loop(n);
            case NodeKind::DoLoop: return compile_do(n);
            case NodeKind::For: return compile_for(n);
            default:
                // A statement used where a value is expected: run it, the value is ().
                compile_stmt(n);
                emit(Op::PUSH_UNIT, n.pos, 1);
        }
    }

    // `v[key]` where v is a local and evaluating key cannot assign v (locals, literals and
    // built-in operators on them): v can be read after the key instead of copied before it.
    const LocalVar* indexed_local(const Node& n) const {
        if (n.flag || n.kids[0]->kind != NodeKind::Variable) return nullptr;
        if (!simple_operand(*n.kids[1], 0)) return nullptr;
        return find_local(n.kids[0]->text);
    }
    bool simple_operand(const Node& n, int depth) const {
        BinOp op;
        switch (n.kind) {
            case NodeKind::IntLit: case NodeKind::FloatLit: case NodeKind::BoolLit: case NodeKind::CharLit:
            case NodeKind::StringLit: case NodeKind::Unit:
                return true;
            case NodeKind::Variable: return find_local(n.text) != nullptr;
            case NodeKind::Binary:
                return depth < 4 && binop_of(n.op, op) && simple_operand(*n.kids[0], depth + 1) &&
                       simple_operand(*n.kids[1], depth + 1);
            default: return false;
        }
    }

    void compile_array(const Node& n) {
        bool all_literal = !n.kids.empty();
        for (auto& k : n.kids) all_literal = all_literal && is_literal(*k);
        if (all_literal) {
            // A literal array is a constant: copy-on-write makes each use independent.
            Array a;
            for (auto& k : n.kids) a.push_back(literal_value(*k));
            emit(Op::PUSH_CONST, n.pos, 1, 0, 0, add_const(Dynamic(std::move(a))));
            return;
        }
        for (auto& k : n.kids) compile_expr(*k);
        emit(Op::MAKE_ARRAY, n.pos, 1 - int(n.kids.size()), 0, 0, uint32_t(n.kids.size()));
    }

    void compile_map(const Node& n) {
        Array keys;
        for (auto& k : n.names) keys.push_back(Dynamic(k));
        for (auto& k : n.kids) compile_expr(*k);
        if (n.kids.size() > 65535) compile_error(ParseErrorKind::LiteralTooLarge, "Map literal too large", n.pos);
        emit(Op::MAKE_MAP, n.pos, 1 - int(n.kids.size()), 0, uint16_t(n.kids.size()),
             add_const(Dynamic(std::move(keys))));
    }

    void compile_variable(const Node& n) {
        if (const LocalVar* lv = find_local(n.text)) {
            emit(Op::LOAD_LOCAL, n.pos, 1, 0, lv->slot);
            return;
        }
        emit(Op::LOAD_DYN, n.pos, 1, defined_by_eval(n.text), 0, add_const(Dynamic(n.text)));
    }
    // A name a top-level `let`/`const` of this eval code defined before this point: Rhai's
    // parser knows it as a variable, so it is not taken for a script function of that name.
    uint8_t defined_by_eval(const std::string& name) const {
        return std::find(eval_vars_.begin(), eval_vars_.end(), name) != eval_vars_.end() ? 1 : 0;
    }

    void compile_namespaced(const Node& n) {
        if (n.names.size() == 1 && n.names[0] == "global") {
            emit(Op::LOAD_GLOBAL, n.pos, 1, 0, 0, pb_.global_index(n.text));
            return;
        }
        // `m::sub::X`: resolved at run time against imports, then static modules.
        std::string path;
        for (auto& p : n.names) path += p + "::";
        emit(Op::INTRINSIC, n.pos, 1, 0, add_site(path + n.text), uint32_t(bc::Intrinsic::ModuleVar));
    }

    void compile_unary(const Node& n) {
        const Node& e = *n.kids[0];
        bc::UnOp op = n.op == "-" ? bc::UnOp::Neg : n.op == "!" ? bc::UnOp::Not : bc::UnOp::Plus;
        if (op == bc::UnOp::Neg && e.kind == NodeKind::IntLit && e.int_value != std::numeric_limits<INT>::min())
            return push_value(Dynamic(INT(-e.int_value)), n.pos);
        if (op == bc::UnOp::Neg && e.kind == NodeKind::FloatLit)
            return push_value(Dynamic(FLOAT(-e.float_value)), n.pos);
        if (op == bc::UnOp::Plus && (e.kind == NodeKind::IntLit || e.kind == NodeKind::FloatLit))
            return push_value(literal_value(e), n.pos);
        if (op == bc::UnOp::Not && e.kind == NodeKind::BoolLit)
            return push_value(Dynamic(e.int_value == 0), n.pos);
        compile_expr(e);
        emit(Op::UNARY, n.pos, 0, uint8_t(op), add_site(bc::unop_name(op)));
    }

    void compile_binary(const Node& n) {
        BinOp op;
        const Node& l = *n.kids[0];
        const Node& r = *n.kids[1];
        if (!binop_of(n.op, op)) {
            // A custom operator: a call of the function named by the operator.
            compile_expr(l);
            compile_expr(r);
            emit_call_by_name(n.op, 2, n.pos);
            return;
        }
        Dynamic folded;
        if (pb_.options.optimization != OptimizationLevel::None && const_value(n, folded))
            return push_value(folded, n.pos);
        compile_expr(l);
        if (r.kind == NodeKind::IntLit && r.int_value >= INT32_MIN && r.int_value <= INT32_MAX &&
            op != BinOp::Pow) {
            emit(Op::BINARY_INT, n.pos, 0, uint8_t(op), add_site(bc::binop_name(op)), uint32_t(int32_t(r.int_value)));
            return;
        }
        compile_expr(r);
        emit_fused(Op::BINARY, n.pos, uint8_t(op), add_site(bc::binop_name(op)));
    }

    // Emits a jump taken when the condition is false (fusing comparisons).
    size_t compile_condition_false_jump(const Node& cond) {
        BinOp op;
        if (cond.kind == NodeKind::Binary && binop_of(cond.op, op) && bc::is_comparison(op)) {
            Dynamic folded;
            const Node& r = *cond.kids[1];
            if (r.kind == NodeKind::IntLit && r.int_value >= INT16_MIN && r.int_value <= INT16_MAX &&
                cond.kids[0]->kind != NodeKind::IntLit) {
                compile_expr(*cond.kids[0]);
                // A local compared with a small literal: one instruction, the local read in place.
                if (r.int_value >= -16 && r.int_value <= 15 && trailing_loads(1) == 1) {
                    uint16_t slot = take_load();
                    uint8_t a = uint8_t((int(op) - int(BinOp::Eq)) | (int(r.int_value) << 3));
                    return emit(Op::CMP_LOCAL_INT_JUMP, cond.pos, 0, a, slot);
                }
                return emit(Op::CMP_INT_JUMP, cond.pos, -1, uint8_t(op), uint16_t(int16_t(r.int_value)));
            }
            if (!fold_binary(op, *cond.kids[0], *cond.kids[1], folded)) {
                compile_expr(*cond.kids[0]);
                compile_expr(*cond.kids[1]);
                // CMP_JUMP needs a site for the fallback: it is the instruction after.
                return emit_fused(Op::CMP_JUMP, cond.pos, uint8_t(op), add_site(bc::binop_name(op)));
            }
        }
        compile_expr(cond);
        return emit(Op::JUMP_IF_FALSE, cond.pos, -1);
    }

    void compile_if(const Node& n) {
        size_t jf = compile_condition_false_jump(*n.kids[0]);
        compile_block_value(*n.kids[1]);
        size_t jend = emit(Op::JUMP, n.pos, -1);
        patch(jf);
        if (n.kids.size() > 2 && n.kids[2]) compile_block_value(*n.kids[2]);
        else emit(Op::PUSH_UNIT, n.pos, 1);
        patch(jend);
    }

    bool switch_pattern(const Node& p, Dynamic& out) {
        if (is_literal(p)) {
            out = literal_value(p);
            return true;
        }
        if (p.kind == NodeKind::Unary && p.op == "-" && p.kids[0]->kind == NodeKind::IntLit) {
            out = Dynamic(INT(-p.kids[0]->int_value));
            return true;
        }
        if (p.kind == NodeKind::Unary && p.op == "-" && p.kids[0]->kind == NodeKind::FloatLit) {
            out = Dynamic(FLOAT(-p.kids[0]->float_value));
            return true;
        }
        if (p.kind == NodeKind::ArrayLit) {
            Array a;
            for (auto& k : p.kids) {
                Dynamic v;
                if (!switch_pattern(*k, v)) return false;
                a.push_back(std::move(v));
            }
            out = Dynamic(std::move(a));
            return true;
        }
        if (p.kind == NodeKind::MapLit) {  // Rhai: a map literal of constants is a constant
            Map m;
            for (size_t i = 0; i < p.kids.size(); ++i) {
                Dynamic v;
                if (!switch_pattern(*p.kids[i], v)) return false;
                m.insert_or_assign(p.names[i], std::move(v));
            }
            out = Dynamic(std::move(m));
            return true;
        }
        if (p.kind == NodeKind::Range) {
            Dynamic a, b;
            if (switch_pattern(*p.kids[0], a) && switch_pattern(*p.kids[1], b) && a.is_int() && b.is_int()) {
                out = Dynamic::range(a.as_int(), b.as_int(), p.flag);
                return true;
            }
        }
        return false;
    }

    // A switch on a variable that a closure has captured (a Shared cell): Rhai 1.25 hashes the
    // cell, not its content, so no literal case ever matches it; range cases still do.
    size_t switch_shared_probe(const Node& n) {
        const Node& subject = *n.kids[0];
        const LocalVar* var = subject.kind == NodeKind::Variable ? find_local(subject.text) : nullptr;
        if (!var) return SIZE_MAX;
        emit(Op::IS_SHARED, n.pos, 1, 0, var->slot);
        return emit(Op::JUMP_IF_TRUE, n.pos, -1);
    }

    // switch: cases are tested in order with MATCH_JUMP (Rhai tests literal cases before range
    // cases, but a numeric literal cannot follow a range, so source order gives the same result).
    // Rhai 1.25 tries the ranges only when no literal case has the scrutinee's hash: once a
    // literal case matched and its guard failed, only later literal cases can still match
    // (the "hit" chain below), never a range.
    void compile_switch(const Node& n) {
        compile_expr(*n.kids[0]);
        size_t to_shared = switch_shared_probe(n);
        std::vector<size_t> to_end;
        std::vector<std::pair<uint16_t, size_t>> range_entries;  // (constant, body entry)
        std::vector<std::vector<std::pair<uint16_t, size_t>>> literal_entries(n.cases.size());
        std::vector<std::vector<size_t>> to_hit_chain(n.cases.size() + 1);  // by case index
        for (size_t ci = 0; ci < n.cases.size(); ++ci) {
            auto& c = n.cases[ci];
            std::vector<size_t> to_literal, to_range;
            std::vector<uint16_t> ranges, literals;
            for (auto& p : c.patterns) {
                Dynamic v;
                if (!switch_pattern(*p, v))
                    compile_error(ParseErrorKind::ExprExpected, "Expecting a literal expression", p->pos);
                bool is_range = v.is_range();
                uint32_t k = add_const(std::move(v));
                if (k > 65535) compile_error(ParseErrorKind::LiteralTooLarge, "Too many constants", p->pos);
                (is_range ? ranges : literals).push_back(uint16_t(k));
                (is_range ? to_range : to_literal).push_back(emit(Op::MATCH_JUMP, p->pos, 0, 0, uint16_t(k)));
            }
            size_t next_case = emit(Op::JUMP, c.pos, 0);
            std::vector<size_t> guard_fails;
            size_t to_body = SIZE_MAX;
            if (!to_range.empty()) {
                for (size_t j : to_range) patch(j);
                for (uint16_t k : ranges) range_entries.emplace_back(k, here());
                if (c.guard) guard_fails.push_back(compile_condition_false_jump(*c.guard));
                if (!to_literal.empty()) to_body = emit(Op::JUMP, c.pos, 0);
            }
            if (!to_literal.empty()) {
                for (size_t j : to_literal) patch(j);
                for (uint16_t k : literals) literal_entries[ci].emplace_back(k, here());
                if (c.guard) to_hit_chain[ci + 1].push_back(compile_condition_false_jump(*c.guard));
            }
            if (to_body != SIZE_MAX) patch(to_body);
            emit(Op::POP, c.pos, -1);
            compile_block_value(*c.body);
            to_end.push_back(emit(Op::JUMP, c.pos, 0));
            depth_ -= 0;  // the arm's value replaced the scrutinee: depth unchanged
            patch(next_case);
            for (size_t j : guard_fails) patch(j);
        }
        bool any_hit_jump = false;
        for (auto& v : to_hit_chain) any_hit_jump = any_hit_jump || !v.empty();
        if (any_hit_jump) {
            size_t skip = emit(Op::JUMP, n.pos, 0);
            for (size_t ci = 1; ci <= n.cases.size(); ++ci) {
                for (size_t j : to_hit_chain[ci]) patch(j);
                if (ci == n.cases.size()) break;
                for (auto [k, entry] : literal_entries[ci]) emit(Op::MATCH_JUMP, n.pos, 0, 0, k, uint32_t(entry));
            }
            size_t to_default = emit(Op::JUMP, n.pos, 0);
            patch(skip);
            if (to_shared == SIZE_MAX) {
                patch(to_default);
            } else {
                size_t skip2 = emit(Op::JUMP, n.pos, 0);
                patch(to_shared);
                for (auto [k, entry] : range_entries) emit(Op::MATCH_JUMP, n.pos, 0, 0, k, uint32_t(entry));
                patch(skip2);
                patch(to_default);
            }
        } else if (to_shared != SIZE_MAX) {
            // Shared scrutinee: only the range cases. A failed guard resumes the ordinary chain
            // after its case, where only later ranges can match a number.
            size_t skip = emit(Op::JUMP, n.pos, 0);
            patch(to_shared);
            for (auto [k, entry] : range_entries) emit(Op::MATCH_JUMP, n.pos, 0, 0, k, uint32_t(entry));
            patch(skip);
        }
        emit(Op::POP, n.pos, -1);
        if (n.default_case) compile_block_value(*n.default_case);
        else emit(Op::PUSH_UNIT, n.pos, 1);
        for (size_t j : to_end) patch(j);
    }

    void begin_loop(bool value_break) {
        loops_.push_back(LoopCtx{{}, {}, uint32_t(depth_), try_depth_, value_break, scope_marks_.size(), evals_});
    }
    // Ends a loop: normal exit pushes (), breaks arrive here with their value.
    void end_loop(size_t continue_target, Position pos) {
        LoopCtx lc = std::move(loops_.back());
        loops_.pop_back();
        for (size_t j : lc.continues) patch_to(j, continue_target);
        emit(Op::PUSH_UNIT, pos, 1);
        for (size_t j : lc.breaks) patch(j);
        bind_label();
    }

    void compile_while(const Node& n) {
        size_t top = here();
        bind_label();
        size_t exit = compile_condition_false_jump(*n.kids[0]);
        begin_loop(true);
        std::vector<uint16_t> clears;
        compile_block_stmt(*n.kids[1], &clears);
        emit(Op::LOOP, n.pos, 0, 0, 0, uint32_t(top));
        patch(exit);
        end_loop(top, n.pos);
        clear_slots(clears, n.pos);
    }

    void compile_loop(const Node& n) {
        size_t top = here();
        bind_label();
        begin_loop(true);
        std::vector<uint16_t> clears;
        compile_block_stmt(*n.kids[0], &clears);
        emit(Op::LOOP, n.pos, 0, 0, 0, uint32_t(top));
        end_loop(top, n.pos);
        clear_slots(clears, n.pos);
    }

    void compile_do(const Node& n) {
        size_t top = here();
        bind_label();
        begin_loop(true);
        std::vector<uint16_t> clears;
        compile_block_stmt(*n.kids[0], &clears);
        compile_expr(*n.kids[1]);
        // do..while repeats on true, do..until on false.
        size_t exit = emit(n.flag ? Op::JUMP_IF_TRUE : Op::JUMP_IF_FALSE, n.kids[1]->pos, -1);
        emit(Op::LOOP, n.pos, 0, 0, 0, uint32_t(top));
        patch(exit);
        end_loop(top, n.pos);  // Rhai: `continue` restarts the body without testing
        clear_slots(clears, n.pos);
    }

    // Where Rhai's Expr::start_position puts an expression: the start of a chain's receiver
    // and of the left operand of &&, ||, ??; the node itself otherwise.
    static const Node& leftmost(const Node& n) {
        switch (n.kind) {
            case NodeKind::Index:
            case NodeKind::Property:
            case NodeKind::MethodCall:
            case NodeKind::And:
            case NodeKind::Or:
            case NodeKind::Coalesce: return leftmost(*n.kids[0]);
            default: return n;
        }
    }

    void compile_for(const Node& n) {
        compile_expr(*n.kids[0]);
        enter_scope();
        uint16_t cursor = alloc_slot(n.pos);
        alloc_slot(n.pos);
        alloc_slot(n.pos);
        // (ErrorFor is reported where the iterated expression starts, as Rhai does.)
        size_t prep = emit(Op::FOR_PREP, leftmost(*n.kids[0]).pos, -1, 0, cursor);
        uint16_t var = declare_local(n.names[0], false, n.pos);  // FOR_NEXT writes slot cursor+3
        emit(Op::PUSH_UNIT, n.pos, 1);
        emit(Op::DEFINE_LOCAL, n.pos, -1, 0, var);
        // Like the element, the index is one variable for the whole loop, written through its
        // cell: closures capturing either see the latest iteration's value, as in Rhai.
        uint16_t index_var = 0;
        if (n.names.size() > 1) {
            index_var = declare_local(n.names[1], false, n.pos);
            emit(Op::PUSH_INT, n.pos, 1, 0, 0, 0);
            emit(Op::DEFINE_LOCAL, n.pos, -1, 0, index_var);
        }
        size_t top = here();
        bind_label();
        size_t next = emit(Op::FOR_NEXT, n.pos, 0, 0, cursor);
        // The first element comes from FOR_NEXT, the others from FOR_LOOP at the bottom (one
        // instruction per iteration instead of a jump back to FOR_NEXT); `continue` goes to top.
        const size_t body = here();
        bind_label();
        if (n.names.size() > 1) {
            emit(Op::FOR_INDEX, n.pos, 1, 0, cursor);
            emit(Op::STORE_LOCAL, n.pos, -1, 0, index_var);
        }
        begin_loop(true);
        std::vector<uint16_t> clears;
        compile_block_stmt(*n.kids[1], &clears);
        emit(Op::FOR_LOOP, n.pos, 0, 0, cursor, uint32_t(body));
        patch(next);
        patch(prep);
        end_loop(top, n.pos);
        clear_slots(clears, n.pos);
        auto slots = leave_scope();
        clear_slots(slots, n.pos);
        emit(Op::CLEAR_LOCAL, n.pos, 0, 0, cursor);
        emit(Op::CLEAR_LOCAL, n.pos, 0, 0, uint16_t(cursor + 1));
    }

    // ---- calls ---------------------------------------------------------------------------
    void emit_call_by_name(const std::string& name, size_t argc, Position pos) {
        if (argc > 255) compile_error(ParseErrorKind::MalformedCallExpr, "Too many arguments", pos);
        emit(Op::CALL, pos, 1 - int(argc), uint8_t(argc), add_site(name));
    }

    // A call resolved at compile time to a function of this script (script functions take
    // precedence over built-ins of the same name and arity). capture: `f!(..)`.
    void emit_call_script(const ScriptFunction& target, size_t argc, bool capture, Position pos) {
        uint32_t idx = 0;
        for (; idx < pb_.prog.functions.size(); ++idx)
            if (pb_.prog.functions[idx].get() == &target) break;
        bc::CallSite site;
        site.name = target.name;
        site.capture = capture;
        uint16_t s = add_site(std::move(site));
        if (capture) record_scope(s);
        emit(Op::CALL_SCRIPT, pos, 1 - int(argc), uint8_t(argc), s, idx);
    }

    // is_shared(x) / x.is_shared(): whether a local is captured by a closure (a Shared cell);
    // any other operand is a temporary, never shared.
    void compile_is_shared(const Node& a, Position pos) {
        if (a.kind == NodeKind::Variable && find_local(a.text)) {
            emit(Op::IS_SHARED, pos, 1, 0, find_local(a.text)->slot);
        } else {
            compile_expr(a);
            emit_pop(a.pos);
            emit(Op::PUSH_FALSE, pos, 1);
        }
    }

    bool is_plain_place(const Node& n) const {
        return (n.kind == NodeKind::Variable || n.kind == NodeKind::This) && is_place(n);
    }

    bool compile_intrinsic(const Node& n) {
        using bc::Intrinsic;
        const std::string& name = n.text;
        size_t argc = n.kids.size();
        // `call(f, a, ..)` with a variable second argument: Rhai redirects it to `name(a, ..)`,
        // so a native function gets `a` by reference (CALL_PLACE with fn_style, named "call").
        if (name == "call" && argc >= 2 && !n.flag && is_plain_place(*n.kids[1])) {
            uint16_t place = compile_place(*n.kids[1]);
            compile_expr(*n.kids[0]);
            for (size_t i = 2; i < argc; ++i) compile_expr(*n.kids[i]);
            bc::CallSite site;
            site.name = name;
            site.place = place;
            site.fn_style = true;
            emit(Op::CALL_PLACE, n.pos, 1 - int(argc - 1), uint8_t(argc - 1), add_site(std::move(site)));
            return true;
        }
        Intrinsic which;
        if (name == "Fn" && argc == 1) which = Intrinsic::FnCreate;
        else if (name == "call" && argc >= 1) which = Intrinsic::CallFn;
        else if (name == "eval" && argc == 1) which = Intrinsic::Eval;
        else if (name == "is_def_var" && argc == 1) which = Intrinsic::IsDefVar;
        else if (name == "is_def_fn" && (argc == 2 || argc == 3)) which = Intrinsic::IsDefFn;
        else if (name == "__fn_arity_ok" && argc == 2) which = Intrinsic::FnArityOk;
        else if (name == "exit" && argc <= 1) which = Intrinsic::Exit;
        else if (name == "get_fn_metadata_list" && argc <= 2) which = Intrinsic::FnMetadata;
        else if (name == "is_shared" && argc == 1) {
            compile_is_shared(*n.kids[0], n.pos);
            return true;
        } else return false;
        for (auto& k : n.kids) compile_expr(*k);
        bc::CallSite site;
        site.name = name;
        site.capture = which == Intrinsic::CallFn && n.flag;  // call!(f, ...): f runs in this scope
        uint16_t s = add_site(std::move(site));
        if (which == Intrinsic::Eval || which == Intrinsic::IsDefVar || f_.sites[s].capture) record_scope(s);
        if (which == Intrinsic::Eval) {
            ++evals_;
            f_.sites[s].eval_depth = block_depth(scope_marks_.size());
        }
        // Fn(name) reports a bad name where the argument starts (Rhai: arg_pos).
        Position at = which == Intrinsic::FnCreate ? leftmost(*n.kids[0]).pos : n.pos;
        emit(Op::INTRINSIC, at, 1 - int(argc), uint8_t(argc), s, uint32_t(which));
        return true;
    }

    // Eval and `f!()` sites see the caller's variables by name (recorded at compile time).
    void record_scope(uint16_t site) {
        auto& sc = f_.sites[site];
        std::string list;
        for (auto& lv : locals_) {
            if (lv.name.empty()) continue;
            list += lv.name;
            list += '\0';
            list += std::to_string(lv.slot);
            if (lv.is_const) list += 'c';  // eval code must not assign to it either
            list += '\0';
        }
        sc.scope = std::move(list);
    }

    void compile_call(const Node& n) {
        size_t argc = n.kids.size();
        if (argc > 255) compile_error(ParseErrorKind::MalformedCallExpr, "Too many arguments", n.pos);
        if (!n.names.empty()) {
            std::string path;
            for (auto& p : n.names) path += p + "::";
            for (auto& k : n.kids) compile_expr(*k);
            emit(Op::INTRINSIC, n.pos, 1 - int(argc), uint8_t(argc), add_site(path + n.text),
                 uint32_t(bc::Intrinsic::ModuleCall));
            return;
        }
        const ScriptFunction* target = pb_.prog.find(n.text, argc);
        if (!target && compile_intrinsic(n)) return;
        if (target) {
            for (auto& k : n.kids) compile_expr(*k);
            emit_call_script(*target, argc, n.flag, n.pos);
            return;
        }
        // `push(a, 1)` with a variable (or `this`) first argument: by reference, like `a.push(1)`.
        // (A variable only when it is a local: a run-time variable goes by name, so the call
        // can reach script functions of another program, e.g. the caller's from eval code.)
        if (argc >= 1 && is_plain_place(*n.kids[0]) &&
            (n.kids[0]->kind == NodeKind::This || find_local(n.kids[0]->text))) {
            uint16_t place = compile_place(*n.kids[0]);
            for (size_t i = 1; i < argc; ++i) compile_expr(*n.kids[i]);
            bc::CallSite site;
            site.name = n.text;
            site.place = place;
            site.fn_style = true;
            emit(Op::CALL_PLACE, n.pos, 1 - int(argc - 1), uint8_t(argc - 1), add_site(std::move(site)));
            return;
        }
        for (auto& k : n.kids) compile_expr(*k);
        emit_call_by_name(n.text, argc, n.pos);
    }

    void compile_method_call(const Node& n) {
        const Node& recv = *n.kids[0];
        size_t argc = n.kids.size() - 1;
        if (argc > 254) compile_error(ParseErrorKind::MalformedCallExpr, "Too many arguments", n.pos);
        // `x.is_shared()`: whether the variable is captured by a closure, as is_shared(x); any
        // other receiver is a temporary value, never shared (Rhai answers from the target).
        if (n.text == "is_shared" && argc == 0 && !n.flag) {
            compile_is_shared(recv, n.pos);
            return;
        }
        // `"name".get_fn_metadata_list(arity)`: the intrinsic with the receiver as its name.
        if (n.text == "get_fn_metadata_list" && argc <= 1 && !n.flag && !pb_.prog.has_name(n.text)) {
            for (auto& k : n.kids) compile_expr(*k);
            emit(Op::INTRINSIC, n.pos, -int(argc), uint8_t(argc + 1), add_site(n.text),
                 uint32_t(bc::Intrinsic::FnMetadata));
            return;
        }
        if (!n.flag && is_place(recv)) {
            uint16_t place = compile_place(recv);
            size_t keys = f_.places[place].key_count();
            for (size_t i = 1; i < n.kids.size(); ++i) compile_expr(*n.kids[i]);
            bc::CallSite site;
            site.name = n.text;
            site.place = place;
            emit(Op::CALL_PLACE, n.pos, 1 - int(argc) - int(keys), uint8_t(argc), add_site(std::move(site)));
            return;
        }
        ChainState st;
        begin_chain(st);
        compile_chain_receiver(recv);
        optional_step(n);
        for (size_t i = 1; i < n.kids.size(); ++i) compile_expr(*n.kids[i]);
        emit(Op::CALL_METHOD, n.pos, -int(argc), uint8_t(argc + 1), add_site(n.text));
        end_chain(st);
    }

    void compile_closure(const Node& n);

};

void FnCompiler::compile_closure(const Node& n) {
    const syntax::FnDef& def = *n.fn;
    // Captured: free variables of the body that name a variable visible here.
    std::vector<std::string> captures;
    for (auto& name : free_variables(def))
        if (find_local(name)) captures.push_back(name);

    auto fn = std::make_shared<ScriptFunction>();
    fn->name = def.name.empty() ? "anon$" + std::to_string(pb_.anon_count++) : def.name;
    fn->is_anonymous = true;
    fn->num_captures = uint32_t(captures.size());
    fn->arity = uint32_t(captures.size() + def.params.size());
    fn->params = captures;
    fn->params.insert(fn->params.end(), def.params.begin(), def.params.end());
    fn->program = &pb_.prog;
    uint32_t index = uint32_t(pb_.prog.functions.size());
    pb_.prog.functions.push_back(fn);

    FnCompiler inner(pb_, *fn, this, false);
    inner.fn_pos_ = def.pos;
    for (auto& c : captures) inner.declare_param(c);
    for (auto& p : def.params) inner.declare_param(p);
    inner.compile_body(*def.body);

    for (auto& c : captures) emit(Op::LOAD_CELL, n.pos, 1, 0, find_local(c)->slot);
    if (captures.size() > 255) compile_error(ParseErrorKind::MalformedCapture, "Too many captured variables", n.pos);
    emit(Op::MAKE_CLOSURE, n.pos, 1 - int(captures.size()), uint8_t(captures.size()), 0, index);
}

}  // namespace

std::shared_ptr<Program> compile(const syntax::Script& script, const CompileOptions& options) {
    auto prog = std::make_shared<Program>();
    prog->source = script.source;
    ProgramBuilder pb{*prog, options};

    // Named functions first, so calls resolve whatever the definition order (hoisting).
    for (auto& def : script.functions) {
        auto fn = std::make_shared<ScriptFunction>();
        fn->name = def->name;
        fn->arity = uint32_t(def->params.size());
        fn->params = def->params;
        fn->this_type = def->this_type;
        fn->is_private = def->is_private;
        fn->program = prog.get();
        uint32_t idx = uint32_t(prog->functions.size());
        prog->functions.push_back(fn);
        prog->by_name[def->name].push_back(idx);
    }
    size_t named = script.functions.size();
    for (size_t i = 0; i < named; ++i) {
        const auto& def = *script.functions[i];
        FnCompiler fc(pb, *prog->functions[i], nullptr, false);
        fc.fn_pos_ = def.pos;
        for (auto& p : def.params) fc.declare_param(p);
        fc.compile_body(*def.body);
    }

    prog->main = std::make_shared<ScriptFunction>();
    prog->main->name = "";
    prog->main->program = prog.get();
    FnCompiler mc(pb, *prog->main, nullptr, true);
    mc.compile_main(script.statements);

    // Number every call site program-wide (the VM keeps one cache entry per site).
    uint32_t base = 0;
    auto number = [&](ScriptFunction& f) {
        for (auto& site : f.sites) site.is_call = site.name == "call";
        f.site_base = base;
        base += uint32_t(f.sites.size());
    };
    number(*prog->main);
    for (auto& f : prog->functions) number(*f);
    prog->num_sites = base;
    return prog;
}

}  // namespace rhai::compiler

namespace rhai {

const ScriptFunction* Program::find(std::string_view name, size_t arity) const {
    auto it = by_name.find(std::string(name));
    if (it == by_name.end()) return nullptr;
    for (uint32_t i : it->second)
        if (functions[i]->arity == arity && functions[i]->this_type.empty()) return functions[i].get();
    return nullptr;
}

bool Program::has_name(std::string_view name) const { return by_name.count(std::string(name)) != 0; }

std::shared_ptr<const ScriptFunction> Program::handle(const ScriptFunction* fn) const {
    // Aliasing constructor: shares ownership of the whole Program, points at one function.
    return std::shared_ptr<const ScriptFunction>(shared_from_this(), fn);
}

}  // namespace rhai
