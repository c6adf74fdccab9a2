import { z } from 'zod';
import { unknownKeyProblem } from '../didYouMean.js';

/** How keys are spelled: `snake_case` in YAML (the original's keys), `camelCase` in the library. */
export type KeyStyle = 'snake_case' | 'camelCase';

/**
 * A camelCase key in the given style: `checkEvery` → `check_every` for YAML.
 *
 * @param key A camelCase key.
 * @param style The spelling wanted.
 * @returns The key as users write it in that style.
 */
export function styledKey(key: string, style: KeyStyle): string {
  return style === 'camelCase' ? key : key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * A strict map with a fixed set of keys, written once in camelCase and accepted in either spelling:
 * in `snake_case` style the input keys are `check_every`, … and the output is renamed back to
 * camelCase, so every rule is written once for the YAML and the library alike.
 *
 * An unknown key is an error at the key itself, with a suggestion when a known key is close:
 * `unknown key (did you mean check_every?)`.
 *
 * @param shape The keys (camelCase) and their schemas.
 * @param style How the input spells the keys.
 * @returns A schema whose output has the camelCase keys.
 */
export function struct<Shape extends z.ZodRawShape>(
  shape: Shape,
  style: KeyStyle,
): z.ZodType<z.output<z.ZodObject<Shape, z.core.$strict>>, unknown> {
  const camelOf = new Map(Object.keys(shape).map((key) => [styledKey(key, style), key]));
  const known = [...camelOf.keys()];
  const styledShape = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [styledKey(key, style), schema]));
  const schema = z.strictObject(styledShape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownKeyProblem(String(issue.keys[0]), known) : undefined,
  });
  const renamed = schema.transform((value) =>
    Object.fromEntries(Object.entries(value).map(([key, item]) => [camelOf.get(key) ?? key, item])),
  );
  return renamed as unknown as z.ZodType<z.output<z.ZodObject<Shape, z.core.$strict>>, unknown>;
}
