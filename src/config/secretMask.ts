/** The secrets a running daemon must never print; reloads add to them. */
export interface SecretMask {
  /**
   * @param text Any text bound for an output (a URL, an error message, a log line).
   * @returns The text with every known secret replaced by `***`.
   */
  mask(text: string): string;
  /**
   * Adds secrets (a reloaded config's). A secret is never forgotten.
   *
   * @param secrets Values to mask from now on.
   */
  add(secrets: readonly string[]): void;
}

/**
 * A growing set of secrets and the function that masks them. Values shorter than 4 characters are
 * ignored (masking them would mangle ordinary text); each value is also masked in its JSON-escaped
 * and percent-encoded forms. Longest first, so a secret containing another is masked whole.
 *
 * @param initial The secrets of the config the daemon starts with (`config.secrets`).
 * @returns The mask.
 */
export function createSecretMask(initial: readonly string[] = []): SecretMask {
  const known = new Set<string>();
  let forms: string[] = [];
  const add = (secrets: readonly string[]): void => {
    const before = known.size;
    for (const secret of secrets) if (secret.length >= 4) known.add(secret);
    if (known.size === before) return;
    const all = [...known].flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    forms = [...new Set(all)].sort((a, b) => b.length - a.length);
  };
  add(initial);
  return {
    add,
    mask(text) {
      if (forms.length === 0) return text;
      let clean = text;
      for (const form of forms) if (clean.includes(form)) clean = clean.split(form).join('***');
      return clean;
    },
  };
}
