// rhai::AST: what a compiled script exposes to the host.
#include "rhai/ast.hpp"

#include "compiler/bytecode.hpp"

namespace rhai {

std::string AST::source() const { return program_ ? program_->source : std::string(); }

std::vector<AST::FnInfo> AST::functions() const {
    std::vector<FnInfo> out;
    if (!program_) return out;
    for (const auto& fn : program_->functions) {
        if (!fn || fn->is_anonymous) continue;
        out.push_back(FnInfo{fn->name, fn->arity, fn->is_private});
    }
    return out;
}

bool AST::has_function(const std::string& name, size_t arity) const {
    return program_ && program_->find(name, arity) != nullptr;
}

}  // namespace rhai
