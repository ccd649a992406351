import { syntheticIds } from '../src/kernel/ids/index.ts';
import type { HistoricalCase } from '../src/modules/cases/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import type { Platform } from '../src/platform.ts';
import { CASE_DUTIES } from './case-categories.ts';
import { CASE_CALLS } from './case-calls/index.ts';
import { seedCaseSetup, STREET_PLACES } from './case-setup.ts';
import { CONFUSED, ESTATES, PREFIXES, ROADS, SUFFIXES, TIMES } from './case-texts.ts';
import { STREET_CENTRES } from './grids.ts';
import { seedMapLayers } from './map-layers.ts';

/** The api key the README names for trying Open311 against the demo. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
const REPLIES = ['已现场核查并处理完毕', '已责令相关单位限期整改，现已整改到位', '已协调维修人员修复', '已向市民解释相关政策，市民表示理解', '已联系责任主体落实处置'];

/** Urban streets take most calls; towns and parks fewer. */
const STREET_WEIGHTS: [string, number][] = Object.keys(STREET_CENTRES).map((c) => [c, Number(c.slice(6)) < 100 ? 8 : 1]);

/** The estates and roads the gazetteer places in each street, for the history's addresses. */
function placesByStreet(): Map<string, { estates: string[]; roads: string[] }> {
  const out = new Map<string, { estates: string[]; roads: string[] }>();
  const of = (code: string) => out.get(code) ?? (out.set(code, { estates: [], roads: [] }), out.get(code)!);
  for (const [name, code] of Object.entries(STREET_PLACES.estates)) of(code).estates.push(name);
  for (const [name, codes] of Object.entries(STREET_PLACES.roads)) for (const code of codes) of(code).roads.push(name);
  return out;
}

/**
 * Synthetic past cases in the callers' words (seed/case-calls): a category, a place inside a
 * street, the unit that finally handled it by the 派单目录, and what happened — mostly closed,
 * some late, some unsatisfied. A leaf without calls gets no history. All of it trains the
 * classifier; none of it has a first suggestion recorded, so none of it counts in the accuracy figures.
 */
