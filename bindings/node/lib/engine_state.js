'use strict';
// The state behind one Engine: the native handle, the host calls waiting for a Promise, the
// running evaluations, the deadline timer. Kept apart from the public Engine object so that
// the callback table (lib/dispatch.js) refers to this and not to the Engine: an Engine nobody
// uses any more can then be collected, and its native engine freed.
const dispatch = require('./dispatch');
const { Deadlines } = require('./deadlines');
const { fromAbi } = require('./errors');
const { OK, lastError } = require('./native');

class EngineState {
  constructor(lib) {
    this.lib = lib;
    this.ptr = lib.engine_new();
    if (!this.ptr) throw new Error('rhai-cpp: rhai_engine_new failed (out of memory)');
    this.closed = false;
    this.mode = 'idle'; // 'sync' inside eval, 'async' inside any call that runs tasks
    this.depth = 0;
    this.functions = new Map(); // name -> dispatch id
    this.pending = new Map(); // future id -> HostCall
    this.nextFutureId = 1;
    this.tasks = new Set(); // running EvalTasks (lib/eval_task.js)
    this.slicedTasks = new Set(); // ... of which yield after an operation budget
    this.finished = []; // task handles to free once the library has returned
    this.asyncCalled = null; // the async function a synchronous eval hit
    this.deadlines = new Deadlines(this);
    this.id = dispatch.add(this);
    const callbacks = dispatch.callbacks(lib);
    this.check(lib.on_cancel(this.ptr, this.id, callbacks.cancel));
    this.printer = { print: null, debug: null }; // null: process.stdout / process.stderr
    this.printerId = dispatch.add(this.printer);
    this.check(lib.on_print(this.ptr, this.printerId, callbacks.print, callbacks.debug));
    // A Handle nobody refers to any more releases the value the engine keeps for it.
    this.kept = new FinalizationRegistry((handle) => {
      if (!this.closed) lib.release_value(this.ptr, handle);
    });
    this.onHandle = (h) => this.kept.register(h, h.id);
  }

  // Throws the library's last error unless `status` is OK.
  check(status) {
    if (status !== OK) throw fromAbi(lastError(this.lib));
    return status;
  }

  // Runs `fn` (a call into the library) in `mode`. When the outermost call returns, finished
  // task handles are freed and the deadline timer re-armed: the library may have started,
  // resumed or ended tasks while it ran.
  enter(mode, fn) {
    const outer = this.mode;
    this.mode = mode;
    this.depth++;
    try {
      return fn();
    } finally {
      this.mode = outer;
      if (--this.depth === 0) this.settle();
    }
  }

  settle() {
    for (const task of this.finished.splice(0)) this.lib.task_free(task);
    for (const task of this.slicedTasks) task.resumeIfYielded();
    this.deadlines.update();
  }

  // The answer of an async host function inside a synchronous eval: "pending" makes the
  // library fail the script at once, with an error `try` cannot catch (the call cannot wait).
  asyncInSyncEval(name) {
    this.asyncCalled = name;
    return '{"status":"pending","future_id":0}';
  }

  // A pending call was abandoned (its script cancelled, timed out, or the engine freed).
  abandoned(futureId, reason) {
    const call = this.pending.get(futureId);
    if (!call) return;
    this.pending.delete(futureId);
    call.abort(reason);
  }

  close() {
    if (this.closed) return;
    // Unfinished evaluations are cancelled inside rhai_engine_free: their promises reject and
    // their pending host calls are aborted ("engine_freed").
    this.enter('async', () => {
      for (const task of this.finished.splice(0)) this.lib.task_free(task);
      this.lib.engine_free(this.ptr);
      this.closed = true;
    });
    for (const id of this.functions.values()) dispatch.remove(id);
    dispatch.remove(this.printerId);
    dispatch.remove(this.id);
    this.pending.clear();
  }
}

module.exports = { EngineState };
