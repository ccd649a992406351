import { createHash } from 'node:crypto';
import { need, type OpendataContext } from '../area.ts';
import type { Dataset, DatasetItem } from '../ports.ts';
import { AccessErrors } from './errors.ts';

/** A dataset anyone may download and call: published, 无条件开放, with rows and published items. */
export interface OpenDataset {
  ds: Dataset;
  /** Its published items, in the dataset's order: the only columns that ever leave. */
  items: DatasetItem[];
}

/**
 * Looks a dataset up by its URL name and checks that it is open to everyone. A draft, withdrawn or
 * unknown name is a 404 (a visitor learns nothing of drafts); a 有条件开放 dataset is a 403 that
 * says how to get it.
 */
export async function openDataset(ctx: OpendataContext, name: string): Promise<OpenDataset> {
  if (!/^[a-z0-9][a-z0-9_-]{0,99}$/.test(name)) throw AccessErrors.datasetNotFound();
  const ds = await need(ctx, 'catalogue').byName(name);
  if (!ds || ds.state !== 'published') throw AccessErrors.datasetNotFound();
  if (ds.openType !== 'open') throw AccessErrors.conditional();
  const items = ds.items.filter((i) => i.published);
  if (!items.length) throw AccessErrors.noPublishedItems();
  return { ds, items };
}

/** A value as text for a file cell: dates as ISO text, objects as JSON, nothing as empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Only the published items of a source row, in order (the source's `_id` never leaves). */
export function pick(row: Record<string, unknown>, items: DatasetItem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const i of items) {
    const v = row[i.code];
    out[i.code] = v instanceof Date ? (i.dataType === 'date' ? v.toISOString().slice(0, 10) : v.toISOString()) : (v ?? null);
  }
  return out;
}

/*
 * Paging cursors handed to API users wrap the source's own keyset position with a check, so a
 * made-up `after` is a clear 400 rather than whatever the source makes of it.
 */
const check = (datasetId: string, pos: string) => createHash('sha256').update(`${datasetId}\u0000${pos}`).digest('base64url').slice(0, 8);

export function encodeCursor(datasetId: string, pos: string | null): string | null {
  if (pos === null) return null;
  return `${Buffer.from(pos, 'utf8').toString('base64url')}.${check(datasetId, pos)}`;
}

export function decodeCursor(datasetId: string, cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{8})$/.exec(cursor);
  if (!m) throw AccessErrors.badCursor();
  const pos = Buffer.from(m[1], 'base64url').toString('utf8');
  if (check(datasetId, pos) !== m[2]) throw AccessErrors.badCursor();
  return pos;
}
