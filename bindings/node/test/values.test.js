'use strict';
// Values both ways: Rhai -> JavaScript (eval results) and JavaScript -> Rhai (host function
// results, checked by the script itself with type_of and comparisons).
const test = require('node:test');
const assert = require('node:assert/strict');
const { Engine, Char, Float, Timestamp, FnPtr, Handle, Range } = require('rhai-cpp');

test('scalars come out as JavaScript primitives, INTs past 2^53 as BigInt', () => {
  const e = new Engine();
  assert.equal(e.eval('40 + 2'), 42);
  assert.equal(e.eval('2.5 * 2.0'), 5);
  assert.equal(e.eval('true && !false'), true);
  assert.equal(e.eval('"a" + "é"'), 'aé');
  assert.equal(e.eval('()'), null);
  assert.equal(e.eval("'x'"), 'x');
  assert.equal(e.eval('9007199254740991'), Number.MAX_SAFE_INTEGER);
  assert.equal(e.eval('9007199254740991 + 2'), 9007199254740993n);
  assert.equal(e.eval('9223372036854775807'), 2n ** 63n - 1n);
  assert.equal(e.eval('-9223372036854775807 - 1'), -(2n ** 63n));
  assert.ok(Number.isNaN(e.eval('0.0 / 0.0')));
  assert.equal(e.eval('1.0 / 0.0'), Infinity);
  assert.equal(e.eval('-1.0 / 0.0'), -Infinity);
  e.close();
});

test('arrays, maps, blobs, timestamps, function pointers and ranges come out as documented', () => {
  const e = new Engine();
  assert.deepEqual(e.eval('[1, "two", [3.5, ()], #{k: false}]'), [1, 'two', [3.5, null], { k: false }]);
  assert.deepEqual(e.eval('#{b: 2, a: #{c: [1]}}'), { a: { c: [1] }, b: 2 });
  assert.deepEqual(e.eval('#{"$fn": 1, "x": 2}'), { $fn: 1, x: 2 });
  const blob = e.eval('let b = blob(3, 0x41); b[1] = 0xff; b');
  assert.ok(blob instanceof Uint8Array);
  assert.deepEqual([...blob], [0x41, 0xff, 0x41]);
  assert.ok(e.eval('timestamp()') instanceof Timestamp);
  assert.deepEqual(e.eval('Fn("foo").curry(1)'), new FnPtr('foo', [1]));
  assert.deepEqual(e.eval('1..4'), new Range(1, 4, false));
  assert.deepEqual([...e.eval('1..=3')], [1, 2, 3]);
  const closure = e.eval('let y = 10; |x| x + y');
  assert.ok(closure instanceof FnPtr);
  assert.ok(closure.handle instanceof Handle);
  e.close();
});

test('JavaScript values go in with the type the documented rule gives them', async () => {
  const e = new Engine();
  const cases = [
    [42, 'i64', 'v == 42'],
    [2n ** 63n - 1n, 'i64', 'v == 9223372036854775807'],
    [-(2n ** 63n), 'i64', 'v == -9223372036854775807 - 1'],
    [1.5, 'f64', 'v == 1.5'],
    [2 ** 53, 'f64', 'v == 9007199254740992.0'],
    [-0, 'f64', 'v == 0.0'],
    [new Float(3), 'f64', 'v == 3.0'],
    [NaN, 'f64', 'v != v'],
    [Infinity, 'f64', 'v > 1e308'],
    [-Infinity, 'f64', 'v < -1e308'],
    [true, 'bool', 'v'],
    ['snow ☃', 'string', 'v.len() == 6'],
    [null, '()', 'v == ()'],
    [undefined, '()', 'v == ()'],
    [new Char('é'), 'char', "v == 'é'"],
    [Buffer.from('hi'), 'blob', 'v.len() == 2 && v[0] == 104'],
    [new Uint8Array([1, 2, 3]), 'blob', 'v[2] == 3'],
    [[1, 'a', [null]], 'array', 'v[2][0] == ()'],
    [{ a: 1, nested: { b: [true] } }, 'map', 'v.nested.b[0]'],
    [{ $fn: 'not a tag', $blob: 2 }, 'map', 'v["$fn"] == "not a tag" && v["$blob"] == 2'],
    [new Map([['k', 7]]), 'map', 'v.k == 7'],
    [new FnPtr('double_it', [3]), 'Fn', 'v.call() == 6'],
    [new Range(1, 4), 'range', 'v.end == 4'],
  ];
  for (const [value, type, check] of cases) {
    e.registerFunction('get', () => value);
    e.registerFunction('get_later', async () => value);
    const script = `fn double_it(x) { x * 2 } let v = get(); [type_of(v), ${check}]`;
    assert.deepEqual(e.eval(script), [type, true], `sync ${String(type)} ${check}`);
    const later = `fn double_it(x) { x * 2 } let v = get_later(); [type_of(v), ${check}]`;
    assert.deepEqual(await e.evalAsync(later), [type, true], `async ${String(type)} ${check}`);
  }
  e.close();
});

test('values round-trip: what a script returns can be handed back to it', () => {
  const e = new Engine();
  const script = '[1, 2.5, "s", \'c\', blob(2, 7), timestamp(), Fn("f"), 1..3, 4..=5, #{"$map": 1}, 9223372036854775807, |x| x]';
  const back = e.eval(script);
  e.registerFunction('back', () => back);
  const again = e.eval(`let v = back(); v.map(|x| type_of(x))`);
  assert.deepEqual(again, ['i64', 'f64', 'string', 'string', 'blob', 'timestamp', 'Fn', 'range', 'range=', 'map', 'i64', 'Fn']);
  assert.equal(e.eval('let v = back(); v[11].call(5)'), 5);
  e.close();
});

test('a value Rhai cannot hold is a catchable script error naming the function', () => {
  const e = new Engine();
  const bad = [2n ** 64n, Symbol('s'), () => 1, new Date(0), (() => { const o = {}; o.self = o; return o; })()];
  for (const value of bad) {
    e.registerFunction('get', () => value);
    const msg = e.eval('let m = ""; try { get() } catch (err) { m = err } m');
    assert.match(msg, /host function 'get' returned a value Rhai cannot hold/);
  }
  e.close();
});
