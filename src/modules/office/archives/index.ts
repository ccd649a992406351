import { DomainError } from '../../../kernel/http/errors.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { OfficeArea, OfficeContext } from '../area.ts';
import type { ArchiveSource } from '../ports.ts';
import { Catalogue } from './catalogue.ts';
import { archivesEvents } from './events.ts';
import { Ingest, type ArchiveKind } from './ingest.ts';
import { Loans } from './loans.ts';
import { archivesRoutes } from './routes.ts';
import { declareArchiveSettings } from './settings.ts';
import { Transfers } from './transfers.ts';

export { checkPackage, CHECKS, type CheckReport, type CheckResult } from './checks.ts';
export { assemble, metadataOf, sm3Hex, type PackageFile } from './package.ts';
export type { ArchiveKind } from './ingest.ts';

export const ARCHIVE_INGEST_JOB = 'office.archives.ingest';
export const ARCHIVE_SWEEP_JOB = 'office.archives.preservation';
/** How many packages one 长期保存 run re-checks; the oldest-checked first, so all come round in turn. */
const SWEEP_BATCH = 200;

/** 电子档案: what flows, seeds and tests may use. */
export interface ArchivesArea extends OfficeArea {
  /** Registers who answers for records of a kind (flows wire 办件, 工单, 证照; the lead wires 发文, 收文). */
  useSource(kind: ArchiveKind, source: ArchiveSource): void;
  /** Archives one record now (四性检测 at 归档; refused and recorded on failure). */
  ingest(kind: ArchiveKind, id: string, who?: Principal | null): Promise<{ id: string; archiveCode: string }>;
  /** Queues the archiving of a record in the caller's transaction (a completion event's subscriber). */
  archiveLater(trx: Tx, kind: ArchiveKind, id: string, regionCode: string): Promise<void>;
  /** One 长期保存 round now (the timer runs it daily). */
  sweep(): Promise<{ checked: number; failed: number }>;
}

export function createArchivesArea(ctx: OfficeContext): ArchivesArea {
  const { k } = ctx;
  declareArchiveSettings(k.settings);
  const ingest = new Ingest(ctx);
  const catalogue = new Catalogue(ctx);
  const loans = new Loans(ctx);
  const transfers = new Transfers(ctx, ingest);
  ctx.todos.register('archive', (who, ex) => loans.todos(who, ex));
  // Archiving reads other modules' records and files and may take a while: it runs before the job's
  // transaction. A refusal is already recorded by ingest, so the job is done either way; only an
  // unexpected failure retries.
  k.jobs.registerLong<null>(ARCHIVE_INGEST_JOB, {
    work: async (job) => {
      try {
        await ingest.ingest(job.payload.kind as ArchiveKind, String(job.payload.id));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        k.log.warn({ kind: job.payload.kind, id: job.payload.id, code: err.code }, 'archiving refused');
      }
      return null;
    },
    commit: async () => {},
  });
  k.jobs.registerTimer(ARCHIVE_SWEEP_JOB, 24 * 3600_000, async (_job, trx) => void (await ingest.sweep(trx, SWEEP_BATCH)));
  return {
    events: archivesEvents,
    routes: archivesRoutes({ ingest, catalogue, loans, transfers }),
    useSource: (kind, source) => ingest.useSource(kind, source),
    ingest: (kind, id, who) => ingest.ingest(kind, id, who ?? null),
    archiveLater: async (trx, kind, id, regionCode) => void (await k.jobs.enqueue(trx, ARCHIVE_INGEST_JOB, { kind, id }, { regionCode, uniqueKey: `${ARCHIVE_INGEST_JOB}:${kind}:${id}` })),
    sweep: () => k.db.transaction().execute((trx) => ingest.sweep(trx, SWEEP_BATCH)),
  };
}
