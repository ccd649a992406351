import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../kernel/ids/credit-code.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { loadSyntheticBase } from '../../data/index.ts';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { DEMO_INSPECTORS, demoRelatedCreditCode, seedRegulationDirectory } from '../../../../seed/regulation/directory.ts';
import { addBasePerson, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

let t: TestPlatform;
let scjg: string;
let wjw: string;
let regulator: string;
let jc1: string;
let jc2: string;
let leader: string;
let jc1Account: string;
let jc2Account: string;
/** Distinct credit codes of the synthetic base in 152201, and how many of them are 注销. */
let baseCount: number;
let baseClosed: number;

const O = '/api/regulation/objects';
const I = '/api/regulation/inspectors';
const R = '/api/regulation/relations';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const principal = async (token: string) => (await t.p.identity.service.authenticate(token)) as Principal;
const count = async (table: 'regulation_object' | 'regulation_inspector' | 'regulation_relation') =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const ports = () => t.p.regulation.directory;
/** Runs a queued sync the way a worker would, and answers the run as the API shows it. */
const syncAndRun = async () => {
  const res = await call('POST', `${O}/sync`, regulator, {});
  expect(res.statusCode).toBe(202);
  await t.p.kernel.jobs.runDue(50);
  return (await call('GET', `${O}/sync/${res.json().id}`, regulator)).json();
};
const baseCodes = async () =>
  (await t.p.kernel.db.selectFrom('data_entity').select(['credit_code', 'status', 'name', 'entity_type']).where('region_code', 'like', '152201%').orderBy('credit_code').execute()) as {
    credit_code: string;
    status: string;
    name: string;
    entity_type: string;
  }[];

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = (await department(t, '152201', '市场监督管理局')).id;
  wjw = (await department(t, '152201', '卫生健康委员会')).id;
  regulator = await staffToken(t, ['regulator'], scjg);
  jc1 = await staffToken(t, ['inspector'], scjg);
  jc2 = await staffToken(t, ['inspector'], scjg);
  leader = await staffToken(t, ['leader'], (await department(t, '152201', '市政府办公室')).id);
  jc1Account = (await principal(jc1)).accountId;
  jc2Account = (await principal(jc2)).accountId;
  await loadSyntheticBase(t.p.kernel, { people: 300, entities: 2400 });
  const codes = await baseCodes();
  baseCount = new Set(codes.map((c) => c.credit_code)).size;
  baseClosed = codes.filter((c) => c.status === '注销').length;
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('检查对象名录库', () => {
  it('syncs the region from the entity base as a queued job, counting 注销 entities out of scope', async () => {
    const queued = await call('POST', `${O}/sync`, regulator, {});
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ state: 'queued', regionCode: '152201', seen: 0 });
    // Asking again while it is open answers the same run.
    expect((await call('POST', `${O}/sync`, regulator, {})).json().id).toBe(queued.json().id);
    const started = Date.now();
    await t.p.kernel.jobs.runDue(50);
    const run = (await call('GET', `${O}/sync/${queued.json().id}`, leader)).json();
    expect(run).toMatchObject({ state: 'done', seen: baseCount, inserted: baseCount, updated: 0, closed: baseClosed, gone: 0 });
    expect(Date.now() - started).toBeLessThan(20_000);
    const counts = (await call('GET', `${O}/counts`, leader)).json();
    expect(counts).toMatchObject({ regionCode: '152201', total: baseCount, active: baseCount - baseClosed });
    expect(counts.byType.map((x: { entityType: string }) => x.entityType)).toContain('有限责任公司');
    expect(counts.byType.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(baseCount);
    expect((await call('GET', `${O}/sync/latest`, leader)).json().id).toBe(run.id);
  });

  it('re-syncs idempotently, and marks an entity 注销 or gone from the base without deleting it', async () => {
    const again = await syncAndRun();
    expect(again).toMatchObject({ state: 'done', seen: baseCount, inserted: 0, updated: 0, closed: 0, gone: 0 });
    const live = (await baseCodes()).filter((c) => c.status === '存续');
    const [closing, leaving, untouched] = [live[0], live[1], live[2]];
    const before = (await call('GET', `${O}/${untouched.credit_code}`, leader)).json();
    await t.p.kernel.db.updateTable('data_entity').set({ status: '注销' }).where('credit_code', '=', closing.credit_code).execute();
    await t.p.kernel.db.deleteFrom('data_entity').where('credit_code', '=', leaving.credit_code).execute();
    const changed = await syncAndRun();
    expect(changed).toMatchObject({ seen: baseCount - 1, inserted: 0, updated: 1, closed: 1, gone: 1 });
    expect((await call('GET', `${O}/${closing.credit_code}`, leader)).json()).toMatchObject({ status: '注销', active: false, goneAt: null });
    const gone = (await call('GET', `${O}/${leaving.credit_code}`, leader)).json();
    expect(gone).toMatchObject({ active: false, status: '存续' });
    expect(gone.goneAt).not.toBeNull();
    expect((await call('GET', `${O}/${untouched.credit_code}`, leader)).json().version).toBe(before.version);
    expect(await count('regulation_object')).toBe(baseCount);
    // Neither is drawn from any more; the list shows them under 'inactive'.
    const scope = await ports().objectsPort.inScope(t.p.kernel.db, { regionCodes: ['152201'] });
    expect(scope.map((o) => o.creditCode)).not.toContain(closing.credit_code);
    expect(scope.map((o) => o.creditCode)).not.toContain(leaving.credit_code);
    const inactive = (await call('GET', `${O}?state=inactive&limit=200`, leader)).json().items.map((o: { creditCode: string }) => o.creditCode);
    expect(inactive).toEqual(expect.arrayContaining([closing.credit_code, leaving.credit_code]));
  });

  it('finds objects by name or code prefix, the exact code first', async () => {
    const entity = (await baseCodes()).find((c) => c.status === '存续')!;
    const byCode = (await call('GET', `${O}/search?q=${entity.credit_code}`, jc1)).json().items;
    expect(byCode[0].creditCode).toBe(entity.credit_code);
    const prefix = entity.credit_code.slice(0, 10);
    const byPrefix = (await call('GET', `${O}/search?q=${prefix}`, jc1)).json().items as { creditCode: string }[];
    expect(byPrefix.length).toBeGreaterThan(0);
    expect(byPrefix.every((o) => o.creditCode.startsWith(prefix))).toBe(true);
    const word = entity.name.slice(5, 9);
    const byName = await ports().objectsPort.search(t.p.kernel.db, word, '152201', 10);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((o) => o.name.includes(word))).toBe(true);
    // The list filters the same way, with a keyset cursor.
    const page1 = (await call('GET', `${O}?q=${encodeURIComponent(word)}&limit=2`, jc1)).json();
    expect(page1.items.every((o: { name: string }) => o.name.includes(word))).toBe(true);
    if (page1.next) {
      const page2 = (await call('GET', `${O}?q=${encodeURIComponent(word)}&limit=2&after=${page1.next}`, jc1)).json();
      expect(page2.items[0].creditCode > page1.items[1].creditCode).toBe(true);
    }
  });

  it('scopes a plan by region, entity type and tagged industries, in credit-code order', async () => {
    const port = ports().objectsPort;
    const all = await port.inScope(t.p.kernel.db, { regionCodes: ['152201'] });
    expect(all.map((o) => o.creditCode)).toEqual([...all.map((o) => o.creditCode)].sort());
    const coops = await port.inScope(t.p.kernel.db, { regionCodes: ['152201'], entityTypes: ['农民专业合作社'] });
    expect(coops.length).toBeGreaterThan(0);
    expect(coops.every((o) => o.entityType === '农民专业合作社')).toBe(true);
    expect(await port.inScope(t.p.kernel.db, { regionCodes: ['152202'] })).toEqual([]);
    const [a, b] = all;
    const tagged = await call('PUT', `${O}/${a.creditCode}/industries`, regulator, { industries: ['食品经营', '特种设备'] });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json().industries).toEqual(['特种设备', '食品经营'].sort());
    await call('PUT', `${O}/${b.creditCode}/industries`, regulator, { industries: ['特种设备'] });
    expect((await port.inScope(t.p.kernel.db, { regionCodes: ['152201'], industries: ['食品经营'] })).map((o) => o.creditCode)).toEqual([a.creditCode]);
    expect((await port.inScope(t.p.kernel.db, { regionCodes: ['152201'], industries: ['特种设备'] })).map((o) => o.creditCode)).toEqual([a.creditCode, b.creditCode].sort());
    // A stale version is refused; an inspector may not tag.
    expect((await call('PUT', `${O}/${a.creditCode}/industries`, regulator, { industries: [], expectedVersion: 1 })).json().code).toBe('REGULATION_STALE_VERSION');
    expect((await call('PUT', `${O}/${a.creditCode}/industries`, jc1, { industries: [] })).statusCode).toBe(403);
  });

  it('lets an approval add an entity the base lacks through the port, growing its industries', async () => {
    const code = makeCreditCode('152201', 'HPYX0001');
    const port = ports().objectsPort;
    const id = await t.p.kernel.db
      .transaction()
      .execute((trx) => port.upsert(trx, { creditCode: code, name: '乌兰浩特市审管联动食品店', regionCode: '152201', industries: ['食品经营'], source: 'approval' }));
    const again = await t.p.kernel.db
      .transaction()
      .execute((trx) => port.upsert(trx, { creditCode: code, name: '乌兰浩特市审管联动食品店', regionCode: '152201', industries: ['药品经营'], source: 'approval' }));
    expect(again).toBe(id);
    expect(await port.get(t.p.kernel.db, code)).toMatchObject({ id, source: 'approval', industries: ['药品经营', '食品经营'].sort(), status: null });
    // A sync leaves an object the base never had alone.
    await syncAndRun();
    expect((await call('GET', `${O}/${code}`, leader)).json()).toMatchObject({ active: true, goneAt: null, source: 'approval' });
  });
});

