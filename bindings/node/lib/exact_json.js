'use strict';
// A JSON parser that keeps integers exact: an integer literal beyond Number.MAX_SAFE_INTEGER
// becomes a BigInt. JSON.parse would round it to the nearest double (Rhai INTs are 64-bit).
// Only used when the text has such a literal (see lib/decode.js); the input is the library's
// own well-formed output, so errors just say where parsing stopped.

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

class Parser {
  constructor(text) {
    this.text = text;
    this.i = 0;
  }

  fail(what) { throw new SyntaxError(`exact JSON: ${what} at offset ${this.i}`); }

  skip() {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i])) this.i++;
  }

  value() {
    this.skip();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail('unexpected character');
  }

  number() {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('bad number');
    this.i = NUMBER.lastIndex;
    if (m[1] || m[2]) return Number(m[0]);
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? n : BigInt(m[0]);
  }

  string() {
    STRING.lastIndex = this.i;
    const m = STRING.exec(this.text);
    if (!m) this.fail('unterminated string');
    this.i = STRING.lastIndex;
    return JSON.parse(m[0]);
  }

  array() {
    this.i++;
    const out = [];
    this.skip();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skip();
      const c = this.text[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  object() {
    this.i++;
    const out = {};
    this.skip();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skip();
      if (this.text[this.i] !== '"') this.fail('expected a key');
      const key = this.string();
      this.skip();
      if (this.text[this.i++] !== ':') this.fail('expected :');
      // defineProperty: a key "__proto__" is an own property, as JSON.parse makes it.
      Object.defineProperty(out, key, { value: this.value(), writable: true, enumerable: true, configurable: true });
      this.skip();
      const c = this.text[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or }');
    }
  }
}

function parseExact(text) {
  const p = new Parser(text);
  const v = p.value();
  p.skip();
  if (p.i !== text.length) p.fail('trailing characters');
  return v;
}

module.exports = { parseExact };
