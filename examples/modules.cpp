// Modules: a C++ module registered statically (`geo::area(...)`), and `import` through module
// resolvers (a static one for in-memory modules, a file one for scripts on disk).
#include <rhai/rhai.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

int main() {
    rhai::Engine engine;
    engine.on_print([](std::string_view line) { std::cout << "script: " << line << '\n'; });

    // A module built in C++: functions, constants and a sub-module.
    auto units = std::make_shared<rhai::Module>();
    units->set_native_fn("cm", [](double m) { return m * 100.0; });
    auto geo = std::make_shared<rhai::Module>("geo");
    geo->set_native_fn("area", [](double w, double h) { return w * h; })
        .set_var("PI", 3.14159)
        .set_sub_module("units", units);

    // `geo::area(...)`, `geo::units::cm(...)` without any import.
    engine.register_static_module("geo", geo);

    // Script modules on disk, loaded by `import "name" as alias;` (base path + ".rhai").
    auto dir = std::filesystem::temp_directory_path() / "rhai_example_modules";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "shapes.rhai") << "export const SIDES = 4;\n"
                                          "fn square(x) { x * x }\n"
                                          "private fn helper() { 0 }\n";

    auto in_memory = std::make_shared<rhai::StaticModuleResolver>();
    in_memory->insert("geo", geo);
    auto resolvers = std::make_shared<rhai::ModuleResolversCollection>();
    resolvers->push(in_memory).push(std::make_shared<rhai::FileModuleResolver>(dir));
    engine.set_module_resolver(resolvers);

    try {
        engine.run(R"(
            print(`area = ${geo::area(2.0, 3.0)}`);
            print(`2 m = ${geo::units::cm(2.0)} cm`);
        )");
        engine.run(R"(
            import "shapes" as shapes;
            print(`square(5) = ${shapes::square(5)}, sides = ${shapes::SIDES}`);
        )");
    } catch (const rhai::Error& e) {
        std::cout << "error: " << e.what() << '\n';
    }

    // Forbidding imports: every `import` fails with ErrorModuleNotFound.
    engine.disable_imports();
    try {
        engine.run(R"(import "shapes" as s;)");
    } catch (const rhai::EvalError& e) {
        std::cout << "imports disabled: " << rhai::error_kind_name(e.kind()) << '\n';
    }
    return 0;
}
