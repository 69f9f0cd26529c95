'use strict';
// RhaiError: every failure of a script or of the engine, with the C ABI's error fields
// ({kind, error, message, line, column, call_stack, value}, docs/c-abi.md).

class RhaiError extends Error {
  constructor(message, { kind = 'runtime', error = 'ErrorRuntime', line = 0, column = 0, callStack = [], value, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind; // parse | runtime | timeout | cancelled | input | internal
    this.error = error; // Rhai's error name, e.g. ErrorFunctionNotFound
    this.line = line; // 1-based; 0 when unknown
    this.column = column;
    this.callStack = callStack; // [{function, line, column}], innermost first
    if (value !== undefined) this.value = value; // what the script threw with `throw`
  }

  get name() {
    // An evaluation cancelled through an AbortSignal is also what Node calls an AbortError.
    return this.kind === 'cancelled' ? 'AbortError' : 'RhaiError';
  }
}

// The RhaiError for an error object of the C ABI. `decodeValue` turns the thrown value's JSON
// (already parsed) into JavaScript.
function fromAbi(e, extra = {}) {
  // The library's messages usually end with "(line L, position C)" already.
  const where = e.line && !e.message.includes(`(line ${e.line},`) ? ` (line ${e.line}, position ${e.column})` : '';
  const message = `${e.message}${where}`;
  return new RhaiError(message, {
    kind: e.kind,
    error: e.error,
    line: e.line || 0,
    column: e.column || 0,
    callStack: (e.call_stack || []).map((f) => ({ function: f.function, line: f.line, column: f.column })),
    value: e.value,
    ...extra,
  });
}

module.exports = { RhaiError, fromAbi };
