'use strict';
// Engine lifetime: nothing keeps the process alive once scripts are done, and an engine nobody
// refers to frees its native engine when collected.
const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const v8 = require('node:v8');
const vm = require('node:vm');
const { Engine } = require('rhai-cpp');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

test('waiting or finished evaluations do not keep the process alive', async () => {
  const { spawn } = require('node:child_process');
  // The child starts scripts with long timeouts, cancels one, lets one finish, closes no
  // engine: the process must still exit as soon as its own work is done.
  const child = `
    const { Engine } = require(${JSON.stringify(require.resolve('rhai-cpp'))});
    const e = new Engine({ call_timeout_ms: 60000 });
    e.registerFunction('hang', () => new Promise(() => {}));
    e.registerFunction('soon', () => new Promise((r) => setTimeout(r, 20, 1)));
    const ac = new AbortController();
    e.evalAsync('hang()', { timeout: 60000, signal: ac.signal }).catch((err) => console.log('cancelled:', err.kind));
    e.evalAsync('soon() + 1', { timeout: 60000 }).then((v) => { console.log('done:', v); ac.abort(); });
  `;
  const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  const t0 = Date.now();
  const [code] = await once(proc, 'exit');
  assert.equal(code, 0);
  assert.ok(Date.now() - t0 < 10000, 'exited long before the 60 s deadlines');
  assert.match(out, /done: 2/);
  assert.match(out, /cancelled: cancelled/);
});

test('an engine nobody refers to is freed when collected, unless an evaluation still runs', async () => {
  const states = [];
  let resolveHeld;
  (() => {
    const idle = new Engine();
    idle.registerFunction('f', () => 1);
    idle.eval('let y = f(); |x| x + y'); // a kept closure handle too
    states.push(idle._state);
    const busy = new Engine();
    busy.registerFunction('held', () => new Promise((r) => { resolveHeld = r; }));
    states.push(busy._state);
    busy.evalAsync('held() + 1').then((v) => states.push(v));
  })();
  for (let i = 0; i < 20 && !states[0].closed; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.equal(states[0].closed, true, 'the idle engine was freed');
  assert.equal(states[1].closed, false, 'the engine with a running evaluation was kept');
  resolveHeld(41);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(states[2], 42);
});
