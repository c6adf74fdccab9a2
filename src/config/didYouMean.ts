/**
 * Levenshtein edit distance between two strings (insertions, deletions, substitutions).
 *
 * @param a One string.
 * @param b Another.
 * @returns The number of single-character edits that turn `a` into `b`.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The key without case and separators: `checkEvery`, `check_every` and `Check-Every` are alike. */
function normalized(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/**
 * The known key a mistyped one most likely meant: the same key in another spelling (`checkEvery` for
 * `check_every`), else the closest one within 2 edits (1 for keys of 1-2 characters, 3 for keys longer
 * than 10).
 *
 * ```text
 * closestKey('chek_every', ['timeout', 'check_every']) → 'check_every'
 * closestKey('checkEvery', ['check_every'])           → 'check_every'
 * closestKey('colour', ['timeout', 'url'])            → undefined
 * ```
 *
 * @param key The unknown key.
 * @param known The keys allowed where it was found.
 * @returns The suggestion, or `undefined` when nothing is close.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const sameWord = known.find((candidate) => normalized(candidate) === normalized(key));
  if (sameWord !== undefined) return sameWord;
  const limit = key.length > 10 ? 3 : Math.min(2, Math.ceil(key.length / 2));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The problem text for an unknown key: `unknown key (did you mean check_every?)`, or just
 * `unknown key` when nothing is close.
 *
 * @param key The unknown key.
 * @param known The keys allowed where it was found.
 * @returns One short line.
 */
export function unknownKeyProblem(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion === undefined ? 'unknown key' : `unknown key (did you mean ${suggestion}?)`;
}
