'use strict';
// JavaScript values -> the C ABI's JSON text (README.md, "Values").
//
// Written by hand rather than with JSON.stringify: BigInt, Uint8Array, NaN/±Infinity, -0 and
// the classes of lib/types.js each need their own form, and a number must say whether it is an
// INT or a FLOAT (the ABI reads an integer literal as INT, a fraction or exponent as FLOAT).
const { Char, Float, Timestamp, FnPtr, Handle, Range } = require('./types');

const TAGS = new Set(['$float', '$char', '$blob', '$timestamp', '$fn', '$range', '$range_inclusive', '$map', '$handle']);
const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;
const MAX_DEPTH = 512;

// A number as a FLOAT literal: finite ones always carry a fraction or an exponent.
function floatText(x) {
  if (Number.isNaN(x)) return '{"$float":"nan"}';
  if (x === Infinity) return '{"$float":"inf"}';
  if (x === -Infinity) return '{"$float":"-inf"}';
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

// Safe integers are INTs; every other number (fractions, -0, integral values past 2^53 whose
// digits are no longer exact, NaN, ±Infinity) is a FLOAT. BigInt is always an INT.
function numberText(x) {
  return Number.isSafeInteger(x) && !Object.is(x, -0) ? String(x) : floatText(x);
}

function bigintText(x) {
  if (x < INT_MIN || x > INT_MAX) throw new RangeError(`${x} does not fit Rhai's 64-bit INT`);
  return String(x);
}

function blobText(bytes) {
  return `{"$blob":"${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}"}`;
}

function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

class Encoder {
  constructor() { this.stack = []; }

  value(v) {
    switch (typeof v) {
      case 'undefined': return 'null';
      case 'boolean': return v ? 'true' : 'false';
      case 'number': return numberText(v);
      case 'bigint': return bigintText(v);
      case 'string': return JSON.stringify(v);
      case 'object': return v === null ? 'null' : this.object(v);
      default: throw new TypeError(`a ${typeof v} cannot be passed to Rhai`);
    }
  }

  object(v) {
    if (this.stack.includes(v)) throw new TypeError('a value with a reference cycle cannot be passed to Rhai');
    if (this.stack.length >= MAX_DEPTH) throw new TypeError(`values nested deeper than ${MAX_DEPTH} cannot be passed to Rhai`);
    this.stack.push(v);
    try {
      return this.compound(v);
    } finally {
      this.stack.pop();
    }
  }

  compound(v) {
    if (Array.isArray(v)) return `[${v.map((item) => this.value(item)).join(',')}]`;
    if (ArrayBuffer.isView(v)) return blobText(v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    if (v instanceof ArrayBuffer) return blobText(new Uint8Array(v));
    if (v instanceof Char) return `{"$char":${JSON.stringify(v.value)}}`;
    if (v instanceof Float) return floatText(v.value);
    if (v instanceof Timestamp) return `{"$timestamp":${bigintText(v.ns)}}`;
    if (v instanceof Handle) return `{"$handle":${v.id}}`;
    if (v instanceof FnPtr) return this.fnPtr(v);
    if (v instanceof Range) return `{"${v.inclusive ? '$range_inclusive' : '$range'}":[${this.int(v.start)},${this.int(v.end)}]}`;
    if (v instanceof Map) return this.map([...v.entries()].map(([k, item]) => [String(k), item]));
    if (isPlainObject(v)) return this.map(Object.entries(v));
    throw new TypeError(`a ${v.constructor ? v.constructor.name : 'object'} cannot be passed to Rhai`);
  }

  int(x) {
    if (typeof x === 'bigint') return bigintText(x);
    if (!Number.isSafeInteger(x)) throw new TypeError(`a range needs integers, got ${x}`);
    return String(x);
  }

  fnPtr(f) {
    if (f.handle) return `{"$handle":${f.handle.id}}`;
    const curried = f.curried && f.curried.length ? `,"curried":${this.value(f.curried)}` : '';
    return `{"$fn":${JSON.stringify(f.name)}${curried}}`;
  }

  // A map whose own keys would look like a tag is wrapped in {"$map": ...}.
  map(entries) {
    const body = `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${this.value(item)}`).join(',')}}`;
    return entries.some(([k]) => TAGS.has(k)) ? `{"$map":${body}}` : body;
  }
}

// The JSON text of `v`. Throws TypeError / RangeError for what Rhai cannot hold.
function encode(v) {
  // Fast path for the commonest results of host functions.
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return numberText(v);
  return new Encoder().value(v);
}

module.exports = { encode };
