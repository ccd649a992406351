import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { DomainError, Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Job } from '../../kernel/jobs/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { DataCatalogue } from './catalogue.ts';
import { DataQuality, type QualityResult, type ResourceRef } from './quality.ts';
import type { FindingSummary, QualityRun } from './schema.ts';
import { dataDb } from './tables.ts';

const JOB = 'data.quality.run';
const OPEN = ['queued', 'running'] as const;
const FAILURE = '检查未能完成，请稍后重试 / The check could not be completed; try again later';

export const QualityRunErrors = {
  notTable: () => new DomainError('DATA_QUALITY_NOT_TABLE', 409, '只有库表类资源可以检查数据质量', 'Only table resources can be checked for quality'),
};

/** A quality run as the API shows it: its state, its progress and, once done, its result. */
export type QualityRunView = QualityRun;

type Outcome = { result: QualityResult; resource: ResourceRef } | { failed: true } | null;

/**
 * Quality runs (数据质量检查) asked for by the data bureau or by the daily timer. A check reads whole
 * tables and can take many seconds, so a request only queues it: it becomes a run record (queued →
 * running with progress → done or failed) and a job that a worker picks up. Each resource has at
 * most one open run (a unique index), so asking again while one is open returns that run.
 */
export class QualityRuns {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: DataCatalogue,
    private readonly quality: DataQuality,
  ) {
    k.jobs.registerLong<Outcome>(JOB, { work: (job) => this.work(job), commit: (job, trx, out) => this.finish(trx, job.payload.runId, out) });
  }

  /** Queues a check of a resource, or finds the one already queued or running. */
  async request(who: Principal, code: string): Promise<{ run: QualityRunView; queued: boolean }> {
    const r = await this.catalogue.get(code);
    assertAllowed(this.policy, who, 'data.bureau', { regionCode: r.regionCode });
    if (r.backing !== 'table') throw QualityRunErrors.notTable();
    const queued = await this.k.db.transaction().execute((trx) => this.queue(trx, { id: r.id, code: r.code, regionCode: r.regionCode }, actorOf(who)));
    const open = queued ?? (await dataDb(this.k.db).selectFrom('data_quality_run').select('id').where('resource_id', '=', r.id).where('state', 'in', OPEN).executeTakeFirst())?.id;
    // The open run may have finished in between: then the latest one is the answer.
    const id = open ?? (await dataDb(this.k.db).selectFrom('data_quality_run').select('id').where('resource_id', '=', r.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    return { run: await this.view(id), queued: !!queued };
  }

  /** Queues a run and its job in `ex` unless the resource has an open run; returns the new run's id. */
  async queue(ex: Executor, r: ResourceRef, by: Actor): Promise<string | null> {
    const id = uuidv7();
    const inserted = await dataDb(ex)
      .insertInto('data_quality_run')
      .values({ id, resource_id: r.id, region_code: r.regionCode, state: 'queued', queued_at: this.k.clock.now(), requested_by: by.id })
      .onConflict((oc) => oc.column('resource_id').where('state', 'in', OPEN).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    await this.k.jobs.enqueue(ex, JOB, { runId: id }, { regionCode: r.regionCode });
    await this.k.recordChange(ex, { actor: by, action: 'quality-check-queued', objectType: 'data.resource', objectId: r.id, regionCode: r.regionCode, change: { code: r.code, run: id }, summary: { code: r.code }, event: false });
    return id;
  }

  async view(id: string): Promise<QualityRunView> {
    const q = await sql<Record<string, unknown>>`
      SELECT q.*, r.code FROM data_quality_run q JOIN data_resource r ON r.id = q.resource_id WHERE q.id = ${id}`.execute(this.k.db);
    const row = q.rows[0];
    if (!row) throw Errors.notFound('quality run');
    const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
    return {
      id,
      resourceCode: String(row.code),
      state: row.state as QualityRunView['state'],
      progress: { done: Number(row.steps_done), total: row.steps_total == null ? null : Number(row.steps_total) },
      queuedAt: iso(row.queued_at),
      startedAt: iso(row.started_at),
      finishedAt: iso(row.finished_at),
      score: row.score == null ? null : Number(row.score),
      rows: row.row_total == null ? null : Number(row.row_total),
      rowsWithIssues: row.rows_with_issues == null ? null : Number(row.rows_with_issues),
      // Stored by DataQuality.store: each finding without its rows.
      findings: (row.summary as FindingSummary[] | null) ?? null,
      failure: (row.failure as string | null) ?? null,
    };
  }

  /** The check itself, outside any transaction; it shows its progress on the run as it goes. */
  private async work(job: Job<{ runId: string }>): Promise<Outcome> {
    const runId = job.payload.runId;
    const run = await dataDb(this.k.db).selectFrom('data_quality_run').select(['resource_id', 'state']).where('id', '=', runId).executeTakeFirst();
    if (!run || !OPEN.some((s) => s === run.state)) return null;
    const code = await dataDb(this.k.db).selectFrom('data_resource').select('code').where('id', '=', run.resource_id).executeTakeFirst();
    const r = code && (await this.catalogue.byCode(code.code));
    if (!r || r.backing !== 'table') return { failed: true };
    const progress = (done: number) => dataDb(this.k.db).updateTable('data_quality_run').set({ steps_done: done }).where('id', '=', runId).execute().then(() => undefined);
    // Started over after a worker died: the progress starts over too.
    await dataDb(this.k.db).updateTable('data_quality_run').set({ state: 'running', started_at: this.k.clock.now(), steps_total: DataQuality.steps(r), steps_done: 0 }).where('id', '=', runId).execute();
    try {
      return { result: await this.quality.check(r, progress), resource: { id: r.id, code: r.code, regionCode: r.regionCode } };
    } catch (err) {
      this.k.log.error({ err, resource: r.code, runId }, 'quality check failed');
      return { failed: true };
    }
  }

  /** Stores the outcome in the transaction that marks the job done. */
  private async finish(trx: Tx, runId: string, out: Outcome): Promise<void> {
    if (!out) return;
    if ('failed' in out) {
      await dataDb(trx).updateTable('data_quality_run').set({ state: 'failed', finished_at: this.k.clock.now(), failure: FAILURE }).where('id', '=', runId).execute();
      return;
    }
    // Only `trx` here: on PGlite any other read would wait for this transaction's connection.
    await this.quality.store(trx, runId, out.resource, out.result);
  }
}
