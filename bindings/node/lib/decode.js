'use strict';
// The C ABI's JSON text -> JavaScript values (README.md, "Values").
//
// JSON.parse does the work when it can be exact; the text is scanned first so that the
// common case (no integer past 2^53, no tagged form) costs nothing more than JSON.parse.
const { parseExact } = require('./exact_json');
const { FnPtr, Handle, Range, Timestamp } = require('./types');

// 16+ digits in a row may be an integer past Number.MAX_SAFE_INTEGER (9007199254740991).
const LONG_DIGITS = /\d{16}/;

function parse(text) {
  return LONG_DIGITS.test(text) ? parseExact(text) : JSON.parse(text);
}

const FLOATS = { nan: NaN, inf: Infinity, '-inf': -Infinity };

function asInt(x) {
  return typeof x === 'bigint' ? x : Number(x);
}

// Rebuilds the values behind tagged objects, in place. `onHandle(handle)` sees every Handle
// made (the engine releases the kept value when the Handle is collected).
function revive(v, onHandle) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i], onHandle);
    return v;
  }
  const keys = Object.keys(v);
  const tag = keys.length > 0 && keys[0][0] === '$' ? keys[0] : null;
  switch (tag) {
    case '$float': return typeof v.$float === 'number' ? v.$float : FLOATS[v.$float];
    case '$char': return v.$char;
    case '$blob': return Buffer.from(v.$blob, 'base64');
    case '$timestamp': return new Timestamp(v.$timestamp);
    case '$fn': return new FnPtr(v.$fn, revive(v.curried || [], onHandle));
    case '$range': return new Range(asInt(v.$range[0]), asInt(v.$range[1]), false);
    case '$range_inclusive': return new Range(asInt(v.$range_inclusive[0]), asInt(v.$range_inclusive[1]), true);
    case '$map': return reviveMembers(v.$map, onHandle);
    case '$handle': return handleOf(v, onHandle);
    default: return reviveMembers(v, onHandle);
  }
}

function reviveMembers(obj, onHandle) {
  for (const k of Object.keys(obj)) obj[k] = revive(obj[k], onHandle);
  return obj;
}

function handleOf(v, onHandle) {
  const h = new Handle(v.$handle, v.type, v.display);
  if (onHandle) onHandle(h);
  // A closure is still a function pointer to JavaScript code that inspects values.
  if (v.type !== 'Fn') return h;
  const m = /^Fn\((.*)\)$/.exec(v.display);
  return new FnPtr(m ? m[1] : v.display, [], h);
}

// The JavaScript value of the JSON text `text`.
function decode(text, onHandle) {
  const v = parse(text);
  return text.includes('"$') ? revive(v, onHandle) : v;
}

module.exports = { decode };
