'use strict';
// Engine: the public surface (README.md, "API").
const dispatch = require('./dispatch');
const { decode } = require('./decode');
const { EngineState } = require('./engine_state');
const { EvalTask } = require('./eval_task');
const { HostFunction } = require('./host_calls');
const { RhaiError, fromAbi } = require('./errors');
const { OK, load, lastError, takeString } = require('./native');

// An Engine nobody refers to any more frees its native engine (close() does it at once).
const collected = new FinalizationRegistry((state) => state.close());

function abortError(signal) {
  return new RhaiError('the evaluation was aborted before it started', { kind: 'cancelled', error: 'ErrorTerminated', cause: signal.reason });
}

class Engine {
  // `settings`: as for configure().
  constructor(settings) {
    this._state = new EngineState(load());
    collected.register(this, this._state, this);
    if (settings) this.configure(settings);
  }

  // Engine limits and switches, all or nothing: {max_operations, max_call_levels,
  // max_string_size, ..., allow_eval, strict_variables, call_timeout_ms, ...} (docs/c-abi.md).
  configure(settings) {
    const s = this._live();
    s.check(s.lib.engine_config(s.ptr, JSON.stringify(settings)));
    return this;
  }

  // Makes `fn` callable from scripts as `name(...)`, with any number of arguments. `fn` may
  // return a Promise (or be async): scripts then wait for it inside evalAsync. `this` in `fn`
  // is {name, signal}; with {signal: true} the AbortSignal is also passed as a last argument.
  registerFunction(name, fn, options = {}) {
    if (typeof fn !== 'function') throw new TypeError('registerFunction needs a function');
    const s = this._live();
    const id = dispatch.add(new HostFunction(s, String(name), fn, options));
    const status = s.lib.register_function(s.ptr, String(name), id, dispatch.callbacks(s.lib).host);
    if (status !== OK) {
      dispatch.remove(id);
      s.check(status);
    }
    const old = s.functions.get(String(name));
    if (old) dispatch.remove(old);
    s.functions.set(String(name), id);
    return this;
  }

  // Runs `script` to the end and returns its value. A host function that returns a Promise
  // makes it throw at once: a synchronous call cannot wait for the event loop.
  eval(script) {
    const s = this._live();
    const out = [null];
    let result = null;
    let failure = null;
    const outerAsync = s.asyncCalled;
    s.asyncCalled = null;
    try {
      s.enter('sync', () => {
        if (s.lib.eval(s.ptr, String(script), out) === OK) result = takeString(s.lib, out[0]);
        else failure = lastError(s.lib);
      });
      if (failure && s.asyncCalled) throw this._asyncInEval(failure, s.asyncCalled);
    } finally {
      s.asyncCalled = outerAsync;
    }
    if (failure) throw fromAbi(failure);
    return decode(result, s.onHandle);
  }

  _asyncInEval(failure, name) {
    return fromAbi({
      ...failure,
      message: `host function '${name}' is asynchronous (it returns a Promise): use engine.evalAsync(script) instead of engine.eval(script)`,
    });
  }

  // Runs `script` as a task: resolves with its value while the event loop goes on. Any number
  // run at once. `timeout` (ms) bounds the whole evaluation (RhaiError, kind 'timeout');
  // `signal` cancels it (RhaiError, kind 'cancelled', name 'AbortError'); `slice` (a number
  // of operations) makes a long computation yield to the event loop that often.
  evalAsync(script, { timeout, signal, slice } = {}) {
    let s;
    try {
      s = this._live();
      if (timeout !== undefined && timeout !== null && !(Number(timeout) >= 0)) throw new TypeError('timeout must be a number of milliseconds >= 0');
      if (slice !== undefined && !(Number.isSafeInteger(slice) && slice >= 0)) throw new TypeError('slice must be a number of operations >= 0');
    } catch (e) {
      return Promise.reject(e);
    }
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      new EvalTask(s, this, resolve, reject, { timeout: Number(timeout) || 0, signal, slice }).start(String(script));
    });
  }

  // print() / debug() of scripts: `fn(text)`, or null for the default (process.stdout /
  // process.stderr, so that script output stays in order with console.log).
  onPrint(fn) {
    this._live().printer.print = fn || null;
    return this;
  }

  onDebug(fn) {
    this._live().printer.debug = fn || null;
    return this;
  }

  // Host calls waiting for a Promise right now.
  get pendingCalls() {
    return this._state.pending.size;
  }

  // Frees the native engine. Unfinished evaluations reject (kind 'cancelled') and their
  // pending host calls are aborted. Using the engine afterwards throws.
  close() {
    collected.unregister(this);
    this._state.close();
  }

  [Symbol.dispose]() {
    this.close();
  }

  _live() {
    if (this._state.closed) throw new RhaiError('the engine is closed', { kind: 'input', error: 'EngineClosed' });
    return this._state;
  }
}

module.exports = { Engine };
