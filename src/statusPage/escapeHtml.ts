const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML: safe in element content and in quoted attribute values. Every piece of
 * user data on the status page (names, URLs, error messages) goes through it.
 *
 * ## Example
 * ```ts
 * escapeHtml('<b title="x">'); // '&lt;b title=&quot;x&quot;&gt;'
 * ```
 *
 * @param text Any text.
 * @returns The text with `& < > " '` replaced by entities.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
