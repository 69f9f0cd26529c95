// Bytecode listings: `rhai-run --dump` and the compiler's unit tests read these.
#include <cstdio>

#include "compiler/compiler.hpp"

namespace rhai {
namespace bc {

const char* op_name(Op op) {
    static const char* names[] = {
#define OP(name, operands, effect, meaning) #name,
#include "compiler/opcodes.def"
#undef OP
    };
    return names[size_t(op)];
}

const char* binop_name(BinOp op) {
    static const char* names[] = {"+", "-", "*", "/", "%", "**", "<<", ">>", "&", "|", "^",
                                  "==", "!=", "<", "<=", ">", ">="};
    return names[size_t(op)];
}

const char* unop_name(UnOp op) {
    static const char* names[] = {"-", "+", "!"};
    return names[size_t(op)];
}

}  // namespace bc

namespace compiler {

using bc::Op;

namespace {

std::string constant_text(const Dynamic& v) {
    if (v.is_string()) return v.to_debug();
    if (v.is_array() || v.is_map() || v.is_range()) return v.to_debug();
    return v.to_debug();
}

// GCC 12 reports -Wrestrict on `" " + std::string` once basic_string::insert is inlined (a
// known false positive, GCC bug 105329); these two functions are nothing but such concatenations.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
std::string place_text(const ScriptFunction& fn, uint32_t index) {
    const bc::Place& p = fn.places[index];
    std::string s = p.root == bc::Place::Root::This  ? "this"
                    : p.root == bc::Place::Root::Dyn ? p.root_name
                                                     : "$" + std::to_string(p.slot);
    for (auto& st : p.steps) s += st.is_index ? "[_]" : "." + st.name;
    if (p.constant) s += " (const)";
    return s;
}

std::string operands(const ScriptFunction& fn, const bc::Instr& in) {
    auto site = [&](uint32_t i) { return std::string(" ") + fn.sites[i].name; };
    switch (in.op) {
        case Op::PUSH_INT: return " " + std::to_string(int32_t(in.c));
        case Op::PUSH_CONST: return " " + constant_text(fn.constants[in.c]);
        case Op::LOAD_LOCAL: case Op::STORE_LOCAL: case Op::DEFINE_LOCAL: case Op::CLEAR_LOCAL:
        case Op::LOAD_CELL: case Op::IS_SHARED:
            return " $" + std::to_string(in.b);
        case Op::LOAD_GLOBAL:
            if (in.a) return " module " + fn.constants[in.c].to_display();
            return " global#" + std::to_string(in.c) + " " + fn.program->globals[in.c];
        case Op::DEFINE_GLOBAL:
            return " global#" + std::to_string(in.c) + " " + fn.program->globals[in.c];
        case Op::LOAD_DYN: case Op::STORE_DYN: case Op::DEFINE_DYN:
            return " " + fn.constants[in.c].to_display();
        case Op::BINARY: return std::string(" ") + bc::binop_name(bc::BinOp(in.a));
        case Op::BINARY_INT:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + " " + std::to_string(int32_t(in.c));
        case Op::BINARY_LOCAL:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + " $" + std::to_string(in.c);
        case Op::BINARY_LOCALS:
            return " $" + std::to_string(in.b) + " " + bc::binop_name(bc::BinOp(in.a)) + " $" +
                   std::to_string(in.c & 0xFFFF);
        case Op::INDEX_LOCAL: return " $" + std::to_string(in.b) + "[_]";
        case Op::INDEX_LOCALS: return " $" + std::to_string(in.b) + "[$" + std::to_string(in.c & 0xFFFF) + "]";
        case Op::CMP_LOCAL_JUMP:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + " $" + std::to_string(in.b) + " -> " +
                   std::to_string(in.c);
        case Op::UNARY: return std::string(" ") + bc::unop_name(bc::UnOp(in.a));
        case Op::ADD_LOCAL_INT:
            return " $" + std::to_string(in.b) + (bc::BinOp(in.a) == bc::BinOp::Sub ? " -= " : " += ") +
                   std::to_string(int32_t(in.c));
        case Op::OP_ASSIGN_LOCAL:
            return " $" + std::to_string(in.b) + " " + bc::binop_name(bc::BinOp(in.a)) + "=";
        case Op::OP_ASSIGN_LOCALS:
            return " $" + std::to_string(in.b) + " " + bc::binop_name(bc::BinOp(in.a)) + "= $" +
                   std::to_string(in.c & 0xFFFF);
        case Op::CONCAT: case Op::MAKE_ARRAY: return " " + std::to_string(in.c);
        case Op::MAKE_MAP: return " " + constant_text(fn.constants[in.c]);
        case Op::MAKE_RANGE: return in.a ? " inclusive" : "";
        case Op::GET_INDEX: return in.a ? " safe" : "";
        case Op::GET_PROP: return " " + fn.constants[in.c].to_display() + (in.a ? " safe" : "");
        case Op::SET_PLACE: return " " + place_text(fn, in.b);
        case Op::UPDATE_PLACE:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + "= " + place_text(fn, in.b);
        case Op::JUMP: case Op::LOOP: case Op::JUMP_IF_FALSE: case Op::JUMP_IF_TRUE:
        case Op::AND_JUMP: case Op::OR_JUMP: case Op::COALESCE_JUMP: case Op::UNIT_JUMP:
        case Op::TRY_BEGIN:
            return " -> " + std::to_string(in.c);
        case Op::CMP_JUMP:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + " -> " + std::to_string(in.c);
        case Op::CMP_INT_JUMP:
            return std::string(" ") + bc::binop_name(bc::BinOp(in.a)) + " " + std::to_string(int16_t(in.b)) +
                   " -> " + std::to_string(in.c);
        case Op::CMP_LOCALS_JUMP:
            return " $" + std::to_string(in.b) + " " + bc::binop_name(bc::BinOp(in.a)) + " (next) -> " +
                   std::to_string(in.c);
        case Op::NOP: return in.b || in.c ? " $" + std::to_string(in.b) + " site " + std::to_string(in.c) : "";
        case Op::CMP_LOCAL_INT_JUMP:
            return " $" + std::to_string(in.b) + " " + bc::binop_name(bc::BinOp(int(bc::BinOp::Eq) + (in.a & 7))) +
                   " " + std::to_string(int8_t(in.a) >> 3) + " -> " + std::to_string(in.c);
        case Op::CALL_SCRIPT:
            return site(in.b) + "/" + std::to_string(in.a) + " fn#" + std::to_string(in.c);
        case Op::CALL: case Op::CALL_METHOD: return site(in.b) + "/" + std::to_string(in.a);
        case Op::CALL_PLACE:
            return site(in.b) + "/" + std::to_string(in.a) + " on " + place_text(fn, fn.sites[in.b].place);
        case Op::INTRINSIC: return site(in.b) + "/" + std::to_string(in.a);
        case Op::MAKE_CLOSURE:
            return " fn#" + std::to_string(in.c) + " captures " + std::to_string(in.a);
        case Op::FOR_PREP: case Op::FOR_NEXT: case Op::FOR_LOOP:
            return " $" + std::to_string(in.b) + " -> " + std::to_string(in.c);
        case Op::FOR_INDEX: return " $" + std::to_string(in.b);
        case Op::MATCH_JUMP: return " " + constant_text(fn.constants[in.b]) + " -> " + std::to_string(in.c);
        default: return "";
    }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

std::string disassemble(const ScriptFunction& fn) {
    std::string out = "fn " + (fn.name.empty() ? std::string("<main>") : fn.name) + "/" +
                      std::to_string(fn.arity);
    if (fn.num_captures) out += " captures " + std::to_string(fn.num_captures);
    out += " locals " + std::to_string(fn.num_locals) + "\n";
    for (size_t i = 0; i < fn.code.size(); ++i) {
        char num[32];
        std::snprintf(num, sizeof num, "%4zu ", i);
        out += num;
        out += bc::op_name(fn.code[i].op);
        out += operands(fn, fn.code[i]);
        out += "\n";
    }
    return out;
}

std::string disassemble(const Program& program) {
    std::string out = disassemble(*program.main);
    for (auto& f : program.functions) out += disassemble(*f);
    return out;
}

}  // namespace compiler
}  // namespace rhai
