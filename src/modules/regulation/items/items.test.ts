import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { itemContent } from '../../../testing/services.ts';
import { CATALOGUE_ITEMS } from '../../../../seed/catalogue/index.ts';
import { DEMO_SUPERVISION_ITEMS } from '../../../../seed/regulation/items.ts';
import { DEMO_ITEMS } from '../../../../seed/service-items.ts';
import { CITY_DEPARTMENTS } from '../../../../seed/departments.ts';

/* 监管事项清单 and 照单监管: keeping the list, the coverage of the catalogue's 行政许可 items, the public 随机抽查事项清单. */

let t: TestPlatform;
let scjg: string;
let wjw: string;
let regulator: string;
let wjwRegulator: string;
let inspector: string;
let admin: string;

const BASE = '/api/regulation/items';
const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('regulation_item')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const food = () => ({
  code: 'JG-SCJG-0001',
  name: '对食品经营者的监督检查',
  basis: '《中华人民共和国食品安全法》第一百一十条',
  departmentId: scjg,
  level: 'key',
  methods: ['onsite', 'sampling'],
  entityTypes: ['食品经营者'],
  content: '许可资质、从业人员健康证明、进货查验记录、食品贮存条件',
  randomCheck: true,
  licensingItemCodes: ['XK-T-001'],
  commitmentVerifyDays: 30,
});

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = (await department(t, '152201', '市场监督管理局')).id;
  wjw = (await department(t, '152201', '卫生健康委员会')).id;
  admin = await staffToken(t, ['region_admin'], scjg);
  regulator = await staffToken(t, ['regulator'], scjg);
  wjwRegulator = await staffToken(t, ['regulator'], wjw);
  inspector = await staffToken(t, ['inspector'], scjg);
  // The catalogue: three 行政许可 items and one 公共服务 item (not something 照单监管 counts).
  for (const [code, name, dept, itemType] of [
    ['XK-T-001', '食品经营许可', scjg, 'licensing'],
    ['XK-T-002', '公共场所卫生许可', wjw, 'licensing'],
    ['XK-T-003', '药品零售企业经营许可', scjg, 'licensing'],
    ['GG-T-001', '消费维权咨询', scjg, 'public_service'],
  ] as const) {
    const r = await call('POST', '/api/services/items', admin, { code, regionCode: '152201', content: itemContent(dept, { name, itemType }) });
    expect(r.statusCode, r.body).toBe(201);
  }
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('监管事项清单', () => {
  it('a regulator adds a 监管事项 for their bureau, finds it by filters, and changes it with a version check', async () => {
    const created = await call('POST', BASE, regulator, food());
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    expect(version).toBe(1);
    const one = (await call('GET', `${BASE}/${id}`, inspector)).json();
    expect(one).toMatchObject({ code: 'JG-SCJG-0001', departmentName: '市场监督管理局', level: 'key', methods: ['onsite', 'sampling'], commitmentVerifyDays: 30, active: true });

    await call('POST', BASE, regulator, {
      ...food(),
      code: 'JG-SCJG-0002',
      name: '对药品零售企业的监督检查',
      basis: '《中华人民共和国药品管理法》第九十九条',
      level: 'general',
      randomCheck: false,
      licensingItemCodes: ['XK-T-003'],
      commitmentVerifyDays: undefined,
    });
    const keyOnly = (await call('GET', `${BASE}?level=key`, inspector)).json();
    expect(keyOnly.items.map((i: { code: string }) => i.code)).toEqual(['JG-SCJG-0001']);
    expect((await call('GET', `${BASE}?q=${encodeURIComponent('药品')}`, regulator)).json().items.map((i: { code: string }) => i.code)).toEqual(['JG-SCJG-0002']);
    expect((await call('GET', `${BASE}?randomCheck=false&department=${scjg}`, regulator)).json()).toMatchObject({ total: 1, items: [{ code: 'JG-SCJG-0002' }] });
    const page1 = (await call('GET', `${BASE}?limit=1`, regulator)).json();
    expect(page1).toMatchObject({ total: 2, items: [{ code: 'JG-SCJG-0001' }] });
    expect((await call('GET', `${BASE}?limit=1&after=${page1.next}`, regulator)).json().items.map((i: { code: string }) => i.code)).toEqual(['JG-SCJG-0002']);

    const changed = await call('PUT', `${BASE}/${id}`, regulator, { ...food(), name: '对食品经营者的日常监督检查', commitmentVerifyDays: 20, expectedVersion: 1 });
    expect(changed.json()).toEqual({ id, version: 2 });
    expect((await call('GET', `${BASE}/${id}`, regulator)).json()).toMatchObject({ name: '对食品经营者的日常监督检查', commitmentVerifyDays: 20, version: 2 });
    // Someone else's stale copy is refused, not written over.
    const stale = await call('PUT', `${BASE}/${id}`, regulator, { ...food(), name: '旧名称', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('REGULATION_ITEM_STALE');
    expect((await call('GET', `${BASE}/${id}`, regulator)).json().name).toBe('对食品经营者的日常监督检查');
    // Every change is in the audit ledger with what moved.
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_type', '=', 'regulation.item').where('object_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['created', 'updated']);
    const events = await t.p.kernel.db.selectFrom('kernel_outbox').select(['topic', 'payload']).where('topic', 'like', 'regulation.item.%').orderBy('created_at').execute();
    expect(events.map((e) => e.topic).sort()).toEqual(['regulation.item.created', 'regulation.item.created', 'regulation.item.updated']);
    expect(events.find((e) => e.topic === 'regulation.item.updated')?.payload).toEqual({ id, code: 'JG-SCJG-0001', departmentId: scjg, randomCheck: true, active: true });
  });

  it('answers other areas through the port: the 监管事项 that follow a 行政许可, and items by id', async () => {
    const port = t.p.regulation.items.port;
    const follows = await port.forLicensingItem(t.p.kernel.db, 'XK-T-001', '152201');
    expect(follows).toEqual([expect.objectContaining({ code: 'JG-SCJG-0001', randomCheck: true, commitmentVerifyDays: 20, licensingItemCodes: ['XK-T-001'], active: true })]);
    expect(await port.forLicensingItem(t.p.kernel.db, 'XK-T-001', '150000')).toEqual([]);
    expect((await port.get(t.p.kernel.db, [follows[0].id, 'not-an-id'])).map((i) => i.code)).toEqual(['JG-SCJG-0001']);
  });

  it('照单监管: a 行政许可 without a 监管事项 is listed as missing until one follows it', async () => {
    const before = (await call('GET', `${BASE}/coverage`, regulator)).json();
    expect(before).toMatchObject({ licensingItems: 3, covered: 2, missing: 1 });
    // Missing ones come first; the 公共服务 item is not a 行政许可 and is not counted.
    expect(before.items[0]).toMatchObject({ code: 'XK-T-002', name: '公共场所卫生许可', departmentName: '卫生健康委员会', supervisionItems: [] });
    expect(before.items.map((i: { code: string }) => i.code)).not.toContain('GG-T-001');
    expect((await call('GET', `${BASE}/coverage?missingOnly=true`, inspector)).json().items.map((i: { code: string }) => i.code)).toEqual(['XK-T-002']);

    const r = await call('POST', BASE, wjwRegulator, {
      code: 'JG-WJW-0001',
      name: '对公共场所卫生的监督检查',
      basis: '《公共场所卫生管理条例》第十条',
      departmentId: wjw,
      level: 'general',
      methods: ['onsite', 'document'],
      entityTypes: ['住宿场所', '沐浴场所'],
      randomCheck: true,
      licensingItemCodes: ['XK-T-002'],
    });
    expect(r.statusCode, r.body).toBe(201);
    const after = (await call('GET', `${BASE}/coverage`, regulator)).json();
    expect(after).toMatchObject({ licensingItems: 3, covered: 3, missing: 0 });
    expect(after.items.find((i: { code: string }) => i.code === 'XK-T-002').supervisionItems).toEqual([expect.objectContaining({ code: 'JG-WJW-0001' })]);

    // A deactivated 监管事项 no longer covers its 许可.
    const off = await call('POST', `${BASE}/${r.json().id}/deactivate`, wjwRegulator, {});
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect((await call('GET', `${BASE}/coverage`, regulator)).json()).toMatchObject({ covered: 2, missing: 1 });
    expect((await call('POST', `${BASE}/${r.json().id}/deactivate`, wjwRegulator, {})).json().code).toBe('REGULATION_ITEM_ALREADY_INACTIVE');
    expect((await call('POST', `${BASE}/${r.json().id}/activate`, wjwRegulator, {})).json()).toMatchObject({ active: true, version: 3 });
    expect((await call('GET', `${BASE}/coverage`, regulator)).json()).toMatchObject({ covered: 3, missing: 0 });
  });

  it('publishes the 随机抽查事项清单 to anyone: only active items in the list, with department, basis and methods', async () => {
    const list = async () => {
      const r = await t.app.inject({ url: '/api/regulation/public/random-items' });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { regionCode: string; items: { code: string; departmentName: string; basis: string; methods: { code: string; zh: string }[] }[] };
    };
    const shown = await list();
    expect(shown.regionCode).toBe('152201');
    // JG-SCJG-0002 is not in the 随机抽查事项清单.
    expect(shown.items.map((i) => i.code).sort()).toEqual(['JG-SCJG-0001', 'JG-WJW-0001']);
    expect(shown.items.find((i) => i.code === 'JG-SCJG-0001')).toMatchObject({
      departmentName: '市场监督管理局',
      basis: '《中华人民共和国食品安全法》第一百一十条',
      methods: [
        { code: 'onsite', zh: '现场检查' },
        { code: 'sampling', zh: '抽样检测' },
      ],
    });
    expect(Object.keys(shown.items[0])).not.toContain('id');
    const id = (await call('GET', `${BASE}?q=JG-SCJG-0001`, regulator)).json().items[0].id;
    await call('POST', `${BASE}/${id}/deactivate`, regulator, {});
    expect((await list()).items.map((i) => i.code)).toEqual(['JG-WJW-0001']);
    await call('POST', `${BASE}/${id}/activate`, regulator, {});
    expect((await t.app.inject({ url: '/api/regulation/public/random-items?region=abc' })).statusCode).toBe(400);
  });

  it('lets a 双随机 plan name only items of the 随机抽查事项清单 (the real draws area reads them through the port)', async () => {
    const id = async (code: string) => (await call('GET', `${BASE}?q=${code}`, regulator)).json().items[0].id as string;
    const year = t.clock.now().getFullYear();
    const plan = (itemIds: string[]) => ({
      name: `${year}年食品药品双随机抽查`,
      year,
      batch: 1,
      checkType: 'undirected',
      itemIds,
      scope: { regionCodes: ['152201'] },
      startsOn: `${year}-11-01`,
      endsOn: `${year}-12-31`,
      leadDepartmentId: scjg,
      rates: { A: { percent: 3 }, B: { percent: 10 }, C: { percent: 20 }, D: { percent: 100 } },
      inspectorsPerObject: 2,
    });
    const ok = await call('POST', '/api/regulation/plans', regulator, plan([await id('JG-SCJG-0001')]));
    expect(ok.statusCode, ok.body).toBe(201);
    // JG-SCJG-0002 is a 监管事项 but not in the 随机抽查事项清单.
    const refused = await call('POST', '/api/regulation/plans', regulator, plan([await id('JG-SCJG-0002')]));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('REGULATION_PLAN_ITEM_NOT_RANDOM');
  });

  it('keeps each bureau to its own list; a region administrator may keep any', async () => {
    const before = await count();
    const wjwItem = (await call('GET', `${BASE}?q=JG-WJW-0001`, regulator)).json().items[0];
    const foreign = await call('POST', BASE, regulator, { ...food(), code: 'JG-WJW-0099', departmentId: wjw, licensingItemCodes: [] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'REGULATION_ITEM_NOT_YOUR_DEPARTMENT', zh: expect.stringContaining('本部门') });
    expect((await call('PUT', `${BASE}/${wjwItem.id}`, regulator, { ...food(), code: 'JG-WJW-0001', departmentId: wjw })).statusCode).toBe(403);
    // Nor may a bureau move its item onto another's list.
    const own = (await call('GET', `${BASE}?q=JG-SCJG-0002`, regulator)).json().items[0];
    expect((await call('PUT', `${BASE}/${own.id}`, regulator, { ...food(), code: 'JG-SCJG-0002', departmentId: wjw })).statusCode).toBe(403);
    expect((await call('POST', `${BASE}/${wjwItem.id}/deactivate`, regulator, {})).statusCode).toBe(403);
    expect(await count()).toBe(before);
    const byAdmin = await call('POST', BASE, admin, { ...food(), code: 'JG-WJW-0002', name: '对医疗机构的监督检查', basis: '《医疗机构管理条例》第四十条', departmentId: wjw, licensingItemCodes: [] });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
  });

  it('refuses bad input with a clear problem and stores nothing', async () => {
    const before = await count();
    const audit = async () =>
      Number(
        (
          await t.p.kernel.db
            .selectFrom('kernel_audit_entry')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('object_type', '=', 'regulation.item')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditBefore = await audit();
    const cases: [string, unknown, number, string?][] = [
      ['unknown department', { ...food(), code: 'JG-X-1', departmentId: '0190d2d8-0000-7000-8000-000000000000' }, 422, 'REGULATION_ITEM_UNKNOWN_DEPARTMENT'],
      ['duplicate code', { ...food() }, 409, 'REGULATION_ITEM_DUPLICATE_CODE'],
      ['unknown method', { ...food(), code: 'JG-X-2', methods: ['onsite', 'telepathy'] }, 400, 'VALIDATION_FAILED'],
      ['no method', { ...food(), code: 'JG-X-3', methods: [] }, 400, 'VALIDATION_FAILED'],
      ['repeated method', { ...food(), code: 'JG-X-4', methods: ['onsite', 'onsite'] }, 422, 'REGULATION_ITEM_REPEATED_VALUE'],
      ['oversize basis', { ...food(), code: 'JG-X-5', basis: '法'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      ['oversize name', { ...food(), code: 'JG-X-6', name: '名'.repeat(201) }, 400, 'VALIDATION_FAILED'],
      ['unknown level', { ...food(), code: 'JG-X-7', level: 'urgent' }, 400, 'VALIDATION_FAILED'],
      ['days out of range', { ...food(), code: 'JG-X-8', commitmentVerifyDays: 0 }, 400, 'VALIDATION_FAILED'],
      ['days not a number', { ...food(), code: 'JG-X-9', commitmentVerifyDays: 'thirty' }, 400, 'VALIDATION_FAILED'],
      ['randomCheck an object', { ...food(), code: 'JG-X-10', randomCheck: { yes: true } }, 400, 'VALIDATION_FAILED'],
      ['methods a number', { ...food(), code: 'JG-X-11', methods: 7 }, 400, 'VALIDATION_FAILED'],
      ['unknown field', { ...food(), code: 'JG-X-12', owner: 'me' }, 400, 'VALIDATION_FAILED'],
      ['bad code', { ...food(), code: 'JG X/1' }, 400, 'VALIDATION_FAILED'],
      ['not a 行政许可', { ...food(), code: 'JG-X-13', licensingItemCodes: ['GG-T-001'] }, 422, 'REGULATION_ITEM_UNKNOWN_LICENSING_ITEM'],
      ['unknown 行政许可', { ...food(), code: 'JG-X-14', licensingItemCodes: ['XK-NOPE'] }, 422, 'REGULATION_ITEM_UNKNOWN_LICENSING_ITEM'],
    ];
    for (const [what, body, status, code] of cases) {
      const r = await call('POST', BASE, regulator, body);
      expect(r.statusCode, `${what}: ${r.body}`).toBe(status);
      expect(r.json(), what).toMatchObject({ status, code, zh: expect.any(String), en: expect.any(String) });
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    // A body that is not JSON at all.
    const garbled = await t.app.inject({ method: 'POST', url: BASE, headers: { ...bearer(regulator), 'content-type': 'application/json' }, payload: '{"code": ' });
    expect(garbled.statusCode).toBe(400);
    // Inspectors read the list but may not keep it; nobody anonymous may do either.
    expect((await call('POST', BASE, inspector, { ...food(), code: 'JG-X-20' })).statusCode).toBe(403);
    expect((await call('POST', BASE, undefined, { ...food(), code: 'JG-X-21' })).statusCode).toBe(401);
    expect((await call('GET', BASE)).statusCode).toBe(401);
    expect((await call('GET', `${BASE}/coverage`)).statusCode).toBe(401);
    // Bad queries and ids.
    for (const q of ['?limit=0', '?limit=101', '?level=urgent', '?department=abc', '?after=zzz', '?q=' + 'x'.repeat(101), '?who=me']) {
      const r = await call('GET', `${BASE}${q}`, regulator);
      expect(r.statusCode, q).toBe(400);
    }
    expect((await call('GET', `${BASE}/0190d2d8-0000-7000-8000-000000000000`, regulator)).statusCode).toBe(404);
    expect((await call('GET', `${BASE}/not-a-uuid`, regulator)).statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect(await audit()).toBe(auditBefore);
  });
});

describe('the demo 监管事项清单', () => {
  it('follows every demo 行政许可 but two, names only real 行政许可 codes and departments, and repeats no code', () => {
    const licensing = new Set([...DEMO_ITEMS, ...CATALOGUE_ITEMS].filter((i) => i.type === 'licensing').map((i) => i.code));
    const named = DEMO_SUPERVISION_ITEMS.flatMap((i) => i.licensing);
    expect(named.filter((c) => !licensing.has(c))).toEqual([]);
    expect([...licensing].filter((c) => !named.includes(c)).sort()).toEqual(['XK-MZW-001', 'XK-QXJ-003']);
    expect(new Set(DEMO_SUPERVISION_ITEMS.map((i) => i.code)).size).toBe(DEMO_SUPERVISION_ITEMS.length);
    const depts = new Set(CITY_DEPARTMENTS.map(([code]) => code));
    expect(DEMO_SUPERVISION_ITEMS.filter((i) => !depts.has(i.dept))).toEqual([]);
    // Several in the 随机抽查事项清单, some 重点, 告知承诺 days on some (食品经营许可: 30 working days).
    expect(DEMO_SUPERVISION_ITEMS.filter((i) => i.randomCheck).length).toBeGreaterThan(30);
    expect(DEMO_SUPERVISION_ITEMS.find((i) => i.licensing.includes('XK-SCJG-002'))?.commitmentDays).toBe(30);
  });
});
