'use strict';
// One engine.evalAsync(): a task of the library and the Promise that settles when it ends.
const dispatch = require('./dispatch');
const { decode } = require('./decode');
const { RhaiError, fromAbi } = require('./errors');
const { OK, TASK, lastError } = require('./native');

class EvalTask {
  constructor(engine, owner, resolve, reject, { timeout, signal, slice }) {
    this.engine = engine; // lib/engine_state.js
    this.owner = owner; // the public Engine: a running evaluation keeps it from being collected
    this.resolve = resolve;
    this.reject = reject;
    this.signal = signal || null;
    this.timeoutNs = timeout ? Math.max(1, Math.round(timeout * 1e6)) : 0;
    this.slice = slice || 0; // > 0: yield to the event loop after about this many operations
    this.resumeQueued = false;
    this.handle = null;
    this.ended = false;
    this.abortReason = undefined;
    this.onAbort = () => this.abort();
  }

  start(script) {
    const e = this.engine;
    const options = { op_budget: this.slice, timeout_ns: this.timeoutNs, deadline_ns: 0 };
    const id = dispatch.add(this);
    e.tasks.add(this);
    if (this.slice) e.slicedTasks.add(this);
    const out = [null];
    let failure = null;
    e.enter('async', () => {
      const status = e.lib.eval_async(e.ptr, null, script, options, dispatch.callbacks(e.lib).task, id, out);
      if (status !== OK) failure = lastError(e.lib);
      else if (this.ended) e.finished.push(out[0]); // it ran to the end inside eval_async
      else this.handle = out[0];
    });
    if (failure) {
      dispatch.remove(id);
      this.forget();
      this.reject(fromAbi(failure));
      return;
    }
    if (this.ended || !this.signal) return;
    // The signal may have fired while the script ran its first stretch (a host function did it).
    if (this.signal.aborted) this.abort();
    else this.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  // A sliced task that used up its budget continues on a later turn of the event loop, so
  // timers, I/O and other scripts run in between (called by the engine after each call).
  resumeIfYielded() {
    if (this.ended || !this.handle || this.resumeQueued) return;
    if (this.engine.lib.task_status(this.handle) !== TASK.YIELDED) return;
    this.resumeQueued = true;
    setImmediate(() => {
      this.resumeQueued = false;
      if (this.ended || this.engine.closed) return;
      this.engine.enter('async', () => this.engine.lib.task_resume(this.handle, 0));
    });
  }

  // The AbortSignal fired: the script stops now and its pending host call is aborted.
  abort() {
    if (this.ended || !this.handle) return;
    this.abortReason = this.signal.reason;
    const e = this.engine;
    e.enter('async', () => e.lib.task_cancel(this.handle));
  }

  // Called by the library when the task ends (lib/dispatch.js).
  finish(status, json) {
    this.ended = true;
    this.forget();
    if (this.handle) this.engine.finished.push(this.handle);
    this.handle = null;
    if (this.signal) this.signal.removeEventListener('abort', this.onAbort);
    if (status === TASK.DONE) {
      let value;
      try {
        value = decode(json, this.engine.onHandle);
      } catch (e) {
        this.reject(new RhaiError(`rhai-cpp: cannot read the script's result: ${e.message}`, { kind: 'internal' }));
        return;
      }
      this.resolve(value);
      return;
    }
    const error = decode(json);
    if (status === TASK.CANCELLED && this.abortReason !== undefined) {
      this.reject(fromAbi({ ...error, kind: 'cancelled', message: 'the evaluation was aborted' }, { cause: this.abortReason }));
      return;
    }
    this.reject(fromAbi(error));
  }

  forget() {
    const e = this.engine;
    e.tasks.delete(this);
    e.slicedTasks.delete(this);
  }
}

module.exports = { EvalTask };
