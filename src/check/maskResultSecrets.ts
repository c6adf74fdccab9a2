import type { CheckResult } from './checkResult.js';

/**
 * A check result with secrets masked in its URLs and error message, before it reaches any sink (log,
 * metrics, state changes, alerts). The same object when nothing needed masking.
 *
 * @param result The result.
 * @param mask Masks secrets in a text (`SecretMask.mask`).
 * @returns The masked result.
 */
export function maskResultSecrets(result: CheckResult, mask: (text: string) => string): CheckResult {
  const url = mask(result.url);
  const finalUrl = result.finalUrl === undefined ? undefined : mask(result.finalUrl);
  const message = result.error === undefined ? undefined : mask(result.error.message);
  if (url === result.url && finalUrl === result.finalUrl && message === result.error?.message) return result;
  return {
    ...result,
    url,
    ...(finalUrl === undefined ? {} : { finalUrl }),
    ...(result.error === undefined || message === undefined ? {} : { error: { ...result.error, message } }),
  };
}
