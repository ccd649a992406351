import { Errors } from '../http/errors.ts';

/** Hard maximum page size of every list. */
export const MAX_PAGE = 200;

/** Keyset cursor: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, size: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === size && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  throw Errors.validation([{ path: '/after', message: 'invalid cursor / 无效的分页游标' }]);
}

/** Splits one extra fetched row off into the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
