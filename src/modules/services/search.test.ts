import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent } from '../../testing/services.ts';
import { CITY_DEPARTMENTS, PARENT_OF } from '../../../seed/departments.ts';
import { seedCatalogue } from '../../../seed/service-demo.ts';
import { ALL_DEMO_ITEMS, type DemoItem } from '../../../seed/service-items.ts';
import { maskQuery } from './search.ts';

/*
 * 智能导办 over the whole demo catalogue: questions in people's own words, typing mistakes, odd
 * input, the query log and what it learns from clicks.
 */

let t: TestPlatform;
let admin: string;
const ids = new Map<string, string>();

/** Everyday names the tests rely on, for a catalogue whose items do not carry them yet. */
const FALLBACK: Record<string, string[]> = {
  社会保障卡申领: ['社保卡', '办社保卡'],
  最低生活保障申请: ['低保'],
  个体工商户设立登记: ['个体户', '开个小店'],
  居民身份证换领: ['换身份证', '身份证过期', '身份证到期'],
};

type Hit = { id: string; code: string; name: string; departmentName: string; fullyOnline: boolean };
const search = async (q: string, extra = '') => {
  const r = await t.app.inject({ url: `/api/services/items?q=${encodeURIComponent(q)}${extra}` });
  return { status: r.statusCode, body: r.json() as { items: Hit[]; next: string | null; queryId: string | null } };
};
const names = async (q: string) => (await search(q)).body.items.map((i) => i.name);

beforeAll(async () => {
  t = await startTestPlatform();
  const deptIds = new Map<string, string>();
  for (const [code, name] of CITY_DEPARTMENTS) {
    const parentId = PARENT_OF[code] ? deptIds.get(PARENT_OF[code]) : undefined;
    const d = await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name, ...(parentId ? { parentId } : {}) });
    deptIds.set(code, d.id);
  }
  const items: DemoItem[] = ALL_DEMO_ITEMS.map((d) => (d.aliases?.length ? d : { ...d, aliases: FALLBACK[d.name] ?? [] }));
  for (const [code, id] of await seedCatalogue(t.p, deptIds, items)) ids.set(code, id);
  admin = await staffToken(t, ['region_admin'], deptIds.get('SCJG')!);
}, 120_000);
afterAll(() => t.close());

