import type { Platform } from '../../src/platform.ts';
import { catalogueDb, type DescribeInput } from '../../src/modules/opendata/index.ts';

/** What the data engineer's seed says of a dataset beyond the catalogue resource (all optional). */
type Meta = DescribeInput & { code?: string; resourceCode?: string };

/** OPEN_DATASET_META from seed/opendata/datasets.ts, keyed by resource code, as an array or a record (read defensively). */
async function metaByCode(): Promise<Map<string, Meta>> {
  const mod = (await import('./datasets.ts')) as Record<string, unknown>;
  const meta = mod.OPEN_DATASET_META;
  const out = new Map<string, Meta>();
  if (Array.isArray(meta)) for (const m of meta as Meta[]) out.set(String(m.code ?? m.resourceCode ?? '').toUpperCase(), m);
  else if (meta && typeof meta === 'object') for (const [code, m] of Object.entries(meta as Record<string, Meta>)) out.set(code.toUpperCase(), m);
  return out;
}

/**
 * Demo: the 开放目录: datasets synced from the catalogue, described (theme, tags, licence) and
 * published — all but two of 卫健委's (or, without two of them, of the department with most), so its
 * 开放率 is under 100 % and one of the two, catalogued 45 days ago, is late.
 */
export async function seedOpenCatalogue(p: Platform, deptIds: Map<string, string>): Promise<void> {
  if (!p.opendata.catalogue.port) return;
  const k = p.kernel;
  const acc = await k.db.selectFrom('identity_account').select('id').where('username', '=', 'data01').executeTakeFirst();
  if (!acc) return;
  const data01 = (await p.identity.service.principalOf((await p.identity.service.accountRow(acc.id))!, null, null))!;
  const region = k.config.regionCode;
  const cat = p.opendata.catalogue.catalogue;
  try {
    await cat.sync(data01, region, 'seed');
  } catch (err) {
    // No data source plugged in (the data flow not wired): nothing to open.
    k.log.warn({ err }, 'seed: open catalogue not synced');
    return;
  }
  const meta = await metaByCode();
  const rows = await cat.rows(k.db, { regionCode: region });
  for (const r of rows) {
    const m = meta.get(r.resource_code.toUpperCase());
    if (!m) continue;
    const input: DescribeInput = {};
    for (const key of ['titleEn', 'notesEn', 'theme', 'tags', 'licence', 'temporalFrom', 'temporalTo', 'spatial'] as const) if (m[key] !== undefined) (input as Record<string, unknown>)[key] = m[key];
    try {
      await cat.describe(data01, r.name, input, 'seed');
    } catch (err) {
      k.log.warn({ err, dataset: r.name }, 'seed: dataset description refused');
    }
  }
  const open = rows.filter((r) => r.state !== 'withdrawn');
  const byDept = new Map<string, typeof open>();
  for (const r of open) byDept.set(r.department_id, [...(byDept.get(r.department_id) ?? []), r]);
  const wjw = deptIds.get('WJW');
  const lagging = wjw && (byDept.get(wjw)?.length ?? 0) >= 2 ? wjw : [...byDept].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  // Held back: the last two that no other demo walk needs (the grants and sandbox seeds apply for
  // 门诊就诊记录, so it is published whatever its order).
  const used = new Set(['wj-outpatient', 'fr-entity', 'xy-credit', 'sc-individual', 'sc-penalty']);
  const held = new Set(
    (lagging ? (byDept.get(lagging) ?? []) : [])
      .filter((r) => !used.has(r.name))
      .slice(-2)
      .map((r) => r.id),
  );
  for (const r of open) if (!held.has(r.id) && r.state !== 'published') await cat.publish(data01, r.name, 'seed');
  // One of the two held back was catalogued 45 days ago, so the 开放责任清单 shows it late.
  const late = [...held][0];
  if (late)
    await catalogueDb(k.db)
      .updateTable('opendata_dataset')
      .set({ catalogued_at: new Date(k.clock.now().getTime() - 45 * 86_400_000) })
      .where('id', '=', late)
      .execute();
  cat.onChange();
}
