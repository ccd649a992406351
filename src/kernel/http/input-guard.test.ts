import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../ids/index.ts';
import { AIGUO, setupCases, type CaseWorld } from '../../testing/cases.ts';
import { multipart } from '../../testing/multipart.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

/** Every file under the platform's file store (blobs and temporary uploads). */
function storedFiles(t: TestPlatform): string[] {
  const root = path.join(t.p.kernel.config.dataDir, 'files');
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('input checked at the edge: 400 with a bilingual problem, nothing stored', () => {
  let t: TestPlatform;
  let admin: string;
  let world: CaseWorld;

  beforeAll(async () => {
    t = await startTestPlatform();
    const dept = await department(t);
    admin = await staffToken(t, ['platform_admin'], dept.id);
    world = await setupCases(t);
  });
  afterAll(() => t.close());

  function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, code: string) {
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code, zh: expect.any(String), en: expect.any(String) });
  }

  it('refuses a NUL in the sign-in username (anonymous)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: 'admin\u0000', password: 'whatever' } });
    expectRefused(res, 'INVALID_CHARACTERS');
    expect(res.json().errors).toEqual([expect.objectContaining({ path: '/body/username' })]);
  });

  it('refuses a NUL in query filters and path parameters', async () => {
    expectRefused(await t.app.inject({ url: '/api/org/departments?q=a%00b', headers: bearer(admin) }), 'INVALID_CHARACTERS');
    expectRefused(await t.app.inject({ url: '/api/kernel/audit/entries?objectType=%00', headers: bearer(admin) }), 'INVALID_CHARACTERS');
    expectRefused(await t.app.inject({ url: '/api/data/resources?category=x%00', headers: bearer(admin) }), 'INVALID_CHARACTERS');
    // GeoReport answers in its own error format; what matters here is the 400 instead of a 500.
    expect((await t.app.inject({ url: '/open311/v2/requests/a%00b.json' })).statusCode).toBe(400);
  });

  it('refuses a NUL in case text and stores no case', async () => {
    const before = await t.p.kernel.db
      .selectFrom('cases_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(world.agent),
      payload: { kind: 'complaint', content: '万佳社区门前垃圾\u0000堆放', callerName: '王女士', callerPhone: '13904821234', lon: AIGUO[0], lat: AIGUO[1], address: '万佳社区3号楼' },
    });
    expectRefused(res, 'INVALID_CHARACTERS');
    const after = await t.p.kernel.db
      .selectFrom('cases_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses lone UTF-16 surrogates (broken Unicode) and still takes well-formed Chinese and emoji', async () => {
    const broken = '{"regionCode":"152201","code":"SUR1","name":"测试\\ud800科室"}';
    const res = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: broken });
    expectRefused(res, 'INVALID_CHARACTERS');
    const stored = await t.p.kernel.db.selectFrom('org_department').select('id').where('code', '=', 'SUR1').execute();
    expect(stored).toEqual([]);

    const ok = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(admin), payload: { regionCode: '152201', code: 'SUR2', name: '便民科室😀' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().name).toBe('便民科室😀');
  });

  it('refuses a NUL in a file name and leaves no file behind', async () => {
    const before = storedFiles(t);
    const m = multipart('证明\u0000.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% material\n'));
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(admin), ...m.headers }, payload: m.payload });
    expectRefused(res, 'INVALID_CHARACTERS');
    expect(storedFiles(t)).toEqual(before);
    const rows = await t.p.kernel.db.selectFrom('kernel_file').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('answers multipart without a boundary with 400, not 500', async () => {
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; charset=utf-8']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(admin), 'content-type': type }, payload: '--x\r\n\r\n' });
      expectRefused(res, 'MULTIPART_BOUNDARY_INVALID');
    }
    expect(storedFiles(t)).toEqual([]);
  });

  it('refuses numbers no column can hold', async () => {
    expectRefused(await t.app.inject({ url: '/api/kernel/audit/entries?limit=1e400', headers: bearer(admin) }), 'NUMBER_OUT_OF_RANGE');
    expectRefused(await t.app.inject({ url: '/api/kernel/calendar?year=1e400', headers: bearer(admin) }), 'NUMBER_OUT_OF_RANGE');
  });

  it('refuses dates that do not exist instead of passing them to the database', async () => {
    for (const url of ['/api/services/stats?from=0000-01-01', '/api/services/stats?to=2026-02-30', '/api/cases/stats/performance?to=0000-01-01', '/api/cases/stats/places?to=2026-02-30']) {
      expectRefused(await t.app.inject({ url, headers: bearer(admin) }), 'VALIDATION_FAILED');
    }
    const del = await t.app.inject({ method: 'DELETE', url: '/api/kernel/calendar/days/2026-02-30', headers: bearer(admin) });
    expect(del.statusCode).toBe(422);
    expect(del.json()).toMatchObject({ code: 'DATE_INVALID' });
    // A real date still works.
    expect((await t.app.inject({ url: '/api/services/stats?from=2026-01-01&to=2026-02-28', headers: bearer(admin) })).statusCode).toBe(200);
  });

  it('answers an undecodable or over-long URL with a problem document', async () => {
    const bad = await t.app.inject({ url: '/api/org/departments/%E0%A4%A', headers: bearer(admin) });
    expectRefused(bad, 'MALFORMED_URL');
    const long = await t.app.inject({ url: `/api/org/departments/${'x'.repeat(3000)}`, headers: bearer(admin) });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'URI_TOO_LONG', zh: expect.any(String), en: expect.any(String) });
  });
});

describe('deeply nested JSON in an application form field', () => {
  let t: TestPlatform;
  let citizen: string;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    const market = await department(t, '152201', '市场监督管理局');
    const admin = await staffToken(t, ['region_admin'], market.id);
    citizen = (await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } })).token;
    const item = await t.app.inject({ method: 'POST', url: '/api/services/items', headers: bearer(admin), payload: { code: 'XK-0001', regionCode: '152201', content: itemContent(market.id) } });
    expect(item.statusCode, item.body).toBe(201);
    itemId = item.json().id;
  });
  afterAll(() => t.close());

  it('refuses 20,000 and 3,000 levels before anything recurses into them, and stores no application', async () => {
    const fileId = await uploadPdf(t, citizen);
    for (const depth of [20_000, 3_000]) {
      const payload = `{"itemId":"${itemId}","form":{"shopName":"老王烧烤","capital":50000,"note":${deepArray(depth)}},"materials":[{"code":"premises","fileId":"${fileId}"}]}`;
      const res = await t.app.inject({ method: 'POST', url: '/api/services/applications', headers: { ...bearer(citizen), 'content-type': 'application/json' }, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'NESTING_TOO_DEEP', zh: expect.any(String), en: expect.any(String) });
    }
    const rows = await t.p.kernel.db.selectFrom('services_application').select('id').execute();
    expect(rows).toEqual([]);
  });
});
