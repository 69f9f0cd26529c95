// How a rhai::Scope reaches a running script.
//
// The compiler resolves variables to frame slots, so Scope variables are bound at compile time:
// the parsed script is rewritten before compilation —
//
//   * a prologue declares every Scope variable as a top-level variable whose value is the
//     Scope entry's *Shared cell* (`let x = $scope$cell(0);`): the VM reads and writes locals
//     through Shared cells (that is how closures capture), so every write the script makes is
//     already in the Scope — even when the script fails or returns early. Scope constants
//     become top-level constants (`const K = $scope$const(1);`).
//   * each top-level `let`/`const` of the script initialises its variable through
//     `$scope$new("name", init)` / `$scope$new_const(...)`, which appends the variable to the
//     Scope (Rhai's eval_with_scope semantics) and hands back its cell.
//
// call_fn does not rewrite anything more: the VM task runs the top-level statements, then
// enters the function directly on the same machine (vm::Task::then_call).
//
// The `$...` natives find the Scope through the RunBinding the VM task carries
// (vm::Task::set_host -> NativeCallContext::host_binding), so it stays attached to the run
// across suspensions and threads; names with `$` cannot be written in Rhai source, so
// scripts cannot reach them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/scope.hpp"
#include "runtime/engine_core.hpp"
#include "syntax/ast.hpp"

namespace rhai::api {

// The host data one evaluation exposes to the `$` natives.
struct RunBinding {
    Scope* scope = nullptr;
};

// Registers the `$scope$...` / `$call$arg` natives (every Engine, raw ones included).
void register_scope_natives(EngineCore& core);

// A key identifying a Scope's shape: its names and which are constants, in order.
std::string scope_shape(const Scope& scope);

// Prepends the prologue for `scope` and routes top-level `let`/`const` into the Scope.
void bind_scope(syntax::Script& script, const Scope& scope);

// (variable, export name) pairs of `export let` / `export const` / `export x as y` at top level.
std::vector<std::pair<std::string, std::string>> script_exports(const syntax::Script& script);

}  // namespace rhai::api
