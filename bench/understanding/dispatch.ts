/**
 * What the understanding bench calls for each text: the platform's reading of a 12345 call, as the
 * hotline console gets it from POST /api/cases/classify (no map pin: the street comes from the words).
 * `units` are the top-3 handling units as org department codes — 'street' for a street office —
 * `street` the name of the street named, `manual` whether it said 需人工判断.
 */
import type { Platform } from '../../src/platform.ts';

const codes = new Map<string, string>();
let warm = false;

/** Department codes by id (street offices answer 'street'), read once per process and on a miss. */
async function codeOf(p: Platform, id: string | null, level: string): Promise<string> {
  if (level === 'street' || !id) return 'street';
  if (!codes.has(id)) {
    const rows = await p.kernel.db.selectFrom('org_department').select(['id', 'code']).execute();
    for (const r of rows) codes.set(r.id, r.code);
  }
  return codes.get(id) ?? id;
}

export async function classifyForBench(p: Platform, text: string): Promise<{ units: string[]; manual: boolean; street: string | null; ms: number }> {
  if (!warm) {
    // Loading the model is a start-up cost of each node, not a call's: it is done once, untimed.
    await p.cases.suggester.understand('路灯不亮', p.kernel.config.regionCode, null);
    warm = true;
  }
  const t0 = performance.now();
  const u = await p.cases.suggester.understand(text.slice(0, 2100), p.kernel.config.regionCode, null);
  const ms = performance.now() - t0;
  const units: string[] = [];
  for (const d of u.departments.slice(0, 3)) units.push(await codeOf(p, d.departmentId, d.level));
  return { units, manual: u.manual, street: u.street?.name ?? null, ms };
}
