import { sql, type Selectable } from 'kysely';
import type { DataUsageTable } from './tables.ts';
import { GroupCommit } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';

/** A usage row as stored (the table's own declaration). */
export type UsageRecord = Selectable<DataUsageTable>;

const MAX_BATCH = 1_000;

/**
 * Gateway usage records, group-committed (the kernel's GroupCommit): a call's answer waits until its
 * record is committed, but the records of calls arriving together share one INSERT. A failed write
 * fails every call in the batch: no data leaves without its trace (数据使用可追溯).
 */
export class UsageLog {
  private readonly writes: GroupCommit<UsageRecord>;

  constructor(private readonly k: Kernel) {
    this.writes = new GroupCommit((rows) => this.insert(rows), MAX_BATCH, (err, records) => this.k.log.error({ err, records }, 'usage records not written; their calls are refused'));
  }

  /** Resolves once the record is committed. */
  write(row: UsageRecord): Promise<void> {
    return this.writes.write(row);
  }

  /**
   * One statement with one array per column, whatever the batch size: cheaper to build and to parse
   * than a VALUES list of a thousand rows. Item codes are identifiers, so a comma joins them.
   */
  private async insert(rows: UsageRecord[]): Promise<void> {
    const col = <T>(f: (r: UsageRecord) => T) => rows.map(f);
    await sql`INSERT INTO data_usage (id, grant_id, resource_id, region_code, client_id, operation, purpose, items, row_count, outcome, at)
      SELECT id, grant_id, resource_id, region_code, client_id, operation, purpose, string_to_array(items, ','), row_count, outcome, at
      FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.grant_id)}::uuid[], ${col((r) => r.resource_id)}::uuid[], ${col((r) => r.region_code)}::text[],
        ${col((r) => r.client_id)}::text[], ${col((r) => r.operation)}::text[], ${col((r) => r.purpose)}::text[], ${col((r) => r.items.join(','))}::text[],
        ${col((r) => r.row_count)}::int[], ${col((r) => r.outcome)}::text[], ${col((r) => r.at.toISOString())}::timestamptz[])
        AS t(id, grant_id, resource_id, region_code, client_id, operation, purpose, items, row_count, outcome, at)`.execute(this.k.db);
  }
}
