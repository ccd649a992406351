import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/departments.ts';
import { seedDemo } from '../../seed/demo.ts';
import { makeCitizenId } from '../kernel/ids/index.ts';
import { bearer, personToken, staffToken, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { itemContent, uploadPdf } from '../testing/services.ts';

let t: TestPlatform;
let leader: string;
let agent: string;
let admin: string;
let citizen: string;
let itemId: string;

const get = (url: string, token?: string, lang?: string) => t.app.inject({ method: 'GET', url, headers: { ...(token ? bearer(token) : {}), ...(lang ? { 'accept-language': lang } : {}) } });
const signIn = async (username: string) => (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
const summary = async (token = leader) => {
  const res = await get('/api/screen/summary', token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** What the tables say, counted independently of the modules' own queries (Beijing-time days). */
const countToday = async (table: string, column: string) =>
  Number(
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
        WHERE (${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai')::date = (${t.clock.now()}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`.execute(t.p.kernel.db)
    ).rows[0].n,
  );

beforeAll(async () => {
  t = await startTestPlatform();
  await seedDemo(t.p, { people: 20, companies: 5, cases: 300, basePeople: 100, baseEntities: 20 });
  leader = await signIn('leader01');
  agent = await signIn('hotline01');
  admin = await signIn('region.admin');
  citizen = (await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } })).token;
  const dept = await t.p.kernel.db.selectFrom('org_department').select('id').where('code', '=', 'SCJG').executeTakeFirstOrThrow();
  const res = await t.app.inject({ method: 'POST', url: '/api/services/items', headers: bearer(admin), payload: { code: 'XK-SCR-01', regionCode: '152201', content: itemContent(dept.id) } });
  expect(res.statusCode, res.body).toBe(201);
  itemId = res.json().id;
}, 240_000);
afterAll(() => t?.close());

describe('GET /api/screen/summary (一屏统览)', () => {
  it('gives a leader the seeded region’s figures, each agreeing with the records', async () => {
    const s = await summary();
    expect(s.days).toHaveLength(30);
    expect(s.days[29]).toBe(s.today);
    expect(s.services.today).toBe(await countToday('services_application', 'submitted_at'));
    expect(s.services.today).toBeGreaterThan(0);
    expect(s.services.trend).toHaveLength(30);
    expect(s.services.trend[29]).toBe(s.services.today);
    expect(s.services.onlineShare).toBeGreaterThan(0);
    expect(s.services.onlineShare).toBeLessThan(1); // the seed has one application submitted at the window
    expect(s.services.evaluations).toBeGreaterThan(0); // rated well and badly
    expect(s.services.goodShare! + s.services.badShare!).toBeLessThanOrEqual(1);
    const cases = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases_case WHERE created_at >= ${new Date(`${s.days[0]}T00:00:00+08:00`)}`.execute(t.p.kernel.db)).rows[0].n);
    expect(s.hotline.trend.reduce((a: number, b: number) => a + b, 0)).toBe(cases);
    expect(s.hotline.today).toBe(await countToday('cases_case', 'created_at'));
    expect(s.hotline.hot.length).toBeGreaterThan(0);
    expect(s.hotline.hot[0]).toEqual(expect.objectContaining({ name: expect.any(String), count: expect.any(Number) }));
    expect(s.hotline.heat.length).toBeGreaterThan(0);
    expect(s.hotline.onTimeRate).not.toBeNull();
    expect(s.licences.total).toBeGreaterThan(0);
    expect(s.licences.today).toBe(await countToday('licenses_licence', 'created_at'));
    expect(s.sharing).toEqual(expect.objectContaining({ today: expect.any(Number), trend: expect.any(Array) }));
    expect(s.city).toEqual(expect.objectContaining({ openAlarms: expect.any(Number) }));
  });

  it('counts an application submitted now and a call taken now, one each', async () => {
    const before = await summary();
    const fileId = await uploadPdf(t, citizen);
    const app = await t.app.inject({
      method: 'POST',
      url: '/api/services/applications',
      headers: bearer(citizen),
      payload: { itemId, form: { shopName: '老王烧烤', capital: 50000 }, materials: [{ code: 'premises', fileId }] },
    });
    expect(app.statusCode, app.body).toBe(201);
    const call = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(agent),
      payload: {
        kind: 'complaint',
        content: '爱国街道万佳社区3号楼门前垃圾堆放好几天了没人清运',
        callerName: '王女士',
        callerPhone: '13904821234',
        lon: 122.075,
        lat: 46.078,
        address: '万佳社区3号楼',
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    const after = await summary();
    expect(after.services.today).toBe(before.services.today + 1);
    expect(after.services.todayOnline).toBe(before.services.todayOnline + 1);
    expect(after.services.trend[29]).toBe(before.services.trend[29] + 1);
    expect(after.hotline.today).toBe(before.hotline.today + 1);
    // How long one summary takes on this seed (reported, not asserted: no timing in tests).
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await summary();
      runs.push(performance.now() - start);
    }
    console.info(`screen summary: median ${runs.sort((a, b) => a - b)[2].toFixed(0)} ms over 5 calls`);
  });

  it('refuses a visitor, a citizen and staff without the screen, in both languages', async () => {
    const anon = await get('/api/screen/summary');
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    const person = await get('/api/screen/summary', citizen, 'en');
    expect(person.statusCode).toBe(403);
    expect(person.json()).toMatchObject({ code: 'FORBIDDEN', zh: expect.stringMatching(/[\u4e00-\u9fa5]/), en: expect.stringMatching(/[a-z]/) });
    const window = await staffToken(t, ['window_staff'], (await t.p.kernel.db.selectFrom('org_department').select('id').where('code', '=', 'ZWSJ').executeTakeFirstOrThrow()).id);
    expect((await get('/api/screen/summary', window)).statusCode).toBe(403);
    expect((await get('/api/screen/summary', agent)).statusCode).toBe(403);
  });

  it('refuses a malformed or out-of-range period and unknown parameters', async () => {
    for (const q of ['days=3', 'days=91', 'days=abc', 'days=7.5', 'region=15']) {
      const res = await get(`/api/screen/summary?${q}`, leader);
      expect(res.statusCode, q).toBe(400);
      expect(res.json(), q).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    const week = await summary();
    const res = await get('/api/screen/summary?days=7', leader);
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toHaveLength(7);
    expect(res.json().services.today).toBe(week.services.today);
  });
});
