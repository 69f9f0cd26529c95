'use strict';
// Host functions: a script's call arrives as JSON arguments and is answered with an envelope
// (docs/c-abi.md). A plain result answers "success" at once; a Promise answers "pending"
// with a future id, and its settlement completes the call later (the script resumes inside
// rhai_complete_future, on the main thread). Abandoned calls (the script was cancelled or
// timed out) abort the AbortSignal their function was given.
const { encode } = require('./encode');
const { decode } = require('./decode');
const { ERR_UNKNOWN_FUTURE, ERR_TOO_LATE, OK, lastError } = require('./native');

function errorEnvelope(message) {
  return `{"status":"error","error":${JSON.stringify(message)}}`;
}

// What a thrown value or a rejection reason says to the script.
function messageOf(e) {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' ? e : String(e);
}

function isThenable(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';
}

function isAsyncFunction(fn) {
  const kind = fn.constructor && fn.constructor.name;
  return kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction';
}

const ABORT_MESSAGES = {
  cancelled: ['the script was cancelled', 'AbortError'],
  timeout: ['the call timed out', 'TimeoutError'],
  deadline: ["the script's deadline passed", 'TimeoutError'],
  engine_freed: ['the engine was closed', 'AbortError'],
};

// `this` of a host function: its name and an AbortSignal aborted when the call is abandoned.
class HostCall {
  constructor(name) {
    this.name = name;
    this.controller = null;
  }

  get signal() {
    if (!this.controller) this.controller = new AbortController();
    return this.controller.signal;
  }

  abort(reason) {
    const [message, name] = ABORT_MESSAGES[reason] || [reason, 'AbortError'];
    if (this.controller) this.controller.abort(new DOMException(`${this.name}: ${message}`, name));
  }
}

class HostFunction {
  // `engine` is the engine's internal state (lib/engine_state.js).
  constructor(engine, name, fn, { signal = false } = {}) {
    this.engine = engine;
    this.name = name;
    this.fn = fn;
    this.passSignal = signal;
    this.isAsync = isAsyncFunction(fn);
  }

  // The envelope for one call (`argsJson` is the JSON array of arguments).
  call(argsJson) {
    const engine = this.engine;
    const args = decode(argsJson, engine.onHandle);
    if (engine.mode === 'sync' && this.isAsync) return engine.asyncInSyncEval(this.name);
    const ctx = new HostCall(this.name);
    if (this.passSignal) args.push(ctx.signal);
    let result;
    try {
      result = this.fn.apply(ctx, args);
    } catch (e) {
      return errorEnvelope(messageOf(e));
    }
    if (isThenable(result)) {
      if (engine.mode === 'sync') {
        Promise.resolve(result).catch(() => {}); // nobody can wait for it: no unhandled rejection
        return engine.asyncInSyncEval(this.name);
      }
      return this.pending(ctx, result);
    }
    try {
      return `{"status":"success","value":${encode(result)}}`;
    } catch (e) {
      return errorEnvelope(`host function '${this.name}' returned a value Rhai cannot hold: ${e.message}`);
    }
  }

  pending(ctx, promise) {
    const engine = this.engine;
    const id = engine.nextFutureId++;
    engine.pending.set(id, ctx);
    Promise.resolve(promise).then(
      (value) => this.settle(id, value, null),
      (reason) => this.settle(id, undefined, reason === undefined ? new Error('rejected') : reason),
    );
    return `{"status":"pending","future_id":${id}}`;
  }

  // Completes call `id` unless it was abandoned meanwhile (then nobody waits for it).
  settle(id, value, reason) {
    const engine = this.engine;
    if (engine.pending.get(id) === undefined || engine.closed) return;
    engine.pending.delete(id);
    let text;
    if (reason !== null) {
      text = `{"error":${JSON.stringify(messageOf(reason))}}`;
    } else {
      try {
        text = `{"value":${encode(value)}}`;
      } catch (e) {
        text = `{"error":${JSON.stringify(`host function '${this.name}' resolved to a value Rhai cannot hold: ${e.message}`)}}`;
      }
    }
    // The script continues inside this call; a completion that comes too late changes nothing.
    let failure = null;
    engine.enter('async', () => {
      const status = engine.lib.complete_future(engine.ptr, id, text);
      if (status !== OK && status !== ERR_UNKNOWN_FUTURE && status !== ERR_TOO_LATE) failure = lastError(engine.lib);
    });
    if (failure) process.emitWarning(`rhai-cpp: completing '${this.name}' failed: ${failure.message}`);
  }
}

module.exports = { HostFunction };
