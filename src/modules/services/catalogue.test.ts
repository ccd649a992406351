import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

let t: TestPlatform;
let market: { id: string };
let admin: string;
let window: string;

const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, token: string, payload: unknown) => t.app.inject({ method, url, headers: bearer(token), payload: payload as object });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

beforeAll(async () => {
  t = await startTestPlatform();
  market = await department(t, '152201', '市场监督管理局');
  admin = await staffToken(t, ['region_admin'], market.id);
  window = await staffToken(t, ['window_staff'], market.id);
});
afterAll(() => t.close());

describe('authoring service items', () => {
  it('creates an item only for managers, and refuses a taken code', async () => {
    const body = { code: 'XK-1001', regionCode: '152201', content: itemContent(market.id, { name: '食品经营许可' }) };
    expect((await send('POST', '/api/services/items', window, body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/services/items', payload: body })).statusCode).toBe(401);
    const ok = await send('POST', '/api/services/items', admin, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ version: 1, name: '食品经营许可', departmentName: '市场监督管理局' });
    expect((await send('POST', '/api/services/items', admin, body)).json().code).toBe('ITEM_CODE_TAKEN');
  });

  it('refuses a workflow with a dead state or an unknown role, naming the problem', async () => {
    const content = itemContent(market.id);
    content.workflow.states.limbo = { zh: '搁置', en: 'Limbo' };
    content.workflow.actions.push({ code: 'park', zh: '搁置', en: 'Park', from: ['review'], to: 'limbo', actor: 'staff', roles: ['wizard'] });
    const r = await send('POST', '/api/services/items', admin, { code: 'XK-1002', regionCode: '152201', content });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'WORKFLOW_INVALID', zh: '办理流程定义有误' });
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain('/content/workflow/actions/11/roles/0');
    content.workflow.actions[11].roles = ['approver'];
    const r2 = await send('POST', '/api/services/items', admin, { code: 'XK-1002', regionCode: '152201', content });
    expect(r2.json().errors.map((e: { path: string }) => e.path)).toContain('/content/workflow/states/limbo');
  });

  it('refuses a workflow naming an action no handler implements, and a step limit of zero days', async () => {
    const content = itemContent(market.id);
    content.workflow.actions.push({ code: 'fast_track', zh: '绿色通道', en: 'Fast track', from: ['review'], to: 'decision', actor: 'staff', roles: ['approver'] });
    const r = await send('POST', '/api/services/items', admin, { code: 'XK-1004', regionCode: '152201', content });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors).toContainEqual({ path: '/content/workflow/actions/11/code', message: expect.stringContaining('fast_track') });
    const zero = itemContent(market.id);
    zero.workflow.states.review.limitDays = 0;
    const r2 = await send('POST', '/api/services/items', admin, { code: 'XK-1004', regionCode: '152201', content: zero });
    expect(r2.statusCode).toBe(400);
    expect(
      r2
        .json()
        .errors.map((e: { path: string }) => e.path)
        .join(),
    ).toMatch(/limitDays/);
    expect(await t.p.kernel.db.selectFrom('services_item').select('id').where('code', '=', 'XK-1004').execute()).toHaveLength(0);
  });

  it('refuses a form that is not JSON Schema, a promise beyond the statutory limit and out-of-range values', async () => {
    let r = await send('POST', '/api/services/items', admin, {
      code: 'XK-1003',
      regionCode: '152201',
      content: itemContent(market.id, { form: { schema: { type: 'object', properties: { a: { type: 'nope' } } } } }),
    });
    expect(r.json().code).toBe('FORM_SCHEMA_INVALID');
    r = await send('POST', '/api/services/items', admin, { code: 'XK-1003', regionCode: '152201', content: itemContent(market.id, { promisedDays: 20, statutoryDays: 15 }) });
    expect(r.json().errors[0].path).toBe('/content/promisedDays');
    r = await send('POST', '/api/services/items', admin, { code: 'XK-1003', regionCode: '152201', content: { ...itemContent(market.id), visits: 9 } });
    expect(r.statusCode).toBe(400);
    r = await send('POST', '/api/services/items', admin, { code: 'XK-1003', regionCode: '152201', content: itemContent('00000000-0000-7000-8000-000000000000') });
    expect(r.json().errors[0].path).toBe('/content/departmentId');
    expect((await get('/api/services/items?q=XK-1003')).json().items).toEqual([]);
  });
});

