'use strict';
// engine.evalAsync: suspension at async host calls, overlap, errors both ways, closures.
const test = require('node:test');
const assert = require('node:assert/strict');
const { setTimeout: sleep } = require('node:timers/promises');
const { Engine, RhaiError } = require('rhai-cpp');

test('a script waits for a Promise and resumes with its value, sync functions mix in', async () => {
  const e = new Engine();
  e.registerFunction('later', async (x, ms) => { await sleep(ms); return x * 2; });
  e.registerFunction('inc', (x) => x + 1);
  assert.equal(await e.evalAsync('let a = later(20, 5);\nlet b = inc(a);\nb + later(1, 1)'), 43);
  assert.equal(await e.evalAsync('inc(1)'), 2, 'a script that never waits resolves too');
  assert.equal(e.pendingCalls, 0);
  e.close();
});

test('the event loop runs while scripts wait', async () => {
  const e = new Engine();
  e.registerFunction('wait', (ms) => sleep(ms).then(() => ms));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const t0 = Date.now();
  assert.equal(await e.evalAsync('wait(60) + wait(60)'), 120);
  clearInterval(timer);
  assert.ok(Date.now() - t0 >= 115);
  assert.ok(ticks >= 5, `interval ticked ${ticks} times while the script waited`);
  e.close();
});

test('a rejected Promise is a catchable script error, uncaught it rejects with its message and line', async () => {
  const e = new Engine();
  e.registerFunction('lookup', async (id) => {
    await sleep(1);
    if (id === 'bad') throw new Error(`no user ${id}`);
    return { id };
  });
  const caught = await e.evalAsync('let m = "";\ntry { lookup("bad") } catch (err) { m = "caught: " + err }\nm');
  assert.equal(caught, 'caught: no user bad');
  await assert.rejects(e.evalAsync('let u = lookup("ok");\n\n   lookup("bad")'), (err) => {
    assert.ok(err instanceof RhaiError);
    assert.equal(err.kind, 'runtime');
    assert.match(err.message, /no user bad/);
    assert.equal(err.line, 3);
    assert.equal(err.column, 4);
    return true;
  });
  e.registerFunction('reject_plain', () => Promise.reject('just a string'));
  assert.equal(await e.evalAsync('let m = ""; try { reject_plain() } catch (err) { m = err } m'), 'just a string');
  e.close();
});

test('script errors after a wait reject evalAsync, parse errors reject at once', async () => {
  const e = new Engine();
  e.registerFunction('later', async (x) => { await sleep(1); return x; });
  await assert.rejects(e.evalAsync('let x = later(1);\nthrow "after " + x'), (err) => err.value === 'after 1' && err.line === 2);
  await assert.rejects(e.evalAsync('let = 5'), (err) => err instanceof RhaiError && err.kind === 'parse');
  e.close();
});

test('suspension inside map, filter, sort and reduce closures', async () => {
  const e = new Engine();
  e.registerFunction('fetch', async (x) => { await sleep(x % 3); return x * 10; });
  const script = `
    let a = [3, 1, 2].map(|x| fetch(x));
    let b = a.filter(|x| fetch(x) > 150);
    let c = [5, 4, 6];
    c.sort(|x, y| fetch(x) - fetch(y));
    let d = [1, 2, 3].reduce(|sum, x| sum + fetch(x), 0);
    [a, b, c, d]`;
  assert.deepEqual(await e.evalAsync(script), [[30, 10, 20], [30, 20], [4, 5, 6], 60]);
  e.close();
});

test('1,000 concurrent scripts overlap their waits', async () => {
  const e = new Engine();
  let inFlight = 0;
  let peak = 0;
  e.registerFunction('io', async (i) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await sleep(50);
    inFlight--;
    return i;
  });
  const t0 = Date.now();
  const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => e.evalAsync(`let v = io(${i}); v + io(1)`)));
  const ms = Date.now() - t0;
  assert.deepEqual(results, Array.from({ length: 1000 }, (_, i) => i + 1));
  assert.equal(peak, 1000, 'every script was waiting at once');
  assert.ok(ms < 5000, `two 50 ms waits each, overlapped: ${ms} ms (serial would be 100 s)`);
  assert.equal(e.pendingCalls, 0);
  e.close();
});

test('slice: a long computation yields to the event loop, and timeout or abort still stop it', async () => {
  const e = new Engine({ max_operations: 0 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const sum = await e.evalAsync('let s = 0; for i in 0..2000000 { s += i; } s', { slice: 10000 });
  assert.equal(sum, 1999999000000);
  assert.ok(ticks >= 3, `timers ran ${ticks} times during the computation`);
  ticks = 0;
  await e.evalAsync('let s = 0; for i in 0..2000000 { s += i; } s');
  assert.equal(ticks, 0, 'unsliced, the computation holds the loop (what slice is for)');
  clearInterval(timer);
  await assert.rejects(e.evalAsync('loop {}', { slice: 1000, timeout: 60 }), (err) => err.kind === 'timeout');
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 30);
  await assert.rejects(e.evalAsync('loop {}', { slice: 1000, signal: ac.signal }), (err) => err.kind === 'cancelled');
  e.close();
});

test('two engines with the same function names never see each other', async () => {
  const a = new Engine();
  const b = new Engine();
  a.registerFunction('who', async (x) => { await sleep(3); return `a${x}`; });
  b.registerFunction('who', async (x) => { await sleep(1); return `b${x}`; });
  const runs = [];
  for (let i = 0; i < 50; i++) runs.push(a.evalAsync(`who(${i})`), b.evalAsync(`who(${i})`));
  const out = await Promise.all(runs);
  assert.deepEqual(out, Array.from({ length: 100 }, (_, k) => `${k % 2 ? 'b' : 'a'}${k >> 1}`));
  a.close();
  assert.equal(await b.evalAsync('who(7)'), 'b7', 'closing one leaves the other working');
  b.close();
});
