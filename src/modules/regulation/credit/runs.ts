import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Actor } from '../../../kernel/audit/index.ts';
import { cstDate } from '../../../kernel/calendar/working-time.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { Job } from '../../../kernel/jobs/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { need, type RegulationContext } from '../area.ts';
import type { BaseEntity } from '../ports.ts';
import { CreditErrors } from './errors.ts';
import { CREDIT_CLASS_CHANGED, CREDIT_RUN_FINISHED, CREDIT_RUN_QUEUED } from './events.ts';
import type { Facts } from './facts.ts';
import { scoreOf } from './score.ts';
import { creditSettings } from './settings.ts';
import { noCounts, writeClasses, type ClassCounts, type ScoredEntity } from './store.ts';
import { creditDb } from './tables.ts';

export const RUN_JOB = 'regulation.credit.run';
export const RECOMPUTE_JOB = 'regulation.credit.recompute';
export const MONTHLY_JOB = 'regulation.credit.monthly';
/** Entities scored and written per transaction: one upsert of this many rows, one audit entry. */
export const BATCH = 2000;
const FAILURE = '分类未能完成，请稍后重试 / The classification could not be completed; try again later';

export interface RunView {
  id: string;
  regionCode: string;
  kind: 'manual' | 'monthly';
  month: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null };
  changed: number;
  counts: ClassCounts | null;
  failure: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type RunOutcome = { counts: ClassCounts; total: number; changed: number } | { failed: true } | null;
type OneOutcome = ScoredEntity | null;

const iso = (v: Date | string | null) => (v == null ? null : new Date(v).toISOString());
const systemActor = (regionCode: string): Actor => ({ id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode });

/**
 * Classification runs. A whole region is long work (tens of thousands of entities), so a request or
 * the monthly timer only queues it: a run record (queued → running with progress → done or failed)
 * and a job. The job reads the 名录库, the base and the facts outside any transaction and writes
 * BATCH entities per transaction, each with its audit entry, so the progress is visible as it goes
 * and a repeat after a crash rewrites the same classes without adding history. A region has at most
 * one open run, and a month is classified once (both unique indexes). One entity is recomputed
 * after an event by a job of its own, queued in the event's transaction.
 */
export class CreditRuns {
  constructor(
    private readonly ctx: RegulationContext,
    private readonly facts: Facts,
  ) {
    const { k } = ctx;
    k.jobs.registerLong<RunOutcome>(RUN_JOB, { work: (job) => this.work(job), commit: (job, trx, out) => this.finish(trx, job.payload.runId, out) });
    k.jobs.registerLong<OneOutcome>(RECOMPUTE_JOB, { work: (job) => this.workOne(job), commit: (job, trx, out) => this.commitOne(trx, job, out) });
    // Daily is enough to start each month's run early on its first day; a month already classified is skipped.
    k.jobs.registerTimer(MONTHLY_JOB, 86_400_000, async (_job, trx) => void (await this.queueMonthly(trx, k.config.regionCode)));
  }

  /** The month (China time) a monthly run now would classify, YYYY-MM. */
  month(): string {
    return cstDate(this.ctx.k.clock.now()).slice(0, 7);
  }

