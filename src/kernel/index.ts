import path from 'node:path';
import { sql, type Compilable, type RawBuilder } from 'kysely';
import { AuditLedger, LINKED_AUDIT_TYPES, auditLanesMigration, auditLinkedMigration, auditMigration, type Actor } from './audit/index.ts';
import { moveHeadSql } from './audit/chain.ts';
import { witnessFor } from './audit/witness-config.ts';
import { insertRowSql } from './db/row-sql.ts';
import { WorkingCalendar, calendarMigration } from './calendar/index.ts';
import { systemClock, type Clock } from './clock/index.ts';
import type { Config } from './config/index.ts';
import { PlatformCrypto, loadOrCreateKeys, type PlatformKeys } from './crypto/index.ts';
import type { Database, Db, Executor } from './db/index.ts';
import type { Migration } from './db/migrate.ts';
import { OUTBOX_TYPES, Outbox, changeEvents, eventsMigration } from './events/index.ts';
import { FileStore, LocalBlobStore, S3BlobStore, fileOwnersMigration, filesMigration, type BlobStore } from './files/index.ts';
import { JobRunner } from './jobs/index.ts';
import type { Logger } from './log/index.ts';
import { Notifier, devFileSink, type MessageSink } from './notify/index.ts';
import { idempotencyMigration, idempotencyWriteMigration, pruneIdempotency } from './http/idempotency.ts';
import { markWrittenSql, takenOverError } from './http/idempotent-write.ts';
import { SETTING_SAVED, SettingSaved, Settings, settingsMigration } from './settings/index.ts';

export const kernelMigrations: Migration[] = [
  auditMigration,
  eventsMigration,
  calendarMigration,
  filesMigration,
  idempotencyMigration,
  fileOwnersMigration,
  auditLinkedMigration,
  auditLanesMigration,
  idempotencyWriteMigration,
  settingsMigration,
];

export interface ChangeRecord {
  actor: Actor;
  action: string;
  objectType: string;
  objectId: string;
  regionCode: string;
  change: unknown;
  summary?: Record<string, unknown>;
  /**
   * Domain event to publish; defaults to `<objectType>.<action>` with `{ id, ...summary }` as payload.
   * Either way the topic must be declared (`k.events.declare`) and the payload fit its schema, or the
   * change is refused before anything is written.
   */
  event?: { topic: string; payload: Record<string, unknown> } | false;
  requestId?: string;
}

/** The shared parts every module receives. */
export interface Kernel {
  config: Config;
  db: Db;
  dbKind: Database['kind'];
  log: Logger;
  clock: Clock;
  crypto: PlatformCrypto;
  audit: AuditLedger;
  events: Outbox;
  jobs: JobRunner;
  calendar: WorkingCalendar;
  files: FileStore;
  notify: Notifier;
  /** Versioned per-region configuration that modules declare (time limits, thresholds, role catalogue). */
  settings: Settings;
  /**
   * The one helper for "this state changed": writes the audit entry and the domain event in the
   * caller's transaction (one statement). Call it inside the same transaction as the change.
   */
  recordChange(trx: Executor, rec: ChangeRecord): Promise<void>;
  /**
   * A change, its audit entry and its event as ONE statement (atomic without BEGIN/COMMIT):
   * `main` is an INSERT/UPDATE … RETURNING; the trace is written only if `main` returned a row.
   * `tail` selects the result from `main` (default `SELECT * FROM main`).
   */
  tracedWrite<R>(ex: Executor, main: Compilable, rec: ChangeRecord, tail?: RawBuilder<unknown>): Promise<R[]>;
  /**
   * Changes made together and the writes that make them as ONE statement, after one take of a
   * chain head: each write runs, each record's audit entry is linked in order (all in that head's
   * lane) and written with its
   * event. For one act that touches several rows (a licence with its seal use and its document's
   * metadata). The writes always happen with the statement — INSERTs, or UPDATEs sure to match —
   * so the entries are unconditional; a write that may change nothing belongs in `tracedWrite`. A
   * request's idempotency key names the first record's object.
   */
  recordChanges(trx: Executor, recs: ChangeRecord[], writes?: (Compilable | RawBuilder<unknown>)[]): Promise<void>;
}

export interface KernelOptions {
  config: Config;
  database: Database;
  log: Logger;
  clock?: Clock;
  keys?: PlatformKeys;
  sink?: MessageSink;
}

function blobStoreFor(config: Config): BlobStore {
  if (config.fileStorage === 's3') {
    return new S3BlobStore({ endpoint: config.s3Endpoint!, bucket: config.s3Bucket!, region: config.s3Region, accessKeyId: config.s3AccessKeyId!, secretAccessKey: config.s3SecretAccessKey! });
  }
  return new LocalBlobStore(path.resolve(config.dataDir, 'files'));
}

