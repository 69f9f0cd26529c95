// Modules built in C++, global/static registration, import through resolvers, export.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_types.hpp"

using namespace rhai;

namespace {

std::shared_ptr<Module> make_math_module() {
    auto sub = std::make_shared<Module>("math::consts");
    sub->set_var("E", 2.718);
    sub->set_native_fn("half", [](INT x) { return x / 2; });
    auto m = std::make_shared<Module>("math");
    m->set_native_fn("add", [](INT a, INT b) { return a + b; })
        .set_native_fn("add", [](INT a, INT b, INT c) { return a + b + c; })
        .set_var("ANSWER", INT(42))
        .set_sub_module("consts", sub);
    return m;
}

// A fresh directory with the given files.
std::filesystem::path write_files(const std::string& name,
                                  std::vector<std::pair<std::string, std::string>> files) {
    auto dir = std::filesystem::temp_directory_path() / ("rhai_api_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (auto& [file, text] : files) {
        std::filesystem::create_directories((dir / file).parent_path());
        std::ofstream(dir / file) << text;
    }
    return dir;
}

}  // namespace

TEST(Modules, BuildInCpp) {
    auto m = make_math_module();
    EXPECT_TRUE(m->contains_fn("add", 2));
    EXPECT_TRUE(m->contains_fn("add", 3));
    EXPECT_FALSE(m->contains_fn("add", 1));
    EXPECT_EQ(m->get_var_value<INT>("ANSWER"), 42);
    EXPECT_TRUE(m->get_var("ANSWER")->is_read_only());
    ASSERT_TRUE(m->get_sub_module("consts"));
    EXPECT_EQ(m->get_sub_module("consts")->id(), "math::consts");
    EXPECT_EQ(m->native_functions().size(), 2u);
}

TEST(Modules, GlobalModuleFunctionsNeedNoPrefix) {
    Engine engine;
    engine.register_global_module(make_math_module());
    EXPECT_EQ(engine.eval<INT>("add(1, 2) + add(1, 2, 3)"), 9);
}

TEST(Modules, StaticModuleFunctions) {
    Engine engine;
    engine.register_static_module("math", make_math_module());
    EXPECT_EQ(engine.eval<INT>("math::add(1, 2)"), 3);
    EXPECT_EQ(engine.eval<INT>("math::add(1, 2, 3)"), 6);
    EXPECT_EQ(engine.eval<INT>("math::consts::half(10)"), 5);
    // Not callable without the prefix.
    EXPECT_THROW(engine.eval("add(1, 2)"), EvalError);
}

TEST(Modules, StaticModuleVariables) {
    Engine engine;
    engine.register_static_module("math", make_math_module());
    EXPECT_EQ(engine.eval<INT>("math::ANSWER"), 42);
    EXPECT_DOUBLE_EQ(engine.eval<double>("math::consts::E"), 2.718);
    // Module constants are read-only.
    EXPECT_THROW(engine.run("math::ANSWER = 1;"), Error);
}

