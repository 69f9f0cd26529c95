// Scope round-trips: host variables in, script variables out, state kept between runs.
#include <rhai/rhai.hpp>

#include <iostream>

int main() {
    rhai::Engine engine;
    rhai::Scope scope;
    scope.push("counter", rhai::INT(0))
        .push("name", std::string("rhai"))
        .push_constant("MAX", rhai::INT(3));

    try {
        for (int round = 0; round < 5; ++round) {
            // Each run sees (and changes) the same variables.
            auto over = engine.eval_with_scope<bool>(scope, "counter += 1; counter > MAX");
            std::cout << "round " << round << ": counter=" << *scope.get_value<rhai::INT>("counter")
                      << (over ? " (over MAX)" : "") << '\n';
        }

        // Variables a script declares at top level are added to the scope...
        size_t mark = scope.len();
        engine.run_with_scope(scope, R"(let shout = name.to_upper() + "!"; let list = [1, 2, 3];)");
        std::cout << "shout=" << *scope.get_value<std::string>("shout")
                  << " list.len=" << scope.get_value<rhai::Array>("list")->size() << '\n';

        // ...and rewind() drops them again.
        scope.rewind(mark);
        std::cout << "after rewind, contains(shout)=" << scope.contains("shout") << '\n';

        // The host can change values between runs.
        scope.set_value("counter", rhai::INT(100));
        std::cout << "counter*2=" << engine.eval_with_scope<rhai::INT>(scope, "counter * 2") << '\n';

        for (const auto& entry : scope)
            std::cout << "  " << (entry.constant ? "const " : "let ") << entry.name << " = "
                      << entry.value.to_debug() << '\n';

        // Constants stay constant.
        engine.run_with_scope(scope, "MAX = 10;");
    } catch (const rhai::Error& e) {
        std::cout << "error (expected for MAX = 10): " << e.what() << '\n';
    }
    return 0;
}
