'use strict';
// engine.eval: plain host functions, errors with kinds and positions, async functions refused.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Engine, RhaiError } = require('rhai-cpp');

test('eval calls plain host functions with any number of arguments', () => {
  const e = new Engine();
  e.registerFunction('add', (a, b) => a + b);
  e.registerFunction('count', (...args) => args.length);
  e.registerFunction('greet', function greet(who) { return `${this.name}: hi ${who}`; });
  assert.equal(e.eval('add(40, 2)'), 42);
  assert.equal(e.eval('count() + count(1, 2, 3)'), 3);
  assert.equal(e.eval('greet("Ada")'), 'greet: hi Ada');
  e.registerFunction('add', (a, b) => a * b); // registering again replaces it
  assert.equal(e.eval('add(6, 7)'), 42);
  e.close();
});

test('errors carry kind, line and column, parse errors are kind parse', () => {
  const e = new Engine();
  assert.throws(() => e.eval('let x = 1;\nlet y = ;'), (err) => {
    assert.ok(err instanceof RhaiError);
    assert.equal(err.kind, 'parse');
    assert.equal(err.line, 2);
    assert.ok(err.column > 0);
    return true;
  });
  assert.throws(() => e.eval('let x = 1;\n\n  x + undefined_fn(2)'), (err) => {
    assert.equal(err.kind, 'runtime');
    assert.equal(err.error, 'ErrorFunctionNotFound');
    assert.equal(err.line, 3);
    assert.equal(err.column, 7);
    return true;
  });
  assert.throws(() => e.eval('throw #{code: 7}'), (err) => err.kind === 'runtime' && err.value.code === 7);
  e.close();
});

test('a host function that throws raises an error the script can catch', () => {
  const e = new Engine();
  e.registerFunction('fail', (why) => { throw new Error(`bad ${why}`); });
  assert.equal(e.eval('let m = ""; try { fail("input") } catch (err) { m = err } m'), 'bad input');
  assert.throws(() => e.eval('1 +\n fail("x")'), (err) => {
    assert.match(err.message, /bad x/);
    assert.equal(err.line, 2);
    return true;
  });
  e.close();
});

test('eval of a script calling an async function throws at once, naming evalAsync, and never starts it', () => {
  const e = new Engine();
  let started = 0;
  e.registerFunction('slow', async () => { started++; return 1; });
  e.registerFunction('promise', () => { started++; return new Promise(() => {}); });
  for (const script of ['let caught = false;\ntry { slow() } catch (err) { caught = true }', 'promise()']) {
    const t0 = process.hrtime.bigint();
    assert.throws(() => e.eval(script), (err) => {
      assert.ok(err instanceof RhaiError);
      assert.match(err.message, /evalAsync/);
      return true;
    });
    assert.ok(process.hrtime.bigint() - t0 < 1_000_000_000n, 'at once');
  }
  assert.equal(started, 1, 'the async function was not called; the plain one returned its promise');
  assert.equal(e.eval('1 + 1'), 2, 'the engine is still usable');
  e.close();
});

test('engine settings apply all or nothing, a closed engine refuses use', () => {
  const e = new Engine({ max_operations: 1000 });
  assert.throws(() => e.eval('loop {}'), (err) => err.kind === 'runtime' && /operations/i.test(err.message));
  assert.throws(() => e.configure({ no_such_setting: 1 }), (err) => err instanceof RhaiError && err.kind === 'input');
  e.configure({ strict_variables: true });
  assert.throws(() => e.eval('nope'), RhaiError);
  const prints = [];
  e.onPrint((text) => prints.push(text));
  e.eval('print("hello"); print(40 + 2)');
  assert.deepEqual(prints, ['hello', '42']);
  e.close();
  e.close();
  assert.throws(() => e.eval('1'), (err) => err instanceof RhaiError && /closed/.test(err.message));
});