export async function syntheticCases(p: Platform, units: Map<string, string>, n: number, seed = 2026): Promise<HistoricalCase[]> {
  const rnd = syntheticIds(152201 + seed);
  const now = p.kernel.clock.now().getTime();
  const centreId = units.get('RX12345')!;
  const duty = new Map(CASE_DUTIES.map(([c, u]) => [c, u]));
  const leaves = Object.keys(CASE_CALLS).filter((c) => CASE_CALLS[c]?.length && duty.has(c));
  const local = placesByStreet();
  if (!leaves.length) return [];
  const totalWeight = STREET_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const out: HistoricalCase[] = [];
  // Every written call once first (in a shuffled order), then drawn at random: a history shorter
  // than the calls still teaches as many wordings as it can.
  const order = leaves.flatMap((leaf) => CASE_CALLS[leaf].map((call) => ({ leaf, call })));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let i = 0; i < n; i++) {
    // Seasonality: heating complaints cluster in winter-like weeks of the window, others spread.
    const drawn =
      order[i] ??
      (() => {
        const leaf = rnd.pick(leaves);
        return { leaf, call: rnd.pick(CASE_CALLS[leaf]) };
      })();
    const matter = drawn.leaf;
    // One call in ten was filed under a neighbouring category by the dispatcher of the day.
    const categoryCode = CONFUSED[matter] && duty.has(CONFUSED[matter]) && rnd.int(1, 100) <= 10 ? CONFUSED[matter] : matter;
    let r = rnd.int(0, totalWeight - 1);
    const [street] = STREET_WEIGHTS.find(([, w]) => (r -= w) < 0)!;
    const [cx, cy] = STREET_CENTRES[street];
    const lon = cx + rnd.int(-40, 40) / 10_000;
    const lat = cy + rnd.int(-30, 30) / 10_000;
    const place = await p.cityops.grids.locate(lon, lat);
    // Places of the street itself where the gazetteer knows some (towns and parks have none).
    const here = local.get(street);
    const estate = rnd.pick(here?.estates.length ? here.estates : ESTATES);
    const road = rnd.pick(here?.roads.length ? here.roads : ROADS);
    const spot = rnd.int(0, 1) ? `${estate}${rnd.int(1, 30)}号楼` : `${road}${rnd.int(1, 300)}号`;
    const fill = (x: string) =>
      x
        .replace('{p}', spot)
        .replace('{t}', rnd.pick(TIMES))
        .replace('{n}', String(rnd.int(2, 15)));
    // Some callers bring up a second, smaller matter in the same call.
    const aside = rnd.int(1, 100) <= 15 ? `另外，${fill(rnd.pick(CASE_CALLS[rnd.pick(leaves)])).replace(spot, '附近')}。` : '';
    const content = `${rnd.pick(PREFIXES)}${fill(drawn.call)}。${aside}${rnd.pick(SUFFIXES)}`;
    const unit = duty.get(categoryCode);
    const departmentId = unit === 'street' ? (place ? units.get(place.streetCode) : undefined) : units.get(unit ?? '');
    if (!departmentId) continue;
    const createdAt = new Date(now - rnd.int(1, 120 * 24) * 3600_000);
    const responseDueAt = new Date(createdAt.getTime() + 4 * 3600_000);
    const dueAt = new Date(createdAt.getTime() + 5 * 86_400_000);
    const recent = now - createdAt.getTime() < 3 * 86_400_000;
    const state = recent ? rnd.pick(['dispatched', 'handling', 'replied', 'closed'] as const) : 'closed';
    const late = rnd.int(1, 100) <= 12;
    const acceptedAt = state === 'dispatched' ? undefined : new Date(createdAt.getTime() + rnd.int(10, late ? 600 : 200) * 60_000);
    const repliedAt = state === 'closed' || state === 'replied' ? new Date(createdAt.getTime() + (late ? rnd.int(6, 9) : rnd.int(1, 4)) * 86_400_000) : undefined;
    const closedAt = state === 'closed' ? new Date(repliedAt!.getTime() + rnd.int(2, 30) * 3600_000) : undefined;
    const solved = state === 'closed' ? rnd.int(1, 100) <= (late ? 70 : 92) : undefined;
    const satisfaction = state === 'closed' ? (solved ? rnd.pick([5, 5, 5, 4, 4, 3]) : rnd.pick([1, 2, 2, 3])) : undefined;
    out.push({
      createdAt,
      channel: rnd.pick(['hotline', 'hotline', 'hotline', 'hotline', 'web', 'app', 'grid']),
      kind: categoryCode === '080101' || categoryCode === '040201' ? 'consult' : rnd.pick(['complaint', 'complaint', 'request', 'report']),
      urgency: rnd.int(1, 100) <= 8 ? 'urgent' : 'ordinary',
      title: content.slice(0, 30),
      content: `市民来电反映：${content}`,
      callerPhone: rnd.phone(),
      address: spot,
      lon,
      lat,
      streetCode: place?.streetCode ?? null,
      gridCode: place?.gridCode ?? null,
      categoryCode,
      departmentId,
      centreId,
      state,
      responseDueAt,
      dueAt,
      acceptedAt,
      repliedAt,
      closedAt,
      reply: repliedAt ? rnd.pick(REPLIES) : undefined,
      solved,
      satisfaction,
      returns: rnd.int(1, 100) <= 5 ? 1 : 0,
      overdue: late && (repliedAt ? repliedAt > dueAt : now > dueAt.getTime()),
      heldOut: false,
    });
  }
  return out;
}

/** The demo's 12345: set-up, an Open311 key, past cases (every written call at least once) and a few live ones. */
export async function seedCases(p: Platform, units: Map<string, string>, history = 4500): Promise<void> {
  await seedCaseSetup(p, units);
  await seedMapLayers(p);
  await p.cases.open311Keys.issue(SYSTEM_PRINCIPAL, '示例 Open311 应用 / Demo Open311 app', DEMO_OPEN311_KEY, 'seed');
  await p.cases.importHistory(SYSTEM_PRINCIPAL, await syntheticCases(p, units, history));
  await seedSensors(p);
  await seedLiveCases(p, units);
  p.log.info({ history }, 'seed: 12345 cases loaded');
}

