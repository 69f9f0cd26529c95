// The README's C++ example: register a function, keep variables in a Scope, show an error.
#include <rhai/rhai.hpp>

#include <iostream>

int main() {
    rhai::Engine engine;
    engine.register_fn("greet", [](const std::string& who) { return "hello, " + who; });

    rhai::Scope scope;
    scope.push("visits", rhai::INT(41));
    std::string text = "visits += 1; greet(\"world\") + \" #\" + visits";
    std::cout << engine.eval_with_scope<std::string>(scope, text) << '\n';  // hello, world #42
    std::cout << *scope.get_value<rhai::INT>("visits") << std::endl;         // 42

    std::string bad = "fn half(x) { x / 2 }\nhalf(\"ten\")";
    try {
        engine.run(bad);
    } catch (const rhai::EvalError& e) {
        std::cerr << rhai::format_error(e, bad);  // the line, a caret, the call chain
    }
}
