// Statements: blocks, let/const, control flow, try/catch, import/export, function definitions.
#include "syntax/keywords.hpp"
#include "syntax/parser_impl.hpp"

namespace rhai::syntax::detail {

namespace {
// A name after `let`, `for`, `catch`, a parameter list, `export`, `as`.
bool is_name_token(const Token& t) { return t.kind == Tok::Identifier; }
}  // namespace

// Statements that end with a block (or are empty) need no `;` after them.
bool Parser::is_self_terminated(const Node* s) {
    if (s == nullptr) return true;  // a function definition
    switch (s->kind) {
        case NodeKind::Block: case NodeKind::If: case NodeKind::Switch: case NodeKind::While:
        case NodeKind::Loop: case NodeKind::DoLoop: case NodeKind::For: case NodeKind::TryCatch:
        case NodeKind::Nop:
            return true;
        default:
            return false;
    }
}

// statement-list ::= { statement ( ';' | <after a block-ending statement> ) }
// Ends at EOF (script) or before `}` (block).
void Parser::parse_statement_list(std::vector<NodePtr>& out, bool in_block) {
    for (;;) {
        const Token& t = peek();
        if (t.kind == Tok::Eof) {
            if (in_block) error(ParseErrorKind::MissingToken, "Expecting '}' to terminate this block", t.pos);
            return;
        }
        if (in_block && t.kind == Tok::RBrace) return;
        NodePtr stmt = parse_stmt();
        bool self_terminated = is_self_terminated(stmt.get());
        // Empty statements are dropped (as Rhai does), so `{ x; ; }` still has the value x.
        if (stmt && stmt->kind != NodeKind::Nop) out.push_back(std::move(stmt));
        if (self_terminated) continue;  // a `;` after it is an empty statement
        const Token& after = peek();
        if (after.kind == Tok::Eof || (in_block && after.kind == Tok::RBrace)) continue;
        if (!eat(Tok::Semicolon)) {
            error(ParseErrorKind::MissingToken, "Expecting ';' to terminate this statement", after.pos);
        }
    }
}

// statement ::= ';' | block | fn-def | let | const | if | switch | while | loop | do | for
//             | break | continue | return | throw | try | import | export | expr [assign-op expr]
NodePtr Parser::parse_stmt() {
    const Token& t = peek();
    switch (t.kind) {
        case Tok::Semicolon: {
            Position pos = next().pos;
            return make_node(NodeKind::Nop, pos);
        }
        case Tok::Fn:
        case Tok::Private:
            if (!ctx_.global) {
                error(ParseErrorKind::WrongFnDefinition,
                      "Function definitions must be at global level and cannot be inside a block or another function",
                      t.pos);
            }
            parse_fn_def();
            return nullptr;
        default: {
            DepthGuard guard(*this, t.pos);
            return parse_stmt_kind();
        }
    }
}

NodePtr Parser::parse_stmt_kind() {
    switch (peek().kind) {
        case Tok::LBrace: return parse_block();
        case Tok::Let: return parse_let(false, false);
        case Tok::Const: return parse_let(true, false);
        case Tok::If: return parse_if();
        case Tok::Switch: return parse_switch();
        case Tok::While: return parse_while();
        case Tok::Loop: return parse_loop();
        case Tok::Do: return parse_do();
        case Tok::For: return parse_for();
        case Tok::Try: return parse_try();
        case Tok::Import: return parse_import();
        case Tok::Export: return parse_export();
        case Tok::Break: return parse_flow(NodeKind::Break);
        case Tok::Continue: return parse_flow(NodeKind::Continue);
        case Tok::Return: return parse_flow(NodeKind::Return);
        case Tok::Throw: return parse_flow(NodeKind::Throw);
        default: return parse_expr_stmt();
    }
}

// block ::= '{' statement-list '}'
NodePtr Parser::parse_block() {
    Position pos = expect(Tok::LBrace, "to start a statement block");
    DepthGuard guard(*this, pos);
    auto block = make_node(NodeKind::Block, pos);
    bool was_global = ctx_.global;
    size_t scope_mark = scope_.mark();
    ctx_.global = false;
    parse_statement_list(block->kids, true);
    next();  // `}`
    ctx_.global = was_global;
    scope_.rewind(scope_mark);
    // A block's value is its last statement's when that statement produces one (Rhai keeps it
    // even after a trailing `;`: `{ 1; 2; 3; }` is 3).
    if (!block->kids.empty()) block->flag = produces_value(*block->kids.back());
    return block;
}

bool Parser::produces_value(const Node& stmt) {
    switch (stmt.kind) {
        case NodeKind::Let: case NodeKind::Assign: case NodeKind::Import: case NodeKind::Export:
        case NodeKind::Nop:
            return false;
        default:
            return true;
    }
}

// let ::= ('let' | 'const') name ['=' expr]
NodePtr Parser::parse_let(bool constant, bool exported) {
    Position pos = next().pos;  // `let` / `const`
    const Token& name = next();
    if (!is_name_token(name)) {
        if (name.kind == Tok::Reserved && is_valid_identifier(name.text)) unexpected(name);
        error(ParseErrorKind::VariableExpected, "Expecting name of a variable", name.pos);
    }
    auto let = make_node(NodeKind::Let, pos);
    let->text = name.text;
    let->flag = constant;
    let->flag2 = exported;
    if (eat(Tok::Equals)) {
        DepthGuard init(*this, peek().pos);
        let->kids.push_back(parse_expr());
    }
    declare(let->text, constant);
    return let;
}

// if ::= 'if' expr block ['else' (if | block)]
NodePtr Parser::parse_if() {
    Position pos = next().pos;
    DepthGuard guard(*this, pos);  // else-if chains nest
    auto node = make_node(NodeKind::If, pos);
    node->kids.push_back(parse_condition());
    node->kids.push_back(parse_block());
    if (eat(Tok::Else)) {
        node->kids.push_back(check(Tok::If) ? parse_if() : parse_block());
    }
    return node;
}

// A literal range case that can contain no value (`5..3`, `5..5`).
static bool is_empty_range_pattern(const Node& r) {
    if (r.kids[0]->kind != NodeKind::IntLit || r.kids[1]->kind != NodeKind::IntLit) return false;
    INT lo = r.kids[0]->int_value, hi = r.kids[1]->int_value;
    return r.flag ? lo > hi : lo >= hi;
}

// switch ::= 'switch' expr '{' { case (',' | <after a block>) } '}'
// case   ::= pattern {'|' pattern} ['if' expr] '=>' statement  |  '_' '=>' statement
NodePtr Parser::parse_switch() {
    Position pos = next().pos;
    DepthGuard guard(*this, pos);
    auto node = make_node(NodeKind::Switch, pos);
    node->kids.push_back(parse_expr());
    expect(Tok::LBrace, "to start a switch block");
    bool seen_range = false;
    Position default_pos;
    bool was_global = ctx_.global;
    ctx_.global = false;
    for (;;) {
        const Token& t = peek();
        if (t.kind == Tok::RBrace) {
            next();
            break;
        }
        if (t.kind == Tok::Eof) {
            error(ParseErrorKind::MissingToken, "Expecting '}' to end this switch block", t.pos);
        }
        if (node->default_case) {
            error(ParseErrorKind::WrongSwitchDefaultCase, "Default switch case must be the last",
                  default_pos);
        }
        if (t.kind == Tok::Underscore) {
            default_pos = next().pos;
            if (check(Tok::If)) {
                error(ParseErrorKind::WrongSwitchCaseCondition,
                      "This switch case cannot have a condition", peek().pos);
            }
            expect(Tok::DoubleArrow, "in this switch case");
            node->default_case = parse_stmt();
            if (!node->default_case) node->default_case = make_node(NodeKind::Nop, default_pos);
        } else {
            SwitchCase c;
            c.pos = t.pos;
            do {
                NodePtr pat = parse_case_pattern();
                bool numeric = pat->kind == NodeKind::IntLit || pat->kind == NodeKind::FloatLit;
                if (numeric && seen_range) {
                    error(ParseErrorKind::WrongSwitchIntegerCase,
                          "Numeric switch case cannot follow a range case", pat->pos);
                }
                // An empty range is dropped from the case table, so it does not count.
                if (pat->kind == NodeKind::Range && !is_empty_range_pattern(*pat)) seen_range = true;
                c.patterns.push_back(std::move(pat));
            } while (eat(Tok::Pipe));
            if (eat(Tok::If)) c.guard = parse_condition();
            expect(Tok::DoubleArrow, "in this switch case");
            c.body = parse_stmt();
            if (!c.body) c.body = make_node(NodeKind::Nop, c.pos);
            node->cases.push_back(std::move(c));
        }
        const Node* last = node->default_case ? node->default_case.get() : node->cases.back().body.get();
        if (eat(Tok::Comma) || check(Tok::RBrace)) continue;
        if (!is_self_terminated(last)) {
            error(ParseErrorKind::MissingToken,
                  "Expecting ',' to separate the items in this switch block", peek().pos);
        }
    }
    ctx_.global = was_global;
    return node;
}

NodePtr Parser::parse_loop_body() {
    ++ctx_.loops;
    NodePtr body = parse_block();
    --ctx_.loops;
    return body;
}

// while ::= 'while' expr block
NodePtr Parser::parse_while() {
    auto node = make_node(NodeKind::While, next().pos);
    DepthGuard guard(*this, node->pos);
    node->kids.push_back(parse_condition());
    node->kids.push_back(parse_loop_body());
    return node;
}

// loop ::= 'loop' block
NodePtr Parser::parse_loop() {
    auto node = make_node(NodeKind::Loop, next().pos);
    DepthGuard guard(*this, node->pos);
    node->kids.push_back(parse_loop_body());
    return node;
}

// do ::= 'do' block ('while' | 'until') expr
NodePtr Parser::parse_do() {
    auto node = make_node(NodeKind::DoLoop, next().pos);
    DepthGuard guard(*this, node->pos);
    node->kids.push_back(parse_loop_body());
    if (eat(Tok::Until)) {
        node->flag = true;
    } else if (!eat(Tok::While)) {
        error(ParseErrorKind::MissingToken, "Expecting 'while' for the do statement", peek().pos);
    }
    node->kids.push_back(parse_condition());
    return node;
}

// for ::= 'for' (name | '(' name ',' name ')') 'in' expr block
NodePtr Parser::parse_for() {
    auto node = make_node(NodeKind::For, next().pos);
    DepthGuard guard(*this, node->pos);
    auto take_name = [&]() {
        const Token& t = next();
        if (!is_name_token(t)) {
            if (t.kind == Tok::Reserved && is_valid_identifier(t.text)) unexpected(t);
            error(ParseErrorKind::VariableExpected, "Expecting name of a variable", t.pos);
        }
        return t;
    };
    if (eat(Tok::LParen)) {
        node->names.push_back(take_name().text);
        expect(Tok::Comma, "after the iteration variable name");
        const Token& second = take_name();
        if (second.text == node->names[0]) {
            error(ParseErrorKind::DuplicatedVariable, "Duplicated variable name: " + second.text,
                  second.pos);
        }
        node->names.push_back(second.text);
        expect(Tok::RParen, "to close the iteration variable");
    } else {
        node->names.push_back(take_name().text);
    }
    expect(Tok::In, "after the iteration variable");
    node->kids.push_back(parse_iterable());
    size_t mark = scope_.mark();
    for (const auto& n : node->names) declare(n, false);
    node->kids.push_back(parse_loop_body());
    scope_.rewind(mark);
    return node;
}

// try ::= 'try' block 'catch' ['(' name ')'] block      (a statement, not an expression)
NodePtr Parser::parse_try() {
    auto node = make_node(NodeKind::TryCatch, next().pos);
    DepthGuard guard(*this, node->pos);
    node->kids.push_back(parse_block());
    expect(Tok::Catch, "for the 'try' statement");
    size_t mark = scope_.mark();
    if (eat(Tok::LParen)) {
        const Token& v = next();
        if (!is_name_token(v)) {
            if (v.kind == Tok::Reserved && is_valid_identifier(v.text)) unexpected(v);
            error(ParseErrorKind::VariableExpected, "Expecting name of a variable", v.pos);
        }
        node->text = v.text;
        declare(v.text, false);
        expect(Tok::RParen, "to enclose the catch variable");
    }
    node->kids.push_back(parse_block());
    scope_.rewind(mark);
    return node;
}

// import ::= 'import' expr ['as' name]
NodePtr Parser::parse_import() {
    auto node = make_node(NodeKind::Import, next().pos);
    DepthGuard guard(*this, node->pos);
    node->kids.push_back(parse_expr());
    if (eat(Tok::As)) {
        const Token& alias = next();
        if (!is_name_token(alias)) {
            if (alias.kind == Tok::Reserved && is_valid_identifier(alias.text)) unexpected(alias);
            error(ParseErrorKind::VariableExpected, "Expecting name of a variable", alias.pos);
        }
        node->text = alias.text;
    }
    return node;
}

// export ::= 'export' ('let' | 'const') ...  |  'export' name ['as' name] {',' name ['as' name]}
NodePtr Parser::parse_export() {
    const Token& kw = next();
    if (!ctx_.global) {
        error(ParseErrorKind::WrongExport, "Export statement can only appear at global level", kw.pos);
    }
    if (check(Tok::Let) || check(Tok::Const)) {
        DepthGuard guard(*this, peek().pos);
        return parse_let(check(Tok::Const), true);
    }
    auto node = make_node(NodeKind::Export, kw.pos);
    do {
        const Token& name = next();
        if (!is_name_token(name)) {
            if (name.kind == Tok::Reserved && is_valid_identifier(name.text)) unexpected(name);
            error(ParseErrorKind::VariableExpected, "Expecting name of a variable", name.pos);
        }
        node->names.push_back(name.text);
        std::string alias;
        if (eat(Tok::As)) {
            const Token& a = next();
            if (!is_name_token(a)) {
                if (a.kind == Tok::Reserved && is_valid_identifier(a.text)) unexpected(a);
                error(ParseErrorKind::VariableExpected, "Expecting name of a variable", a.pos);
            }
            alias = a.text;
        }
        node->aliases.push_back(alias);
    } while (eat(Tok::Comma));
    return node;
}

// break/continue/return/throw [expr]   (also usable as expressions: `x ?? break`)
NodePtr Parser::parse_flow(NodeKind kind) {
    const Token& kw = next();
    if ((kind == NodeKind::Break || kind == NodeKind::Continue) && ctx_.loops == 0) {
        error(ParseErrorKind::LoopBreak, "Break statement should only be used inside a loop", kw.pos);
    }
    auto node = make_node(kind, kw.pos);
    if (kind == NodeKind::Continue) return node;
    // The value is optional: it is there when an expression can start here.
    if (can_start_expression(peek())) {
        DepthGuard value(*this, peek().pos);
        node->kids.push_back(parse_expr());
    }
    return node;
}

bool Parser::can_start_expression(const Token& t) const {
    switch (t.kind) {
        case Tok::Eof: case Tok::Semicolon: case Tok::RBrace: case Tok::RParen:
        case Tok::RBracket: case Tok::Comma: case Tok::DoubleArrow: case Tok::Colon:
        case Tok::Else: case Tok::Catch: case Tok::Equals:
            return false;
        default:
            return true;
    }
}

// expr-stmt ::= expr [('=' | '+=' | ...) expr]
NodePtr Parser::parse_expr_stmt() {
    NodePtr e = parse_expr();
    const Token& t = peek();
    switch (t.kind) {
        case Tok::Equals: case Tok::PlusAssign: case Tok::MinusAssign: case Tok::MultiplyAssign:
        case Tok::DivideAssign: case Tok::ModuloAssign: case Tok::PowerOfAssign:
        case Tok::LeftShiftAssign: case Tok::RightShiftAssign: case Tok::AndAssign:
        case Tok::OrAssign: case Tok::XOrAssign: {
            const Token& op = next();
            return make_assignment(std::move(e), op);
        }
        default:
            return e;
    }
}

// Assignment targets: a variable, `this`, or an index/property chain rooted at one of them.
NodePtr Parser::make_assignment(NodePtr target, const Token& op) {
    bool plain = op.kind == Tok::Equals;
    auto invalid = [&](Position pos) {
        error(ParseErrorKind::AssignmentToInvalidLHS, "Expression cannot be assigned to", pos);
    };
    switch (target->kind) {
        case NodeKind::Variable:
            if (scope_.is_constant(target->text).value_or(false)) {
                error(ParseErrorKind::AssignmentToConstant,
                      "Cannot assign to constant " + target->text, target->pos);
            }
            break;
        case NodeKind::This:
            break;
        case NodeKind::Index:
        case NodeKind::Property: {
            const Node* n = target.get();
            while (n->kind == NodeKind::Index || n->kind == NodeKind::Property) n = n->kids[0].get();
            if (n->kind != NodeKind::Variable && n->kind != NodeKind::This) invalid(n->pos);
            break;
        }
        case NodeKind::Unit: case NodeKind::BoolLit: case NodeKind::IntLit: case NodeKind::FloatLit:
        case NodeKind::CharLit: case NodeKind::StringLit:
            error(ParseErrorKind::AssignmentToConstant, "Cannot assign to a constant value", target->pos);
        case NodeKind::ArrayLit: case NodeKind::MapLit: case NodeKind::Interpolated:
            // Rhai's Expr::is_constant: a literal made only of constants (`[1] = 2`)
            if (is_constant_literal(*target))
                error(ParseErrorKind::AssignmentToConstant, "Cannot assign to a constant value", target->pos);
            invalid(target->pos);
            break;
        case NodeKind::And: case NodeKind::Or: case NodeKind::Coalesce:
            if (plain) error(ParseErrorKind::BadInput, "Possibly a typo of '=='?", op.pos);
            invalid(target->pos);
            break;
        default:
            invalid(target->pos);
    }
    auto node = make_node(NodeKind::Assign, op.pos);
    node->op = std::string(fixed_token_syntax(op.kind));
    node->kids.push_back(std::move(target));
    node->kids.push_back(parse_expr());
    return node;
}

// fn-def ::= ['private'] 'fn' [type '.'] name '(' [name {',' name} [',']] ')' block
void Parser::parse_fn_def() {
    const Token& first = next();
    auto def = std::make_shared<FnDef>();
    def->pos = first.pos;
    def->doc_comments = first.doc_comments;
    Position fn_pos = first.pos;
    if (first.kind == Tok::Private) {
        def->is_private = true;
        fn_pos = expect(Tok::Fn, "following 'private'");
    }
    const Token* name = &next();
    // Typed method: `fn int.name()` or `fn "Custom Type".name()`; `int`/`float` are Rhai's
    // aliases of i64/f64 (so `is_def_fn("i64", ...)` finds it, as in Rhai).
    if (name->kind == Tok::String && !check(Tok::Period)) {
        error(ParseErrorKind::MissingToken, "Expecting '.' after the type name for 'this'", peek().pos);
    }
    if ((name->kind == Tok::Identifier || name->kind == Tok::String) && check(Tok::Period)) {
        def->this_type = name->text == "int" ? "i64" : name->text == "float" ? "f64" : name->text;
        next();  // '.'
        name = &next();
    }
    if (name->kind != Tok::Identifier) {
        if (name->kind == Tok::Reserved) unexpected(*name);
        error(ParseErrorKind::FnMissingName, "Expecting function name in function declaration",
              name->pos);
    }
    def->name = name->text;
    if (!eat(Tok::LParen)) {
        // `fn f() {}` lexes `()` as one token.
        if (!eat(Tok::Unit)) {
            error(ParseErrorKind::FnMissingParams, "Expecting parameters for function " + def->name,
                  peek().pos);
        }
    } else {
        def->params = parse_params(Tok::RParen, def->name);
    }
    auto sig = std::make_tuple(def->this_type, def->name, def->params.size());
    if (!fn_signatures_.insert(sig).second) {
        size_t n = def->params.size();
        std::string count = n == 0 ? "no parameters" : n == 1 ? "1 parameter" : std::to_string(n) + " parameters";
        error(ParseErrorKind::FnDuplicatedDefinition,
              "Function " + def->name + " with " + count + " already exists", fn_pos);
    }
    if (!check(Tok::LBrace)) {
        error(ParseErrorKind::FnMissingBody, "Expecting body statement block for function " + def->name,
              peek().pos);
    }
    def->body = parse_fn_body(def->params, false);
    script_.functions.push_back(std::move(def));
}

// Parameter names up to `close` (the opening token is already consumed). `fn_name` is ""
// for closures, which Rhai's messages call "anonymous function".
std::vector<std::string> Parser::parse_params(Tok close, const std::string& fn_name) {
    bool closure = close == Tok::Pipe;
    std::vector<std::string> params;
    for (;;) {
        if (eat(close)) return params;  // also after a trailing comma
        const Token& p = next();
        if (!is_name_token(p)) {
            if (p.kind == Tok::Reserved) unexpected(p);
            if (is_valid_identifier(p.text) && p.kind != Tok::Int && p.kind != Tok::String) {
                error(ParseErrorKind::VariableExpected, "Expecting name of a variable", p.pos);
            }
            error(ParseErrorKind::MissingToken,
                  closure ? std::string("Expecting '|' to close the parameters list of anonymous function or closure")
                          : "Expecting ')' to close the parameters list of function '" + fn_name + "'",
                  p.pos);
        }
        for (const auto& existing : params) {
            if (existing == p.text) {
                error(ParseErrorKind::FnDuplicatedParam,
                      "Duplicated parameter " + p.text + " for function " + fn_name, p.pos);
            }
        }
        params.push_back(p.text);
        if (eat(close)) return params;
        if (!eat(Tok::Comma)) {
            error(ParseErrorKind::MissingToken,
                  closure ? std::string("Expecting ',' to separate the parameters of anonymous function")
                          : "Expecting ',' to separate the parameters of function '" + fn_name + "'",
                  peek().pos);
        }
    }
}

// A function body gets a fresh context: its own depth budget, no enclosing loop, only its
// parameters in scope (Rhai functions do not see the caller's variables). A closure body keeps
// counting depth from where it stands (as Rhai does) but is otherwise a function body; it is a
// single statement (usually an expression or a block).
NodePtr Parser::parse_fn_body(const std::vector<std::string>& params, bool closure) {
    Context saved_ctx = ctx_;
    ScopeTracker saved_scope = std::move(scope_);
    scope_ = ScopeTracker{};
    for (const auto& p : params) declare(p, false);
    ctx_.global = false;
    ctx_.in_fn = true;
    ctx_.loops = 0;
    if (!closure) {
        ctx_.depth = 0;
        ctx_.max_depth = limit(opts_.max_function_expr_depth);
    }
    NodePtr body;
    {
        DepthGuard guard(*this, peek().pos);
        if (closure) {
            Position pos = peek().pos;
            NodePtr stmt = parse_stmt();
            if (stmt && stmt->kind == NodeKind::Block) {
                body = std::move(stmt);
            } else {
                body = make_node(NodeKind::Block, pos);
                if (stmt && stmt->kind != NodeKind::Nop) {
                    body->flag = produces_value(*stmt);
                    body->kids.push_back(std::move(stmt));
                }
            }
        } else {
            body = parse_block();
        }
    }
    ctx_ = saved_ctx;
    scope_ = std::move(saved_scope);
    return body;
}

}  // namespace rhai::syntax::detail
