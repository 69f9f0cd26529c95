// rhai::AST: what a compiled script exposes to the host.
#include "rhai/ast.hpp"

#include "api/compiled_script.hpp"

namespace rhai {

std::shared_ptr<const Program> AST::program() const { return script_ ? script_->program : nullptr; }

std::string AST::source() const { return script_ ? script_->source_name : std::string(); }

std::vector<AST::FnInfo> AST::functions() const {
    std::vector<FnInfo> out;
    if (!script_) return out;
    for (const auto& fn : script_->program->functions) {
        if (!fn || fn->is_anonymous) continue;
        out.push_back(FnInfo{fn->name, fn->arity, fn->is_private});
    }
    return out;
}

bool AST::has_function(const std::string& name, size_t arity) const {
    return script_ && script_->program->find(name, arity) != nullptr;
}

}  // namespace rhai
