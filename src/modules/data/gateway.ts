import { Readable } from 'node:stream';
import { type Expression, type Selectable, type SqlBool } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { DataCatalogue, Resource, ResourceItem } from './catalogue.ts';
import { DataErrors } from './errors.ts';
import { isMaskedGrade, maskValue } from './masking.ts';
import type { GrantRate } from './grant-rate.ts';
import type { UsageLog, UsageRecord } from './usage-log.ts';
import { dataDb, type DataGrantTable } from './tables.ts';
import { coerce, conditionSql, plainValue, regionSql, selectPage, type Condition } from './backing.ts';

export type { Condition } from './backing.ts';

type GrantRow = Selectable<DataGrantTable>;
type Operation = 'lookup' | 'query' | 'export';
const GRANT_CACHE_MS = 2_000;
const EXPORT_PAGE = 2_000;

/**
 * The data gateway (数据网关): department systems call it with a client-credentials token. Every call
 * finds the caller's grant, refuses items and conditions outside it (a filter on an ungranted item
 * would leak it), applies the grant's row limit, masks L3/L4 items unless clear values were
 * granted and counts the call against the grant's rate (across app nodes). An answer is released
 * only once its usage record is committed (数据使用可追溯).
 */
export class DataGateway {
  private readonly grants = new Map<string, { at: number; g: GrantRow | undefined }>();
  constructor(
    private readonly k: Kernel,
    private readonly catalogue: DataCatalogue,
    private readonly usage: UsageLog,
    private readonly rate: GrantRate,
  ) {}

  /**
   * Drops this node's cached copy of a system's grant (after a revocation). Other app nodes see the
   * change within GRANT_CACHE_MS.
   */
  forget(clientId: string): void {
    this.grants.delete(clientId);
  }

  /** The live grant of the calling system for this resource; refusals leave a usage record too. */
  private async grantFor(who: Principal | null, resource: Resource): Promise<GrantRow> {
    if (!who || who.type !== 'client' || !who.permissions.has('data.gateway')) throw DataErrors.noGrant();
    const clientId = who.accountId.replace(/^client:/, '');
    let hit = this.grants.get(clientId);
    if (!hit || Date.now() - hit.at > GRANT_CACHE_MS) {
      hit = { at: Date.now(), g: await dataDb(this.k.db).selectFrom('data_grant').selectAll().where('client_id', '=', clientId).executeTakeFirst() };
      if (this.grants.size > 10_000) this.grants.clear();
      this.grants.set(clientId, hit);
    }
    const g = hit.g;
    const now = this.k.clock.now().getTime();
    if (!g || g.resource_id !== resource.id) throw DataErrors.noGrant();
    if (g.revoked_at || new Date(g.valid_from).getTime() > now || new Date(g.expires_at).getTime() <= now) {
      await this.record(g, resource, 'refused', [], 0, 'expired-or-revoked');
      throw DataErrors.noGrant();
    }
    if (!(await this.rate.admit(g.id, g.rate_per_minute, now))) throw DataErrors.rate();
    return g;
  }

  /** Waits for the record to be committed; if it cannot be, the call fails and nothing is returned. */
  private async record(g: GrantRow, r: Resource, operation: Operation | 'refused', items: string[], rows: number, outcome: string) {
    try {
      await this.usage.write(this.usageRow(g, r, operation, items, rows, outcome));
    } catch {
      throw DataErrors.untraced();
    }
  }

  private usageRow(g: GrantRow, r: Resource, operation: string, items: string[], rows: number, outcome: string): UsageRecord {
    return { id: uuidv7(), grant_id: g.id, resource_id: r.id, region_code: r.regionCode, client_id: g.client_id, operation, purpose: g.purpose, items, row_count: rows, outcome, at: this.k.clock.now() };
  }

  /** Items the caller asked for (default: all granted), each of which must be granted. */
  private outputItems(g: GrantRow, r: Resource, asked?: string[]): ResourceItem[] {
    const granted = new Set<string>(g.items);
    const names = asked?.length ? asked : [...granted];
    const outside = names.filter((n) => !granted.has(n));
    if (outside.length) throw DataErrors.itemNotGranted(outside);
    return names.map((n) => r.items.find((i) => i.code === n)!).filter(Boolean);
  }

  /** Conditions to SQL over the resource's columns or record fields; encrypted items match through their blind index. */
  private conditions(g: GrantRow, r: Resource, where: Condition[]): Expression<SqlBool>[] {
    const granted = new Set<string>(g.items);
    const outside = where.filter((c) => !granted.has(c.item)).map((c) => c.item);
    if (outside.length) throw DataErrors.itemNotGranted([...new Set(outside)]);
    const out: Expression<SqlBool>[] = where.map((c) => conditionSql(this.k, r, c));
    if (g.row_region) out.push(regionSql(g.row_region));
    return out;
  }

  /** One output row: clear values where granted or not sensitive, masked values otherwise. */
  private present(g: GrantRow, items: ResourceItem[], row: Record<string, unknown>): Record<string, unknown> {
    const clear = new Set<string>(g.clear_items);
    const out: Record<string, unknown> = {};
    for (const it of items) {
      const s = it.storage;
      if ('encrypted' in s) out[it.code] = clear.has(it.code) ? (row[s.encrypted] ? this.k.crypto.decryptField(String(row[s.encrypted])) : null) : row[s.masked];
      else {
        const v = plainValue(it, row);
        out[it.code] = isMaskedGrade(it.grade) && !clear.has(it.code) ? maskValue(v, it.dataType, it.code) : v;
      }
    }
    return out;
  }