TEST(Modules, ImportFromStaticResolver) {
    Engine engine;
    auto resolver = std::make_shared<StaticModuleResolver>();
    resolver->insert("tools/math", make_math_module());
    engine.set_module_resolver(resolver);
    EXPECT_EQ(engine.eval<INT>(R"(import "tools/math" as m; m::add(m::ANSWER, 1))"), 43);
    try {
        engine.run(R"(import "nope" as m;)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorModuleNotFound);
        EXPECT_NE(e.message().find("nope"), std::string::npos);
    }
}

TEST(Modules, FileResolverExportsAndFunctions) {
    auto dir = write_files("file_resolver", {
        {"util.rhai", "export const FACTOR = 3;\nlet hidden = 1;\nfn triple(x) { x * 3 }\n"
                      "private fn secret() { 0 }\n"},
        {"lib/greet.rhai", "fn hello(name) { `hello, ${name}` }\n"},
        {"broken.rhai", "fn oops( {"},
    });
    Engine engine;
    engine.set_module_resolver(std::make_shared<FileModuleResolver>(dir));
    EXPECT_EQ(engine.eval<INT>(R"(import "util" as u; u::triple(u::FACTOR))"), 9);
    EXPECT_EQ(engine.eval<std::string>(R"(import "lib/greet" as g; g::hello("ann"))"), "hello, ann");
    EXPECT_THROW(engine.eval(R"(import "util" as u; u::hidden)"), EvalError);
    EXPECT_THROW(engine.eval(R"(import "util" as u; u::secret())"), EvalError);
    try {
        engine.run(R"(import "broken" as b;)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorInModule) << e.what();
    }
    try {
        engine.run(R"(import "missing" as m;)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorModuleNotFound);
    }
    FileModuleResolver r(dir);
    EXPECT_EQ(r.file_path("", "lib/greet"), dir / "lib" / "greet.rhai");
}

TEST(Modules, ResolversCollectionTriesInOrder) {
    auto dir = write_files("collection", {{"disk.rhai", "export const WHERE = \"disk\";"}});
    auto statics = std::make_shared<StaticModuleResolver>();
    auto mem = std::make_shared<Module>();
    mem->set_var("WHERE", std::string("memory"));
    statics->insert("mem", mem);
    auto collection = std::make_shared<ModuleResolversCollection>();
    collection->push(statics).push(std::make_shared<FileModuleResolver>(dir));
    Engine engine;
    engine.set_module_resolver(collection);
    EXPECT_EQ(engine.eval<std::string>(R"(import "mem" as m; m::WHERE)"), "memory");
    EXPECT_EQ(engine.eval<std::string>(R"(import "disk" as m; m::WHERE)"), "disk");
    EXPECT_THROW(engine.run(R"(import "neither" as m;)"), EvalError);
}

TEST(Modules, ImportsCanBeForbidden) {
    auto dir = write_files("forbidden", {{"x.rhai", "export const X = 1;"}});
    Engine engine;
    engine.set_module_resolver(std::make_shared<FileModuleResolver>(dir));
    EXPECT_EQ(engine.eval<INT>(R"(import "x" as x; x::X)"), 1);
    engine.disable_imports();
    try {
        engine.run(R"(import "x" as x;)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorModuleNotFound);
    }
    // Or reject `import` at compile time.
    Engine strict;
    strict.disable_symbol("import");
    EXPECT_THROW(strict.compile(R"(import "x" as x;)"), ParseError);
}

TEST(Modules, EvalAstAsModule) {
    Engine engine;
    AST ast = engine.compile("export let counter = 10; export const NAME = \"m\"; let local = 1;\n"
                             "let renamed = 5; export renamed as five;\n"
                             "fn plus(x) { x + 1 } private fn hidden() { 0 }");
    Scope scope;
    std::shared_ptr<Module> m = engine.eval_ast_as_module(scope, ast);
    EXPECT_EQ(m->get_var_value<INT>("counter"), 10);
    EXPECT_EQ(m->get_var_value<std::string>("NAME"), "m");
    EXPECT_EQ(m->get_var_value<INT>("five"), 5);
    EXPECT_FALSE(m->contains_var("local"));
    EXPECT_FALSE(m->contains_var("renamed"));
    EXPECT_TRUE(m->contains_fn("plus", 1));
    EXPECT_FALSE(m->contains_fn("hidden", 0));
    EXPECT_TRUE(scope.is_empty()) << "the module's variables do not stay in the scope";
    // Its script functions are callable through the module.
    engine.register_static_module("made", m);
    EXPECT_EQ(engine.eval<INT>("made::plus(41)"), 42);
}

TEST(Modules, RegisteredByValueWithoutASharedPtr) {
    Module sub;
    sub.set_var("E", 2.718);
    Module m("tools");
    m.set_native_fn("twice", [](INT x) { return 2 * x; }).set_sub_module("consts", std::move(sub));
    Module global;
    global.set_native_fn("triple", [](INT x) { return 3 * x; });
    Module imported;
    imported.set_var("X", INT(5));
    auto resolver = std::make_shared<StaticModuleResolver>();
    resolver->insert("lib", std::move(imported));
    Engine engine;
    engine.register_static_module("tools", std::move(m))
        .register_global_module(std::move(global))
        .set_module_resolver(resolver);
    EXPECT_EQ(engine.eval<INT>("tools::twice(4) + triple(1)"), 11);
    EXPECT_EQ(engine.eval<double>("tools::consts::E"), 2.718);
    EXPECT_EQ(engine.eval<INT>(R"(import "lib" as l; l::X)"), 5);
}