/** Threshold rules and a few devices at the places that flood, get loud or burn. */
export async function seedSensors(p: Platform): Promise<void> {
  const rules = [
    { deviceKind: 'water_level', metric: 'level_cm', op: '>=', threshold: 30, categoryCode: '010204', urgency: 'urgent', name: '积水超警戒水位' },
    { deviceKind: 'noise', metric: 'db', op: '>=', threshold: 70, categoryCode: '020102', urgency: 'ordinary', name: '噪声超标' },
    { deviceKind: 'smoke', metric: 'smoke', op: '>=', threshold: 1, categoryCode: '070101', urgency: 'urgent', name: '烟感报警' },
    { deviceKind: 'manhole', metric: 'tilt_deg', op: '>=', threshold: 15, categoryCode: '010203', urgency: 'urgent', name: '井盖倾斜或移位' },
  ] as const;
  for (const r of rules) await p.cityops.telemetry.saveRule(SYSTEM_PRINCIPAL, r, 'seed');
  const devices = [
    { id: 'WL-HP-01', kind: 'water_level', name: '和平路下穿桥积水监测', lon: 122.091, lat: 46.071 },
    { id: 'WL-XA-01', kind: 'water_level', name: '兴安南大街低洼路段水位', lon: 122.061, lat: 46.085 },
    { id: 'NS-AG-01', kind: 'noise', name: '爱国街道广场噪声监测', lon: 122.076, lat: 46.079 },
    { id: 'SM-DL-01', kind: 'smoke', name: '都林街道老旧小区烟感', lon: 122.086, lat: 46.096 },
    { id: 'MH-WY-01', kind: 'manhole', name: '五一路井盖监测', lon: 122.071, lat: 46.064 },
  ] as const;
  for (const d of devices) await p.cityops.telemetry.register(SYSTEM_PRINCIPAL, d, 'seed');
}

/**
 * Cases in flight for the demo's workbench, made through the same functions as real ones by the
 * demo staff: calls waiting for dispatch, cases waiting for 爱国街道's sign-off or in its hands, one
 * waiting for the visit back, and one with the city's enforcement bureau.
 */
export async function seedLiveCases(p: Platform, units: Map<string, string>): Promise<void> {
  const as = async (username: string) => {
    const { token } = await p.identity.service.signIn(username, 'Yiwang2026demo', 'seed');
    return (await p.identity.service.authenticate(token))!;
  };
  const agent = await as('hotline01');
  const street = await as('handler.aiguo');
  const cgzf = await as('handler.cgzf');
  const call = (content: string, extra: Record<string, unknown> = {}) =>
    p.cases.intake.report(agent, { kind: 'complaint', content, callerName: '市民', callerPhone: `1390482${String(7000 + Math.floor(Math.random() * 2999))}`, ...extra }, 'seed');
  await call('罕山街12号楼下水道堵塞返水，污水流到路面，请尽快疏通', { address: '罕山街12号' });
  await call('咨询今年城乡居民养老保险的缴费档次和缴费时间', { kind: 'consult' });
  await call('五一新村附近夜间施工噪音太大，晚上十一点以后还在作业', { address: '五一新村' });
  await call('兴安南大街公交站台顶棚破损漏雨', { address: '兴安南大街公交站' });
  // Each case goes as far as `steps` says; one that lands on an open case of the same matter is
  // linked to it at intake (as a real one would be) and goes no further.
  const live = async (content: string, lon: number, lat: number, categoryCode: string, unit: string, steps: ('accept' | 'reply')[]) => {
    const r = await call(content, { lon, lat });
    if (r.duplicateOf) return;
    await p.cases.handling.act(agent, r.id, { action: 'dispatch', categoryCode, departmentId: units.get(unit)! }, 'seed');
    const handler = unit === 'CGZF' ? cgzf : street;
    for (const step of steps) await p.cases.handling.act(handler, r.id, step === 'reply' ? { action: 'reply', reason: '已更换垃圾桶三个，环卫所每日清运两次' } : { action: 'accept' }, 'seed');
  };
  // Points about 400 m apart inside 爱国街道, so they are separate events.
  await live('万佳社区5号楼门前垃圾箱满溢两天没人清运', 122.0752, 46.0781, '010101', '152201001', []);
  await live('春阳小区西门建筑垃圾堆放占用通道', 122.0702, 46.0815, '010101', '152201001', ['accept']);
  await live('普惠社区垃圾桶破损，垃圾散落一地', 122.0795, 46.0745, '010101', '152201001', ['accept', 'reply']);
  await live('和平路菜市场外流动摊贩占道经营，早高峰堵塞交通', 122.0905, 46.0705, '010102', 'CGZF', ['accept']);
}