  private columnsOf(items: ResourceItem[], clear: Set<string>): string[] {
    return [...new Set(items.flatMap((it) => ('encrypted' in it.storage ? [clear.has(it.code) ? it.storage.encrypted : it.storage.masked] : 'column' in it.storage ? [it.storage.column] : [])))];
  }

  /** Reads rows, then records the use; the rows are handed back only once the record is committed. */
  private async read(g: GrantRow, r: Resource, operation: Operation, items: ResourceItem[], where: Expression<SqlBool>[], limit: number, after?: string) {
    const rows = await selectPage(this.k.db, r, this.columnsOf(items, new Set(g.clear_items)), where, limit, after);
    await this.record(g, r, operation, items.map((i) => i.code), rows.length, 'ok');
    return rows;
  }

  private async resource(code: string): Promise<Resource> {
    const r = await this.catalogue.byCode(code);
    if (!r) throw DataErrors.noGrant();
    return r;
  }

  /** 核验: do these values match one row? Answers yes or no, never the row. */
  async lookup(who: Principal | null, code: string, values: Record<string, unknown>): Promise<{ match: boolean }> {
    const r = await this.resource(code);
    const g = await this.grantFor(who, r);
    const where = Object.entries(values).map(([item, value]) => ({ item, op: 'eq' as const, value }));
    if (!where.length) throw DataErrors.badCondition('give at least one value / 至少提供一个比对值');
    if (r.backing === 'http') return { match: (await this.upstream(g, r, where, [], 1)).length > 0 };
    const rows = await this.read(g, r, 'lookup', [], this.conditions(g, r, where), 1);
    return { match: rows.length > 0 };
  }

  async query(who: Principal | null, code: string, body: { items?: string[]; where?: Condition[]; limit?: number; after?: string }) {
    const r = await this.resource(code);
    const g = await this.grantFor(who, r);
    const items = this.outputItems(g, r, body.items);
    const where = body.where ?? [];
    const limit = body.limit ?? 20;
    if (r.backing === 'http') return { rows: await this.upstream(g, r, where, items, limit), next: null };
    const rows = await this.read(g, r, 'query', items, this.conditions(g, r, where), limit, body.after);
    // Each row carries its id, so a consumer can raise a data objection on it.
    return { rows: rows.map((row) => ({ _id: row.id, ...this.present(g, items, row) })), next: rows.length === limit ? String(rows[rows.length - 1].id) : null };
  }

  /** Bulk export as NDJSON, read page by page in id order; the usage record is written when it ends. */
  async export(who: Principal | null, code: string, body: { items?: string[]; where?: Condition[] }): Promise<Readable> {
    const r = await this.resource(code);
    const g = await this.grantFor(who, r);
    if (r.backing === 'http') throw DataErrors.badCondition('export is for stored resources / 仅本库资源可批量导出');
    const items = this.outputItems(g, r, body.items);
    const where = this.conditions(g, r, body.where ?? []);
    const cols = this.columnsOf(items, new Set(g.clear_items));
    // A generator cannot be an arrow function, so it reaches the gateway through `self`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    async function* lines() {
      let after: string | null = null;
      let total = 0;
      let complete = false;
      try {
        for (;;) {
          const page = await selectPage(self.k.db, r, cols, where, EXPORT_PAGE, after);
          if (!page.length) break;
          total += page.length;
          yield page.map((row) => JSON.stringify(self.present(g, items, row))).join('\n') + '\n';
          if (page.length < EXPORT_PAGE) break;
          after = String(page[page.length - 1].id);
        }
        complete = true;
      } finally {
        // A consumer that hangs up part-way still leaves a trace of the rows it was sent.
        await self.record(g, r, 'export', items.map((i) => i.code), total, complete ? 'ok' : 'interrupted').catch((err) => self.k.log.error({ err }, 'export usage record not written'));
      }
    }
    return Readable.from(lines());
  }

  /** An upstream HTTP resource: exact-match conditions become query parameters; the answer is filtered and masked like a table's. */
  private async upstream(g: GrantRow, r: Resource, where: Condition[], items: ResourceItem[], limit: number) {
    const granted = new Set<string>(g.items);
    const outside = where.filter((c) => !granted.has(c.item)).map((c) => c.item);
    if (outside.length) throw DataErrors.itemNotGranted(outside);
    const url = new URL(r.backingRef);
    for (const c of where) {
      if (c.op !== 'eq') throw DataErrors.badCondition('upstream resources take exact matches / 上游接口仅支持精确匹配');
      const item = r.items.find((i) => i.code === c.item)!;
      url.searchParams.set('field' in item.storage ? item.storage.field : c.item, String(coerce(item, c.value)));
    }
    let body: unknown;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(String(res.status));
      body = await res.json();
    } catch {
      await this.record(g, r, 'query', [], 0, 'upstream-failed');
      throw DataErrors.upstream();
    }
    const list = (Array.isArray(body) ? body : Array.isArray((body as { rows?: unknown[] })?.rows) ? (body as { rows: unknown[] }).rows : []).slice(0, limit) as Record<string, unknown>[];
    await this.record(g, r, items.length ? 'query' : 'lookup', items.map((i) => i.code), list.length, 'ok');
    const clear = new Set<string>(g.clear_items);
    return list.map((row) => Object.fromEntries(items.map((it) => {
      const v = row['field' in it.storage ? it.storage.field : it.code];
      return [it.code, isMaskedGrade(it.grade) && !clear.has(it.code) ? maskValue(v, it.dataType, it.code) : v];
    })));
  }
}
