const decoder = new TextDecoder('utf-8');
const textCache = new WeakMap<Buffer, string>();

/** The body parsed as JSON, or why it is not JSON. */
export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const jsonCache = new WeakMap<Buffer, JsonBody>();

/**
 * The body decoded as UTF-8 (a leading BOM dropped, invalid bytes replaced by U+FFFD), decoded once
 * per body buffer however many expectations read it. Only body and JSON expectations call this, so a
 * check without them never decodes.
 *
 * @param body The response body bytes.
 * @returns The text.
 */
export function bodyText(body: Buffer): string {
  let text = textCache.get(body);
  if (text === undefined) {
    text = decoder.decode(body);
    textCache.set(body, text);
  }
  return text;
}

/**
 * The body parsed as JSON, parsed once per body buffer.
 *
 * @param body The response body bytes.
 * @returns `{ ok: true, value }`, or `{ ok: false, reason }` when the body is not JSON.
 */
export function bodyJson(body: Buffer): JsonBody {
  let parsed = jsonCache.get(body);
  if (parsed === undefined) {
    try {
      parsed = { ok: true, value: JSON.parse(bodyText(body)) as unknown };
    } catch (error) {
      parsed = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    jsonCache.set(body, parsed);
  }
  return parsed;
}
