import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Actor } from '../../../kernel/audit/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import type { Job } from '../../../kernel/jobs/index.ts';
import { need, type RegulationContext } from '../area.ts';
import { DirectoryErrors } from './errors.ts';
import { REGULATION_OBJECTS_SYNCED } from './events.ts';
import { CLOSED_STATUSES, SYSTEM_ACTOR, likeText } from './objects.ts';
import { directoryDb, type RegulationObjectSyncTable } from './tables.ts';

export const SYNC_JOB = 'regulation.objects.sync';
export const SYNC_TIMER = 'regulation.objects.sync-daily';
const OPEN = ['queued', 'running'] as const;
/** Entities read from the base per page, and written per statement. */
const PAGE = 5000;
const FAILURE = '同步未能完成，请稍后重试 / The sync could not be completed; try again later';

export interface SyncRunView {
  id: string;
  regionCode: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Entities read from the base so far (the progress while running). */
  seen: number;
  inserted: number;
  updated: number;
  /** Marked out of scope in this run because the base says 注销 / 吊销 / 撤销. */
  closed: number;
  /** Marked out of scope in this run because the base no longer has them. */
  gone: number;
  failure: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Entity = { c: string; n: string; t: string | null; r: string; s: string | null };
type Outcome = { entities: Entity[] } | { failed: string } | null;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const view = (r: Selectable<RegulationObjectSyncTable>): SyncRunView => ({
  id: r.id,
  regionCode: r.region_code,
  state: r.state as SyncRunView['state'],
  seen: r.seen,
  inserted: r.inserted,
  updated: r.updated,
  closed: r.closed,
  gone: r.gone,
  failure: r.failure,
  queuedAt: iso(r.queued_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

/**
 * 检查对象名录库 sync from the legal-entity base. Reading a region's base (20,000 entities) runs as a
 * long job outside any transaction and shows its progress on the run row; the result is written in
 * the transaction that marks the job done, 5,000 rows per INSERT … ON CONFLICT, and only rows that
 * changed are touched, so a second sync of an unchanged base writes nothing but its run. Entities
 * the base marks 注销 / 吊销, or no longer has, are marked out of scope, never deleted.
 */
export class ObjectSync {
  constructor(private readonly ctx: RegulationContext) {
    const { k } = ctx;
    k.jobs.registerLong<Outcome>(SYNC_JOB, { work: (job) => this.work(job), commit: (job, trx, out) => this.finish(trx, job.payload.runId, out) });
    // Daily: every region that was synced before is synced again (the base changes every day).
    k.jobs.registerTimer(SYNC_TIMER, 86_400_000, async (_job, trx) => {
      const regions = await directoryDb(trx).selectFrom('regulation_object_sync').select('region_code').distinct().execute();
      for (const r of regions) await this.queue(trx, r.region_code, SYSTEM_ACTOR);
    });
  }

  /** Queues a sync of a region (a GB/T 2260 prefix), or answers the one already open. */
  async request(regionCode: string, by: Actor, requestId?: string): Promise<{ run: SyncRunView; queued: boolean }> {
    const id = await this.ctx.k.db.transaction().execute((trx) => this.queue(trx, regionCode, by, requestId));
    const open = id ?? (await this.openRun(regionCode));
    return { run: await this.get(open ?? (await this.latest(regionCode))!.id), queued: !!id };
  }

  /** A sync run now, without the queue (seeds, and the test of a whole region): queues it and does it. */
  async runNow(regionCode: string, by: Actor): Promise<SyncRunView> {
    const { run } = await this.request(regionCode, by);
    const out = await this.work({ id: run.id, kind: SYNC_JOB, regionCode, payload: { runId: run.id }, attempts: 1 });
    await this.ctx.k.db.transaction().execute((trx) => this.finish(trx, run.id, out));
    return this.get(run.id);
  }

  async get(id: string): Promise<SyncRunView> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw DirectoryErrors.syncNotFound();
    const r = await directoryDb(this.ctx.k.db).selectFrom('regulation_object_sync').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw DirectoryErrors.syncNotFound();
    return view(r);
  }

  async latest(regionCode: string): Promise<SyncRunView | null> {
    const r = await directoryDb(this.ctx.k.db)
      .selectFrom('regulation_object_sync')
      .selectAll()
      .where('region_code', '=', regionCode)
      .orderBy('queued_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? view(r) : null;
  }

  private async openRun(regionCode: string): Promise<string | null> {
    const r = await directoryDb(this.ctx.k.db).selectFrom('regulation_object_sync').select('id').where('region_code', '=', regionCode).where('state', 'in', OPEN).executeTakeFirst();
    return r?.id ?? null;
  }

  /** Queues a run and its job in `ex` unless the region has one open; returns the new run's id. */
  async queue(ex: Executor, regionCode: string, by: Actor, requestId?: string): Promise<string | null> {
    const id = uuidv7();
    const r = await directoryDb(ex)
      .insertInto('regulation_object_sync')
      .values({ id, region_code: regionCode, state: 'queued', requested_by: by.id, queued_at: this.ctx.k.clock.now() })
      .onConflict((oc) => oc.column('region_code').where('state', 'in', OPEN).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    await this.ctx.k.jobs.enqueue(ex, SYNC_JOB, { runId: id }, { regionCode });
    await this.ctx.k.recordChange(ex, { actor: by, action: 'sync-queued', objectType: 'regulation.object-sync', objectId: id, regionCode, change: { regionCode }, event: false, requestId });
    return id;
  }

  /** Reads the region's base page by page, outside any transaction, showing progress on the run. */
  private async work(job: Job<{ runId: string }>): Promise<Outcome> {
    const db = directoryDb(this.ctx.k.db);
    const id = job.payload.runId;
    const run = await db.selectFrom('regulation_object_sync').select(['region_code', 'state']).where('id', '=', id).executeTakeFirst();
    if (!run || !OPEN.some((s) => s === run.state)) return null;
    // Started over after a worker died: the progress starts over too.
    await db.updateTable('regulation_object_sync').set({ state: 'running', started_at: this.ctx.k.clock.now(), seen: 0 }).where('id', '=', id).execute();
    try {
      const base = need(this.ctx, 'entities');
      const entities: Entity[] = [];
      for (let after: string | null = null; ;) {
        const page = await base.page(run.region_code, after, PAGE);
        for (const e of page) entities.push({ c: e.creditCode.toUpperCase(), n: e.name, t: e.entityType, r: e.regionCode, s: e.status });
        await db.updateTable('regulation_object_sync').set({ seen: entities.length }).where('id', '=', id).execute();
        if (page.length < PAGE) break;
        after = page[page.length - 1].creditCode;
      }
      return { entities };
    } catch (err) {
      this.ctx.k.log.error({ err, runId: id }, 'regulation objects sync failed');
      return { failed: err instanceof DomainError ? `${err.zh} / ${err.en}` : FAILURE };
    }
  }

  /** Writes the result in the transaction that marks the job done (only `trx`: PGlite has one connection). */
  private async finish(trx: Tx, id: string, out: Outcome): Promise<void> {
    if (!out) return;
    const db = directoryDb(trx);
    const run = await db.selectFrom('regulation_object_sync').selectAll().where('id', '=', id).executeTakeFirst();
    if (!run || run.state === 'done' || run.state === 'failed') return;
    const now = this.ctx.k.clock.now();
    const fail = (failure: string) => db.updateTable('regulation_object_sync').set({ state: 'failed', finished_at: now, failure }).where('id', '=', id).execute();
    if ('failed' in out) return void (await fail(out.failed));
    const prefix = `${likeText(run.region_code)}%`;
    const known = await db.selectFrom('regulation_object').select('credit_code').where('region_code', 'like', prefix).where('source', '=', 'base').where('gone_at', 'is', null).execute();
    // A base that answers nothing for a region that has objects is a broken base, not a closed region.
    if (out.entities.length === 0 && known.length > 0) {
      const e = DirectoryErrors.noBase();
      return void (await fail(`${e.zh} / ${e.en}`));
    }
    let inserted = 0;
    let updated = 0;
    let closed = 0;
    for (let i = 0; i < out.entities.length; i += PAGE) {
      const chunk = out.entities.slice(i, i + PAGE);
      const r = await sql<{ created: boolean; active: boolean }>`
        INSERT INTO regulation_object AS o (id, credit_code, name, entity_type, region_code, source, status, active, created_at, updated_at)
        SELECT x.id, x.c, x.n, x.t, x.r, 'base', x.s, NOT (COALESCE(x.s, '') = ANY(${CLOSED_STATUSES}::text[])), ${now}, ${now}
          FROM unnest(${chunk.map(() => uuidv7())}::uuid[], ${chunk.map((e) => e.c)}::text[], ${chunk.map((e) => e.n)}::text[],
                      ${chunk.map((e) => e.t)}::text[], ${chunk.map((e) => e.r)}::text[], ${chunk.map((e) => e.s)}::text[]) AS x(id, c, n, t, r, s)
        ON CONFLICT (credit_code) DO UPDATE SET
          name = excluded.name, entity_type = excluded.entity_type, region_code = excluded.region_code, status = excluded.status,
          active = excluded.active, gone_at = NULL, version = o.version + 1, updated_at = excluded.updated_at
        WHERE (o.name, o.entity_type, o.region_code, o.status, o.active, o.gone_at IS NULL)
              IS DISTINCT FROM (excluded.name, excluded.entity_type, excluded.region_code, excluded.status, excluded.active, true)
        RETURNING (xmax::text = '0') AS created, active`.execute(trx);
      for (const row of r.rows) {
        if (row.created) inserted += 1;
        else updated += 1;
        if (!row.active) closed += 1;
      }
    }
    const seen = new Set(out.entities.map((e) => e.c));
    const goneCodes = known.map((k) => k.credit_code).filter((c) => !seen.has(c));
    let gone = 0;
    for (let i = 0; i < goneCodes.length; i += PAGE) {
      const r = await db
        .updateTable('regulation_object')
        .set((eb) => ({ active: false, gone_at: now, version: eb('version', '+', 1), updated_at: now }))
        .where('credit_code', 'in', goneCodes.slice(i, i + PAGE))
        .executeTakeFirst();
      gone += Number(r.numUpdatedRows);
    }
    const counts = { seen: out.entities.length, inserted, updated, closed, gone };
    await db
      .updateTable('regulation_object_sync')
      .set({ state: 'done', finished_at: now, ...counts })
      .where('id', '=', id)
      .execute();
    await this.ctx.k.recordChange(trx, {
      actor: { id: run.requested_by, type: run.requested_by === 'system' ? 'system' : 'staff', regionCode: run.region_code },
      action: 'synced',
      objectType: 'regulation.object-sync',
      objectId: id,
      regionCode: run.region_code,
      change: counts,
      event: { topic: REGULATION_OBJECTS_SYNCED, payload: { id, regionCode: run.region_code, ...counts } },
    });
  }
}
