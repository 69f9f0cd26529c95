// Compiled code: instructions, script functions and the module (Program) that holds them.
//
// The compiler produces a Program; the VM (src/vm) runs it. A Program is immutable once
// built, so several tasks (and threads) may run it at once; per-run mutable state such as the
// call-site caches lives in the VM's Task.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/position.hpp"

namespace rhai {

namespace bc {

enum class Op : uint8_t {
#define OP(name, operands, effect, meaning) name,
#include "compiler/opcodes.def"
#undef OP
};

const char* op_name(Op op);

// One instruction: 8 bytes, operand meaning per opcode (opcodes.def).
struct Instr {
    Op op;
    uint8_t a = 0;
    uint16_t b = 0;
    uint32_t c = 0;
};
static_assert(sizeof(Instr) == 8);

enum class BinOp : uint8_t { Add, Sub, Mul, Div, Mod, Pow, Shl, Shr, And, Or, Xor, Eq, Ne, Lt, Le, Gt, Ge };
enum class UnOp : uint8_t { Neg, Plus, Not };
// Rhai's operator function names ("+", "==", ...), as natives are registered.
const char* binop_name(BinOp op);
const char* unop_name(UnOp op);
inline bool is_comparison(BinOp op) { return op >= BinOp::Eq; }

// Built-ins that need VM state (INTRINSIC's c operand). The argument conventions:
//   FnCreate      Fn(name)                     -> FnPtr (ErrorFunctionNotFound for bad names)
//   CallFn        call(f, args...)             -> calls f (a FnPtr) with args
//   Eval          eval(code)                   -> runs code in the caller's scope
//   IsDefVar      is_def_var(name)             -> bool
//   IsDefFn       is_def_fn(name, n) / is_def_fn(type, name, n) -> bool
//   FnArityOk     __fn_arity_ok(f, n)          -> bool: FnPtr f accepts n arguments (after its
//                 curried ones). For prelude authors: call a callback with (item, index) when
//                 `__fn_arity_ok(f, 2)` and with (item) otherwise, as Rhai's map/filter do.
//   Import        import "path" [as m]         -> the module through the engine's resolver (site
//                 name = alias; with one, a handle the compiler stores in the hidden local "m::")
//   Exit          exit() / exit(value)         -> ends the whole script now with that value
//   ModuleCall    m::sub::f(args...)           -> function of an imported / static module (site
//                 name = the full path)
//   ModuleVar     m::sub::X  (argc 0)          -> a module variable (site name = the full path)
enum class Intrinsic : uint8_t { FnCreate, CallFn, Eval, IsDefVar, IsDefFn, FnArityOk, Import, Exit,
                                 ModuleCall, ModuleVar, FnMetadata };

// A call site: what a CALL*/INTRINSIC instruction needs besides its argc.
struct CallSite {
    std::string name;      // function name (as written)
    int32_t place = -1;    // CALL_PLACE: the receiver's place
    bool fn_style = false; // CALL_PLACE for `f(var, ...)`: script functions get it by value
    bool capture = false;  // `f!(...)`
    bool is_call = false;  // the method is `call` (FnPtr call / `this`-binding call)
    // Eval/is_def_var/`f!()` sites: the caller's visible variables as "name\0slot\0" pairs,
    // innermost last, so run-time code can find them by name.
    std::string scope;
    // Eval sites: the block depth of the call in its function (0 = the main script's top
    // level), so the variables the eval code defines end with that block.
    uint32_t eval_depth = 0;
};

// The storage a method call or an assignment writes to: a root variable followed by a chain
// of index ([key], key evaluated on the stack) and property (.name) steps.
struct Place {
    // Dyn: a variable with no slot here, found by name at run time (one `eval` defined, or the
    // caller's in eval code), as LOAD_DYN finds it.
    enum class Root : uint8_t { Local, This, Dyn };
    struct Step {
        bool is_index;
        std::string name;       // property name (for !is_index)
        bool optional = false;  // `?.` / `?[`: a () container makes the assignment do nothing
    };
    Root root = Root::Local;
    uint16_t slot = 0;
    bool constant = false;  // root is a `const` variable
    std::string root_name;  // the root variable's name (for "Cannot modify constant NAME")
    Position root_pos;      // where the root is written (that error's position, as Rhai's)
    std::vector<Step> steps;
    size_t key_count() const {
        size_t n = 0;
        for (auto& s : steps) n += s.is_index;
        return n;
    }
};

}  // namespace bc

struct Program;

// A compiled function (named, anonymous/closure, or a module's main chunk).
struct ScriptFunction {
    std::string name;
    uint32_t arity = 0;        // declared parameters, including captured cells of a closure
    uint32_t num_captures = 0; // closures: the first num_captures parameters are Shared cells
    std::vector<std::string> params;  // parameter names, captured variables first (metadata)
    std::string this_type;     // typed method `fn TYPE.name()`: Rhai type name, else ""
    bool is_private = false;
    bool is_anonymous = false;
    bool uses_this = false;

    std::vector<bc::Instr> code;
    std::vector<Position> positions;  // one per instruction
    std::vector<Dynamic> constants;
    std::vector<bc::CallSite> sites;
    std::vector<bc::Place> places;
    uint32_t num_locals = 0;   // slots [0, num_locals), parameters first
    uint32_t max_stack = 0;    // temporaries needed above the locals
    uint32_t site_base = 0;    // index of sites[0] in the Program's call-site numbering
    // `import ... as alias` in this function: (alias, hidden local slot holding the module).
    std::vector<std::pair<std::string, uint16_t>> imports;

    const Program* program = nullptr;  // the module's function table (not owning)
};

// A compiled script (or module): its main chunk, its functions and what it exports.
struct Program : std::enable_shared_from_this<Program> {
    std::shared_ptr<ScriptFunction> main;
    // Named functions (index = CALL_SCRIPT operand) followed by anonymous ones (closures).
    std::vector<std::shared_ptr<ScriptFunction>> functions;
    std::unordered_map<std::string, std::vector<uint32_t>> by_name;  // named functions only
    std::vector<std::string> globals;   // top-level constants, index = LOAD_GLOBAL operand
    std::vector<std::string> exports;
    std::string source;                 // file name for messages
    uint32_t num_sites = 0;

    // The function name/arity that a function-style call reaches, or null. Typed methods
    // (`fn int.name()`) are skipped: Rhai reaches them only in method-call style.
    const ScriptFunction* find(std::string_view name, size_t arity) const;
    // Any named function called name (any arity)?
    bool has_name(std::string_view name) const;
    // A FnPtr-able owning handle on one of this program's functions (keeps the Program alive).
    std::shared_ptr<const ScriptFunction> handle(const ScriptFunction* fn) const;
};

}  // namespace rhai
