'use strict';
// Drives the engine's timeouts and deadlines from Node's event loop.
//
// The library never runs a timer of its own: the host asks for the earliest deadline
// (rhai_next_deadline) and applies it when it comes (rhai_expire). One setTimeout per engine
// is armed for that instant, and only while evaluations are running: an engine whose scripts
// have finished or been cancelled holds no timer, so it never keeps the process alive.

class Deadlines {
  constructor(engine) {
    this.engine = engine; // lib/engine_state.js
    this.timer = null;
    this.due = null;
  }

  // Re-arms for the earliest deadline (after any call that may have changed them).
  update() {
    const e = this.engine;
    // Any running script may hold a deadline: its own timeout, a call timeout, or a sleep().
    if (e.closed || e.tasks.size === 0) return this.clear();
    const at = [0];
    const has = [0];
    e.lib.next_deadline(e.ptr, at, has);
    if (!has[0]) return this.clear();
    const due = Number(at[0]);
    if (this.timer && this.due === due) return undefined;
    this.clear();
    const ms = Math.max(0, Math.ceil((due - Number(e.lib.now(e.ptr))) / 1e6));
    this.due = due;
    this.timer = setTimeout(() => this.fire(), ms);
    return undefined;
  }

  fire() {
    this.timer = null;
    const e = this.engine;
    if (e.closed) return;
    // Scripts whose deadline passed fail (or catch a call's timeout and go on) in here; the
    // engine re-arms when the call returns.
    e.enter('async', () => e.lib.expire(e.ptr, -1, [0]));
  }

  clear() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due = null;
    return undefined;
  }
}

module.exports = { Deadlines };
