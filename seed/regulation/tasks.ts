import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { NewTask } from '../../src/modules/regulation/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string, enterpriseId: string | null = null): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, enterpriseId));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/**
 * 互联网+监管 demo: key inspections (重点检查) for the demo inspectors jc.scjg01 and jc.scjg02 —
 * three with published results (未发现问题; 发现问题已责令改正; 立案查处 with a 罚款), two left open
 * for jc.scjg01 (the browser test records one) — and the demo company's own inspection with an
 * objection from its legal representative (qiye01) waiting for regulator01. Runs after the plans
 * seed: the draw's random tasks stay open for their inspectors. All through the area's functions.
 */
export async function seedRegulationTasks(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const { port, service } = p.regulation.tasks;
  const SCJG = deptIds.get('SCJG');
  if (!SCJG) return;
  const [jc1, jc2, jc3, regulator] = await Promise.all(['jc.scjg01', 'jc.scjg02', 'jc.scjg03', 'regulator01'].map((u) => principalOf(p, u)));
  const [i1, i2, i3] = await Promise.all([jc1, jc2, jc3].map((w) => service.inspectorByAccount(w.accountId)));
  if (!i1 || !i2 || !i3) return;
  // The bureau's 监管事项 (the items seed made them).
  const items = await k.db.selectFrom('regulation_item').select(['id']).where('department_id', '=', SCJG).orderBy('code').limit(3).execute();
  if (!items.length) return;
  const itemIds = items.map((i) => i.id as string);
  // qiye01's company is the first of identity_enterprise; jc.scjg01 declared a relation to it (回避),
  // so its inspection goes to jc.scjg02 and jc.scjg03.
  const company = await k.db.selectFrom('identity_enterprise').select(['id', 'credit_code', 'name']).orderBy('id').limit(1).executeTakeFirst();
  const others = await k.db
    .selectFrom('regulation_object')
    .select(['credit_code', 'name'])
    .where('region_code', 'like', '152201%')
    .where('credit_code', '!=', (company?.credit_code as string | undefined) ?? '')
    .orderBy('credit_code')
    .limit(5)
    .execute();
  if (!company || others.length < 5) return;
  const dueOn = cstDate(await k.calendar.addWorkingDays(k.clock.now(), 15));
  const task = (o: { credit_code: unknown; name: unknown }, inspectorIds: string[]): NewTask => ({
    kind: 'key',
    creditCode: o.credit_code as string,
    objectName: o.name as string,
    regionCode: '152201',
    itemIds,
    inspectorIds,
    departmentIds: [SCJG],
    source: { kind: 'plan', ref: 'demo-key', label: '重点监管（示例）' },
    dueOn,
  });
  const ids = await k.db.transaction().execute((trx) => port.create(trx, [task(company, [i2.id, i3.id]), ...others.map((o) => task(o, [i1.id, i2.id]))]));
  const today = cstDate(k.clock.now());
  const [companyTask, passed, corrected, filed] = ids;
  await service.recordResult(jc2, companyTask, { inspectedOn: today, conclusion: 'corrected', findings: '进货查验记录不全，已责令当场补齐。' });
  await service.recordResult(jc1, passed, { inspectedOn: today, conclusion: 'no_problem', findings: '经营场所整洁，许可证照齐全。' });
  await service.recordResult(jc2, corrected, { inspectedOn: today, conclusion: 'corrected', findings: '部分从业人员健康证明过期，责令十日内改正。' });
  await service.recordResult(jc2, filed, { inspectedOn: today, conclusion: 'case_filed', findings: '销售超过保质期的食品，已立案调查。' });
  await service.recordPenalty(regulator, filed, { decisionNo: `乌市监处罚〔${today.slice(0, 4)}〕1号`, kind: 'fine', amountYuan: 5000, decidedOn: today });
  // The rest stay open for jc.scjg01. The demo company's legal representative objects to its result.
  const rep = await principalOf(p, 'qiye01', company.id as string).catch(() => null);
  // (Only if qiye01 really represents it in this demo.)
  if (rep && rep.actingFor?.creditCode === company.credit_code) await service.object(rep, companyTask, '进货查验记录已于检查当日补齐，并已提交相关凭证，申请更正检查结论。');
}
