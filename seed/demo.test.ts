import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdProblem, creditCodeProblem } from '../src/kernel/ids/index.ts';
import { ROLES } from '../src/modules/org/index.ts';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { DEMO_PASSWORD, DEMO_RP, DEMO_STAFF } from './departments.ts';
import { isSeeded, seedDemo } from './demo.ts';
import { DEMO_ELDER } from './proactive-demo.ts';

describe('demo region 乌兰浩特市', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
    await seedDemo(t.p, { people: 40, companies: 10, cases: 1500, basePeople: 5000, baseEntities: 500 });
    // The whole demo (every pillar, 一件事, five policies run once) takes minutes on a shared 2-core machine.
  }, 600_000);
  afterAll(() => t.close());

  it('has its real streets and towns and 20+ departments, and is not loaded twice', async () => {
    const streets = await t.p.kernel.db.selectFrom('org_region').select('name').where('parent_code', '=', '152201').execute();
    expect(streets.map((s) => s.name)).toEqual(expect.arrayContaining(['爱国街道', '和平街道', '兴安街道', '胜利街道', '乌兰哈达镇', '葛根庙镇']));
    const depts = await t.p.kernel.db.selectFrom('org_department').select(['name', 'region_code']).where('region_code', '=', '152201').execute();
    expect(depts.length).toBeGreaterThanOrEqual(20);
    expect(depts.map((d) => d.name)).toEqual(expect.arrayContaining(['乌兰浩特市市场监督管理局', '乌兰浩特市公安局', '乌兰浩特市人力资源和社会保障局', '乌兰浩特市卫生健康委员会']));
    expect(await isSeeded(t.p)).toBe(true);
  });

  it('has a staff account for every role, and each can sign in', async () => {
    const seededRoles = new Set(DEMO_STAFF.flatMap(([, , , roles]) => roles));
    expect([...seededRoles].sort()).toEqual(ROLES.map((r) => r.code).sort());
    for (const [username] of DEMO_STAFF) {
      const res = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, username).toBe(201);
    }
  });

  it('has a verified resident, a legal representative acting for a company, and the example relying party', async () => {
    const signIn = async (username: string) => (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
    const citizen = (await t.app.inject({ url: '/api/identity/me', headers: { authorization: `Bearer ${await signIn('citizen01')}` } })).json();
    expect(citizen).toMatchObject({ type: 'person', assuranceLevel: 2 });
    const rep = await signIn('qiye01');
    const links = (await t.app.inject({ url: '/api/identity/me/enterprises', headers: { authorization: `Bearer ${rep}` } })).json();
    expect(links).toEqual([expect.objectContaining({ role: 'legal_rep', name: expect.stringMatching(/^乌兰浩特市/) })]);
    const rp = await t.p.identity.clients.metadata(DEMO_RP.clientId);
    expect(rp).toMatchObject({ client_secret: DEMO_RP.secret, redirect_uris: DEMO_RP.redirectUris });
  });

  it('keeps synthetic residents encrypted with valid, masked ID numbers, and companies with valid credit codes', async () => {
    const people = await t.p.kernel.db.selectFrom('identity_person').select(['id_number_enc', 'id_number_masked']).execute();
    // The 40 residents, and the resident over 80 of the 主动服务 demo.
    expect(people).toHaveLength(41);
    for (const p of people) {
      expect(p.id_number_enc).not.toMatch(/^\d{17}/);
      const id = t.p.kernel.crypto.decryptField(p.id_number_enc);
      expect(citizenIdProblem(id)).toBeNull();
      expect(p.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    }
    const companies = await t.p.kernel.db.selectFrom('identity_enterprise').select(['name', 'credit_code']).execute();
    expect(companies).toHaveLength(10);
    expect(new Set(companies.map((c) => c.name)).size).toBe(10);
    for (const c of companies) expect(creditCodeProblem(c.credit_code)).toBeNull();
  });

  it('runs its 主动服务 policies once, so the resident over 80 has a 高龄津贴 offer to confirm', async () => {
    const token = (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: DEMO_ELDER.username, password: DEMO_PASSWORD } })).json().token as string;
    const mine = (await t.app.inject({ url: '/api/proactive/my/benefits', headers: { authorization: `Bearer ${token}` } })).json();
    expect(mine.map((b: { policy: { name: string }; state: string; amountFen: number }) => [b.policy.name, b.state, b.amountFen])).toEqual([['高龄津贴', 'offered', 3000]]);
    const cards = (await t.app.inject({ url: '/api/proactive/policy-cards' })).json();
    expect(cards.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['高龄津贴', '困难残疾人生活补贴', '失业保险稳岗返还', '重度残疾人护理补贴', '小微企业吸纳就业补贴']));
    const runs = await t.p.kernel.db.selectFrom('proactive_run').select(['policy_id', 'newly_eligible']).execute();
    // The five published policies each ran once; the two 政策找人 policies that library documents carry
    // ran once more when the 政务公开 seed attached them.
    expect(new Set(runs.map((r) => r.policy_id)).size).toBe(5);
    expect(runs).toHaveLength(7);
  });

  it('ships 30+ service items across departments and applications in every state', async () => {
    const items = (await t.app.inject({ url: '/api/services/items?limit=200' })).json().items as { departmentId: string }[];
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.departmentId)).size).toBeGreaterThanOrEqual(15);
    const hit = (await t.app.inject({ url: `/api/services/items?q=${encodeURIComponent('食品经营许可')}` })).json().items;
    expect(hit[0].name).toBe('食品经营许可');
    const states = await t.p.kernel.db.selectFrom('services_application').select('state').distinct().execute();
    expect(states.map((s) => s.state).sort()).toEqual(['decision', 'delivered', 'completed', 'rejected', 'review', 'review_supplement', 'submitted', 'supplement', 'withdrawn'].sort());
    const channels = await t.p.kernel.db.selectFrom('services_application').select('channel').distinct().execute();
    expect(channels.map((c) => c.channel).sort()).toEqual(['online', 'window']);
    const open = await t.p.kernel.db.selectFrom('services_rectification').select('state').execute();
    expect(open.map((r) => r.state)).toEqual(['open']);
  });

  it('marks 秒批 items, and shows an application the rule handed to a person with the reasons', async () => {
    const items = await t.p.kernel.db.selectFrom('services_item_version').select('content').execute();
    const instant = items.filter((i) => (i.content as { instant?: unknown }).instant).map((i) => (i.content as { name: string }).name);
    expect(instant.sort()).toEqual(['失业保险稳岗返还', '烟草专卖零售许可证延续', '高龄津贴申领'].sort());
    const checks = await t.p.kernel.db.selectFrom('services_action').select('payload').where('action', '=', 'instant_check').execute();
    expect(checks.some((c) => (c.payload as { instant?: { decision: string; failed: unknown[] } }).instant?.failed.length)).toBe(true);
  });

  it('has grids on every street, a responsibility list, and past cases the classifier was trained on', async () => {
    const streets = (await t.app.inject({ url: '/api/cityops/grids?kind=street' })).json().features;
    expect(streets.length).toBe(17);
    const inside = (await t.app.inject({ url: '/api/cityops/locate?lon=122.075&lat=46.078' })).json();
    expect(inside).toMatchObject({ inside: true, streetName: '爱国街道' });
    expect(inside.gridCode).toMatch(/^152201001-W0\d$/);
    const hotline = (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: 'hotline01', password: DEMO_PASSWORD } })).json().token;
    const acc = (await t.app.inject({ url: '/api/cases/stats/classifier', headers: { authorization: `Bearer ${hotline}` } })).json();
    // The seeded history trained the model but has no first suggestion recorded at intake, so it is not counted.
    expect(acc.recorded).toBe(0);
    const understood = (
      await t.app.inject({ method: 'POST', url: '/api/cases/classify', headers: { authorization: `Bearer ${hotline}` }, payload: { text: '春阳小区楼下垃圾桶满了好几天没人清运' } })
    ).json();
    expect(understood.street.code).toBe('152201001');
    expect(understood.departments[0].level).toBe('street');
    const perf = (await t.app.inject({ url: '/api/cases/stats/performance?by=street', headers: { authorization: `Bearer ${hotline}` } })).json();
    expect(perf.find((r: { name: string }) => r.name === '爱国街道').cases).toBeGreaterThan(20);
    // Live cases for the workbench, made by the demo staff through the workflow.
    const live = await t.p.kernel.db.selectFrom('cases_case').select('state').distinct().where('reporter_id', '<>', 'import').execute();
    expect(live.map((r) => r.state)).toEqual(expect.arrayContaining(['registered', 'dispatched', 'handling', 'replied']));
  });

  it('went through the audited paths', async () => {
    await t.p.kernel.audit.sealAll();
    const r = await t.p.kernel.audit.verify();
    expect(r.ok).toBe(true);
    expect(r.linked).toBeGreaterThan(40);
  });

  it('has licence types, a seal per issuing department, sealed licences, and issues the company its food licence when its application is approved', async () => {
    const types = (await t.app.inject({ method: 'GET', url: '/api/licenses/types' })).json();
    expect(types.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['business_licence', 'food_business', 'social_security_card', 'real_estate', 'resident_id']));
    const seals = await t.p.kernel.db.selectFrom('licenses_seal').select(['name', 'unit_code']).execute();
    // The four licence seals, and a 行政审批专用章 for every other department's 决定书.
    expect(seals.map((s) => s.name)).toEqual(expect.arrayContaining(['乌兰浩特市市场监督管理局证照专用章', '乌兰浩特市住房和城乡建设局行政审批专用章']));
    expect(seals.length).toBeGreaterThan(40);
    for (const s of seals) expect(creditCodeProblem(s.unit_code)).toBeNull();
    const before = await t.p.kernel.db.selectFrom('licenses_licence').select(['type_key', 'identifier']).execute();
    expect(before.filter((l) => l.type_key === 'business_licence').length).toBe(10);
    expect(before.filter((l) => l.type_key === 'food_business')).toEqual([]);
    await t.p.kernel.events.dispatch(500);
    const food = await t.p.kernel.db.selectFrom('licenses_licence').selectAll().where('type_key', '=', 'food_business').execute();
    expect(food).toHaveLength(1);
    expect(food[0]).toMatchObject({ status: 'valid', item_code: 'XK-SCJG-002', issuer_name: '乌兰浩特市市场监督管理局' });
    const check = (await t.app.inject({ method: 'GET', url: `/api/licenses/verify/${food[0].identifier}` })).json();
    expect(check).toMatchObject({ verdict: 'genuine', seal: { name: '乌兰浩特市市场监督管理局证照专用章' } });
  });

  it('has the base databases in the catalogue, the three lists, and sharing requests in every state', async () => {
    const codes = (await t.p.data.catalogue.search({})).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['RK-POPULATION', 'FR-ENTITY', 'XY-CREDIT', 'ZZ-LICENCE', 'DL-PLACE']));
    expect(
      Number(
        (
          await t.p.kernel.db
            .selectFrom('data_population')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(5000 + 1); // and the resident over 80 planted for 主动服务
    const lists = await t.p.kernel.db.selectFrom('data_list_entry').select('list').distinct().execute();
    expect(lists.map((l) => l.list).sort()).toEqual(['demand', 'duty', 'negative']);
    const states = await t.p.kernel.db.selectFrom('data_request').select('state').execute();
    expect(states.map((s) => s.state).sort()).toEqual(['approved', 'refused', 'submitted']);
    // The licences the seed issued are in the e-licence catalogue once the outbox has run.
    await t.p.kernel.events.dispatch(500);
    expect(
      Number(
        (
          await t.p.kernel.db
            .selectFrom('data_licence_index')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(10);
  });
});
