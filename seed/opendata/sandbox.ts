import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';
import type { QueryInput } from '../../src/modules/opendata/index.ts';

/**
 * Demo: sandbox queries of an approved researcher (citizen01) on the dataset the grants seed
 * approved for the sandbox — a total, a group-by with an average, and finer group-bys where small
 * groups are suppressed — so the console's history and the provider's log have something on first
 * visit. Without an approved sandbox application (the grants seed made none) it does nothing.
 */
export async function seedOpenSandbox(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', 'citizen01').executeTakeFirst();
  const row = acc && (await p.identity.service.accountRow(acc.id));
  const who: Principal | null = row ? await p.identity.service.principalOf(row, null, null) : null;
  if (!who) return;
  const sandbox = p.opendata.sandbox.queries;
  const access = await sandbox.access(who).catch(() => null);
  const ds = access?.datasets[0];
  if (!ds) return;
  // Items that group well come first: sex, age band, street, category …; then any other text item.
  const rank = (code: string) => {
    const i = ['sex', 'gender', 'age', 'street', 'region', 'diag', 'category', 'type', 'month'].findIndex((w) => code.toLowerCase().includes(w));
    return i < 0 ? 99 : i;
  };
  const text = ds.items.filter((i) => !i.numeric && i.dataType !== 'date').sort((a, b) => rank(a.code) - rank(b.code));
  const numeric = ds.items.find((i) => i.numeric);
  const measures: QueryInput['measures'] = numeric ? [{ fn: 'count' }, { fn: 'avg', item: numeric.code }, { fn: 'sum', item: numeric.code }] : [{ fn: 'count' }];
  const queries: QueryInput[] = [{ dataset: ds.name, measures }];
  if (text[0]) queries.push({ dataset: ds.name, groupBy: [text[0].code], measures });
  if (text[1]) queries.push({ dataset: ds.name, groupBy: [text[0].code, text[1].code], measures: numeric ? [{ fn: 'avg', item: numeric.code }] : [] });
  if (text[2]) queries.push({ dataset: ds.name, groupBy: [text[0].code, text[1].code, text[2].code] });
  for (const q of queries) await sandbox.run(who, q).catch(() => undefined); // a refusal is logged too
}
