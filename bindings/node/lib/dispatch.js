'use strict';
// The process-wide koffi callbacks and the table their `callback_id`s index.
//
// koffi has a bounded number of registered-callback slots (8192), so the binding registers
// each callback shape once and routes by id: a host function, a task or an engine is a
// target with its own id. A callback must never throw into the library (koffi would hand it
// NULL / 0 and leave a pending exception in an unrelated call), so each one catches.
const { koffi } = require('./native');

const targets = new Map();
let nextId = 1;
let registered = null;

function add(target) {
  const id = nextId++;
  targets.set(id, target);
  return id;
}

function remove(id) {
  targets.delete(id);
}

function reportBug(where, e) {
  // A bug of this binding, not of the script: keep the library's state intact, say so.
  process.emitWarning(`rhai-cpp: ${where} callback failed: ${e && e.stack ? e.stack : e}`);
}

const ENVELOPE_LOST = '{"status":"error","error":"rhai-cpp: no host function with this id"}';

function onHostCall(id, argsJson) {
  const fn = targets.get(id);
  if (!fn) return ENVELOPE_LOST;
  try {
    return fn.call(argsJson);
  } catch (e) {
    reportBug('host function', e);
    return `{"status":"error","error":${JSON.stringify(String(e && e.message))}}`;
  }
}

function onTaskDone(id, status, json) {
  const task = targets.get(id);
  targets.delete(id);
  if (!task) return;
  try {
    task.finish(status, json);
  } catch (e) {
    reportBug('task completion', e);
  }
}

function onCancel(id, futureId, reason) {
  try {
    const engine = targets.get(id);
    if (engine) engine.abandoned(futureId, reason);
  } catch (e) {
    reportBug('cancel', e);
  }
}

function printer(stream, which) {
  return (id, text) => {
    try {
      const p = targets.get(id);
      if (p && p[which]) p[which](text);
      else stream.write(`${text}\n`);
    } catch (e) {
      reportBug(which, e);
    }
  };
}

// The registered callback pointers, made on first use.
function callbacks(lib) {
  if (!registered) {
    const t = lib.types;
    registered = {
      host: koffi.register(onHostCall, koffi.pointer(t.HostCallback)),
      task: koffi.register(onTaskDone, koffi.pointer(t.TaskCallback)),
      cancel: koffi.register(onCancel, koffi.pointer(t.CancelCallback)),
      print: koffi.register(printer(process.stdout, 'print'), koffi.pointer(t.PrintCallback)),
      debug: koffi.register(printer(process.stderr, 'debug'), koffi.pointer(t.PrintCallback)),
    };
  }
  return registered;
}

module.exports = { add, remove, callbacks };
