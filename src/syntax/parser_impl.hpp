// Internal: the recursive-descent parser shared by parser_stmt.cpp and parser_expr.cpp.
//
// Recursion is bounded: every function that can nest (statements, expressions, prefix
// operators, right-associative chains) holds a DepthGuard, so pathological input such as
// 100,000 nested brackets ends in ParseError ExprTooDeep, never in a native stack overflow.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rhai/error.hpp"
#include "syntax/ast.hpp"
#include "syntax/parser.hpp"
#include "syntax/token.hpp"

namespace rhai::syntax::detail {

// Variables visible at the current point, for the parse-time `const` check (Rhai rejects
// `const C = 1; C = 2;` before running). Lookups are O(1) however many variables exist.
class ScopeTracker {
public:
    size_t mark() const { return order_.size(); }
    void declare(const std::string& name, bool constant) {
        order_.push_back(name);
        by_name_[name].push_back(constant);
    }
    void rewind(size_t mark) {
        while (order_.size() > mark) {
            auto it = by_name_.find(order_.back());
            it->second.pop_back();
            if (it->second.empty()) by_name_.erase(it);
            order_.pop_back();
        }
    }
    // Whether the innermost visible `name` is a constant; nullopt when it is not declared here.
    std::optional<bool> is_constant(const std::string& name) const {
        auto it = by_name_.find(name);
        if (it == by_name_.end()) return std::nullopt;
        return it->second.back();
    }

private:
    std::vector<std::string> order_;
    std::unordered_map<std::string, std::vector<bool>> by_name_;
};

class Parser {
public:
    Parser(std::vector<Token> tokens, const ParseOptions& opts);
    Script parse_script();

private:
    // ---- context of the code being parsed ----
    // Nesting levels are counted where Rhai counts them (ParseSettings::level_up), so the
    // limits (64 top level, 32 in functions) cut off at the same depth as in Rhai.
    struct Context {
        bool global = true;    // directly in the script's top-level statement list
        bool in_fn = false;    // inside a function or closure body (`this` allowed)
        int loops = 0;         // enclosing loops (break/continue allowed when > 0)
        uint32_t depth = 0;
        uint32_t max_depth = 64;
    };
    class DepthGuard {
    public:
        DepthGuard(Parser& p, Position pos);
        ~DepthGuard() {
            --p_.ctx_.depth;
            --p_.total_depth_;
        }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    private:
        Parser& p_;
    };

    std::vector<Token> toks_;
    size_t p_ = 0;
    const ParseOptions& opts_;
    Context ctx_;
    uint32_t total_depth_ = 0;  // across function bodies too: bounds the native recursion
    ScopeTracker scope_;
    Script script_;
    std::set<std::tuple<std::string, std::string, size_t>> fn_signatures_;
    int anon_count_ = 0;

    // ---- tokens ----
    const Token& peek(size_t ahead = 0);
    const Token& next();
    bool check(Tok k) { return peek().kind == k; }
    bool eat(Tok k);
    Position expect(Tok k, const std::string& why);
    [[noreturn]] void error(ParseErrorKind kind, std::string msg, Position pos);
    [[noreturn]] void unexpected(const Token& t);
    uint32_t limit(uint32_t configured) const;
    int custom_precedence(const Token& t) const;

    // ---- statements (parser_stmt.cpp) ----
    NodePtr parse_stmt();
    NodePtr parse_stmt_kind();  // the statement at the current token, without a level of its own
    NodePtr parse_block();
    void parse_statement_list(std::vector<NodePtr>& out, bool in_block);
    static bool is_self_terminated(const Node* stmt);
    NodePtr parse_let(bool constant, bool exported);
    NodePtr parse_if();
    NodePtr parse_switch();
    NodePtr parse_while();
    NodePtr parse_loop();
    NodePtr parse_do();
    NodePtr parse_for();
    NodePtr parse_try();
    NodePtr parse_import();
    NodePtr parse_export();
    NodePtr parse_flow(NodeKind kind);
    NodePtr parse_expr_stmt();
    NodePtr make_assignment(NodePtr target, const Token& op);
    void parse_fn_def();
    std::vector<std::string> parse_params(Tok close, const std::string& fn_name);
    NodePtr parse_fn_body(const std::vector<std::string>& params, bool closure);
    static bool produces_value(const Node& stmt);
    NodePtr parse_loop_body();
    // One more level held until release_levels(): operator and postfix chains build an AST
    // as deep as they are long, so they count like nesting.
    void hold_level(Position pos) {
        if (ctx_.depth >= ctx_.max_depth || total_depth_ >= kHardDepthLimit) {
            error(ParseErrorKind::ExprTooDeep, "Expression exceeds maximum complexity", pos);
        }
        ++ctx_.depth;
        ++total_depth_;
    }
    void release_levels(uint32_t n) {
        ctx_.depth -= n;
        total_depth_ -= n;
    }
    void declare(const std::string& name, bool constant) { scope_.declare(name, constant); }

    // ---- expressions (parser_expr.cpp) ----
    NodePtr parse_expr();
    NodePtr parse_binary_op(int parent_prec, NodePtr lhs);
    int operator_precedence(const Token& op, bool* custom);
    NodePtr combine_binary(const Token& op, bool custom, NodePtr lhs, NodePtr rhs);
    NodePtr parse_unary();
    NodePtr parse_primary();
    NodePtr parse_postfix(NodePtr lhs);
    NodePtr parse_identifier_expr(const Token& id);
    NodePtr parse_call(std::string name, Position pos, std::vector<std::string> ns, bool capture);
    void parse_args(Node& call, const std::string& fn_name);
    void check_literal_size(size_t count, size_t max, const char* what);
    NodePtr parse_array();
    NodePtr parse_map();
    NodePtr parse_interpolated();
    NodePtr parse_closure();
    NodePtr parse_condition();
    NodePtr parse_iterable();
    bool can_start_expression(const Token& t) const;
    void check_index_types(const Node& lhs, const Node& idx);
    NodePtr parse_case_pattern();
    void ensure_bool(const Node& e);
    static bool is_constant_literal(const Node& e);  // Rhai's Expr::is_constant
    static bool is_constant_pattern(const Node& e);  // literal, or a literal array/map/int range
};

NodePtr make_node(NodeKind kind, Position pos);

}  // namespace rhai::syntax::detail
