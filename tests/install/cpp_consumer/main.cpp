// Embeds rhai-cpp through the installed headers and librhai_cpp.a only.
#include <rhai/rhai.hpp>

#include <iostream>

int main() {
    rhai::Engine engine;
    engine.register_fn("add", [](rhai::INT a, rhai::INT b) { return a + b; });
    rhai::Module tools;
    tools.set_native_fn("twice", [](rhai::INT x) { return 2 * x; });
    engine.register_static_module("tools", std::move(tools));
    rhai::Scope scope;
    scope.push("base", rhai::INT(30));
    auto value = engine.eval_with_scope<rhai::INT>(scope, "add(base, tools::twice(6))");
    std::cout << "cpp: " << value << " (rhai " << RHAI_VERSION << ")\n";
    std::string text = "fn f() { throw \"boom\" }\nf()";
    try {
        engine.run(text);
    } catch (const rhai::EvalError& e) {
        std::cout << rhai::format_error(e, text);
    }
    return value == 42 ? 0 : 1;
}
