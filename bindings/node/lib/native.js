'use strict';
// Finding librhai.so and declaring the C ABI (include/rhai/rhai.h) for koffi.
//
// The three callback shapes are registered with koffi once per process, not once per engine or
// function: koffi has a bounded number of callback slots, and the C ABI hands every callback a
// `callback_id`, which lib/dispatch.js maps back to the engine, function or task it names.
const fs = require('node:fs');
const path = require('node:path');
const koffi = require('koffi');
const { decode } = require('./decode');

const OK = 0;
const ERR_UNKNOWN_FUTURE = -4;
const ERR_TOO_LATE = -5;
const TASK = Object.freeze({ RUNNING: 0, WAITING: 1, YIELDED: 2, DONE: 3, FAILED: 4, CANCELLED: 5 });

// RHAI_LIBRARY, else this checkout's build tree, else the installed library (the dynamic
// loader's own search path last, so LD_LIBRARY_PATH and ldconfig work as usual).
function candidates() {
  const env = process.env.RHAI_LIBRARY;
  if (env) return [env];
  const root = path.resolve(__dirname, '..', '..', '..');
  const build = path.join(root, 'build');
  const found = ['release', 'debug', '.'].map((d) => path.join(build, d, 'librhai.so'));
  if (fs.existsSync(build)) {
    for (const d of fs.readdirSync(build).sort()) found.push(path.join(build, d, 'librhai.so'));
  }
  const local = found.filter((f, i) => found.indexOf(f) === i && fs.existsSync(f));
  return [...local, '/usr/local/lib/librhai.so', '/usr/lib/librhai.so', 'librhai.so'];
}

function declare(lib) {
  const HostCallback = koffi.proto('const char *rhai_callback(uint64_t callback_id, const char *args_json)');
  const TaskCallback = koffi.proto('void rhai_task_callback(uint64_t callback_id, int32_t status, const char *json)');
  const CancelCallback = koffi.proto('void rhai_cancel_fn(uint64_t callback_id, uint64_t future_id, const char *reason)');
  const PrintCallback = koffi.proto('void rhai_print_fn(uint64_t callback_id, const char *text)');
  koffi.struct('rhai_task_options', { op_budget: 'uint64_t', timeout_ns: 'int64_t', deadline_ns: 'int64_t' });
  const sigs = [
    'void rhai_free_string(void *s)',
    'void *rhai_get_last_error(void)',
    'const char *rhai_version(void)',
    'void *rhai_engine_new(void)',
    'int32_t rhai_engine_free(void *engine)',
    'int32_t rhai_engine_config(void *engine, const char *config_json)',
    'int32_t rhai_on_print(void *engine, uint64_t callback_id, rhai_print_fn *print, rhai_print_fn *debug)',
    'int32_t rhai_register_function(void *engine, const char *name, uint64_t callback_id, rhai_callback *cb)',
    'int32_t rhai_complete_future(void *engine, uint64_t future_id, const char *result_json)',
    'int32_t rhai_on_cancel(void *engine, uint64_t callback_id, rhai_cancel_fn *cancel)',
    'int32_t rhai_pending_count(void *engine, _Out_ uint64_t *out)',
    'int32_t rhai_release_value(void *engine, uint64_t handle)',
    'int32_t rhai_eval(void *engine, const char *script, _Out_ void **result_json)',
    'int32_t rhai_eval_async(void *engine, void *scope, const char *script, const rhai_task_options *options, ' +
      'rhai_task_callback *on_done, uint64_t callback_id, _Out_ void **out)',
    'int32_t rhai_task_free(void *task)',
    'int32_t rhai_task_status(void *task)',
    'int32_t rhai_task_resume(void *task, uint64_t op_budget)',
    'int32_t rhai_task_cancel(void *task)',
    'int64_t rhai_now(void *engine)',
    'int32_t rhai_next_deadline(void *engine, _Out_ int64_t *out, _Out_ int32_t *has)',
    'int32_t rhai_expire(void *engine, int64_t now_ns, _Out_ uint64_t *expired)',
  ];
  const fns = {};
  for (const sig of sigs) {
    const fn = lib.func(sig);
    fns[sig.match(/(rhai_\w+)\(/)[1].slice(5)] = fn;
  }
  return { fns, types: { HostCallback, TaskCallback, CancelCallback, PrintCallback } };
}

let loaded = null;

// The library, loaded on first use (once per process). Throws an Error listing every place
// tried when none loads.
function load() {
  if (loaded) return loaded;
  const tried = [];
  for (const file of candidates()) {
    try {
      const { fns, types } = declare(koffi.load(file));
      loaded = { ...fns, types, file };
      return loaded;
    } catch (e) {
      tried.push(`${file}: ${e.message}`);
    }
  }
  throw new Error(`rhai-cpp: cannot load librhai.so (set RHAI_LIBRARY to its path); tried:\n  ${tried.join('\n  ')}`);
}

// A string the library handed out (`char*` it allocated): decoded, then freed.
function takeString(lib, ptr) {
  if (!ptr) return null;
  try {
    return koffi.decode.string(ptr);
  } finally {
    lib.free_string(ptr);
  }
}

// This thread's last error as an object ({kind, error, message, line, column, call_stack,
// value}); `value` (what a script threw) decoded like any other value.
function lastError(lib) {
  const text = takeString(lib, lib.get_last_error());
  return text ? decode(text) : { kind: 'internal', error: 'Unknown', message: 'failed without an error' };
}

module.exports = { koffi, load, takeString, lastError, OK, ERR_UNKNOWN_FUTURE, ERR_TOO_LATE, TASK };
