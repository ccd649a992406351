import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';
import { INSTANT_WORKFLOW } from './default-workflows.ts';
import type { ItemContent } from './schema.ts';

let t: TestPlatform;
let admin: string;
let window: string;
let citizen: { token: string; accountId: string };
let other: { token: string; accountId: string };
let bundleId: string;

const post = (url: string, token: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload: payload as object });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const idCard = { code: 'idcard', name: '居民身份证', required: true, form: 'electronic' as const, accept: ['application/pdf' as const, 'image/png' as const, 'image/jpeg' as const] };
const booklet = { code: 'booklet', name: '居民户口簿', required: true, form: 'electronic' as const };

/** An instant item (the window decides on the spot) asking for the child's name and the applicant's own facts. */
function member(departmentId: string, name: string, extra: Record<string, object> = {}, applicantKey = 'applicantName', materials: ItemContent['materials'] = [idCard]) {
  return itemContent(departmentId, {
    name,
    itemType: 'public_service',
    handling: 'instant',
    promisedDays: 1,
    statutoryDays: 1,
    materials,
    workflow: structuredClone(INSTANT_WORKFLOW),
    form: {
      schema: {
        type: 'object',
        required: [applicantKey, 'idNumber', 'childName', ...Object.keys(extra)],
        properties: {
          [applicantKey]: { type: 'string', title: '申请人姓名' },
          idNumber: { type: 'string', title: '公民身份号码' },
          childName: { type: 'string', title: '新生儿姓名', minLength: 2, maxLength: 20 },
          ...extra,
        },
      },
      prefill: { [applicantKey]: 'person.name', idNumber: 'person.idNumber' },
    },
  });
}

async function createItem(code: string, content: object) {
  const r = await post('/api/services/items', admin, { code, regionCode: '152201', content });
  expect(r.statusCode, r.body).toBe(201);
}

async function files(token: string, detail: { materials: { code: string; required: boolean }[] }) {
  const out = [];
  for (const m of detail.materials.filter((x) => x.required)) out.push({ code: m.code, fileId: await uploadPdf(t, token) });
  return out;
}

async function apply(token = citizen.token, form: Record<string, unknown> = { childName: '王小明', birthDate: '2026-11-20' }, headers: Record<string, string> = {}) {
  const detail = (await get(`/api/services/bundles/${bundleId}`)).json();
  return post(`/api/services/bundles/${bundleId}/applications`, token, { form, materials: await files(token, detail) }, headers);
}

interface MemberStatus {
  itemCode: string;
  applicationId: string;
  state: string;
  waitingFor: string[];
  departmentName: string;
}
const member$ = (view: { members: MemberStatus[] }, code: string) => view.members.find((m) => m.itemCode === code)!;
const act = (id: string, token: string, body: Record<string, unknown>) => post(`/api/services/applications/${id}/actions`, token, body);
const settle = () => t.p.kernel.events.dispatch(200);

