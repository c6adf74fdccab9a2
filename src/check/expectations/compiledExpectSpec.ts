import type { ExpectSpec } from '../../config/types.js';
import { compilePattern, type CompiledPattern } from './compiledPattern.js';

/** Every regex of one {@link ExpectSpec}, compiled. */
export interface CompiledExpectSpec {
  readonly bodyMatches?: CompiledPattern;
  readonly bodyNotMatches?: CompiledPattern;
  /** `expect.headers`, names lower-cased, in config order. */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly pattern: CompiledPattern }>;
}

const cache = new WeakMap<ExpectSpec, CompiledExpectSpec>();

/**
 * The regexes of `expect`, compiled on first use and cached per `ExpectSpec` object (a WeakMap, so a
 * reloaded config's old specs are collected). Expectations run thousands of times per second; they
 * must not recompile.
 *
 * @param expect A resolved (frozen) expectation block.
 * @returns Its compiled regexes; the same object on every call for the same `expect`.
 */
export function compiledExpectSpec(expect: ExpectSpec): CompiledExpectSpec {
  let compiled = cache.get(expect);
  if (compiled === undefined) {
    compiled = {
      bodyMatches: expect.bodyMatches === undefined ? undefined : compilePattern(expect.bodyMatches),
      bodyNotMatches:
        expect.bodyNotMatches === undefined ? undefined : compilePattern(expect.bodyNotMatches),
      headers: Object.entries(expect.headers ?? {}).map(([name, source]) => ({
        name: name.toLowerCase(),
        pattern: compilePattern(source),
      })),
    };
    cache.set(expect, compiled);
  }
  return compiled;
}
