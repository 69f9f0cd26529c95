// Module resolvers: collection and file resolver (the static and dummy ones are inline).
#include "rhai/module_resolver.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "api/evaluate.hpp"

namespace rhai {

std::shared_ptr<const Module> ModuleResolversCollection::resolve(EngineCore& engine,
                                                                 std::string_view source,
                                                                 std::string_view path, Position pos) {
    for (const auto& resolver : resolvers_) {
        try {
            return resolver->resolve(engine, source, path, pos);
        } catch (const EvalError& e) {
            // Only "not found" moves on; a module that exists but fails to load is an error.
            if (e.kind() != ErrorKind::ErrorModuleNotFound) throw;
        }
    }
    throw module_not_found(path, pos);
}

std::filesystem::path FileModuleResolver::file_path(std::string_view source,
                                                    std::string_view path) const {
    std::filesystem::path file(std::string(path) + (extension_.empty() ? "" : "." + extension_));
    if (file.is_absolute()) return file.lexically_normal();
    if (!base_.empty()) return (base_ / file).lexically_normal();
    if (!source.empty()) return (std::filesystem::path(source).parent_path() / file).lexically_normal();
    return file.lexically_normal();
}

namespace {

// Files being loaded on this thread, innermost last: `a` importing `b` importing `a` would
// otherwise recurse until the native stack overflows.
thread_local std::vector<std::string> loading;

struct LoadingGuard {
    explicit LoadingGuard(std::string key) { loading.push_back(std::move(key)); }
    ~LoadingGuard() { loading.pop_back(); }
};

EvalError in_module(std::string_view path, const std::string& inner_text, Position pos) {
    // Rhai's Display of ErrorInModule: the inner error, then the module it happened in.
    EvalError e(ErrorKind::ErrorInModule,
                inner_text + (path.empty() ? "\nin module" : "\nin module '" + std::string(path) + "'"), pos);
    e.fields()["module"] = Dynamic(std::string(path));
    return e;
}

}  // namespace

std::shared_ptr<const Module> FileModuleResolver::resolve(EngineCore& engine,
                                                          std::string_view source,
                                                          std::string_view path, Position pos) {
    std::filesystem::path file = file_path(source, path);
    std::string key = file.string();
    if (cache_enabled_) {
        std::lock_guard lock(mutex_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw module_not_found(path, pos);
    std::stringstream text;
    text << in.rdbuf();

    if (std::find(loading.begin(), loading.end(), key) != loading.end())
        throw in_module(path, "cyclic import of '" + key + "'", pos);
    LoadingGuard guard(key);

    std::shared_ptr<const Module> module;
    try {
        module = api::module_from_source(engine, text.str(), key, std::string(path));
    } catch (const ParseError& e) {
        throw in_module(path, "Syntax error: " + std::string(e.what()), pos);
    } catch (const EvalError& e) {
        throw in_module(path, e.describe(), pos);
    }
    if (cache_enabled_) {
        std::lock_guard lock(mutex_);
        cache_.emplace(key, module);
    }
    return module;
}

}  // namespace rhai
