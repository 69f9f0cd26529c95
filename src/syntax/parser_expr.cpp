// Expressions: precedence climbing for binary operators, unary operators, postfix chains
// (`.prop`, `.method()`, `[idx]`, `?.`, `?[`), literals, calls, closures, interpolation.
#include <limits>

#include "syntax/keywords.hpp"
#include "syntax/parser_impl.hpp"

namespace rhai::syntax::detail {

namespace {

// Rhai's precedence table (higher binds tighter; `**` is right-associative).
int binary_precedence(Tok k) {
    switch (k) {
        case Tok::Or: case Tok::XOr: case Tok::Pipe: return 30;
        case Tok::And: case Tok::Ampersand: return 60;
        case Tok::EqualsTo: case Tok::NotEqualsTo: return 90;
        case Tok::In: case Tok::NotIn: return 110;
        case Tok::Less: case Tok::LessEq: case Tok::Greater: case Tok::GreaterEq: return 130;
        case Tok::DoubleQuestion: return 135;
        case Tok::ExclusiveRange: case Tok::InclusiveRange: return 140;
        case Tok::Plus: case Tok::Minus: return 150;
        case Tok::Multiply: case Tok::Divide: case Tok::Modulo: return 180;
        case Tok::PowerOf: return 190;
        case Tok::LeftShift: case Tok::RightShift: return 210;
        default: return 0;
    }
}

// Just above `|`, so `1 | 2` in a switch case lists two patterns.
constexpr int kCasePatternPrecedence = 31;

const char* literal_type_name(NodeKind k) {
    switch (k) {
        case NodeKind::Unit: return "()";
        case NodeKind::IntLit: return "a number";
        case NodeKind::FloatLit: return "a floating-point number";
        case NodeKind::CharLit: return "a character";
        case NodeKind::StringLit: case NodeKind::Interpolated: return "a string";
        case NodeKind::ArrayLit: return "an array";
        case NodeKind::MapLit: return "an object map";
        default: return nullptr;
    }
}

NodePtr binary(NodeKind kind, Position pos, NodePtr lhs, NodePtr rhs) {
    auto n = make_node(kind, pos);
    n->kids.push_back(std::move(lhs));
    n->kids.push_back(std::move(rhs));
    return n;
}

}  // namespace

// A literal that can never be a boolean is rejected where Rhai wants one (`&&`, `||`, `if`,
// `while`, guards); variables and calls are checked at run time.
void Parser::ensure_bool(const Node& e) {
    if (const char* type = literal_type_name(e.kind)) {
        error(ParseErrorKind::MismatchedType,
              std::string("Expecting a boolean expression, not ") + type, e.pos);
    }
}

// condition ::= expr      (a boolean; a bare `{` or a following `=` is rejected as in Rhai)
NodePtr Parser::parse_condition() {
    if (check(Tok::LBrace)) {
        error(ParseErrorKind::ExprExpected, "Expecting a boolean expression", peek().pos);
    }
    NodePtr e = parse_expr();
    ensure_bool(*e);
    if (check(Tok::Equals)) {
        error(ParseErrorKind::BadInput, "Possibly a typo of '=='?", peek().pos);
    }
    return e;
}

// The value a `for` loop iterates over: literals that can never be iterated are rejected.
NodePtr Parser::parse_iterable() {
    if (check(Tok::LBrace)) {
        error(ParseErrorKind::ExprExpected, "Expecting a boolean expression", peek().pos);
    }
    NodePtr e = parse_expr();
    const char* type = nullptr;
    switch (e->kind) {
        case NodeKind::Unit: type = "()"; break;
        case NodeKind::BoolLit: type = "a boolean"; break;
        case NodeKind::IntLit: type = "a number"; break;
        case NodeKind::FloatLit: type = "a floating-point number"; break;
        case NodeKind::CharLit: type = "a character"; break;
        case NodeKind::MapLit: type = "an object map"; break;
        default: break;
    }
    if (type) {
        error(ParseErrorKind::MismatchedType,
              std::string("Expecting an iterable value, not ") + type, e->pos);
    }
    return e;
}

// expr ::= unary { op unary }
NodePtr Parser::parse_expr() {
    DepthGuard guard(*this, peek().pos);
    NodePtr lhs = parse_unary();
    return parse_binary_op(1, std::move(lhs));
}

// The binding power of the operator token `op` (0: not an operator). A reserved or disabled
// symbol where an operator would stand (`x ++`, `a ? b`) is an unknown operator.
int Parser::operator_precedence(const Token& op, bool* custom) {
    *custom = false;
    int prec = binary_precedence(op.kind);
    if (prec != 0) return prec;
    prec = custom_precedence(op);
    if (prec > 0) {
        *custom = true;
        return prec;
    }
    if (op.kind == Tok::Reserved && !is_valid_identifier(op.text)) {
        error(ParseErrorKind::UnknownOperator, "Unknown operator: '" + op.text + "'", op.pos);
    }
    return 0;
}

// Precedence climbing, shaped like Rhai's so that nesting levels count the same way: every
// operator applied raises the level of what follows it, and a right side that binds tighter
// is parsed one level deeper.
NodePtr Parser::parse_binary_op(int parent_prec, NodePtr lhs) {
    uint32_t levels = 0;
    for (;;) {
        const Token& op = peek();
        bool custom = false;
        int prec = operator_precedence(op, &custom);
        bool bind_right = op.kind == Tok::PowerOf;
        if (prec == 0 || prec < parent_prec || (prec == parent_prec && !bind_right)) break;
        next();
        NodePtr rhs;
        const Token& after = peek();
        bool is_range = op.kind == Tok::ExclusiveRange || op.kind == Tok::InclusiveRange;
        if (is_range && (after.kind == Tok::RBracket || after.kind == Tok::RParen ||
                         after.kind == Tok::RBrace || after.kind == Tok::Comma ||
                         after.kind == Tok::Semicolon || after.kind == Tok::DoubleArrow)) {
            // Open-ended range `x..`: the end is `()` (as in Rhai).
            rhs = make_node(NodeKind::Unit, after.pos);
        } else {
            rhs = parse_unary();
        }
        bool next_custom = false;
        int next_prec = operator_precedence(peek(), &next_custom);
        if ((prec == next_prec && bind_right) || prec < next_prec) {
            DepthGuard deeper(*this, op.pos);
            rhs = parse_binary_op(prec, std::move(rhs));
        }
        hold_level(op.pos);
        ++levels;
        lhs = combine_binary(op, custom, std::move(lhs), std::move(rhs));
    }
    release_levels(levels);
    return lhs;
}

NodePtr Parser::combine_binary(const Token& op, bool custom, NodePtr lhs, NodePtr rhs) {
    if (!custom) {
        switch (op.kind) {
            case Tok::Or: case Tok::And:
                ensure_bool(*lhs);
                ensure_bool(*rhs);
                return binary(op.kind == Tok::Or ? NodeKind::Or : NodeKind::And, op.pos,
                              std::move(lhs), std::move(rhs));
            case Tok::DoubleQuestion:
                return binary(NodeKind::Coalesce, op.pos, std::move(lhs), std::move(rhs));
            case Tok::In:
                return binary(NodeKind::In, op.pos, std::move(lhs), std::move(rhs));
            case Tok::NotIn: {
                // `a !in b` is `!(a in b)`.
                auto not_node = make_node(NodeKind::Unary, op.pos);
                not_node->op = std::string("!");  // not = "!": GCC 12 -Wrestrict false positive
                not_node->kids.push_back(binary(NodeKind::In, op.pos, std::move(lhs), std::move(rhs)));
                return not_node;
            }
            case Tok::ExclusiveRange: case Tok::InclusiveRange: {
                auto range = binary(NodeKind::Range, op.pos, std::move(lhs), std::move(rhs));
                range->flag = op.kind == Tok::InclusiveRange;
                return range;
            }
            default:
                break;
        }
    }
    auto b = binary(NodeKind::Binary, op.pos, std::move(lhs), std::move(rhs));
    b->op = custom ? op.text : std::string(fixed_token_syntax(op.kind));
    return b;
}

// unary ::= ('-' | '+' | '!') unary | postfix
NodePtr Parser::parse_unary() {
    const Token& t = peek();
    if (t.kind != Tok::Minus && t.kind != Tok::Plus && t.kind != Tok::Bang) {
        return parse_postfix(parse_primary());
    }
    DepthGuard guard(*this, t.pos);
    Position pos = next().pos;
    Tok kind = t.kind;
    NodePtr operand = parse_unary();
    // Signs on number literals fold into the literal, as Rhai does.
    if (kind == Tok::Minus && operand->kind == NodeKind::IntLit) {
        if (operand->int_value == std::numeric_limits<int64_t>::min()) {
            operand->kind = NodeKind::FloatLit;
            operand->float_value = -static_cast<double>(operand->int_value);
        } else {
            operand->int_value = -operand->int_value;
        }
        operand->pos = pos;
        return operand;
    }
    if (kind == Tok::Minus && operand->kind == NodeKind::FloatLit) {
        operand->float_value = -operand->float_value;
        operand->pos = pos;
        return operand;
    }
    if (kind == Tok::Plus && (operand->kind == NodeKind::IntLit || operand->kind == NodeKind::FloatLit)) {
        operand->pos = pos;
        return operand;
    }
    auto n = make_node(NodeKind::Unary, pos);
    n->op = std::string(kind == Tok::Minus ? "-" : kind == Tok::Plus ? "+" : "!");
    n->kids.push_back(std::move(operand));
    return n;
}

// postfix ::= primary { '.' name [args] | '?.' name [args] | '[' expr ']' | '?[' expr ']' }
// Levels as in Rhai: each `.` raises the level for the rest of the chain; a run of indexes
// `a[i][j]` raises it for each `[` until the run ends.
NodePtr Parser::parse_postfix(NodePtr lhs) {
    uint32_t dot_levels = 0, index_levels = 0;
    for (;;) {
        const Token& t = peek();
        bool safe = t.kind == Tok::Elvis || t.kind == Tok::QuestionBracket;
        if (t.kind == Tok::Period || t.kind == Tok::Elvis) {
            release_levels(index_levels);
            index_levels = 0;
            hold_level(t.pos);
            ++dot_levels;
            next();
            const Token& name = next();
            bool has_args = check(Tok::LParen) || check(Tok::Unit);
            bool keyword_method = name.kind == Tok::Reserved && reserved_info(name.text).method_callable;
            if (name.kind != Tok::Identifier && !(keyword_method && has_args)) {
                if (name.kind == Tok::Reserved && is_valid_identifier(name.text)) unexpected(name);
                error(ParseErrorKind::PropertyExpected, "Expecting name of a property", name.pos);
            }
            if (check(Tok::Bang) && (peek(1).kind == Tok::LParen || peek(1).kind == Tok::Unit)) {
                error(ParseErrorKind::MalformedCapture,
                      "method-call style does not support running within the caller's scope", name.pos);
            }
            if (has_args) {
                auto call = make_node(NodeKind::MethodCall, name.pos);
                call->text = name.text;
                call->flag = safe;
                call->kids.push_back(std::move(lhs));
                if (!eat(Tok::Unit)) {
                    next();  // '('
                    parse_args(*call, name.text);
                }
                lhs = std::move(call);
            } else {
                auto prop = make_node(NodeKind::Property, name.pos);
                prop->text = name.text;
                prop->flag = safe;
                prop->kids.push_back(std::move(lhs));
                lhs = std::move(prop);
            }
        } else if (t.kind == Tok::LBracket || t.kind == Tok::QuestionBracket) {
            hold_level(t.pos);
            ++index_levels;
            Position pos = next().pos;
            NodePtr idx;
            {
                DepthGuard inner(*this, pos);
                idx = parse_expr();
            }
            check_index_types(*lhs, *idx);
            expect(Tok::RBracket, "for a matching [ in this index expression");
            auto node = make_node(NodeKind::Index, pos);
            node->flag = safe;
            node->kids.push_back(std::move(lhs));
            node->kids.push_back(std::move(idx));
            lhs = std::move(node);
        } else {
            break;
        }
    }
    release_levels(dot_levels + index_levels);
    return lhs;
}

// primary ::= literal | name | call | '(' expr ')' | array | map | block | if | switch
//           | while | loop | do | for | break | continue | return | throw | closure
NodePtr Parser::parse_primary() {
    const Token& t = peek();
    switch (t.kind) {
        case Tok::Int: {
            auto n = make_node(NodeKind::IntLit, next().pos);
            n->int_value = t.int_value;
            return n;
        }
        case Tok::Float: {
            auto n = make_node(NodeKind::FloatLit, next().pos);
            n->float_value = t.float_value;
            return n;
        }
        case Tok::Char: {
            auto n = make_node(NodeKind::CharLit, next().pos);
            n->int_value = t.int_value;
            return n;
        }
        case Tok::String: {
            auto n = make_node(NodeKind::StringLit, next().pos);
            n->text = t.text;
            return n;
        }
        case Tok::True: case Tok::False: {
            auto n = make_node(NodeKind::BoolLit, next().pos);
            n->int_value = t.kind == Tok::True ? 1 : 0;
            return n;
        }
        case Tok::Unit: return make_node(NodeKind::Unit, next().pos);
        case Tok::InterpString: return parse_interpolated();
        case Tok::LParen: {
            DepthGuard guard(*this, t.pos);
            next();
            NodePtr e = parse_expr();
            expect(Tok::RParen, "for a matching ( in this expression");
            return e;
        }
        case Tok::LBracket: {
            DepthGuard guard(*this, t.pos);
            return parse_array();
        }
        case Tok::MapStart: {
            DepthGuard guard(*this, t.pos);
            return parse_map();
        }
        case Tok::ExclusiveRange: case Tok::InclusiveRange:
            // Open-start range `..x` is `0..x` (the range operator itself is not consumed).
            return make_node(NodeKind::IntLit, t.pos);
        case Tok::LBrace: case Tok::If: case Tok::Switch: case Tok::While: case Tok::Loop:
        case Tok::Do: case Tok::For: case Tok::Break: case Tok::Continue: case Tok::Return:
        case Tok::Throw: {
            // Statements used as expressions: one level for the expression, then the
            // statement's own.
            DepthGuard guard(*this, t.pos);
            return parse_stmt_kind();
        }
        case Tok::Pipe: case Tok::Or: return parse_closure();
        case Tok::Identifier: {
            const Token& id = next();
            return parse_identifier_expr(id);
        }
        case Tok::Reserved: {
            if (t.text == "this") {
                if (!ctx_.in_fn) {
                    error(ParseErrorKind::BadInput, "'this' can only be used in functions", t.pos);
                }
                return make_node(NodeKind::This, next().pos);
            }
            const Token& after = peek(1);
            if (reserved_info(t.text).callable &&
                (after.kind == Tok::LParen || after.kind == Tok::Unit || after.kind == Tok::Bang)) {
                const Token& id = next();
                return parse_identifier_expr(id);
            }
            unexpected(t);
        }
        default:
            unexpected(t);
    }
}

// name | name args | name '!' args | name '::' ... '::' (name | name args)
NodePtr Parser::parse_identifier_expr(const Token& id) {
    const Token& n = peek();
    if (n.kind == Tok::LParen || n.kind == Tok::Unit) return parse_call(id.text, id.pos, {}, false);
    if (n.kind == Tok::Bang && (peek(1).kind == Tok::LParen || peek(1).kind == Tok::Unit)) {
        next();
        return parse_call(id.text, id.pos, {}, true);
    }
    if (n.kind == Tok::DoubleColon) {
        std::vector<std::string> path{id.text};
        for (;;) {
            next();  // '::'
            const Token& part = next();
            if (part.kind != Tok::Identifier) {
                if (part.kind == Tok::Reserved && is_valid_identifier(part.text)) unexpected(part);
                error(ParseErrorKind::VariableExpected, "Expecting name of a variable", part.pos);
            }
            if (check(Tok::DoubleColon)) {
                path.push_back(part.text);
                continue;
            }
            if (check(Tok::LParen) || check(Tok::Unit)) {
                return parse_call(part.text, part.pos, std::move(path), false);
            }
            if (check(Tok::Bang)) {
                error(ParseErrorKind::BadInput, "'!' cannot be used to call module functions", peek().pos);
            }
            auto v = make_node(NodeKind::Namespaced, id.pos);
            v->names = std::move(path);
            v->text = part.text;
            return v;
        }
    }
    auto v = make_node(NodeKind::Variable, id.pos);
    v->text = id.text;
    return v;
}

// call ::= name ( '()' | '(' [expr {',' expr} [',']] ')' )
NodePtr Parser::parse_call(std::string name, Position pos, std::vector<std::string> ns, bool capture) {
    auto call = make_node(NodeKind::Call, pos);
    call->text = std::move(name);
    call->names = std::move(ns);
    call->flag = capture;
    if (!eat(Tok::Unit)) {
        next();  // '('
        parse_args(*call, call->text);
    }
    return call;
}

// Arguments after the opening `(`, through the closing `)`.
void Parser::parse_args(Node& call, const std::string& fn_name) {
    const std::string kClose =
        "Expecting ')' to close the arguments list of this function call '" + fn_name + "'";
    if (eat(Tok::RParen)) return;
    DepthGuard args(*this, peek().pos);
    for (;;) {
        if (check(Tok::Eof)) error(ParseErrorKind::MissingToken, kClose, peek().pos);
        call.kids.push_back(parse_expr());
        if (eat(Tok::RParen)) return;
        if (check(Tok::Eof)) error(ParseErrorKind::MissingToken, kClose, peek().pos);
        if (!eat(Tok::Comma)) {
            error(ParseErrorKind::MissingToken,
                  "Expecting ',' to separate the arguments to function call '" + fn_name + "'",
                  peek().pos);
        }
        if (eat(Tok::RParen)) return;  // trailing comma
    }
}

// Rhai's max_array_size / max_map_size for literals: "Size of array literal exceeds ...".
void Parser::check_literal_size(size_t count, size_t max, const char* what) {
    if (max != 0 && count >= max)
        error(ParseErrorKind::LiteralTooLarge,
              std::string(what) + " exceeds the maximum limit (" + std::to_string(max) + ")", peek().pos);
}

// array ::= '[' [expr {',' expr} [',']] ']'
NodePtr Parser::parse_array() {
    auto node = make_node(NodeKind::ArrayLit, next().pos);
    static const std::string kEnd = "Expecting ']' to end this array literal";
    for (;;) {
        // Rhai checks the count before looking for `]`, so a literal of exactly max_array_size
        // items is already too large (at its `]`).
        check_literal_size(node->kids.size(), opts_.max_array_size, "Size of array literal");
        if (eat(Tok::RBracket)) return node;
        if (check(Tok::Eof)) error(ParseErrorKind::MissingToken, kEnd, peek().pos);
        {
            DepthGuard item(*this, peek().pos);
            node->kids.push_back(parse_expr());
        }
        if (check(Tok::RBracket)) continue;
        if (check(Tok::Eof)) error(ParseErrorKind::MissingToken, kEnd, peek().pos);
        if (!eat(Tok::Comma)) {
            error(ParseErrorKind::MissingToken,
                  "Expecting ',' to separate the items of this array literal", peek().pos);
        }
    }
}

// map ::= '#{' [key ':' expr {',' key ':' expr} [',']] '}'      key ::= name | string
NodePtr Parser::parse_map() {
    auto node = make_node(NodeKind::MapLit, next().pos);
    static const std::string kEnd = "Expecting '}' to end this object map literal";
    for (;;) {
        if (eat(Tok::RBrace)) return node;
        const Token& key = next();
        if (key.kind == Tok::Eof) error(ParseErrorKind::MissingToken, kEnd, key.pos);
        if (key.kind != Tok::Identifier && key.kind != Tok::String) {
            if (key.kind == Tok::Reserved && is_valid_identifier(key.text)) unexpected(key);
            if (node->names.empty() && key.kind != Tok::InterpString) {
                error(ParseErrorKind::MissingToken, kEnd, key.pos);
            }
            error(ParseErrorKind::PropertyExpected, "Expecting name of a property", key.pos);
        }
        for (const auto& existing : node->names) {
            if (existing == key.text) {
                error(ParseErrorKind::DuplicatedProperty,
                      "Duplicated property for object map literal: " + key.text, key.pos);
            }
        }
        expect(Tok::Colon, "to follow the property '" + key.text + "' in this object map literal");
        check_literal_size(node->names.size(), opts_.max_map_size, "Number of properties in object map literal");
        node->names.push_back(key.text);
        {
            DepthGuard value(*this, peek().pos);
            node->kids.push_back(parse_expr());
        }
        if (eat(Tok::RBrace)) return node;
        if (check(Tok::Eof)) error(ParseErrorKind::MissingToken, kEnd, peek().pos);
        if (!eat(Tok::Comma)) {
            error(ParseErrorKind::MissingToken,
                  "Expecting ',' to separate the items of this object map literal", peek().pos);
        }
    }
}

// `text ${block} text ${block} text`: the lexer yields InterpString, '{' ... '}', then String
// (the tail) or another InterpString.
NodePtr Parser::parse_interpolated() {
    auto node = make_node(NodeKind::Interpolated, peek().pos);
    DepthGuard guard(*this, node->pos);
    for (;;) {
        const Token& piece = next();  // InterpString
        if (!piece.text.empty()) {
            auto s = make_node(NodeKind::StringLit, piece.pos);
            s->text = piece.text;
            node->kids.push_back(std::move(s));
        }
        NodePtr block = parse_block();
        if (block->kids.size() == 1 && block->flag) {
            node->kids.push_back(std::move(block->kids[0]));
        } else {
            node->kids.push_back(std::move(block));
        }
        const Token& t = peek();
        if (t.kind == Tok::String) {
            next();
            if (!t.text.empty()) {
                auto s = make_node(NodeKind::StringLit, t.pos);
                s->text = t.text;
                node->kids.push_back(std::move(s));
            }
            return node;
        }
        if (t.kind != Tok::InterpString) unexpected(t);
    }
}

// closure ::= '|' [name {',' name}] '|' body  |  '||' body
NodePtr Parser::parse_closure() {
    const Token& open = next();
    auto def = std::make_shared<FnDef>();
    def->name = "anon$" + std::to_string(anon_count_++);
    def->pos = open.pos;
    def->is_closure = true;
    if (open.kind == Tok::Pipe) def->params = parse_params(Tok::Pipe, "");
    def->body = parse_fn_body(def->params, true);
    auto node = make_node(NodeKind::Closure, open.pos);
    node->fn = std::move(def);
    return node;
}

// Literal receivers with literal indexes of the wrong type are rejected early, as in Rhai
// (`#{a: 1}[0]`, `[1, 2]["x"]`); anything involving a variable is checked at run time.
void Parser::check_index_types(const Node& lhs, const Node& idx) {
    const char* idx_type = nullptr;
    switch (idx.kind) {
        case NodeKind::IntLit: idx_type = "a number"; break;
        case NodeKind::StringLit: case NodeKind::Interpolated: idx_type = "a string"; break;
        case NodeKind::FloatLit: idx_type = "a float"; break;
        case NodeKind::CharLit: idx_type = "a character"; break;
        case NodeKind::Unit: idx_type = "()"; break;
        case NodeKind::And: case NodeKind::Or: case NodeKind::BoolLit: idx_type = "a boolean"; break;
        default: return;
    }
    std::string msg;
    if (lhs.kind == NodeKind::MapLit) {
        if (idx.kind == NodeKind::StringLit || idx.kind == NodeKind::Interpolated) return;
        msg = std::string("Object map expects string index, not ") + idx_type;
    } else if (lhs.kind == NodeKind::IntLit || lhs.kind == NodeKind::ArrayLit ||
               lhs.kind == NodeKind::StringLit || lhs.kind == NodeKind::Interpolated) {
        if (idx.kind == NodeKind::IntLit) return;
        msg = idx.kind == NodeKind::StringLit || idx.kind == NodeKind::Interpolated
                  ? "Array, string or bit-field expects numeric index, not a string"
                  : std::string("Array, string or bit-field expects integer index, not ") + idx_type;
    } else {
        return;
    }
    const Node* at = &idx;  // Rhai reports `a && b` at the start of `a`
    while ((at->kind == NodeKind::And || at->kind == NodeKind::Or) && !at->kids.empty())
        at = at->kids[0].get();
    error(ParseErrorKind::MalformedIndexExpr, msg, at->pos);
}

// A switch case value: a literal (number, string, char, bool, unit), an array/map of
// literals, or a range of literals.
NodePtr Parser::parse_case_pattern() {
    NodePtr first = parse_unary();
    NodePtr e = parse_binary_op(kCasePatternPrecedence, std::move(first));
    if (!is_constant_pattern(*e)) {
        error(ParseErrorKind::ExprExpected, "Expecting a literal expression", e->pos);
    }
    return e;
}

// Rhai's Expr::is_constant: literals, and arrays, maps and interpolated strings of them.
bool Parser::is_constant_literal(const Node& e) {
    switch (e.kind) {
        case NodeKind::Unit: case NodeKind::BoolLit: case NodeKind::IntLit:
        case NodeKind::FloatLit: case NodeKind::CharLit: case NodeKind::StringLit:
            return true;
        case NodeKind::ArrayLit: case NodeKind::MapLit: case NodeKind::Interpolated:
            for (const auto& k : e.kids)
                if (!is_constant_literal(*k)) return false;
            return true;
        default:
            return false;
    }
}

bool Parser::is_constant_pattern(const Node& e) {
    switch (e.kind) {
        case NodeKind::ArrayLit: case NodeKind::MapLit:
            for (const auto& k : e.kids)
                if (!is_constant_pattern(*k)) return false;
            return true;
        case NodeKind::Range:  // integer ranges only (Rhai's range cases are i64)
            return e.kids[0]->kind == NodeKind::IntLit &&
                   (e.kids[1]->kind == NodeKind::IntLit || e.kids[1]->kind == NodeKind::Unit);
        case NodeKind::Interpolated:
            return false;
        default:
            return is_constant_literal(e);
    }
}

}  // namespace rhai::syntax::detail