export function createKernel(opts: KernelOptions): Kernel {
  const { config, database, log } = opts;
  const clock = opts.clock ?? systemClock;
  const db = database.db;
  const crypto = new PlatformCrypto(opts.keys ?? loadOrCreateKeys(path.resolve(config.dataDir)), config.auditHash);
  const audit = new AuditLedger(db, crypto, config.auditHash, clock, witnessFor(config), config.auditLanes);
  const events = new Outbox(db, clock, log);
  const jobs = new JobRunner(db, clock, log);
  // The kernel's own change events (its routes record them like any module's).
  events.declareAll({ [SETTING_SAVED]: SettingSaved, ...changeEvents('kernel.file', ['uploaded']), ...changeEvents('kernel.calendar', ['day-set', 'day-cleared', 'year-loaded']) });
  const eventRowOf = (rec: ChangeRecord) => {
    if (rec.event === false) return null;
    const ev = rec.event ?? { topic: `${rec.objectType}.${rec.action}`, payload: { id: rec.objectId, ...(rec.summary ?? {}) } };
    return events.eventRow(ev.topic, rec.regionCode, ev.payload);
  };
  async function recordChanges(ex: Executor, recs: ChangeRecord[], writes: (Compilable | RawBuilder<unknown>)[] = []): Promise<void> {
    // The entries are linked into the chain here, so this needs a transaction (the head stays locked to its end).
    // The events are checked first: an undeclared topic or a payload that breaks its schema touches nothing.
    if (recs.length === 0) throw new Error('recordChanges: no change to record');
    const evs = recs.map(eventRowOf);
    if (!ex.isTransaction) return ex.transaction().execute((trx) => recordChanges(trx, recs, writes));
    const rows = await audit.linkedRows(ex, recs);
    // The chain head is held to the end of the transaction: an outbox batch commits after this event.
    events.commitSoon(ex);
    // A request with an Idempotency-Key also marks its key as written (see idempotent-write.ts).
    const parts = [
      ...writes,
      ...rows.map((row) => insertRowSql('kernel_audit_entry', row, LINKED_AUDIT_TYPES)),
      ...evs.flatMap((ev) => (ev ? [insertRowSql('kernel_outbox', ev, OUTBOX_TYPES)] : [])),
      markWrittenSql(clock, recs[0]),
    ].filter((q) => !!q);
    // One statement: the lane's head moves onto the last entry, and every part but the last is a CTE.
    const ctes = [moveHeadSql(rows[rows.length - 1]), ...parts.slice(0, -1)].map((q, i) => sql`${sql.raw(`s${i}`)} AS (${q})`);
    await sql`WITH ${sql.join(ctes)} ${parts.at(-1)}`.execute(ex).catch((err) => {
      throw takenOverError(err);
    });
  }
  const recordChange = (ex: Executor, rec: ChangeRecord) => recordChanges(ex, [rec]);
  async function tracedWrite<R>(ex: Executor, main: Compilable, rec: ChangeRecord, tail?: RawBuilder<unknown>): Promise<R[]> {
    const ev = eventRowOf(rec);
    if (!ex.isTransaction) return ex.transaction().execute((trx) => tracedWrite<R>(trx, main, rec, tail));
    const row = await audit.linkedRow(ex, rec);
    events.commitSoon(ex);
    const happened = sql`EXISTS (SELECT 1 FROM main)`;
    const mark = markWrittenSql(clock, rec, happened);
    // The head moves only if the entry is written, so a change that did not happen leaves no gap.
    const r = await sql<R>`WITH main AS (${main}),
      h AS (${moveHeadSql(row, happened)}),
      a AS (${insertRowSql('kernel_audit_entry', row, LINKED_AUDIT_TYPES, happened)})
      ${ev ? sql`, o AS (${insertRowSql('kernel_outbox', ev, OUTBOX_TYPES, happened)})` : sql``}
      ${mark ? sql`, k AS (${mark})` : sql``}
      ${tail ?? sql`SELECT * FROM main`}`
      .execute(ex)
      .catch((err) => {
        throw takenOverError(err);
      });
    return r.rows;
  }
  jobs.registerTimer('kernel.idempotency.prune', 3600_000, async (_job, trx) => void (await pruneIdempotency(trx, clock)));
  return {
    config,
    db,
    dbKind: database.kind,
    log,
    clock,
    crypto,
    audit,
    events,
    jobs,
    calendar: new WorkingCalendar(db, clock),
    files: new FileStore(
      db,
      clock,
      config.dataDir,
      { maxBytes: config.fileMaxBytes, maxUnpackedBytes: config.fileMaxUnpackedBytes, maxEntries: config.fileMaxArchiveEntries },
      config.fileTypes,
      blobStoreFor(config),
    ),
    notify: new Notifier(db, clock, events, crypto, opts.sink ?? devFileSink(path.resolve(config.dataDir), log)),
    settings: new Settings(db, clock, recordChange),
    recordChange,
    tracedWrite,
    recordChanges,
  };
}

/**
 * Background work of one app node: deliver outbox events, run due jobs, sign and witness audit checkpoints.
 * Every piece is safe with several nodes on one database.
 */
export function startWorkers(k: Kernel, pollMs = 250): () => Promise<void> {
  let stopped = false;
  let lastSeal = 0;
  const loop = async () => {
    while (!stopped) {
      try {
        await k.events.dispatch(200);
        await k.jobs.runDue(50);
        if (Date.now() - lastSeal >= k.config.auditSealMs) {
          lastSeal = Date.now();
          await k.audit.seal();
        }
      } catch (err) {
        k.log.error({ err }, 'background worker round failed');
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  const running = k.jobs.scheduleTimers().then(loop);
  return async () => {
    stopped = true;
    await running;
  };
}
