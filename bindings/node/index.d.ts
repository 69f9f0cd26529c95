// Types of rhai-cpp for Node.js (README.md describes the behaviour).

/** A JavaScript value as it crosses to and from Rhai (README.md, "Values"). */
export type RhaiValue =
  | number
  | bigint
  | boolean
  | string
  | null
  | undefined
  | Uint8Array
  | Char
  | Float
  | Timestamp
  | FnPtr
  | Handle
  | Range
  | RhaiValue[]
  | Map<string, RhaiValue>
  | { [key: string]: RhaiValue };

/** `this` inside a host function. */
export interface HostCall {
  /** The name the script called. */
  readonly name: string;
  /** Aborted when the call is abandoned: the script was cancelled, timed out or the engine closed. */
  readonly signal: AbortSignal;
}

export interface RegisterOptions {
  /** Also pass the call's AbortSignal as a last argument (handy for arrow functions). */
  signal?: boolean;
}

export interface EvalAsyncOptions {
  /** Milliseconds for the whole evaluation; past it the Promise rejects with kind 'timeout'. */
  timeout?: number;
  /** Cancels the evaluation: it rejects with kind 'cancelled' (name 'AbortError'). */
  signal?: AbortSignal;
  /** Time slicing: yield to the event loop after about this many operations. */
  slice?: number;
}

/** Engine settings (docs/c-abi.md, rhai_engine_config). */
export interface EngineSettings {
  max_operations?: number;
  max_call_levels?: number;
  max_expr_depth?: number;
  max_function_expr_depth?: number;
  max_string_size?: number;
  max_array_size?: number;
  max_map_size?: number;
  max_variables?: number;
  max_functions?: number;
  max_modules?: number;
  allow_eval?: boolean;
  allow_import?: boolean;
  strict_variables?: boolean;
  fail_on_invalid_map_property?: boolean;
  call_timeout_ms?: number;
  max_pending_calls?: number;
  optimization?: 'none' | 'simple' | 'full';
}

export class Engine {
  constructor(settings?: EngineSettings);
  configure(settings: EngineSettings): this;
  registerFunction(
    name: string,
    fn: (this: HostCall, ...args: any[]) => RhaiValue | PromiseLike<RhaiValue>,
    options?: RegisterOptions,
  ): this;
  eval(script: string): any;
  evalAsync(script: string, options?: EvalAsyncOptions): Promise<any>;
  onPrint(fn: ((text: string) => void) | null): this;
  onDebug(fn: ((text: string) => void) | null): this;
  /** Host calls waiting for a Promise right now. */
  readonly pendingCalls: number;
  close(): void;
  [Symbol.dispose](): void;
}

export interface CallFrame {
  function: string;
  line: number;
  column: number;
}

export class RhaiError extends Error {
  readonly kind: 'parse' | 'runtime' | 'timeout' | 'cancelled' | 'input' | 'internal';
  /** Rhai's error name, e.g. 'ErrorFunctionNotFound'. */
  readonly error: string;
  /** 1-based; 0 when unknown. */
  readonly line: number;
  readonly column: number;
  readonly callStack: CallFrame[];
  /** What the script threw with `throw`, if it did. */
  readonly value?: any;
  /** 'AbortError' for kind 'cancelled', else 'RhaiError'. */
  readonly name: string;
}

/** A Rhai char going in (a char comes out as a one-character string). */
export class Char {
  constructor(ch: string);
  readonly value: string;
}

/** A FLOAT even for an integral number (integral safe numbers go in as INT). */
export class Float {
  constructor(x: number);
  readonly value: number;
}

/** An instant on the engine's monotonic clock (not wall-clock time). */
export class Timestamp {
  constructor(ns: bigint | number);
  readonly ns: bigint;
  millisUntil(other: Timestamp): number;
}

/** A function pointer; a closure carries a `handle` to the value the engine keeps. */
export class FnPtr {
  constructor(name: string, curried?: RhaiValue[], handle?: Handle | null);
  readonly name: string;
  readonly curried: RhaiValue[];
  readonly handle: Handle | null;
}

/** A value JSON cannot carry, kept by the engine while this object lives. */
export class Handle {
  readonly id: number;
  readonly type: string;
  readonly display: string;
}

/** An integer range start..end (inclusive: start..=end); iterable. */
export class Range implements Iterable<number> {
  constructor(start: number | bigint, end: number | bigint, inclusive?: boolean);
  readonly start: number | bigint;
  readonly end: number | bigint;
  readonly inclusive: boolean;
  [Symbol.iterator](): Iterator<number>;
}
