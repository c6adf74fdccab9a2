import type { KeyProblem } from './configError.js';
import { interpolateEnv } from './interpolateEnv.js';

/** A parsed document with every string interpolated, and the values substituted. */
export interface InterpolatedTree {
  readonly value: unknown;
  /** Every substituted value, in document order (duplicates possible). */
  readonly substituted: readonly string[];
}

/**
 * Applies {@link interpolateEnv} to every string value of a parsed YAML document (not to keys), in
 * `monitors`, `defaults`, `alerts` and everywhere else, before validation.
 *
 * @param value The parsed document (plain JS).
 * @param env The environment.
 * @returns The new tree and the substituted values, or the first problem with its key path.
 */
export function interpolateEnvTree(
  value: unknown,
  env: NodeJS.ProcessEnv,
): { ok: true; tree: InterpolatedTree } | { ok: false; problem: KeyProblem } {
  const substituted: string[] = [];
  let problem: KeyProblem | undefined;

  const walk = (node: unknown, path: Array<string | number>): unknown => {
    if (problem !== undefined) return node;
    if (typeof node === 'string') {
      const result = interpolateEnv(node, env);
      if (!result.ok) {
        problem = { path, problem: result.problem };
        return node;
      }
      substituted.push(...result.value.values);
      return result.value.text;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return node;
  };

  const tree = walk(value, []);
  return problem === undefined ? { ok: true, tree: { value: tree, substituted } } : { ok: false, problem };
}
