'use strict';
// rhai-cpp for Node.js: Rhai scripts whose host functions may be async (README.md).
const { Engine } = require('./lib/engine');
const { RhaiError } = require('./lib/errors');
const { Char, Float, Timestamp, FnPtr, Handle, Range } = require('./lib/types');

module.exports = { Engine, RhaiError, Char, Float, Timestamp, FnPtr, Handle, Range };
