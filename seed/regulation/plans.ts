import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function principalOf(p: Platform, username: string): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, null));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/** The numbers the demo's first draw was run on (a made-up 双色球 and 3D result, fixed so the demo is the same each time). */
export const DEMO_SEED_VALUES = [
  [5, 11, 17, 23, 28, 32, 9],
  [2, 6, 6],
];

/**
 * 互联网+监管 demo: a 部门联合 plan (市场监管局 leading, 卫健委 joining) over the 食品经营 objects,
 * committed and drawn on fixed published values, so its tasks exist for the tasks seed and the
 * public check page shows 一致; and a second plan committed and waiting for next week's numbers.
 *
 * The commit-time rule (the seed must be published after now) holds as in real use: the first plan
 * names a source known one minute later, and its draw is run with a `now` two minutes ahead, as the
 * regulator would do once the numbers are out.
 */
export async function seedRegulationPlans(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const { plans } = p.regulation.draws;
  const scjg = deptIds.get('SCJG')!;
  const wjw = deptIds.get('WJW')!;
  const regulator = await principalOf(p, 'regulator01');
  const region = regulator.regionCode || p.kernel.config.regionCode;
  const items = p.regulation.items.items;
  const byCode = new Map([...(await items.publicRandomList(region, scjg)), ...(await items.publicRandomList(region, wjw))].map((x) => [x.code, x.id]));
  const ids = (...codes: string[]) => codes.map((c) => byCode.get(c)).filter((x): x is string => !!x);
  // An industry the 名录库 seed tagged, or the whole region if it tagged none.
  const scopeOf = async (industry: string) =>
    (await p.regulation.directory.objectsPort.inScope(p.kernel.db, { regionCodes: [region], industries: [industry] })).length
      ? { regionCodes: [region], industries: [industry] }
      : { regionCodes: [region] };
  const now = p.kernel.clock.now();
  const day = (days: number) => cstDate(new Date(now.getTime() + days * DAY));
  const year = Number(day(0).slice(0, 4));

  const joint = await plans.create(
    regulator,
    {
      name: `${year}年第一批食品经营者部门联合双随机抽查`,
      year,
      batch: 1,
      checkType: 'undirected',
      itemIds: ids('JG-SCJG-0002', 'JG-WJW-0004'),
      scope: await scopeOf('食品经营'),
      startsOn: day(0),
      endsOn: day(60),
      leadDepartmentId: scjg,
      jointDepartmentIds: [wjw],
      rates: { A: { percent: 20, min: 1 }, B: { percent: 30, min: 1 }, C: { percent: 50, min: 1 }, D: { percent: 100 } },
      inspectorsPerObject: 2,
    },
    'seed',
  );
  await plans.commit(
    regulator,
    joint.id,
    {
      seedSources: [
        { name: `中国福利彩票双色球第${year}025期开奖号码（红球6个、蓝球1个）`, count: 7 },
        { name: `中国福利彩票3D第${year}061期开奖号码`, count: 3 },
      ],
      seedAvailableAt: new Date(now.getTime() + MINUTE).toISOString(),
    },
    'seed',
  );
  await plans.draw(regulator, joint.id, { values: DEMO_SEED_VALUES }, 'seed', { now: new Date(now.getTime() + 2 * MINUTE) });

  // Waiting: the numbers of next week's draw (known after 21:30 China time that day).
  const waitingAt = new Date(`${day(7)}T21:30:00+08:00`);
  const waiting = await plans.create(
    regulator,
    {
      name: `${day(8).slice(0, 4)}年产品质量监督抽查`,
      year: Number(day(8).slice(0, 4)),
      batch: 2,
      checkType: 'undirected',
      itemIds: ids('JG-SCJG-0007'),
      scope: await scopeOf('产品质量'),
      startsOn: day(8),
      endsOn: day(90),
      leadDepartmentId: scjg,
      rates: { A: { percent: 3 }, B: { percent: 10 }, C: { percent: 20 }, D: { percent: 100 } },
      inspectorsPerObject: 2,
    },
    'seed',
  );
  await plans.commit(regulator, waiting.id, { seedSources: [{ name: `中国福利彩票双色球第${year}028期开奖号码（红球6个、蓝球1个）`, count: 7 }], seedAvailableAt: waitingAt.toISOString() }, 'seed');
}
