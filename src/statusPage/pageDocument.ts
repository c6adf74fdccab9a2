import { createHash } from 'node:crypto';
import { escapeHtml } from './escapeHtml.js';
import { OVERVIEW_SCRIPT } from './overviewScript.js';
import { STATUS_STYLES } from './statusStyles.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The Content-Security-Policy of the overview and the monitor pages: only their own inline style and
 * script (by hash), events from their own origin, nothing else. A second line of defence behind the
 * escaping of user data.
 */
export const STATUS_CSP = [
  "default-src 'none'",
  `style-src ${hash(STATUS_STYLES)}`,
  `script-src ${hash(OVERVIEW_SCRIPT)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What {@link renderDocument} wraps. */
export interface DocumentParts {
  /** The `<title>`, as text (escaped here). */
  title: string;
  /** The `<body>`'s markup (already escaped). */
  body: string;
  /** Attributes of `<body>`, values as text (escaped here). */
  bodyData?: Readonly<Record<string, string>>;
  /** Refresh the page this often when JavaScript is off (a meta refresh inside `<noscript>`), seconds. */
  noscriptRefreshSeconds?: number;
  /** Include the overview's script. */
  script?: boolean;
}

/**
 * An HTML document of the status page: the head (viewport, colour schemes, the inline stylesheet),
 * the body, and optionally the overview's inline script.
 *
 * @param parts Title, body and options.
 * @returns The document.
 */
export function renderDocument({ title, body, bodyData = {}, noscriptRefreshSeconds, script = false }: DocumentParts): string {
  const attributes = Object.entries(bodyData)
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join('');
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n' +
    '<link rel="icon" href="data:,">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    (noscriptRefreshSeconds === undefined ? '' : `<noscript><meta http-equiv="refresh" content="${noscriptRefreshSeconds}"></noscript>\n`) +
    `<style>${STATUS_STYLES}</style>\n</head>\n<body${attributes}>\n<main class="page">\n${body}\n</main>\n` +
    (script ? `<script>${OVERVIEW_SCRIPT}</script>\n` : '') +
    '</body>\n</html>\n'
  );
}
