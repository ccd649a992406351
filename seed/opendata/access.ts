import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../src/kernel/policy/index.ts';
import { cstDay, type AccessTables } from '../../src/modules/opendata/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string, enterpriseId: string | null = null): Promise<Principal | null> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
  const row = acc && (await p.identity.service.accountRow(acc.id));
  return (row && (await p.identity.service.principalOf(row, null, enterpriseId))) || null;
}

/** A small deterministic generator, so every demo start shows the same figures. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;

/**
 * Demo: an API key for qiye01 (acting for its company) and 30 days of downloads and calls on the
 * published 无条件开放 datasets, so the figures page and the key list draw something. The history
 * goes straight into the area's own tables (counters, traces); the key through the area's function.
 */
export async function seedOpenAccess(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const k = p.kernel;
  const db = k.db as unknown as import('kysely').Kysely<AccessTables>;
  const person = await principalOf(p, 'qiye01');
  const company = person && (await p.identity.enterprises.mine(person))[0];
  const who = company ? await principalOf(p, 'qiye01', company.enterpriseId) : person;
  const existing = who && (await db.selectFrom('opendata_api_key').select('id').where('account_id', '=', who.accountId).executeTakeFirst());
  const keyId = existing?.id ?? (who ? (await p.opendata.access.keys.create(who, { name: '企业数据对接' })).id : null);

  const datasets = ((await p.opendata.catalogue.port?.published()) ?? []).filter((d) => d.openType === 'open' && d.items.some((i) => i.published));
  if (!datasets.length) return;
  if (await db.selectFrom('opendata_access_day').select('dataset_id').limit(1).executeTakeFirst()) return;
  const rand = lcg(20261201);
  const now = k.clock.now().getTime();
  const days: Insertable<AccessTables['opendata_access_day']>[] = [];
  const calls: { id: string; key_id: string; dataset_id: string; region_code: string; operation: string; status: number; row_count: number; at: string }[] = [];
  const downloads: {
    id: string;
    dataset_id: string;
    region_code: string;
    account_id: null;
    format: 'csv' | 'json' | 'xlsx';
    row_count: number;
    outcome: 'completed';
    started_at: string;
    ended_at: string;
  }[] = [];
  for (const [n, d] of datasets.entries()) {
    // Some datasets are popular, most are not.
    const weight = 1 / (n + 1);
    for (let back = 30; back >= 1; back--) {
      const at = new Date(now - back * DAY);
      const dl = Math.floor(rand() * 14 * weight + rand() * 2);
      const cl = Math.floor(rand() * 60 * weight);
      if (!dl && !cl) continue;
      const rows = d.rowCount ?? 100;
      days.push({ dataset_id: d.id, day: cstDay(at), region_code: d.regionCode, downloads: dl, download_rows: dl * rows, calls: cl, call_rows: cl * Math.min(rows, 100) });
      for (let i = 0; i < Math.min(dl, 3); i++) {
        const t = new Date(at.getTime() + i * 600_000).toISOString();
        downloads.push({
          id: uuidv7(),
          dataset_id: d.id,
          region_code: d.regionCode,
          account_id: null,
          format: (['csv', 'json', 'xlsx'] as const)[i % 3],
          row_count: rows,
          outcome: 'completed',
          started_at: t,
          ended_at: t,
        });
      }
      if (keyId && n === 0) {
        for (let i = 0; i < Math.min(cl, 5); i++) {
          calls.push({
            id: uuidv7(),
            key_id: keyId,
            dataset_id: d.id,
            region_code: d.regionCode,
            operation: 'rows',
            status: 200,
            row_count: Math.min(rows, 100),
            at: new Date(at.getTime() + i * 60_000).toISOString(),
          });
        }
      }
    }
  }
  await k.db.transaction().execute(async (trx) => {
    const t = trx as unknown as import('kysely').Transaction<AccessTables>;
    if (days.length) await t.insertInto('opendata_access_day').values(days).execute();
    if (downloads.length) await t.insertInto('opendata_download').values(downloads).execute();
    if (calls.length) {
      await t.insertInto('opendata_api_call').values(calls).execute();
      await t
        .updateTable('opendata_api_key')
        .set({ calls: calls.length, last_used_at: calls.at(-1)!.at })
        .where('id', '=', keyId!)
        .execute();
    }
  });
  k.log.info({ datasets: datasets.length, days: days.length, calls: calls.length }, 'seed: open data downloads and calls');
}
