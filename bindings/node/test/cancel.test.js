'use strict';
// Timeouts, AbortSignal and engine.close(): the script stops, its pending host call is told.
const test = require('node:test');
const assert = require('node:assert/strict');
const { setTimeout: sleep } = require('node:timers/promises');
const { Engine, RhaiError } = require('rhai-cpp');

// A host function that never settles by itself and records how its call ended.
function hanging(engine, name) {
  const calls = [];
  engine.registerFunction(name, (label, signal) => {
    const call = { label, aborted: null };
    calls.push(call);
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => {
        call.aborted = signal.reason;
        reject(signal.reason);
      });
    });
  }, { signal: true });
  return calls;
}

test('timeout (ms) rejects with kind timeout and aborts the pending host call', async () => {
  const e = new Engine();
  const calls = hanging(e, 'hang');
  const t0 = Date.now();
  await assert.rejects(e.evalAsync('hang("t")', { timeout: 80 }), (err) => {
    assert.ok(err instanceof RhaiError);
    assert.equal(err.kind, 'timeout');
    return true;
  });
  const ms = Date.now() - t0;
  assert.ok(ms >= 75 && ms < 2000, `timed out after ${ms} ms`);
  assert.equal(calls[0].aborted.name, 'TimeoutError');
  assert.equal(e.pendingCalls, 0);
  e.close();
});

test('timeouts of many scripts fire each at its own time, fast scripts are not affected', async () => {
  const e = new Engine();
  hanging(e, 'hang');
  e.registerFunction('quick', () => sleep(5).then(() => 'ok'));
  const t0 = Date.now();
  const ended = [];
  const runs = [120, 40, 80].map((t) => e.evalAsync('hang("x")', { timeout: t }).catch((err) => ended.push([t, err.kind, Date.now() - t0])));
  assert.equal(await e.evalAsync('quick()', { timeout: 1000 }), 'ok');
  await Promise.all(runs);
  // No upper bound (a loaded machine may run the timer late, and then several deadlines are
  // due at once), but none may fire early.
  assert.deepEqual(ended.map(([t, kind]) => [t, kind]).sort((x, y) => x[0] - y[0]), [[40, 'timeout'], [80, 'timeout'], [120, 'timeout']]);
  for (const [t, , ms] of ended) assert.ok(ms >= t - 1, `the ${t} ms timeout fired after ${ms} ms`);
  e.close();
});

test('an AbortSignal cancels the script (it does not continue) and tells its host call', async () => {
  const e = new Engine();
  const calls = hanging(e, 'hang');
  let after = 0;
  e.registerFunction('after', () => ++after);
  const ac = new AbortController();
  const run = e.evalAsync('hang("a"); after()', { signal: ac.signal });
  await sleep(20);
  assert.equal(e.pendingCalls, 1);
  ac.abort();
  await assert.rejects(run, (err) => {
    assert.ok(err instanceof RhaiError);
    assert.equal(err.kind, 'cancelled');
    assert.equal(err.name, 'AbortError');
    return true;
  });
  assert.equal(calls[0].aborted.name, 'AbortError');
  await sleep(10);
  assert.equal(after, 0, 'the script did not go on');
  assert.equal(e.pendingCalls, 0);
  // An already aborted signal rejects without starting anything.
  await assert.rejects(e.evalAsync('after()', { signal: AbortSignal.abort() }), (err) => err.kind === 'cancelled');
  assert.equal(after, 0);
  // AbortSignal.timeout works like any other signal. Its timer does not keep the process
  // alive (nor does a waiting script), so this test holds the loop open meanwhile.
  const keepAlive = setTimeout(() => {}, 5000);
  await assert.rejects(e.evalAsync('hang("b")', { signal: AbortSignal.timeout(30) }), (err) => err.kind === 'cancelled');
  clearTimeout(keepAlive);
  e.close();
});

test('a per-call timeout (call_timeout_ms) is an error the script can catch and go on from', async () => {
  const e = new Engine({ call_timeout_ms: 50 });
  const calls = hanging(e, 'hang');
  e.registerFunction('fast', async () => { await sleep(1); return 'fast'; });
  const out = await e.evalAsync('let r = ""; try { hang("c") } catch (err) { r = "caught" } r + " " + fast()');
  assert.equal(out, 'caught fast');
  assert.equal(calls[0].aborted.name, 'TimeoutError');
  e.close();
});

test('close() rejects waiting evaluations and aborts their host calls', async () => {
  const e = new Engine();
  const calls = hanging(e, 'hang');
  const runs = [e.evalAsync('hang(1)'), e.evalAsync('hang(2)')];
  await sleep(5);
  e.close();
  for (const run of runs) await assert.rejects(run, (err) => err instanceof RhaiError && err.kind === 'cancelled');
  assert.deepEqual(calls.map((c) => c.aborted && c.aborted.name), ['AbortError', 'AbortError']);
  await assert.rejects(e.evalAsync('1'), /closed/);
});

test('a late settlement of an abandoned call changes nothing', async () => {
  const e = new Engine();
  let resolveLate;
  e.registerFunction('late', () => new Promise((r) => { resolveLate = r; }));
  const ac = new AbortController();
  const run = e.evalAsync('late()', { signal: ac.signal });
  ac.abort();
  await assert.rejects(run, (err) => err.kind === 'cancelled');
  resolveLate(5); // completes nothing: the call was abandoned
  await sleep(5);
  assert.equal(await e.evalAsync('40 + 2'), 42);
  e.close();
});

test('a host function declared with function() finds its signal on this', async () => {
  const e = new Engine();
  let seen = null;
  e.registerFunction('wait_here', function waitHere() {
    return new Promise((resolve, reject) => {
      this.signal.addEventListener('abort', () => { seen = [this.name, this.signal.reason.name]; reject(this.signal.reason); });
    });
  });
  await assert.rejects(e.evalAsync('wait_here()', { timeout: 30 }), (err) => err.kind === 'timeout');
  assert.deepEqual(seen, ['wait_here', 'TimeoutError']);
  e.close();
});

test('a signal aborted by a host function while the script starts still cancels it', async () => {
  const e = new Engine();
  const ac = new AbortController();
  e.registerFunction('abort_now', () => { ac.abort(); return 1; });
  e.registerFunction('hang', () => new Promise(() => {}));
  await assert.rejects(e.evalAsync('abort_now(); hang()', { signal: ac.signal }), (err) => err.kind === 'cancelled');
  assert.equal(e.pendingCalls, 0);
  e.close();
});

test("a script's sleep() waits on the engine's timer without blocking the event loop", async () => {
  const e = new Engine();
  let ticks = 0;
  const ticker = setInterval(() => { ticks++; }, 5);
  try {
    const started = Date.now();
    const [slow, fast] = await Promise.all([
      e.evalAsync('sleep(0.15); "slow"'),
      e.evalAsync('let t = [1, 2].map(|x| { sleep(0.02); x * 2 }); t'),
    ]);
    assert.equal(slow, 'slow');
    assert.deepEqual(fast, [2, 4]);
    assert.ok(Date.now() - started >= 140, 'slept for the time asked');
    assert.ok(ticks >= 5, `the loop kept running while scripts slept (${ticks} ticks)`);
    // An AbortSignal ends a sleeping script at once.
    const ac = new AbortController();
    const sleeping = e.evalAsync('sleep(60); 1', { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await assert.rejects(sleeping);
  } finally {
    clearInterval(ticker);
    e.close();
  }
});
