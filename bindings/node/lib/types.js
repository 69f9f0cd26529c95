'use strict';
// JavaScript classes for the Rhai values that have no native JavaScript twin. Each one maps to
// a tagged form of the C ABI's JSON (docs/c-abi.md, "Tagged forms") and round-trips through it.

// A Rhai `char` going in (a char coming out is a one-character string: what scripts and
// JavaScript code compare it with).
class Char {
  constructor(ch) {
    const s = String(ch);
    if ([...s].length !== 1) throw new TypeError(`Char needs exactly one character, got ${JSON.stringify(s)}`);
    this.value = s;
  }
  toString() { return this.value; }
}

// A FLOAT even when the number is integral (a plain integral number goes in as an INT).
class Float {
  constructor(x) {
    if (typeof x !== 'number') throw new TypeError('Float needs a number');
    this.value = x;
  }
  valueOf() { return this.value; }
}

// A Rhai timestamp: an instant on the engine's monotonic clock, in nanoseconds (BigInt). It is
// not wall-clock time, so it is not a Date.
class Timestamp {
  constructor(ns) { this.ns = BigInt(ns); }
  // Elapsed time from this instant to `other`, in milliseconds.
  millisUntil(other) { return Number(other.ns - this.ns) / 1e6; }
}

// A function pointer: `Fn("name")`, with curried arguments. A closure (which carries captured
// variables) comes out as a FnPtr with a `handle` instead, kept by the engine.
class FnPtr {
  constructor(name, curried = [], handle = null) {
    this.name = name;
    this.curried = curried;
    this.handle = handle;
  }
}

// A value JSON cannot carry (a closure, a custom type): the engine keeps it while this object
// lives (or until engine.release(handle)), and it can be handed back to scripts.
class Handle {
  constructor(id, type, display) {
    this.id = id;
    this.type = type;
    this.display = display;
  }
  toString() { return this.display; }
}

// A Rhai range `start..end` (inclusive: `start..=end`); integers.
class Range {
  constructor(start, end, inclusive = false) {
    this.start = start;
    this.end = end;
    this.inclusive = inclusive;
  }
  *[Symbol.iterator]() {
    const last = this.inclusive ? BigInt(this.end) : BigInt(this.end) - 1n;
    for (let i = BigInt(this.start); i <= last; i++) yield Number(i);
  }
}

module.exports = { Char, Float, Timestamp, FnPtr, Handle, Range };
