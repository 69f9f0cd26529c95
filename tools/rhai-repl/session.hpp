// One rhai-repl session: an Engine and a Scope that live across entries, and the script
// functions defined so far.
//
// Each entry is compiled on its own, followed by the definitions of earlier entries' functions
// (minus those it redefines), so a function stays callable in later entries and a new
// definition with the same name and arity replaces the old one. Variables survive through the
// Scope (top-level `let`s of an entry are added to it).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rhai/engine.hpp"
#include "rhai/scope.hpp"

namespace rhai_repl {

class Session {
public:
    explicit Session(bool color);

    // Whether `text` is a statement that has not ended yet (more lines should follow): the
    // parser stopped at the end of the input, or inside an open back-tick string.
    bool is_incomplete(std::string_view text) const;

    // Runs one entry; prints its value (when not unit) to stdout and errors to stderr.
    // `name` is what errors call it ("" for typed entries, the path for a loaded file);
    // `print_value` is false for loaded files. False when it failed (its functions are kept
    // when it compiled).
    bool eval(const std::string& text, const std::string& name = "", bool print_value = true);

    // `:ast` / `:dump` on `text`, or on the last entry when it is empty.
    void print_ast(const std::string& text);
    void print_bytecode(const std::string& text);
    void print_scope() const;
    void print_functions() const;

private:
    struct FnText {
        std::string key;   // "type.name/arity"
        std::string text;  // the definition as written
    };
    // The top-level function definitions of `text`, as written.
    static std::vector<FnText> function_texts(std::string_view text);
    std::string with_earlier_functions(const std::string& text) const;
    void report(const std::exception& e, const std::string& text, const std::string& name) const;

    rhai::Engine engine_;
    rhai::Scope scope_;
    std::vector<FnText> functions_;  // in definition order
    std::string last_entry_;
    bool color_;
};

}  // namespace rhai_repl
