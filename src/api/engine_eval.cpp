// rhai::Engine: evaluation entry points (compile, eval, run, call_fn, modules from scripts).
#include <fstream>
#include <sstream>

#include "api/compiled_script.hpp"
#include "api/evaluate.hpp"
#include "rhai/engine.hpp"

namespace rhai {

namespace {

std::string read_script_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EvalError(ErrorKind::ErrorSystem, "Cannot open script file: " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

AST Engine::compile(std::string_view script) const { return AST(api::compile(*core_, script, "")); }

AST Engine::compile_file(const std::filesystem::path& path) const {
    return AST(api::compile(*core_, read_script_file(path), path.string()));
}

Dynamic Engine::eval_dynamic(Scope* scope, std::string_view script) const {
    if (scope) return api::eval_with_scope(*core_, script, *scope);
    auto compiled = api::compile(*core_, script, "");
    return api::run(*core_, compiled->program);
}

Dynamic Engine::eval_ast_dynamic(Scope* scope, const AST& ast) const {
    if (ast.is_empty()) return Dynamic();
    if (scope) return api::eval_ast_with_scope(*core_, *ast.compiled(), *scope);
    return api::run(*core_, ast.compiled()->program);
}

Dynamic Engine::call_fn_raw(Scope& scope, const AST& ast, std::string_view name,
                            std::vector<Dynamic> args, bool eval_ast, bool rewind_scope) const {
    if (ast.is_empty()) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        throw EvalError::function_not_found(call_signature(name, ptrs.data(), ptrs.size()));
    }
    return api::call(*core_, *ast.compiled(), scope, name, std::move(args), eval_ast, rewind_scope);
}

std::shared_ptr<Module> Engine::eval_ast_as_module(Scope& scope, const AST& ast) const {
    if (ast.is_empty()) return std::make_shared<Module>();
    return api::module_from_script(*core_, *ast.compiled(), scope);
}

}  // namespace rhai
