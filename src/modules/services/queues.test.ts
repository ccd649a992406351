import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

let t: TestPlatform;
let window: string;
let reviewer: string;
let decider: string;
let citizen: { token: string; accountId: string };
let licenceItem: string;
let serviceItem: string;

const post = (url: string, token: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const act = (id: string, token: string, body: Record<string, unknown>) => post(`/api/services/applications/${id}/actions`, token, body);
const queues = async (token: string) => (await get('/api/services/queues', token)).json() as { state: string; zh: string; count: number }[];
const list = async (token: string, query = '') =>
  (await get(`/api/services/applications/queue${query}`, token)).json() as { items: { id: string; number: string; state: string; applicantName: string; myActions: { code: string }[] }[] };

async function apply(itemId: string, shopName = '老王烧烤') {
  const fileId = await uploadPdf(t, citizen.token);
  const r = await post('/api/services/applications', citizen.token, { itemId, form: { shopName, capital: 50000 }, materials: [{ code: 'premises', fileId }] });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: string };
}

beforeAll(async () => {
  t = await startTestPlatform();
  const market = await department(t, '152201', '市场监督管理局');
  const front = await department(t, '152201', '政务服务中心');
  const admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  reviewer = await staffToken(t, ['approver'], market.id);
  decider = await staffToken(t, ['approver'], market.id);
  citizen = await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } });
  // A 行政许可 says nothing about 审批分离 (on by default); a 公共服务 item turns it off.
  let r = await post('/api/services/items', admin, { code: 'XK-Q001', regionCode: '152201', content: itemContent(market.id) });
  expect(r.statusCode, r.body).toBe(201);
  licenceItem = r.json().id;
  r = await post('/api/services/items', admin, {
    code: 'GG-Q001',
    regionCode: '152201',
    content: itemContent(market.id, { name: '个体户信息查询', itemType: 'public_service', separationOfDuties: false }),
  });
  expect(r.statusCode, r.body).toBe(201);
  serviceItem = r.json().id;
});
afterAll(() => t.close());

