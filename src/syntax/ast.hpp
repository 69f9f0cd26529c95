// The abstract syntax tree the parser produces and the compiler consumes.
//
// Rhai blurs statements and expressions (`let x = loop { break 5; }`, `if` as a value), so one
// Node type serves both. Each NodeKind documents which fields it uses; unused fields stay
// empty. Every node has a position (line, column of its first token, or of the operator for
// binary nodes, as Rhai reports errors).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rhai/position.hpp"

namespace rhai::syntax {

struct Node;
using NodePtr = std::unique_ptr<Node>;
struct FnDef;

enum class NodeKind : uint8_t {
    // ---- literals ----
    Unit,         // ()
    BoolLit,      // int_value: 0/1
    IntLit,       // int_value (a sign written before a number literal is folded into it:
                  //   `-2.abs()` is IntLit -2 with a method call; `-(2)` too)
    FloatLit,     // float_value
    CharLit,      // int_value: the code point
    StringLit,    // text
    Interpolated, // kids: parts in order (StringLit pieces and expressions); `...${e}...`
                  //   (empty text pieces are omitted; `${a; b}` with several statements gives a
                  //   Block, `${e}` gives e itself)
    ArrayLit,     // kids: elements
    MapLit,       // names: keys (in source order), kids: values (same count)

    // ---- names ----
    Variable,     // text: name
    This,         // `this`
    Namespaced,   // names: path (e.g. {"global"} or {"m","sub"}), text: the variable name
                  //   (a namespaced *call* is a Call with non-empty names)

    // ---- operators ----
    Unary,        // op: "-", "+", "!"; kids[0]   (`a !in b` is Unary "!" over In)
    Binary,       // op: "+", "-", "*", "/", "%", "**", "<<", ">>", "&", "|", "^",
                  //     "==", "!=", "<", "<=", ">", ">=", or a custom operator; kids[0], kids[1]
    And,          // kids[0] && kids[1]   (short-circuit)
    Or,           // kids[0] || kids[1]   (short-circuit)
    Coalesce,     // kids[0] ?? kids[1]   (right side evaluated only when left is ())
    In,           // kids[0] in kids[1]
    Range,        // kids[0] .. kids[1]; flag: inclusive (..=). Open ends as in Rhai:
                  //   `..x` has kids[0] IntLit 0, `x..` (before `]` `)` `}` `,` `;` `=>`) has
                  //   kids[1] Unit

    // ---- access and calls ----
    Index,        // kids[0][kids[1]]; flag: safe (`?[`); pos: the `[`
    Property,     // kids[0].text; flag: safe (`?.`); pos: the property name
    Call,         // text: name, kids: args, names: namespace path (empty = none)
                  //   flag: capture (`f!(...)`: call sharing the caller's scope)
                  //   `Fn("literal")` with an invalid/reserved name is rejected by the parser.
                  //   Keyword functions (print, debug, type_of, eval, Fn, call, curry,
                  //   is_def_var, is_def_fn, is_shared) are ordinary Calls.
    MethodCall,   // kids[0]: receiver, text: name, kids[1..]: args; flag: safe (`?.`);
                  //   pos: the method name
    Closure,      // fn: the anonymous function (params, body); the compiler finds captures

    // ---- compound expressions ----
    Block,        // kids: statements; flag (ends_with_value): the last statement gives the
                  //   block's value. Set when that statement is anything but Let, Assign, Import
                  //   or Export -- with or without a trailing `;` (Rhai: `{ 1; 2; 3; }` is 3).
                  //   Empty statements (`;;`) are not kept in statement lists.
    If,           // kids[0]: cond, kids[1]: then (Block), kids[2]: else (Block/If), optional
    Switch,       // kids[0]: scrutinee; cases: the arms (see SwitchCase); default_case optional
                  //   (a statement/expression node, like SwitchCase::body)
    While,        // kids[0]: cond, kids[1]: body
    Loop,         // kids[0]: body
    DoLoop,       // kids[0]: body, kids[1]: cond; flag: until (do..until) vs while
    For,          // names: {var} or {var, index_var}; kids[0]: iterable, kids[1]: body

    // ---- statements ----
    Let,          // text: name, kids: {init} or empty; flag: constant; flag2: exported (`export let`)
    Assign,       // op: "=", "+=", "-=", ... ; kids[0]: target (Variable/Index/Property/This),
                  //   kids[1]: value
    Break,        // kids: {value} or empty. Break/Continue/Return/Throw may also appear as
                  //   expressions (`x ?? break`, `m.a ?? return -1`)
    Continue,
    Return,       // kids: {value} or empty
    Throw,        // kids: {value} or empty
    TryCatch,     // kids[0]: try Block, kids[1]: catch Block; text: error variable ("" if none)
    Import,       // kids[0]: path expression; text: alias ("" if none)
    Export,       // names: exported variables; aliases: their export names ("" = same)
    Nop,          // an empty statement `;` where one statement is required (`1 => ;` in a
                  //   switch); dropped from Block/Script statement lists
};

struct SwitchCase {
    // Literal values (IntLit, FloatLit, StringLit, CharLit, BoolLit, Unit, ArrayLit/MapLit of
    // literals) or Range nodes of literals; `a | b` gives two.
    std::vector<NodePtr> patterns;
    NodePtr guard;  // `if cond`, optional
    NodePtr body;
    Position pos;
};

struct Node {
    NodeKind kind;
    Position pos;
    std::string text;    // names, operators' symbols in `op`, string literal text
    std::string op;
    int64_t int_value = 0;
    double float_value = 0;
    bool flag = false;   // kind-specific, see above
    bool flag2 = false;
    std::vector<NodePtr> kids;
    std::vector<std::string> names;
    std::vector<std::string> aliases;
    std::vector<SwitchCase> cases;
    NodePtr default_case;
    std::shared_ptr<FnDef> fn;  // Closure

    Node(NodeKind k, Position p) : kind(k), pos(p) {}
};

// fn name(params) { body }
struct FnDef {
    std::string name;               // closures get a unique generated name ("anon$<n>")
    std::vector<std::string> params;
    NodePtr body;                   // a Block
    Position pos;
    bool is_private = false;
    bool is_closure = false;
    std::string this_type;          // typed method `fn int.foo()`: the Rhai type name, else ""
                                    //   (`int`/`float` become "i64"/"f64" as in Rhai; other
                                    //   names as written: `array`, or the text of a quoted
                                    //   name `fn "My Type".foo()`)
    std::vector<std::string> doc_comments;  // `/// ...` and `/** ... */` lines, as written
};

// A parsed script: top-level statements and function definitions (hoisted: a function may
// be called before the line that defines it).
struct Script {
    std::vector<NodePtr> statements;
    std::vector<std::shared_ptr<FnDef>> functions;  // named functions, in definition order
    std::string source;  // the file name or "" (for error messages)
};

}  // namespace rhai::syntax