  /** Queues a run and its job in `trx` unless the region has an open run (or, monthly, this month's); returns the run id. */
  async queue(trx: Tx, regionCode: string, kind: 'manual' | 'monthly', by: Actor, requestId?: string): Promise<string | null> {
    const { k } = this.ctx;
    const id = uuidv7();
    const month = kind === 'monthly' ? this.month() : null;
    const ins = await creditDb(trx)
      .insertInto('regulation_credit_run')
      .values({ id, region_code: regionCode, kind, month, state: 'queued', requested_by: by.id, queued_at: k.clock.now() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(ins.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    await k.jobs.enqueue(trx, RUN_JOB, { runId: id }, { regionCode });
    await k.recordChange(trx, {
      actor: by,
      action: 'queued',
      objectType: 'regulation.credit.run',
      objectId: id,
      regionCode,
      change: { kind, month },
      event: { topic: CREDIT_RUN_QUEUED, payload: { id, regionCode, kind, month } },
      requestId,
    });
    return id;
  }

  queueMonthly(trx: Tx, regionCode: string): Promise<string | null> {
    return this.queue(trx, regionCode, 'monthly', systemActor(regionCode));
  }

  /**
   * Queues a run and does it at once in this process, as the worker would (seeds, benchmarks); the
   * job left queued finds the run done and does nothing. Null when the region has an open run (or
   * this month's, monthly).
   */
  async runNow(regionCode: string, kind: 'manual' | 'monthly', by: Actor = systemActor(regionCode)): Promise<RunView | null> {
    const { k } = this.ctx;
    const id = await k.db.transaction().execute((trx) => this.queue(trx, regionCode, kind, by));
    if (!id) return null;
    const out = await this.work({ id, kind: RUN_JOB, regionCode, payload: { runId: id }, attempts: 1 });
    await k.db.transaction().execute((trx) => this.finish(trx, id, out));
    return this.view(id);
  }

  /** The open run of a region, if any. */
  async openRun(regionCode: string): Promise<string | null> {
    const r = await creditDb(this.ctx.k.db).selectFrom('regulation_credit_run').select('id').where('region_code', '=', regionCode).where('state', 'in', ['queued', 'running']).executeTakeFirst();
    return r?.id ?? null;
  }

  async view(id: string): Promise<RunView> {
    const r = await creditDb(this.ctx.k.db).selectFrom('regulation_credit_run').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw CreditErrors.runNotFound();
    return {
      id: r.id,
      regionCode: r.region_code,
      kind: r.kind,
      month: r.month,
      state: r.state,
      progress: { done: r.done, total: r.total },
      changed: r.changed,
      counts: (typeof r.counts === 'string' ? JSON.parse(r.counts) : r.counts) ?? null,
      failure: r.failure,
      queuedAt: iso(r.queued_at)!,
      startedAt: iso(r.started_at),
      finishedAt: iso(r.finished_at),
    };
  }

  async latest(regionCode: string, limit: number): Promise<RunView[]> {
    const rows = await creditDb(this.ctx.k.db).selectFrom('regulation_credit_run').select('id').where('region_code', 'like', `${regionCode}%`).orderBy('queued_at', 'desc').limit(limit).execute();
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  /** The region's classification, outside any transaction but for its batches. */
  private async work(job: Job<{ runId: string }>): Promise<RunOutcome> {
    const { k } = this.ctx;
    const runId = job.payload.runId;
    const db = creditDb(k.db);
    const run = await db.selectFrom('regulation_credit_run').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run || (run.state !== 'queued' && run.state !== 'running')) return null;
    const region = run.region_code;
    try {
      // The 名录库 and the base are read side by side (on a server pool they overlap).
      const [objects, base] = await Promise.all([need(this.ctx, 'objects').inScope(k.db, { regionCodes: [region] }), this.facts.baseOf(region)]);
      // Started over after a worker died: the progress starts over too (the writes are repeatable).
      await db.updateTable('regulation_credit_run').set({ state: 'running', started_at: k.clock.now(), total: objects.length, done: 0, changed: 0 }).where('id', '=', runId).execute();
      const settings = await creditSettings(k.settings, region);
      const now = k.clock.now();
      const cause = run.month ? `monthly:${run.month}` : `run:${runId}`;
      const counts = noCounts();
      let changed = 0;
      for (let i = 0; i < objects.length; i += BATCH) {
        const chunk = objects.slice(i, i + BATCH);
        const facts = await this.facts.of(
          k.db,
          chunk.map((o) => o.creditCode),
          base,
          now,
        );
        const rows: ScoredEntity[] = chunk.map((o) => ({ creditCode: o.creditCode, regionCode: o.regionCode, entityType: o.entityType, ...scoreOf(facts.get(o.creditCode) ?? {}, settings) }));
        for (const r of rows) counts[r.class] += 1;
        changed += await k.db.transaction().execute(async (trx) => {
          const moved = await writeClasses(trx, rows, cause, now);
          await creditDb(trx)
            .updateTable('regulation_credit_run')
            .set((eb) => ({ done: eb('done', '+', rows.length), changed: eb('changed', '+', moved.length) }))
            .where('id', '=', runId)
            .execute();
          await k.recordChange(trx, {
            actor: systemActor(region),
            action: 'classified',
            objectType: 'regulation.credit.run',
            objectId: runId,
            regionCode: region,
            change: { from: i, entities: rows.length, moved: moved.map((m) => [m.creditCode, m.from, m.to, m.score]) },
            event: false,
          });
          return moved.length;
        });
      }
      return { counts, total: objects.length, changed };
    } catch (err) {
      k.log.error({ err, runId, region }, 'credit classification failed');
      return { failed: true };
    }
  }

  /** Marks the run done (or failed) in the transaction that marks the job done. */
  private async finish(trx: Tx, runId: string, out: RunOutcome): Promise<void> {
    if (!out) return;
    const { k } = this.ctx;
    const run = await creditDb(trx).selectFrom('regulation_credit_run').select(['region_code', 'done', 'changed']).where('id', '=', runId).executeTakeFirstOrThrow();
    const failed = 'failed' in out;
    await creditDb(trx)
      .updateTable('regulation_credit_run')
      .set(failed ? { state: 'failed', finished_at: k.clock.now(), failure: FAILURE } : { state: 'done', finished_at: k.clock.now(), counts: JSON.stringify(out.counts) })
      .where('id', '=', runId)
      .execute();
    await k.recordChange(trx, {
      actor: systemActor(run.region_code),
      action: failed ? 'failed' : 'finished',
      objectType: 'regulation.credit.run',
      objectId: runId,
      regionCode: run.region_code,
      change: failed ? { failure: FAILURE } : out,
      event: { topic: CREDIT_RUN_FINISHED, payload: { id: runId, regionCode: run.region_code, state: failed ? 'failed' : 'done', total: failed ? run.done : out.total, changed: run.changed } },
    });
  }

  /** Queues one entity's recomputation; it runs after `trx` commits, so it sees what `trx` wrote. */
  async recomputeLater(trx: Tx, creditCode: string, reason: string): Promise<void> {
    await this.ctx.k.jobs.enqueue(trx, RECOMPUTE_JOB, { creditCode, reason: reason.slice(0, 200) }, { regionCode: this.ctx.k.config.regionCode });
  }

  /** Reads one entity's facts (outside the transaction: other modules' ports read on their own connections). */
  private async workOne(job: Job<{ creditCode: string; reason: string }>): Promise<OneOutcome> {
    const { k, ports } = this.ctx;
    const code = job.payload.creditCode;
    const object = ports.objects ? await ports.objects.get(k.db, code) : null;
    const entity = ports.entities ? await ports.entities.one(code) : null;
    if (!object && !entity) return null;
    const regionCode = object?.regionCode ?? entity!.regionCode;
    const settings = await creditSettings(k.settings, regionCode);
    const base = new Map<string, BaseEntity>(entity ? [[code, entity]] : []);
    const facts = await this.facts.of(k.db, [code], base, k.clock.now());
    return { creditCode: code, regionCode, entityType: object?.entityType ?? entity?.entityType ?? null, ...scoreOf(facts.get(code) ?? {}, settings) };
  }

  private async commitOne(trx: Tx, job: Job<{ creditCode: string; reason: string }>, out: OneOutcome): Promise<void> {
    if (!out) return;
    const { k } = this.ctx;
    const cause = job.payload.reason;
    const [moved] = await writeClasses(trx, [out], cause, k.clock.now());
    await k.recordChange(trx, {
      actor: systemActor(out.regionCode),
      action: 'recomputed',
      objectType: 'regulation.credit.class',
      objectId: out.creditCode,
      regionCode: out.regionCode,
      change: { cause, class: out.class, score: out.score, reasons: out.reasons, ...(moved ? { from: moved.from } : {}) },
      event: moved ? { topic: CREDIT_CLASS_CHANGED, payload: { id: out.creditCode, from: moved.from, to: out.class, score: out.score, cause } } : false,
    });
  }
}
