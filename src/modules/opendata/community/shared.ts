import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { Dataset } from '../ports.ts';
import { CommunityErrors } from './errors.ts';
import type { CommunityTables } from './tables.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dataset as the community's views name it. */
export interface DatasetRef {
  id: string;
  name: string;
  title: string;
  titleEn: string;
}

export const refOf = (d: Dataset): DatasetRef => ({ id: d.id, name: d.name, title: d.title, titleEn: d.titleEn });

/** A dataset by id or URL name (either may be given), or null. */
export async function findDataset(ctx: OpendataContext, ref: string): Promise<Dataset | null> {
  const catalogue = need(ctx, 'catalogue');
  if (UUID.test(ref)) return catalogue.byId(ref.toLowerCase());
  return catalogue.byName(ref);
}

/** The published dataset a page is about (404 otherwise: the public cannot tell a draft from nothing). */
export async function publishedOr404(ctx: OpendataContext, ref: string): Promise<Dataset> {
  const d = await findDataset(ctx, ref);
  if (!d || d.state !== 'published') throw Errors.notFound('dataset');
  return d;
}

/** Datasets named in a submission (by id or name): every one must be published, or 422 naming those that are not. */
export async function publishedAll(ctx: OpendataContext, refs: string[], path = '/datasets'): Promise<Dataset[]> {
  const trimmed = refs.map((r) => r.trim());
  if (new Set(trimmed.map((r) => r.toLowerCase())).size !== trimmed.length) throw CommunityErrors.repeated(path);
  const found = await Promise.all(trimmed.map((r) => findDataset(ctx, r)));
  const bad = trimmed.filter((_, i) => found[i]?.state !== 'published');
  if (bad.length) throw path === '/datasets' ? CommunityErrors.datasetsNotOpen(bad) : CommunityErrors.datasetNotOpen(path);
  const ds = found as Dataset[];
  if (new Set(ds.map((d) => d.id)).size !== ds.length) throw CommunityErrors.repeated(path);
  return ds;
}

/** Datasets by id for views (a dataset since withdrawn still shows its name). */
export async function datasetRefs(ctx: OpendataContext, ids: string[]): Promise<Map<string, DatasetRef>> {
  const catalogue = ctx.ports.catalogue;
  const out = new Map<string, DatasetRef>();
  if (!catalogue) return out;
  const uniq = [...new Set(ids)];
  const found = await Promise.all(uniq.map((id) => catalogue.byId(id)));
  found.forEach((d) => d && out.set(d.id, refOf(d)));
  return out;
}

/** Text as stored: trimmed, not blank, at most `max` characters (code points, not UTF-16 units). */
export function text(value: string, path: string, max: number): string {
  const t = value.trim();
  if (!t) throw CommunityErrors.blankText(path);
  if ([...t].length > max) throw Errors.validation([{ path, message: `at most ${max} characters / 不超过 ${max} 字` }]);
  return t;
}

export function optionalText(value: string | undefined | null, path: string, max: number): string | null {
  if (value === undefined || value === null || !value.trim()) return null;
  return text(value, path, max);
}

/** A person's name as the public sees it beside their words: the family name and a mask (张*、欧阳**). */
export function publicName(who: Principal): string {
  if (who.actingFor) return who.actingFor.name;
  const chars = [...(who.name || '').trim()];
  // An account known only by its phone number shows no part of it.
  if (!chars.length || /\d/.test(who.name)) return '公众用户';
  if (chars.length === 1) return chars[0];
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.min(chars.length - keep, 3));
}

/** The region an act of the bureau is checked against: the object's. */
export function assertBureau(ctx: OpendataContext, who: Principal | null, regionCode: string): asserts who is Principal {
  assertAllowed(ctx.policy, who, 'opendata.manage', { regionCode });
}

export function isBureau(ctx: OpendataContext, who: Principal | null, regionCode: string): boolean {
  return !!who && ctx.policy.can(who, 'opendata.manage', { regionCode });
}

export function signedIn(who: Principal | null): asserts who is Principal {
  if (!who) throw Errors.unauthenticated();
}

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The limit of a page: default 20, at most 100. */
export const limitOf = (n: number | undefined) => Math.min(Math.max(n ?? 20, 1), 100);

type Listed = 'opendata_comment' | 'opendata_demand' | 'opendata_app' | 'opendata_product';

/**
 * One page of a community list keyed on (created_at, id): newest first for the public lists, oldest
 * first for the bureau's review queue, with the total the filters leave. `base` carries the filters.
 */
export async function pageByCreated<T extends Listed>(
  base: SelectQueryBuilder<CommunityTables, T, object>,
  q: { after?: string; limit?: number },
  order: 'newest' | 'oldest' = 'newest',
): Promise<{ rows: Selectable<CommunityTables[T]>[]; next: string | null; total: number }> {
  const limit = limitOf(q.limit);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const after = decodeCursor(q.after, 2);
  const dir = order === 'newest' ? 'desc' : 'asc';
  const rows = await base
    .selectAll()
    .$if(!!after, (qb) => qb.where(sql<boolean>`(created_at, id) ${sql.raw(order === 'newest' ? '<' : '>')} (${String(after![0])}::timestamptz, ${String(after![1])}::uuid)`))
    .orderBy(sql`created_at`, dir)
    .orderBy(sql`id`, dir)
    .limit(limit + 1)
    .execute();
  // Every listed table has created_at and id; Kysely cannot see that through the generic table name.
  const keyed = rows as unknown as (Selectable<CommunityTables[T]> & { created_at: Date; id: string })[];
  const pg = pageOf(keyed, limit, (r) => [r.created_at.toISOString(), r.id]);
  return { rows: pg.items, next: pg.next, total: Number(n) };
}
