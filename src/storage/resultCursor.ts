/** Where a page of results ended: `startedAt` in ms and the row's id break ties. */
export interface CursorPosition {
  ms: number;
  id: number;
}

/**
 * Encodes a page's last position as the opaque cursor the API hands out.
 *
 * @param position The last result's time and id.
 * @returns The cursor, such as `1764620000000_42`.
 */
export function encodeCursor({ ms, id }: CursorPosition): string {
  return `${ms}_${id}`;
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 *
 * @param cursor The cursor given back.
 * @returns The position, or `undefined` when it is not one.
 */
export function decodeCursor(cursor: string): CursorPosition | undefined {
  const match = /^(\d{1,15})_(\d{1,15})$/.exec(cursor);
  if (!match) return undefined;
  return { ms: Number(match[1]), id: Number(match[2]) };
}

/**
 * Whether a row comes after the cursor in the page order.
 *
 * @param row The row's time and id.
 * @param after The cursor's position.
 * @param order The page order.
 * @returns True when the row belongs to a later page.
 */
export function isAfterCursor(row: CursorPosition, after: CursorPosition, order: 'asc' | 'desc'): boolean {
  const cmp = row.ms === after.ms ? row.id - after.id : row.ms - after.ms;
  return order === 'asc' ? cmp > 0 : cmp < 0;
}
