import type { Checked } from './schema/valueSchema.js';

/** `$${` (an escaped literal), or `${NAME}` (closed or not). */
const REFERENCE = /\$(\$)?\{([^}]*)(\})?/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A string after interpolation, and the values that went into it. */
export interface Interpolation {
  readonly text: string;
  /** The substituted values (secrets: they must never be printed). */
  readonly values: readonly string[];
}

/**
 * Replaces every `${NAME}` in `text` with the environment variable's value; `$${` stands for a
 * literal `${`. A variable that is not set (an empty one is set), a `${` without its `}` and a name
 * that is not `[A-Za-z_][A-Za-z0-9_]*` are problems.
 *
 * ```text
 * 'Bearer ${API_TOKEN}'  (API_TOKEN=abc) → 'Bearer abc', values ['abc']
 * 'cost: $${PRICE}'                      → 'cost: ${PRICE}'
 * '${MISSING}'                           → environment variable MISSING is not set
 * ```
 *
 * @param text A string value from the config.
 * @param env The environment.
 * @returns The interpolated text and the substituted values, or the problem (never a value).
 */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv): Checked<Interpolation> {
  if (!text.includes('${')) return { ok: true, value: { text, values: [] } };
  const values: string[] = [];
  let problem: string | undefined;
  const result = text.replace(REFERENCE, (match, escaped: string | undefined, name: string, closed: string | undefined) => {
    if (escaped !== undefined) return match.slice(1);
    if (problem !== undefined) return match;
    if (closed === undefined) {
      problem = 'unterminated "${" (write "$${" for a literal "${")';
    } else if (!VARIABLE_NAME.test(name)) {
      problem = `"\${${name.slice(0, 40)}}" is not a valid variable reference (write "$\${" for a literal "\${")`;
    } else {
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      if (typeof value === 'string') {
        values.push(value);
        return value;
      }
      problem = `environment variable ${name} is not set`;
    }
    return match;
  });
  return problem === undefined ? { ok: true, value: { text: result, values } } : { ok: false, problem };
}
