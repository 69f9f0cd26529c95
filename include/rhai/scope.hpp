// rhai::Scope: variables a host passes into evaluations and reads back afterwards.
//
// A Scope is an ordered stack of (name, value, constant) entries, like Rhai's. Lookups go from
// the newest entry to the oldest, so a later push shadows an earlier one with the same name.
// Variables a script declares at its top level with `let`/`const` are appended to the Scope
// passed to eval_with_scope/run_with_scope, so they survive into the next evaluation
// (`rewind(len)` drops them again).
//
// A Scope is a plain value: it is not thread-safe, and one Scope must not be used by two
// evaluations at the same time (several threads may each use their own Scope with one Engine).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"

namespace rhai {

namespace detail {
// Drops `cells` (Shared values removed from a Scope), first freeing the reference cycles among
// them that nothing else reaches (src/runtime/cycles.cpp).
void release_cells(std::vector<Dynamic>& cells) noexcept;
}  // namespace detail

class Scope {
public:
    struct Entry {
        std::string name;
        Dynamic value;
        bool constant = false;
    };
    using const_iterator = std::vector<Entry>::const_iterator;

    Scope() = default;
    Scope(const Scope&) = default;
    Scope(Scope&&) noexcept = default;
    Scope& operator=(const Scope&) = default;
    Scope& operator=(Scope&&) noexcept = default;
    // A script run with this Scope may have left closures in it that capture their own
    // variables (`let f = 0; f = || f.call();`): those cycles are freed with the entries.
    ~Scope() { drop_from(0); }

    // ---- adding ------------------------------------------------------------------------
    template <class T>
    Scope& push(std::string name, T value) {
        return push_dynamic(std::move(name), Dynamic::from(std::move(value)));
    }
    template <class T>
    Scope& push_constant(std::string name, T value) {
        return push_constant_dynamic(std::move(name), Dynamic::from(std::move(value)));
    }
    Scope& push_dynamic(std::string name, Dynamic value) {
        entries_.push_back(Entry{std::move(name), std::move(value), false});
        return *this;
    }
    Scope& push_constant_dynamic(std::string name, Dynamic value) {
        entries_.push_back(Entry{std::move(name), std::move(value), true});
        return *this;
    }

    // ---- size --------------------------------------------------------------------------
    size_t len() const { return entries_.size(); }
    size_t size() const { return entries_.size(); }
    bool is_empty() const { return entries_.empty(); }
    // Drops every entry pushed after the first `len` (no-op when already shorter).
    void rewind(size_t len) { drop_from(len); }
    void clear() { drop_from(0); }

    // ---- lookup ------------------------------------------------------------------------
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    // nullopt when there is no such variable.
    std::optional<bool> is_constant(std::string_view name) const {
        const Entry* e = find(name);
        if (!e) return std::nullopt;
        return e->constant;
    }
    // The value as a T; nullopt when missing or of another type. Values captured by closures
    // (shared cells) are read through.
    template <class T>
    std::optional<T> get_value(std::string_view name) const {
        const Entry* e = find(name);
        if (!e) return std::nullopt;
        return e->value.template try_cast<T>();
    }
    const Dynamic* get(std::string_view name) const {
        const Entry* e = find(name);
        return e ? &e->value : nullptr;
    }
    // Direct access to the stored value (constants included: the host may do what it likes).
    Dynamic* get_mut(std::string_view name) {
        Entry* e = find(name);
        return e ? &e->value : nullptr;
    }

    // ---- updating ----------------------------------------------------------------------
    // Updates the newest variable called `name`, or pushes a new one when there is none.
    // Throws EvalError(ErrorAssignmentToConstant) when that variable is a constant.
    template <class T>
    Scope& set_value(std::string_view name, T value) {
        return set_dynamic(name, Dynamic::from(std::move(value)));
    }
    Scope& set_dynamic(std::string_view name, Dynamic value) {
        Entry* e = find(name);
        if (!e) return push_dynamic(std::string(name), std::move(value));
        if (e->constant)
            throw EvalError(ErrorKind::ErrorAssignmentToConstant,
                            "Cannot modify constant " + std::string(name));
        // Writing through a shared cell keeps closures that captured it in sync.
        if (e->value.is_shared()) e->value.as_shared().value() = std::move(value);
        else e->value = std::move(value);
        return *this;
    }
    // Removes the newest variable called `name`; returns its value when it was a T.
    template <class T = Dynamic>
    std::optional<T> remove(std::string_view name) {
        for (size_t i = entries_.size(); i-- > 0;) {
            if (entries_[i].name != name) continue;
            std::optional<T> v = entries_[i].value.template try_cast<T>();
            entries_.erase(entries_.begin() + static_cast<ptrdiff_t>(i));
            return v;
        }
        return std::nullopt;
    }

    // ---- iteration (oldest first) ------------------------------------------------------
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }
    // Raw entries, for the engine (and hosts that need positional access).
    std::vector<Entry>& entries() { return entries_; }
    const std::vector<Entry>& entries() const { return entries_; }

private:
    const Entry* find(std::string_view name) const {
        for (size_t i = entries_.size(); i-- > 0;)
            if (entries_[i].name == name) return &entries_[i];
        return nullptr;
    }
    Entry* find(std::string_view name) {
        return const_cast<Entry*>(static_cast<const Scope*>(this)->find(name));
    }

    void drop_from(size_t len) noexcept {
        if (len >= entries_.size()) return;
        std::vector<Dynamic> cells;
        for (size_t i = len; i < entries_.size(); ++i)
            if (entries_[i].value.is_shared()) cells.push_back(entries_[i].value);
        entries_.erase(entries_.begin() + static_cast<ptrdiff_t>(len), entries_.end());
        if (!cells.empty()) detail::release_cells(cells);
    }

    std::vector<Entry> entries_;
};

}  // namespace rhai