describe('queues by job', () => {
  it('lands each role on the queues its workflow steps allow, with counts, and never lists closed applications', async () => {
    const a = await apply(licenceItem, '老王烧烤');
    const b = await apply(licenceItem, '小李面馆');
    const c = await apply(licenceItem, '张姐早点');
    expect((await act(b.id, window, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(c.id, window, { action: 'reject', reason: '经营项目属禁止类' })).statusCode).toBe(200);

    // The window has 待受理 (a); the approvers have 审查中 (b) and not 待受理.
    expect(await queues(window)).toEqual([expect.objectContaining({ state: 'submitted', zh: '待受理', count: 1 })]);
    expect(await queues(reviewer)).toEqual([expect.objectContaining({ state: 'review', count: 1 })]);
    const approverList = await list(reviewer);
    expect(approverList.items.map((x) => x.id)).toEqual([b.id]);
    // Asking for a queue that is not theirs gives nothing, not the window's work.
    expect((await list(reviewer, '?state=submitted')).items).toEqual([]);

    // The closed one (不予受理) is in nobody's to-do list.
    const windowList = await list(window);
    expect(windowList.items.map((x) => x.id)).toEqual([a.id]);
    expect(windowList.items[0].myActions.map((x) => x.code)).toEqual(['claim', 'accept', 'reject', 'request_supplement']);
    const closed = await get(`/api/services/applications/${c.id}`, window);
    expect(closed.json().myActions).toEqual([]);
  });

  it('searches by applicant name or number, and filters by item and day', async () => {
    const d = await apply(serviceItem, '赵家小卖部');
    const byName = await list(window, `?q=${encodeURIComponent('王建')}`);
    expect(byName.items.length).toBeGreaterThanOrEqual(2);
    const byNumber = await list(window, `?q=${encodeURIComponent(d.number.slice(-6))}`);
    expect(byNumber.items.map((x) => x.id)).toEqual([d.id]);
    expect((await list(window, `?itemId=${serviceItem}`)).items.map((x) => x.id)).toEqual([d.id]);
    expect((await list(window, '?from=2000-01-01&to=2000-01-02')).items).toEqual([]);
    // A `%` is a character, not a wildcard.
    expect((await list(window, `?q=${encodeURIComponent('%')}`)).items).toEqual([]);
  });

  it('claims in bulk, each through the claim rules, and reports each result', async () => {
    const open = (await list(window)).items.map((x) => x.id);
    const e = await apply(licenceItem, '钱记修鞋');
    expect((await act(e.id, window, { action: 'reject', reason: '不属本事项' })).statusCode).toBe(200);
    // The approver cannot claim the window's work (asked while nobody holds it, so only the role decides).
    const other = await post('/api/services/applications/bulk-claim', reviewer, { ids: [open[0]] });
    expect(other.json().results[0]).toMatchObject({ ok: false, status: 403 });
    const r = await post('/api/services/applications/bulk-claim', window, { ids: [...open, e.id] });
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json().results as { id: string; ok: boolean; code?: string }[];
    expect(results.filter((x) => x.ok).map((x) => x.id)).toEqual(open);
    expect(results.find((x) => x.id === e.id)).toMatchObject({ ok: false, code: 'APPLICATION_NOT_IN_STATE' });
    const claimed = await list(window, '?mine=true');
    expect(claimed.items.map((x) => x.id).sort()).toEqual([...open].sort());
    expect(claimed.items[0].myActions.map((x) => x.code)).toContain('release');
    // Released again for the next test.
    expect((await post('/api/services/applications/bulk-claim', window, { ids: open, release: true })).json().results.every((x: { ok: boolean }) => x.ok)).toBe(true);
  });

  it('refuses bad queue input and callers without the permission', async () => {
    for (const q of ['?limit=0', '?limit=201', '?state=Bad-State', `?q=${'长'.repeat(51)}`, '?from=2026-13-01', '?itemId=nope', '?unknown=1']) {
      const r = await get(`/api/services/applications/queue${q}`, window);
      expect(r.statusCode, q).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await post('/api/services/applications/bulk-claim', window, { ids: [] })).statusCode).toBe(400);
    expect((await post('/api/services/applications/bulk-claim', window, { ids: Array.from({ length: 51 }, () => crypto.randomUUID()) })).statusCode).toBe(400);
    expect((await get('/api/services/queues')).statusCode).toBe(401);
    expect((await get('/api/services/queues', citizen.token)).statusCode).toBe(403);
    expect((await post('/api/services/applications/bulk-claim', citizen.token, { ids: [crypto.randomUUID()] })).statusCode).toBe(403);
  });
});

describe('审批分离', () => {
  it('refuses the decision to whoever passed the review, writes nothing, and lets a second approver decide', async () => {
    const a = await apply(licenceItem, '孙记茶铺');
    expect((await act(a.id, window, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(a.id, reviewer, { action: 'pass_review', opinion: '符合条件' })).statusCode).toBe(200);

    // The reviewer is not offered the decision, and taking it anyway is refused in both languages.
    const seen = await get(`/api/services/applications/${a.id}`, reviewer);
    expect(seen.json().actions.map((x: { code: string }) => x.code)).not.toContain('approve');
    const before = (await get(`/api/services/applications/${a.id}`, decider)).json();
    const refused = await act(a.id, reviewer, { action: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'WORKFLOW_SEPARATION_OF_DUTIES' });
    expect(refused.json().title).toContain('审批分离');
    const en = await t.app.inject({ method: 'POST', url: `/api/services/applications/${a.id}/actions`, headers: { ...bearer(reviewer), 'accept-language': 'en' }, payload: { action: 'approve' } });
    expect(en.json().title).toContain('Separation of duties');
    const after = (await get(`/api/services/applications/${a.id}`, decider)).json();
    expect(after.state).toBe('decision');
    expect(after.version).toBe(before.version);
    expect(after.history.length).toBe(before.history.length);

    // A second approver of the department decides.
    expect((await get(`/api/services/applications/${a.id}`, decider)).json().actions.map((x: { code: string }) => x.code)).toContain('approve');
    const ok = await act(a.id, decider, { action: 'approve', opinion: '准予登记' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('completed');
  });

  it('lets one approver review and decide when the item turns it off', async () => {
    const a = await apply(serviceItem, '周记裁缝');
    await act(a.id, window, { action: 'accept' });
    expect((await act(a.id, reviewer, { action: 'pass_review' })).statusCode).toBe(200);
    expect((await act(a.id, reviewer, { action: 'approve' })).statusCode).toBe(200);
  });
});
