// Compile once, run many times: eval_ast with different scopes, and call_fn into the AST.
#include <rhai/rhai.hpp>

#include <chrono>
#include <iostream>

int main() {
    rhai::Engine engine;
    try {
        // Parsing and compiling happen once.
        rhai::AST ast = engine.compile(R"(
            const RATE = 0.2;
            fn tax(amount) { amount * global::RATE }
            fn total(amount, qty) { let net = amount * qty; net + tax(net) }
            price * quantity
        )");

        // Run the top-level statements with different inputs.
        auto start = std::chrono::steady_clock::now();
        double sum = 0;
        for (int i = 1; i <= 10000; ++i) {
            rhai::Scope scope;
            scope.push("price", 1.5).push("quantity", rhai::INT(i % 7));
            sum += engine.eval_ast_with_scope<double>(scope, ast);
        }
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
        std::cout << "10000 runs, sum=" << sum << ", " << us.count() / 10000.0 << " us/run\n";

        // Call a function defined in the script, with C++ arguments. As in Rhai, call_fn first
        // runs the AST's top-level statements (defining RATE), so their variables must exist.
        rhai::Scope scope;
        scope.push("price", 0.0).push("quantity", rhai::INT(0));
        double t = engine.call_fn<double>(scope, ast, "total", 10.0, rhai::INT(3));
        std::cout << "total(10.0, 3) = " << t << '\n';

        for (const auto& f : ast.functions()) std::cout << "defines " << f.name << "/" << f.arity << '\n';
    } catch (const rhai::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
