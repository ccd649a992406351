import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';

const MINUTE = 60_000;
const SYNC_MS = 1_000;

interface Count {
  minute: number;
  /** Calls this node admitted for the grant in the minute. */
  mine: number;
  /** Calls the other app nodes had admitted, as of this node's last sync. */
  others: number;
}

/**
 * A grant's calls per minute across every app node on the database. Each node counts what it admits
 * and, at most once a second while it is admitting calls, writes its counts to `data_grant_minute`
 * and reads the other nodes' in the same statement. The first call for a grant in a minute reads the
 * others' count before it is admitted. A burst spread over several nodes can overshoot a grant's
 * rate by about one second of calls per node; one node alone never does.
 */
export class GrantRate {
  private readonly node = uuidv7();
  private readonly counts = new Map<string, Count>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly k: Kernel) {}

  /** Counts the call in if the grant has room this minute. Calls that then fail count all the same. */
  async admit(grantId: string, perMinute: number, nowMs: number): Promise<boolean> {
    const minute = Math.floor(nowMs / MINUTE) * MINUTE;
    let c = this.counts.get(grantId);
    if (!c || c.minute !== minute) {
      if (this.counts.size > 10_000) this.counts.clear();
      c = { minute, mine: 0, others: 0 };
      this.counts.set(grantId, c);
      c.others = (await this.exchange([[grantId, c]])).get(grantId) ?? 0;
    }
    if (c.mine + c.others >= perMinute) return false;
    c.mine++;
    this.timer ??= setTimeout(() => void this.sync().catch((err) => this.k.log.warn({ err }, 'grant rate counts not shared')), SYNC_MS).unref();
    return true;
  }

  /** Shares this node's counts for the current minutes and learns the other nodes'. */
  async sync(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const live = [...this.counts].filter(([, c]) => c.mine > 0);
    if (!live.length) return;
    const others = await this.exchange(live);
    for (const [grantId, c] of live) c.others = others.get(grantId) ?? 0;
  }

  /** Writes ours and reads everyone else's, in one statement. */
  private async exchange(entries: [string, Count][]): Promise<Map<string, number>> {
    const grants = entries.map(([g]) => g);
    const minutes = entries.map(([, c]) => new Date(c.minute).toISOString());
    const res = await sql<{ grant_id: string; others: number }>`WITH ours AS (
        INSERT INTO data_grant_minute (grant_id, minute, node, calls)
        SELECT g, m, ${this.node}::uuid, n FROM unnest(${grants}::uuid[], ${minutes}::timestamptz[], ${entries.map(([, c]) => c.mine)}::int[]) AS t(g, m, n) WHERE n > 0
        ON CONFLICT (grant_id, minute, node) DO UPDATE SET calls = excluded.calls
      )
      SELECT t.g AS grant_id, coalesce(sum(d.calls), 0)::int AS others
      FROM unnest(${grants}::uuid[], ${minutes}::timestamptz[]) AS t(g, m)
      LEFT JOIN data_grant_minute d ON d.grant_id = t.g AND d.minute = t.m AND d.node <> ${this.node}::uuid
      GROUP BY t.g`.execute(this.k.db);
    return new Map(res.rows.map((r) => [r.grant_id, Number(r.others)]));
  }
}