describe('执法检查人员名录库', () => {
  let inspector1: string;
  let inspector2: string;

  it('adds, edits and deactivates inspectors with a unique 执法证 number', async () => {
    const a = await call('POST', I, regulator, { name: '刘海涛', certificateNo: '15220120001', departmentId: scjg, accountId: jc1Account, specialities: ['食品', '特种设备'] });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ name: '刘海涛', departmentName: '市场监督管理局', regionCode: '152201', active: true, specialities: ['特种设备', '食品'].sort() });
    inspector1 = a.json().id;
    inspector2 = (await call('POST', I, regulator, { name: '其其格', certificateNo: '15220120002', departmentId: scjg, accountId: jc2Account, specialities: ['食品'] })).json().id;
    const w = (await call('POST', I, regulator, { name: '孙丽华', certificateNo: '15220130001', departmentId: wjw, specialities: ['公共卫生'] })).json();
    const n = await count('regulation_inspector');
    const dup = await call('POST', I, regulator, { name: '重复', certificateNo: '15220120001', departmentId: scjg });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('REGULATION_CERTIFICATE_TAKEN');
    expect((await call('POST', I, regulator, { name: '重复账号', certificateNo: '15220120099', departmentId: scjg, accountId: jc1Account })).json().code).toBe('REGULATION_ACCOUNT_TAKEN');
    // An account of another department cannot be a WJW inspector.
    expect((await call('POST', I, regulator, { name: '错部门', certificateNo: '15220130099', departmentId: wjw, accountId: jc2Account })).json().code).toBe('REGULATION_ACCOUNT_MISMATCH');
    expect(await count('regulation_inspector')).toBe(n);
    const edited = await call('PATCH', `${I}/${w.id}`, regulator, { specialities: ['公共卫生', '医疗机构'], expectedVersion: 1 });
    expect(edited.json()).toMatchObject({ version: 2, specialities: ['公共卫生', '医疗机构'].sort() });
    expect((await call('PATCH', `${I}/${w.id}`, regulator, { certificateNo: '15220120002' })).json().code).toBe('REGULATION_CERTIFICATE_TAKEN');
    const pool = await t.p.kernel.db.transaction().execute((trx) => t.p.regulation.directory.inspectorsPort.pool(trx, { departmentIds: [scjg, wjw], regionCode: '152201' }));
    expect(pool.map((p) => p.certificateNo)).toEqual(['15220120001', '15220120002', '15220130001']);
    expect((await ports().inspectorsPort.pool(t.p.kernel.db, { departmentIds: [scjg, wjw], regionCode: '152201', speciality: '医疗机构' })).map((p) => p.name)).toEqual(['孙丽华']);
    expect((await call('POST', `${I}/${w.id}/deactivate`, regulator)).json().active).toBe(false);
    expect((await ports().inspectorsPort.pool(t.p.kernel.db, { departmentIds: [scjg, wjw], regionCode: '152201' })).length).toBe(2);
    expect((await ports().inspectorsPort.byAccount(t.p.kernel.db, jc1Account))?.id).toBe(inspector1);
    expect((await call('GET', `${I}/me`, jc1)).json().certificateNo).toBe('15220120001');
    // An inspector reads the list but cannot change it.
    expect((await call('GET', `${I}?state=active`, jc1)).json().items.length).toBe(2);
    expect((await call('POST', I, jc1, { name: '自加', certificateNo: '15220120100', departmentId: scjg })).statusCode).toBe(403);
  });

  it('takes an inspector’s own declaration of a relation, refuses one for another inspector, and lets a regulator declare any', async () => {
    const [obj1, obj2] = await ports().objectsPort.inScope(t.p.kernel.db, { regionCodes: ['152201'] });
    const own = await call('POST', R, jc1, { creditCode: obj1.creditCode, kind: 'kin', note: '配偶之兄为该公司股东' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ inspectorId: inspector1, creditCode: obj1.creditCode, kind: 'kin', objectName: obj1.name, withdrawnAt: null });
    const n = await count('regulation_relation');
    const other = await call('POST', R, jc1, { inspectorId: inspector2, creditCode: obj2.creditCode, kind: 'other' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('REGULATION_RELATION_NOT_YOURS');
    expect((await call('POST', R, jc1, { creditCode: obj1.creditCode, kind: 'shareholding' })).json().code).toBe('REGULATION_RELATION_EXISTS');
    expect(await count('regulation_relation')).toBe(n);
    const byRegulator = await call('POST', R, regulator, { inspectorId: inspector2, creditCode: obj2.creditCode, kind: 'former_employment' });
    expect(byRegulator.statusCode).toBe(201);
    const rel = await ports().inspectorsPort.relations(t.p.kernel.db, [obj1.creditCode, obj2.creditCode]);
    expect([...(rel.get(obj1.creditCode) ?? [])]).toEqual([inspector1]);
    expect([...(rel.get(obj2.creditCode) ?? [])]).toEqual([inspector2]);
    // Each inspector sees only their own; the regulator sees both.
    expect((await call('GET', R, jc2)).json().items.map((r: { inspectorId: string }) => r.inspectorId)).toEqual([inspector2]);
    expect((await call('GET', R, regulator)).json().items.length).toBe(2);
    // jc2 cannot withdraw jc1's; jc1 withdraws their own, and the draw no longer avoids it.
    expect((await call('POST', `${R}/${own.json().id}/withdraw`, jc2)).json().code).toBe('REGULATION_RELATION_NOT_YOURS');
    const withdrawn = await call('POST', `${R}/${own.json().id}/withdraw`, jc1);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    expect((await ports().inspectorsPort.relations(t.p.kernel.db, [obj1.creditCode])).get(obj1.creditCode)).toBeUndefined();
    expect((await call('POST', `${R}/${own.json().id}/withdraw`, jc1)).json().code).toBe('REGULATION_RELATION_WITHDRAWN');
    // A staff member who is not in the directory has nothing to declare.
    expect((await call('POST', R, leader, { creditCode: obj1.creditCode, kind: 'kin' })).json().code).toBe('REGULATION_NOT_AN_INSPECTOR');
  });
});

