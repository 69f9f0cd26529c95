'use strict';
// Cost of host calls from a script through the binding, in ns per call (one line:
// `node_sync_call_ns=S node_async_roundtrip_ns=A`). S: a plain JS function of two ints; A: an
// async one (already resolved Promise): pending envelope -> microtask -> rhai_complete_future
// -> the script resumes. Loop overhead of the script itself is measured and subtracted.
//   node bench/roundtrip.js [calls]
const { Engine } = require('..');

const calls = Number(process.argv[2]) || 100000;

function nsPerCall(run) {
  const t0 = process.hrtime.bigint();
  return Promise.resolve(run()).then(() => Number(process.hrtime.bigint() - t0) / calls);
}

async function main() {
  const e = new Engine({ max_operations: 0 });
  e.registerFunction('add', (a, b) => a + b);
  e.registerFunction('later', async (x) => x);
  const loop = (body) => `let s = 0; for i in 0..${calls} { s += ${body}; } s`;
  e.eval(loop('add(i, 1)')); // warm up
  await e.evalAsync(loop('later(i)'));
  const empty = await nsPerCall(() => e.eval(loop('i')));
  const sync = await nsPerCall(() => e.eval(loop('add(i, 1)')));
  const async = await nsPerCall(() => e.evalAsync(loop('later(i)')));
  console.log(`node_sync_call_ns=${Math.round(sync - empty)} node_async_roundtrip_ns=${Math.round(async - empty)}`);
  e.close();
}

main();
