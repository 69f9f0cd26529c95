// Module resolvers: what `import "path" as m;` loads.
//
// The Engine holds one resolver (Engine::set_module_resolver). The default is a
// FileModuleResolver rooted at the current directory, as in Rhai. To forbid imports entirely,
// install a DummyModuleResolver (every import fails with ErrorModuleNotFound) — or call
// Engine::disable_imports(), which does that.
//
// Resolvers are called during evaluation, possibly from several threads at once: they must be
// thread-safe (the ones below are).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/error.hpp"
#include "rhai/module.hpp"
#include "rhai/position.hpp"

namespace rhai {

struct EngineCore;

class ModuleResolver {
public:
    virtual ~ModuleResolver() = default;
    // Loads the module `path` imported by the script `source` (its file name, "" if none).
    // Throws EvalError: ErrorModuleNotFound when there is no such module, ErrorInModule
    // wrapping the inner error when loading it fails.
    virtual std::shared_ptr<const Module> resolve(EngineCore& engine, std::string_view source,
                                                  std::string_view path, Position pos) = 0;
};

// The ErrorModuleNotFound every resolver raises ("Module not found: path").
EvalError module_not_found(std::string_view path, Position pos);

// Forbids imports: every path is "not found".
class DummyModuleResolver final : public ModuleResolver {
public:
    std::shared_ptr<const Module> resolve(EngineCore&, std::string_view, std::string_view path,
                                          Position pos) override {
        throw module_not_found(path, pos);
    }
};

// Modules registered under fixed paths.
class StaticModuleResolver final : public ModuleResolver {
public:
    StaticModuleResolver& insert(std::string path, std::shared_ptr<const Module> module) {
        modules_[std::move(path)] = std::move(module);
        return *this;
    }
    StaticModuleResolver& insert(std::string path, Module module) {
        return insert(std::move(path), std::make_shared<const Module>(std::move(module)));
    }
    bool contains_path(std::string_view path) const { return modules_.count(path) != 0; }
    std::shared_ptr<const Module> resolve(EngineCore&, std::string_view, std::string_view path,
                                          Position pos) override {
        auto it = modules_.find(path);
        if (it == modules_.end()) throw module_not_found(path, pos);
        return it->second;
    }

private:
    std::map<std::string, std::shared_ptr<const Module>, std::less<>> modules_;
};

// Tries each resolver in order; the first that does not answer "not found" wins.
class ModuleResolversCollection final : public ModuleResolver {
public:
    ModuleResolversCollection& push(std::shared_ptr<ModuleResolver> resolver) {
        resolvers_.push_back(std::move(resolver));
        return *this;
    }
    size_t len() const { return resolvers_.size(); }
    std::shared_ptr<const Module> resolve(EngineCore& engine, std::string_view source,
                                          std::string_view path, Position pos) override;

private:
    std::vector<std::shared_ptr<ModuleResolver>> resolvers_;
};

// Loads `<base>/<path>.<extension>` (extension "rhai" by default) and evaluates it once: the
// module is its exported variables (`export let x = ...;` / `export x as y;`) and its non-private
// functions. Relative paths are resolved against the base path; without a base path, against
// the importing script's directory (or the current directory). Modules are cached per file
// unless caching is turned off.
class FileModuleResolver final : public ModuleResolver {
public:
    FileModuleResolver() = default;
    explicit FileModuleResolver(std::filesystem::path base, std::string extension = "rhai")
        : base_(std::move(base)), extension_(std::move(extension)) {}

    const std::filesystem::path& base_path() const { return base_; }
    FileModuleResolver& set_base_path(std::filesystem::path base) {
        base_ = std::move(base);
        return *this;
    }
    const std::string& extension() const { return extension_; }
    FileModuleResolver& set_extension(std::string ext) {
        extension_ = std::move(ext);
        return *this;
    }
    FileModuleResolver& enable_cache(bool on) {
        cache_enabled_ = on;
        return *this;
    }
    void clear_cache() {
        std::lock_guard lock(mutex_);
        cache_.clear();
    }
    // The file `import path` from `source` refers to.
    std::filesystem::path file_path(std::string_view source, std::string_view path) const;

    std::shared_ptr<const Module> resolve(EngineCore& engine, std::string_view source,
                                          std::string_view path, Position pos) override;

private:
    std::filesystem::path base_;
    std::string extension_ = "rhai";
    bool cache_enabled_ = true;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const Module>> cache_;
};

}  // namespace rhai