beforeAll(async () => {
  t = await startTestPlatform({ sessionHours: 720 });
  const health = await department(t, '152201', '卫生健康委员会');
  const police = await department(t, '152201', '公安局');
  const insurance = await department(t, '152201', '医疗保障局');
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  citizen = await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1990-03-15', 11) } });
  other = await personToken(t, { realName: { name: '李秀英', idNumber: makeCitizenId('152201', '1991-04-16', 12) } });
  await createItem('BD-WJW-01', member(health.id, '出生医学证明办理'));
  await createItem('BD-GAJ-01', member(police.id, '出生登记', { birthDate: { type: 'string', title: '出生日期', format: 'date' } }, 'applicantName', [idCard, booklet]));
  // The insurance bureau calls the applicant 监护人: the same fact, so the merged form asks it once.
  await createItem('BD-YBJ-01', member(insurance.id, '新生儿参保登记', {}, 'guardianName'));
  const r = await post('/api/services/bundles', admin, {
    code: 'YJS-BIRTH',
    regionCode: '152201',
    content: {
      name: '新生儿出生一件事',
      nameEn: 'Birth of a child',
      applicantType: 'person',
      lifeEvents: ['birth'],
      enterpriseEvents: [],
      members: [
        { itemCode: 'BD-WJW-01', after: [] },
        { itemCode: 'BD-GAJ-01', after: ['BD-WJW-01'] },
        { itemCode: 'BD-YBJ-01', after: [] },
      ],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  bundleId = r.json().id;
});
afterAll(() => t.close());

describe('一件事 definitions', () => {
  it('asks a field several members share once, and says which member fields it feeds', async () => {
    const d = (await get(`/api/services/bundles/${bundleId}`)).json();
    expect(Object.keys(d.form.schema.properties).sort()).toEqual(['applicantName', 'birthDate', 'childName', 'idNumber']);
    expect(d.form.fieldMap.applicantName).toEqual(
      expect.arrayContaining([
        { itemCode: 'BD-WJW-01', field: 'applicantName' },
        { itemCode: 'BD-YBJ-01', field: 'guardianName' },
      ]),
    );
    expect(d.form.fieldMap.childName).toHaveLength(3);
    // 居民身份证 is uploaded once for all three; the 户口簿 only the police need.
    expect(d.materials.map((m: { name: string; targets: unknown[] }) => [m.name, m.targets.length])).toEqual([
      ['居民身份证', 3],
      ['居民户口簿', 1],
    ]);
    expect(d.memberItems.map((m: { itemCode: string; stage: number; departmentName: string }) => [m.itemCode, m.stage])).toEqual([
      ['BD-WJW-01', 0],
      ['BD-GAJ-01', 1],
      ['BD-YBJ-01', 0],
    ]);
    expect(d.memberItems[1].departmentName).toBe('公安局');
    const list = (await get('/api/services/bundles?lifeEvent=birth')).json();
    expect(list.map((b: { code: string }) => b.code)).toEqual(['YJS-BIRTH']);
  });

  it('refuses a cycle, a self-dependency and an unknown item with 422 in both languages, storing nothing', async () => {
    const before = await count('services_bundle');
    const base = { name: '坏的一件事', applicantType: 'person', lifeEvents: [], enterpriseEvents: [] };
    const tries = [
      [
        { itemCode: 'BD-WJW-01', after: ['BD-GAJ-01'] },
        { itemCode: 'BD-GAJ-01', after: ['BD-WJW-01'] },
      ],
      [
        { itemCode: 'BD-WJW-01', after: ['BD-WJW-01'] },
        { itemCode: 'BD-GAJ-01', after: [] },
      ],
      [
        { itemCode: 'BD-WJW-01', after: [] },
        { itemCode: 'NO-SUCH-01', after: [] },
      ],
    ];
    for (const [i, members] of tries.entries()) {
      const r = await post('/api/services/bundles', admin, { code: `YJS-BAD-${i}`, regionCode: '152201', content: { ...base, members } }, { 'accept-language': i ? 'en' : 'zh-CN' });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().code).toBe('BUNDLE_INVALID');
      expect(r.json().title).toBe(i ? 'The bundle definition is not valid' : '一件事定义有误');
    }
    expect(await count('services_bundle')).toBe(before);
  });
});

describe('a 一件事 application', () => {
  it('fans out to the members that wait for nothing, and waits for the step a member depends on', async () => {
    const r = await apply();
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json();
    expect(v.number).toMatch(/^152201-YJS-\d{8}-\d{6}$/);
    expect(v.state).toBe('submitted');
    expect(member$(v, 'BD-WJW-01').state).toBe('submitted');
    expect(member$(v, 'BD-YBJ-01').state).toBe('submitted');
    expect(member$(v, 'BD-GAJ-01')).toMatchObject({ applicationId: null, state: 'waiting', waitingFor: ['BD-WJW-01'] });
    // Each member is a normal 办件 of its department, with the shared answers and the applicant's facts.
    const health = (await get(`/api/services/applications/${member$(v, 'BD-WJW-01').applicationId}`, citizen.token)).json();
    expect(health.form.childName).toBe('王小明');
    expect(health.form.applicantName).toBe('王建国');
    const ybj = (await get(`/api/services/applications/${member$(v, 'BD-YBJ-01').applicationId}`, citizen.token)).json();
    expect(ybj.form.guardianName).toBe('王建国');

    // Approving the prerequisite creates the member that waited for it.
    expect((await act(member$(v, 'BD-WJW-01').applicationId!, window, { action: 'approve' })).statusCode).toBe(200);
    await settle();
    let s = (await get(`/api/services/bundle-applications/${v.id}`, citizen.token)).json();
    expect(s.state).toBe('in_progress');
    const police = member$(s, 'BD-GAJ-01');
    expect(police.state).toBe('submitted');
    expect(police.departmentName).toBe('公安局');
    const policeApp = (await get(`/api/services/applications/${police.applicationId}`, citizen.token)).json();
    expect(policeApp.form.birthDate).toBe('2026-11-20');

    // Every member approved: the bundle is complete; one 出件 delivers it and its members together.
    expect((await act(police.applicationId, window, { action: 'approve' })).statusCode).toBe(200);
    expect((await act(member$(v, 'BD-YBJ-01').applicationId!, window, { action: 'approve' })).statusCode).toBe(200);
    await settle();
    s = (await get(`/api/services/bundle-applications/${v.id}`, citizen.token)).json();
    expect(s.state).toBe('completed');
    expect((await post(`/api/services/bundle-applications/${v.id}/deliver`, citizen.token, { delivery: 'online' })).statusCode).toBe(403);
    const d = await post(`/api/services/bundle-applications/${v.id}/deliver`, window, { delivery: 'window' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().state).toBe('delivered');
    expect(d.json().members.map((m: { state: string }) => m.state)).toEqual(['delivered', 'delivered', 'delivered']);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', v.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['submitted', 'completed', 'delivered']));
    // A second 出件 finds nothing to do.
    expect((await post(`/api/services/bundle-applications/${v.id}/deliver`, window, { delivery: 'window' })).statusCode).toBe(409);
    const mine = (await get('/api/services/bundle-applications?mine=true', citizen.token)).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(v.id);
  });

  it('is blocked when a member is refused, and no later member is created', async () => {
    const v = (await apply()).json();
    const r = await act(member$(v, 'BD-WJW-01').applicationId!, window, { action: 'reject', reason: '材料不真实' });
    expect(r.statusCode, r.body).toBe(200);
    await settle();
    const s = (await get(`/api/services/bundle-applications/${v.id}`, citizen.token)).json();
    expect(s.state).toBe('blocked');
    expect(s.reason).toContain('材料不真实');
    expect(member$(s, 'BD-GAJ-01').applicationId).toBeNull();
    expect(await t.p.kernel.db.selectFrom('services_application').select('id').where('bundle_application_id', '=', v.id).execute()).toHaveLength(2);
  });

  it('creates nothing new when the same Idempotency-Key is replayed', async () => {
    const detail = (await get(`/api/services/bundles/${bundleId}`)).json();
    const body = { form: { childName: '王小红', birthDate: '2026-11-21' }, materials: await files(citizen.token, detail) };
    const headers = { 'idempotency-key': 'bundle-replay-1' };
    const first = await post(`/api/services/bundles/${bundleId}/applications`, citizen.token, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const [bundles, apps] = [await count('services_bundle_application'), await count('services_application')];
    const again = await post(`/api/services/bundles/${bundleId}/applications`, citizen.token, body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect([await count('services_bundle_application'), await count('services_application')]).toEqual([bundles, apps]);
  });

  it('answers bad input with a clear problem and stores nothing', async () => {
    const [bundles, apps] = [await count('services_bundle_application'), await count('services_application')];
    // Unknown bundle.
    let r = await post('/api/services/bundles/01930000-0000-7000-8000-000000000000/applications', citizen.token, { form: {}, materials: [] });
    expect(r.statusCode).toBe(404);
    // A required field missing, and a field of the wrong type.
    r = await apply(citizen.token, { birthDate: '2026-11-20' });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('BUNDLE_FORM_INVALID');
    r = await apply(citizen.token, { childName: 7, birthDate: 'yesterday' });
    expect(r.statusCode).toBe(422);
    // Oversized.
    r = await apply(citizen.token, { childName: '王小明', birthDate: '2026-11-20', note: 'x'.repeat(70_000) });
    expect([413, 422]).toContain(r.statusCode);
    // A missing material is named.
    r = await post(`/api/services/bundles/${bundleId}/applications`, citizen.token, { form: { childName: '王小明', birthDate: '2026-11-20' }, materials: [] });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('MATERIAL_MISSING');
    expect([await count('services_bundle_application'), await count('services_application')]).toEqual([bundles, apps]);
    // Someone else's bundle application is not there for them.
    const mine = (await get('/api/services/bundle-applications?mine=true', citizen.token)).json();
    expect((await get(`/api/services/bundle-applications/${mine.items[0].id}`, other.token)).statusCode).toBe(404);
    expect((await get('/api/services/bundle-applications?mine=true', other.token)).json().items).toEqual([]);
  });
});