describe('versions', () => {
  it('keeps applications on the version they were made under', async () => {
    const created = (await send('POST', '/api/services/items', admin, { code: 'XK-2001', regionCode: '152201', content: itemContent(market.id, { name: '烟草专卖零售许可' }) })).json();
    const citizen = await personToken(t, { realName: { name: '赵丽', idNumber: makeCitizenId('152201', '1988-08-08', 77) } });
    const fileId = await uploadPdf(t, citizen.token);
    const app = (
      await send('POST', '/api/services/applications', citizen.token, { itemId: created.id, form: { shopName: '赵丽便利店', capital: 3000 }, materials: [{ code: 'premises', fileId }] })
    ).json();
    await send('POST', `/api/services/applications/${app.id}/actions`, window, { action: 'accept' });

    // A stale editor loses; the next version renames the review state and drops 补正 in review.
    const next = itemContent(market.id, { name: '烟草专卖零售许可（新）', promisedDays: 3 });
    expect((await send('PUT', `/api/services/items/${created.id}`, admin, { baseVersion: 7, content: next })).json().code).toBe('ITEM_VERSION_CONFLICT');
    const wf = next.workflow;
    wf.states.examine = wf.states.review;
    delete wf.states.review;
    delete wf.states.review_supplement;
    wf.actions = wf.actions.filter((a) => a.code !== 'review_supplement' && a.code !== 'resupply');
    for (const a of wf.actions) {
      if (a.to === 'review') a.to = 'examine';
      a.from = a.from.map((f) => (f === 'review' ? 'examine' : f));
    }
    // Moving the applications in flight would strand the one in 'review': refused, nothing changed.
    const strand = await send('PUT', `/api/services/items/${created.id}`, admin, { baseVersion: 1, content: next, migrateRunning: true });
    expect(strand.statusCode).toBe(409);
    expect(strand.json()).toMatchObject({ code: 'WORKFLOW_WOULD_STRAND' });
    expect((await get(`/api/services/items/${created.id}`)).json().version).toBe(1);

    const v2 = await send('PUT', `/api/services/items/${created.id}`, admin, { baseVersion: 1, content: next, note: '审查环节更名' });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json()).toMatchObject({ version: 2, name: '烟草专卖零售许可（新）', promisedDays: 3 });
    // The running application still follows version 1: its 'review' step still works.
    const approver = await staffToken(t, ['approver'], market.id);
    const r = await send('POST', `/api/services/applications/${app.id}/actions`, approver, { action: 'pass_review' });
    expect(r.json()).toMatchObject({ state: 'decision', itemVersion: 1, itemName: '烟草专卖零售许可' });
    expect((await get(`/api/services/items/${created.id}/versions`, admin)).json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});

describe('the public catalogue', () => {
  it('finds items by Chinese words, by life event and by department, and hides withdrawn ones', async () => {
    const other = await department(t, '152201', '人力资源和社会保障局');
    const mk = (code: string, over: Parameters<typeof itemContent>[1]) =>
      send('POST', '/api/services/items', admin, { code, regionCode: '152201', content: itemContent(over?.departmentId ?? market.id, over) });
    const made = await mk('GG-3001', { name: '城乡居民养老保险参保登记', departmentId: other.id, lifeEvents: ['retirement'], enterpriseEvents: [] });
    expect(made.statusCode, made.body).toBe(201);
    const gone = (await mk('GG-3002', { name: '城乡居民养老保险待遇申领', departmentId: other.id, lifeEvents: ['retirement'], enterpriseEvents: [] })).json();
    await send('PATCH', `/api/services/items/${gone.id}`, admin, { active: false });

    const hits = (await get(`/api/services/items?q=${encodeURIComponent('养老保险')}`)).json().items;
    expect(hits.map((i: { name: string }) => i.name)).toEqual(['城乡居民养老保险参保登记']);
    expect((await get(`/api/services/items?q=${encodeURIComponent('养老保险')}&includeInactive=true`, admin)).json().items).toHaveLength(2);
    expect((await get('/api/services/items?lifeEvent=retirement')).json().items.map((i: { name: string }) => i.name)).toEqual(['城乡居民养老保险参保登记']);
    expect((await get(`/api/services/items?departmentId=${other.id}`)).json().items).toHaveLength(1);
    expect((await get(`/api/services/items/${gone.id}`)).statusCode).toBe(404);
    expect((await get('/api/services/items?lifeEvent=moon')).statusCode).toBe(400);
    expect((await get(`/api/services/items?q=${'长'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('finds an item by its English name and gives both names, for the item, its materials and its form fields', async () => {
    const base = itemContent(market.id);
    const made = await send('POST', '/api/services/items', admin, {
      code: 'GG-3003',
      regionCode: '152201',
      content: itemContent(market.id, {
        name: '异地就医备案',
        nameEn: 'Registering medical treatment in another place',
        lifeEvents: ['medical'],
        materials: [{ ...base.materials[0], nameEn: 'Proof of right to use the business premises' }, base.materials[1]],
        form: {
          ...base.form,
          schema: { ...base.form.schema, properties: { ...(base.form.schema.properties as object), shopName: { type: 'string', title: '字号名称', 'x-title-en': 'Trade name' } } },
        },
      }),
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ name: '异地就医备案', nameEn: 'Registering medical treatment in another place' });
    const hits = (await get(`/api/services/items?q=${encodeURIComponent('medical treatment')}`)).json().items;
    expect(hits.map((i: { name: string }) => i.name)).toEqual(['异地就医备案']);
    const guide = (await get(`/api/services/items/${made.json().id}`)).json();
    expect(guide.content.materials.map((m: { name: string; nameEn?: string }) => m.nameEn ?? null)).toEqual(['Proof of right to use the business premises', null]);
    expect(guide.content.form.schema.properties.shopName['x-title-en']).toBe('Trade name');
    const long = await send('POST', '/api/services/items', admin, {
      code: 'GG-3004',
      regionCode: '152201',
      content: itemContent(market.id, { name: '英文名过长', materials: [{ ...base.materials[0], nameEn: 'x'.repeat(201) }] }),
    });
    expect(long.statusCode).toBe(400);
  });

  it('pages through the catalogue without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: { items: { id: string }[]; next: string | null } = (await get(`/api/services/items?limit=2${after ? `&after=${after}` : ''}`)).json();
      seen.push(...r.items.map((i: { id: string }) => i.id));
      after = r.next;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await get('/api/services/items?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(all.sort());
    expect((await get('/api/services/items?after=garbage')).statusCode).toBe(400);
  });

  it('tells a signed-in applicant what the form will be filled with, masked', async () => {
    const item = (await get('/api/services/items?q=' + encodeURIComponent('烟草'))).json().items[0];
    const p = await personToken(t, { realName: { name: '钱多多', idNumber: makeCitizenId('152201', '1979-02-02', 12) } });
    const r = (await get(`/api/services/items/${item.id}/prefill`, p.token)).json();
    expect(r.applicantName).toMatchObject({ value: '钱多多', locked: true, source: { kind: 'identity' } });
    expect(r.idNumber).toMatchObject({ value: expect.stringMatching(/^1522\*+/), masked: true, locked: true });
  });
});
