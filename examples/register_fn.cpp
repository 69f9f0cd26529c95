// Typed registration: free functions, capturing lambdas, member functions, overloads, and
// host errors that scripts can catch.
#include <rhai/rhai.hpp>

#include <cmath>
#include <iostream>

namespace {
rhai::INT add(rhai::INT a, rhai::INT b) { return a + b; }
}  // namespace

int main() {
    rhai::Engine engine;

    // A free function: parameter and return types are deduced.
    engine.register_fn("add", add);

    // A capturing lambda (it may be called from several threads: keep captures thread-safe).
    const std::string greeting = "Hello";
    engine.register_fn("greet", [greeting](const std::string& who) { return greeting + ", " + who + "!"; });

    // Overloads by arity and by type.
    engine.register_fn("describe", [](rhai::INT x) { return "an integer: " + std::to_string(x); });
    engine.register_fn("describe", [](const std::string& s) { return "a string: " + s; });
    engine.register_fn("describe", [](rhai::INT x, rhai::INT y) { return "a pair: " + std::to_string(x + y); });

    // A `T&` first parameter makes a method that changes its receiver in place.
    engine.register_fn("double_all", [](rhai::Array& items) {
        for (auto& v : items)
            if (v.is<rhai::INT>()) v = rhai::Dynamic(v.cast<rhai::INT>() * 2);
    });

    // Failing: return rhai::Result<T> with an error (or throw rhai::EvalError).
    engine.register_fn("checked_sqrt", [](double x) -> rhai::Result<double> {
        if (x < 0) return rhai::EvalError::runtime(rhai::Dynamic("negative input"));
        return std::sqrt(x);
    });

    engine.on_print([](std::string_view line) { std::cout << "script: " << line << '\n'; });

    try {
        std::cout << "add(40, 2) = " << engine.eval<rhai::INT>("add(40, 2)") << '\n';
        engine.run(R"(
            print(greet("world"));
            print(describe(7));
            print(describe("seven"));
            print(describe(3, 4));
            let a = [1, 2, 3];
            a.double_all();
            print(a);
            try {
                checked_sqrt(-1.0);
            } catch (err) {
                print(`caught: ${err}`);
            }
        )");
        // An uncaught host error reaches C++ as rhai::EvalError.
        engine.eval<double>("checked_sqrt(-4.0)");
    } catch (const rhai::EvalError& e) {
        std::cout << "EvalError " << rhai::error_kind_name(e.kind()) << ": " << e.what() << '\n';
    } catch (const rhai::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