describe('公开名录', () => {
  it('publishes the inspector list and object counts without sign-in, and nothing more', async () => {
    const list = await call('GET', '/api/regulation/public/inspectors?regionCode=152201');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.certificateNo)).toEqual(['15220120001', '15220120002']);
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['certificateNo', 'department', 'departmentEn', 'name', 'specialities']);
    expect(items[0]).toMatchObject({ name: '刘海涛', department: '市场监督管理局' });
    const summary = await call('GET', '/api/regulation/public/objects/summary?regionCode=152201');
    expect(summary.statusCode).toBe(200);
    const s = summary.json();
    expect(Object.keys(s).sort()).toEqual(['active', 'byRegion', 'byType', 'regionCode']);
    expect(s.active).toBe((await ports().objectsPort.inScope(t.p.kernel.db, { regionCodes: ['152201'] })).length);
    expect(JSON.stringify(s)).not.toMatch(/[0-9A-Z]{18}/);
    // The signed-in lists are not public.
    expect((await call('GET', O)).statusCode).toBe(401);
    expect((await call('GET', I)).statusCode).toBe(401);
    expect((await call('GET', R)).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('refuses a bad credit code, an unknown department, oversize and wrong-typed input, and stores nothing', async () => {
    const objects = await count('regulation_object');
    const inspectors = await count('regulation_inspector');
    const good = makeCreditCode('152201', 'HAND0001');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = await call('POST', O, regulator, { creditCode: badCheck, name: '手工登记商行', regionCode: '152201' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'REGULATION_CREDIT_CODE_INVALID' });
    expect(bad.json().errors[0].path).toBe('/creditCode');
    expect((await call('POST', R, jc1, { creditCode: badCheck, kind: 'kin' })).json().code).toBe('REGULATION_CREDIT_CODE_INVALID');
    expect((await call('POST', O, regulator, { creditCode: good, name: '手工登记商行', regionCode: '150102' })).json().code).toBe('REGULATION_REGION_OUTSIDE');
    expect((await call('POST', I, regulator, { name: '无部门', certificateNo: '15220199999', departmentId: '00000000-0000-7000-8000-000000000000' })).json().code).toBe(
      'REGULATION_UNKNOWN_DEPARTMENT',
    );
    const elsewhere = (await department(t, '152202', '阿尔山市市场监督管理局')).id;
    expect((await call('POST', I, regulator, { name: '外地人', certificateNo: '15220299999', departmentId: elsewhere })).json().code).toBe('REGULATION_UNKNOWN_DEPARTMENT');
    const oversize = await call('POST', I, regulator, { name: '名'.repeat(41), certificateNo: '15220199998', departmentId: scjg });
    expect(oversize.statusCode).toBe(400);
    expect((await call('POST', I, regulator, { name: { zh: '类型错' }, certificateNo: '15220199997', departmentId: scjg, specialities: { food: true } })).statusCode).toBe(400);
    expect((await call('POST', I, regulator, { name: '多字段', certificateNo: '15220199996', departmentId: scjg, idNumber: '152201199001011234' })).statusCode).toBe(400);
    expect((await call('PUT', `${O}/${good}/industries`, regulator, { industries: ['x'.repeat(31)] })).statusCode).toBe(400);
    const malformed = await t.app.inject({ method: 'POST', url: I, headers: { ...bearer(regulator), 'content-type': 'application/json' }, payload: '{"name": "半个' });
    expect(malformed.statusCode).toBe(400);
    expect((await call('GET', `${O}?limit=1000`, regulator)).statusCode).toBe(400);
    expect((await call('GET', `${O}?after=not-a-cursor`, regulator)).statusCode).toBe(400);
    expect((await call('GET', `${O}/counts?regionCode=150102`, regulator)).json().code).toBe('REGULATION_REGION_OUTSIDE');
    expect((await call('POST', `${O}/sync`, jc1, {})).statusCode).toBe(403);
    expect((await call('POST', `${O}/sync`, undefined, {})).statusCode).toBe(401);
    expect(await count('regulation_object')).toBe(objects);
    expect(await count('regulation_inspector')).toBe(inspectors);
    // The good code by hand is taken once, then refused as a duplicate.
    expect((await call('POST', O, regulator, { creditCode: good, name: '手工登记商行', regionCode: '152201', entityType: '个体工商户' })).statusCode).toBe(201);
    expect((await call('POST', O, regulator, { creditCode: good, name: '手工登记商行', regionCode: '152201' })).json().code).toBe('REGULATION_OBJECT_EXISTS');
  });
});

