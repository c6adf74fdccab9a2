import { BADGE_COLORS, type BadgeColor } from './badgeColors.js';

/**
 * Advance widths of printable ASCII (space to `~`) in Verdana at 11 px, as shields.io measures
 * badge text (Verdana's units per em × 11 / 2048, rounded to 0.1 px).
 */
const VERDANA_11: readonly number[] = [
  3.9, 4.4, 5.1, 9.2, 7.0, 11.9, 8.1, 3.0, 4.9, 4.9, 7.0, 9.2, 4.0, 5.1, 4.0, 7.0, // space … /
  7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.9, 4.9, 9.2, 9.2, 9.2, 6.0, // 0 … ?
  11.0, 7.5, 7.5, 7.7, 8.5, 7.0, 6.3, 8.5, 8.3, 4.6, 5.1, 7.7, 6.2, 9.2, 8.2, 8.7, // @ … O
  6.6, 8.7, 7.6, 7.5, 6.7, 8.1, 7.5, 10.9, 7.5, 6.7, 7.5, 4.9, 7.0, 4.9, 9.2, 7.0, // P … _
  7.0, 6.6, 6.9, 5.7, 6.9, 6.5, 3.9, 6.9, 7.0, 3.0, 3.7, 6.3, 3.0, 10.7, 7.0, 6.7, // ` … o
  6.9, 6.9, 4.7, 5.7, 4.3, 7.0, 6.3, 8.9, 6.3, 6.3, 5.7, 7.0, 4.9, 7.0, 9.2, // p … ~
];

/**
 * The width of a text in Verdana 11 px, approximately: the ASCII table above, 11 px for wide
 * (East Asian) characters, 7 px for any other.
 *
 * @param text The text.
 * @returns Its width in px.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code >= 0x20 && code <= 0x7e ? VERDANA_11[code - 0x20] : code >= 0x2e80 ? 11 : 7;
  }
  return width;
}

/**
 * Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry.
 *
 * @param text Any text.
 * @returns It, safe inside an element or a quoted attribute.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** What a badge says. */
export interface Badge {
  /** The left, grey part. */
  label: string;
  /** The right, coloured part. */
  message: string;
  color: BadgeColor;
}

/** Longest label or message drawn, in characters (a longer one is cut with `…`). */
const MAX_TEXT = 64;

/**
 * A badge in shields.io's `flat` style: a 20 px high SVG, the label on grey, the message on its
 * colour, Verdana 11 px with a shadow, widths from {@link textWidth}. Pure.
 *
 * ## Example
 * ```ts
 * badgeSvg({ label: 'api', message: 'up', color: 'brightgreen' }); // '<svg xmlns="http://www.w3.org/2000/svg" width="…'
 * ```
 *
 * @param badge Label, message, colour.
 * @returns The SVG document.
 */
export function badgeSvg({ label, message, color }: Badge): string {
  const left = cut(label);
  const right = cut(message);
  const leftWidth = Math.round(textWidth(left) + 10);
  const rightWidth = Math.round(textWidth(right) + 10);
  const width = leftWidth + rightWidth;
  const fill = BADGE_COLORS[color];
  const title = escapeXml(`${left}: ${right}`);
  const l = escapeXml(left);
  const r = escapeXml(right);
  const lx = leftWidth / 2;
  const rx = leftWidth + rightWidth / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${leftWidth}" height="20" fill="#555"/><rect x="${leftWidth}" width="${rightWidth}" height="20" fill="${fill}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">',
    `<text x="${lx}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lx}" y="14">${l}</text>`,
    `<text x="${rx}" y="15" fill="#010101" fill-opacity=".3">${r}</text><text x="${rx}" y="14">${r}</text>`,
    '</g></svg>',
    '',
  ].join('\n');
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_TEXT ? text : `${chars.slice(0, MAX_TEXT - 1).join('')}…`;
}
