import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

/* 热门服务 on the portal home: what people applied for most in the last 30 days, then the catalogue. */

let t: TestPlatform;
let admin: string;
let marketId: string;
let citizen: string;
const ids: Record<string, string> = {};

const names = async (query = '') => {
  const r = await t.app.inject({ url: `/api/services/popular-items${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { name: string }[]).map((i) => i.name);
};
const apply = async (code: string) => {
  const fileId = await uploadPdf(t, citizen);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/services/applications',
    headers: bearer(citizen),
    payload: { itemId: ids[code], form: { shopName: '老王烧烤', capital: 5000 }, materials: [{ code: 'premises', fileId }] },
  });
  expect(r.statusCode, r.body).toBe(201);
};

beforeAll(async () => {
  t = await startTestPlatform();
  const market = await department(t, '152201', '市场监督管理局');
  marketId = market.id;
  admin = await staffToken(t, ['region_admin'], marketId);
  for (const [code, name] of [
    ['XK-R-001', '甲事项'],
    ['XK-R-002', '乙事项'],
    ['XK-R-003', '丙事项'],
    ['XK-R-004', '丁事项'],
  ]) {
    const r = await t.app.inject({ method: 'POST', url: '/api/services/items', headers: bearer(admin), payload: { code, regionCode: '152201', content: itemContent(market.id, { name }) } });
    expect(r.statusCode, r.body).toBe(201);
    ids[code] = r.json().id;
  }
  citizen = (await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } })).token;
});
afterAll(() => t.close());

describe('热门服务', () => {
  it('lists the catalogue in the order it was loaded while nobody has applied', async () => {
    expect(await names()).toEqual(['甲事项', '乙事项', '丙事项', '丁事项']);
    expect(await names('?limit=2')).toEqual(['甲事项', '乙事项']);
  });

  it('puts the items applied for most in the last 30 days first, ignoring older applications and withdrawn items', async () => {
    for (let i = 0; i < 3; i++) await apply('XK-R-001');
    // Six weeks on, those three are history; a second person (sessions end on the clock) applies now.
    t.clock.advance(42 * 86_400_000);
    citizen = (await personToken(t, { realName: { name: '李秀英', idNumber: makeCitizenId('152201', '1990-03-08', 42) } })).token;
    await apply('XK-R-003');
    await apply('XK-R-003');
    await apply('XK-R-004');
    expect(await names()).toEqual(['丙事项', '丁事项', '甲事项', '乙事项']);
    admin = await staffToken(t, ['region_admin'], marketId);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/services/items/${ids['XK-R-003']}`, headers: bearer(admin), payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(await names()).toEqual(['丁事项', '甲事项', '乙事项']);
    expect(await names('?regionCode=152201&applicantType=person&limit=1')).toEqual(['丁事项']);
    expect(await names('?regionCode=150000000000&limit=3')).toEqual([]);
  });

  it('refuses bad input with bilingual problems', async () => {
    for (const q of ['?limit=0', '?limit=21', '?limit=many', '?regionCode=abc', '?applicantType=robot', '?who=me']) {
      const r = await t.app.inject({ url: `/api/services/popular-items${q}` });
      expect(r.statusCode, q).toBe(400);
      expect(r.json()).toMatchObject({ status: 400, zh: expect.any(String), en: expect.any(String) });
    }
  });
});