describe('search in people’s own words', () => {
  it('seeds the whole demo catalogue with its aliases and example questions', async () => {
    expect(ids.size).toBe(ALL_DEMO_ITEMS.length);
    const card = (await t.app.inject({ url: `/api/services/items/${ids.get('GG-RSJ-004') ?? [...ids.values()][0]}` })).json();
    expect(Array.isArray(card.content.aliases)).toBe(true);
  });

  it('finds items by the names people use for them', async () => {
    expect((await names('社保卡'))[0]).toBe('社会保障卡申领');
    expect((await names('低保'))[0]).toBe('最低生活保障申请');
    expect((await names('个体户'))[0]).toBe('个体工商户设立登记');
    expect((await names('我的身份证过期了要怎么办'))[0]).toBe('居民身份证换领');
    expect((await names('身份证'))[0]).toBe('居民身份证换领');
  });

  it('puts an exact name first and shows the department and whether it is fully online', async () => {
    const r = await search('食品经营许可');
    expect(r.body.items[0]).toMatchObject({ name: '食品经营许可', departmentName: expect.stringContaining('市场监督管理局'), fullyOnline: expect.any(Boolean) });
    expect(r.body.queryId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forgives a wrong character and pinyin typed in Latin letters', async () => {
    expect((await names('社宝卡'))[0]).toBe('社会保障卡申领');
    expect((await names('shebaoka'))[0]).toBe('社会保障卡申领');
  });

  it('answers odd input sensibly: nothing, one character, emoji, mixed scripts, SQL, and refuses an essay', async () => {
    for (const q of ['', '   ', '😀😀😀', "'; DROP TABLE services_item; --", '税', '社保卡 card 😀', '%_\\']) {
      const r = await search(q);
      expect(r.status, q).toBe(200);
      expect(Array.isArray(r.body.items)).toBe(true);
    }
    expect((await search('😀😀😀')).body.items).toEqual([]);
    expect((await names('社保卡 card 😀'))[0]).toBe('社会保障卡申领');
    const long = await search('身'.repeat(2000));
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    // The table is still there and still searched.
    expect((await names('社保卡')).length).toBeGreaterThan(0);
  });

  it('keeps the filters and pages without repeats', async () => {
    const all = (await search('登记', '&limit=200')).body.items;
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: { items: Hit[]; next: string | null } = (await search('登记', `&limit=2${after ? `&after=${after}` : ''}`)).body;
      seen.push(...r.items.map((i) => i.id));
      after = r.next;
    } while (after);
    expect(seen).toEqual(all.map((i) => i.id));
    const mine = (await search('登记', '&applicantType=enterprise&limit=200')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect((await search('登记', '&regionCode=152202')).body.items).toEqual([]);
  });
});

describe('the query log and learning from clicks', () => {
  it('keeps the question with ID numbers and phone numbers masked, and without the account', async () => {
    const id = makeCitizenId('152201', '1988-08-08', 77);
    await search(`身份证 ${id} 补办 13912345678`);
    await t.p.services.search.flush();
    const row = await t.p.kernel.db.selectFrom('services_search_query').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.query).not.toContain(id);
    expect(row.query).not.toContain('13912345678');
    expect(row.query).toContain('身份证');
    // Record ids are UUIDs whose hex groups are sometimes all digits; only the rest must hold no long number.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    expect(JSON.stringify(row).replace(uuid, '<id>')).not.toMatch(/\d{11,}/);
    expect(maskQuery('电话 13912345678 门牌 12 号')).toBe('电话 *********** 门牌 12 号');
  });

  it('lifts the item people open after a search, a little', async () => {
    const dept = await department(t, '152201', '测试局');
    for (const [code, name] of [
      ['QT-TEST-001', '甲类证明开具'],
      ['QT-TEST-002', '乙类证明开具'],
    ])
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/services/items', headers: bearer(admin), payload: { code, regionCode: '152201', content: itemContent(dept.id, { name }) } })).statusCode,
      ).toBe(201);
    const before = (await search('证明开具')).body.items.filter((i) => i.name.endsWith('证明开具'));
    const loser = before[1];
    for (let i = 0; i < 3; i++) {
      const q = (await search('证明开具')).body;
      const r = await t.app.inject({ method: 'POST', url: '/api/services/search-clicks', payload: { queryId: q.queryId, itemId: loser.id, kind: 'open' } });
      expect(r.statusCode).toBe(204);
    }
    const after = (await search('证明开具')).body.items.filter((i) => i.name.endsWith('证明开具'));
    expect(after[0].id).toBe(loser.id);
    // Bounded: clicks never lift an item above an exact name.
    expect((await names(before[0].name))[0]).toBe(before[0].name);
    const bad = await t.app.inject({ method: 'POST', url: '/api/services/search-clicks', payload: { queryId: '01900000-0000-7000-8000-000000000000', itemId: loser.id, kind: 'open' } });
    expect(bad.statusCode).toBe(404);
  });

  it('lists zero-result and unopened queries to region admins only', async () => {
    await search('喵喵喵喵');
    await search('喵喵喵喵');
    const r = await t.app.inject({ url: '/api/services/search-report?kind=zero', headers: bearer(admin) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toContainEqual(expect.objectContaining({ query: '喵喵喵喵', searches: 2, clicks: 0 }));
    const low = await t.app.inject({ url: '/api/services/search-report?kind=low-click', headers: bearer(admin) });
    expect(low.json()).toContainEqual(expect.objectContaining({ query: '社保卡', topItem: expect.objectContaining({ name: '社会保障卡申领' }) }));
    const dept = await department(t);
    const window = await staffToken(t, ['window_staff'], dept.id);
    expect((await t.app.inject({ url: '/api/services/search-report?kind=zero', headers: bearer(window) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/services/search-report?kind=zero' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/services/search-report?kind=nope', headers: bearer(admin) })).statusCode).toBe(400);
  });
});