describe('demo seed', () => {
  it('loads inspectors enough for a joint SCJG + WJW plan, and jc.scjg01’s declared relation with qiye01’s company', async () => {
    const personId = await addBasePerson(t, '企业法人', '152201199001011237');
    const code = makeCreditCode('152201', 'QY010001');
    await t.p.kernel.db
      .insertInto('identity_enterprise')
      .values({ id: uuidv7(), region_code: '152201', name: '乌兰浩特市演示企业有限公司', credit_code: code, legal_person_id: personId, created_at: new Date() })
      .execute();
    const deptIds = new Map([
      ['SCJG', scjg],
      ['WJW', wjw],
      ['YJGL', (await department(t, '152201', '应急管理局')).id],
      ['STHJ', (await department(t, '152201', '生态环境分局')).id],
    ]);
    await seedRegulationDirectory(t.p, deptIds);
    expect(await demoRelatedCreditCode(t.p)).toBe(code);
    // The company the base lacked is now an object; the SCJG + WJW pool holds the demo 12 and the test's 2.
    expect(await ports().objectsPort.get(t.p.kernel.db, code)).toMatchObject({ source: 'manual', name: '乌兰浩特市演示企业有限公司' });
    const pool = await ports().inspectorsPort.pool(t.p.kernel.db, { departmentIds: [scjg, wjw], regionCode: '152201' });
    expect(pool.filter((i) => i.certificateNo.startsWith('152201010')).length).toBe(DEMO_INSPECTORS.filter((d) => d[0] === 'SCJG').length);
    expect(pool.filter((i) => i.certificateNo.startsWith('152201020')).length).toBe(DEMO_INSPECTORS.filter((d) => d[0] === 'WJW').length);
    const related = await ports().inspectorsPort.relations(t.p.kernel.db, [code]);
    const scjg01 = pool.find((i) => i.name === '刘海涛' && i.certificateNo === '15220101001')!;
    expect([...(related.get(code) ?? [])]).toEqual([scjg01.id]);
    // The new accounts sign in as inspectors and find themselves in the directory.
    const signIn = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: 'jc.scjg03', password: 'Yiwang2026demo' } });
    expect((await call('GET', `${I}/me`, signIn.json().token)).json()).toMatchObject({ certificateNo: '15220101003', departmentName: '市场监督管理局' });
    const tagged = (await call('GET', `${O}?industry=${encodeURIComponent('食品经营')}&limit=5`, leader)).json().items;
    expect(tagged.length).toBeGreaterThan(0);
  });
});
