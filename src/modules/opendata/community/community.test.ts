import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceSignedIn, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import type { Dataset } from '../ports.ts';

/* 互动: ratings and comments, 数据需求, 应用展示 and 授权运营 products, through the HTTP API. */

let t: TestPlatform;
let bureau: string;
let steward: string;
let alice: { token: string; accountId: string };
let bob: { token: string; accountId: string };
let carol: { token: string; accountId: string };
/** Two published datasets and one draft. */
let credit: Dataset;
let entity: Dataset;
let draft: Dataset;

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const raw = (method: Method, url: string, token: string, body: string) => t.app.inject({ method, url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: body });
const count = async (table: 'opendata_rating' | 'opendata_comment' | 'opendata_demand' | 'opendata_demand_vote' | 'opendata_app' | 'opendata_product') =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** An RFC 9457 problem in both languages. */
const problem = (res: { statusCode: number; json: () => Record<string, unknown> }, status: number, code?: string) => {
  expect(res.statusCode).toBe(status);
  const p = res.json();
  expect(p).toMatchObject({ status, title: expect.any(String) });
  expect(JSON.stringify(p)).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(p.code).toBe(code);
  return p;
};

/**
 * Three datasets the real way: catalogue resources registered in the data module (开放类型 无条件开放),
 * read through the data flow, synced into the 开放目录 by the bureau, and two of them published.
 */
async function prepareDatasets(scjg: string): Promise<void> {
  const resource = (code: string, name: string) => ({
    code,
    name,
    description: `${name}（测试）`,
    providerDepartmentId: scjg,
    regionCode: '152201',
    category: 'department' as const,
    backing: 'records' as const,
    backingRef: 'data_record',
    sharingType: 'unconditional' as const,
    openType: 'open' as const,
    updateFrequency: 'monthly' as const,
    items: [{ code: 'name', name: '名称', dataType: 'string' as const, grade: 'L1' as const, importance: 'general' as const, storage: { field: 'name' } }],
  });
  for (const [code, name] of [
    ['XY-CREDIT', '企业信用信息'],
    ['FR-ENTITY', '法人基本信息'],
    ['WS-DRAFT', '未开放数据'],
  ])
    await t.p.data.catalogue.register({ ...SYSTEM_PRINCIPAL, regionCode: '152201' }, resource(code, name) as never);
  const synced = await call('POST', '/api/opendata/datasets/sync', bureau, {});
  expect(synced.statusCode, synced.body).toBe(200);
  for (const name of ['xy-credit', 'fr-entity']) {
    const r = await call('POST', `/api/opendata/datasets/${name}/publish`, bureau, {});
    expect(r.statusCode, r.body).toBe(200);
  }
  const port = t.p.opendata.catalogue.port!;
  [credit, entity, draft] = (await Promise.all(['xy-credit', 'fr-entity', 'ws-draft'].map((n) => port.byName(n)))) as Dataset[];
  expect([credit.state, entity.state, draft.state]).toEqual(['published', 'published', 'draft']);
}

beforeAll(async () => {
  t = await startTestPlatform();
  const bigData = (await department(t, '152201', '大数据中心')).id;
  const scjg = (await department(t, '152201', '市场监督管理局')).id;
  bureau = await staffToken(t, ['data_admin'], bigData);
  steward = await staffToken(t, ['data_steward'], scjg);
  [alice, bob, carol] = await Promise.all([personToken(t), personToken(t), personToken(t)]);
  await prepareDatasets(scjg);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('ratings', () => {
  it('one rating per account: a second replaces the first, and the average and distribution follow', async () => {
    const url = `/api/opendata/community/datasets/${credit.name}/rating`;
    expect((await call('PUT', url, alice.token, { stars: 5 })).json()).toMatchObject({ average: 5, count: 1, mine: 5 });
    expect((await call('PUT', url, bob.token, { stars: 2 })).json()).toMatchObject({ average: 3.5, count: 2, mine: 2 });
    const changed = (await call('PUT', url, alice.token, { stars: 4 })).json();
    expect(changed).toMatchObject({ average: 3, count: 2, distribution: [0, 1, 0, 1, 0], mine: 4 });
    // The public sees the same figures, without a rating of its own.
    const page = (await call('GET', `/api/opendata/community/datasets/${credit.name}`)).json();
    expect(page.ratings).toEqual({ average: 3, count: 2, distribution: [0, 1, 0, 1, 0], mine: null });
    // Other areas read it through the port.
    const port = await t.p.opendata.community.port.ratings([credit.id, entity.id]);
    expect(port.get(credit.id)).toEqual({ average: 3, count: 2 });
    expect(port.has(entity.id)).toBe(false);
    // The catalogue's dataset page reads it through the port.
    expect((await call('GET', `/api/opendata/datasets/${credit.name}`)).json().rating).toEqual({ average: 3, count: 2 });
    // Audited in the ledger.
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'actor_id']).where('object_type', '=', 'opendata.rating').where('object_id', '=', credit.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['rated', 'rated', 'rated']);
  });

  it('two ratings at once by the same account leave one row', async () => {
    const url = `/api/opendata/community/datasets/${entity.name}/rating`;
    const [a, b] = await Promise.all([call('PUT', url, carol.token, { stars: 1 }), call('PUT', url, carol.token, { stars: 3 })]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const rows = await t.p.kernel.db.selectFrom('opendata_rating').select('stars').where('dataset_id', '=', entity.id).where('account_id', '=', carol.accountId).execute();
    expect(rows).toHaveLength(1);
    expect([1, 3]).toContain(rows[0].stars);
  });

  it('refuses 0, 5.5, 6 and "five" stars, a draft dataset and an anonymous caller, storing nothing', async () => {
    const before = await count('opendata_rating');
    const url = `/api/opendata/community/datasets/${credit.name}/rating`;
    for (const stars of [0, 5.5, 6, 'five', null]) problem(await call('PUT', url, alice.token, { stars }), 400, 'VALIDATION_FAILED');
    problem(await call('PUT', url, alice.token, { stars: 3, extra: 1 }), 400);
    problem(await call('PUT', url, undefined, { stars: 3 }), 401, 'UNAUTHENTICATED');
    problem(await call('PUT', `/api/opendata/community/datasets/${draft.name}/rating`, alice.token, { stars: 3 }), 404);
    problem(await call('PUT', '/api/opendata/community/datasets/no-such-set/rating', alice.token, { stars: 3 }), 404);
    expect(await count('opendata_rating')).toBe(before);
    expect((await call('GET', `/api/opendata/community/datasets/${credit.name}`, alice.token)).json().ratings.mine).toBe(4);
  });
});

describe('comments', () => {
  let pendingId: string;

  it('a comment waits for review: hidden from others, shown to its author, public once the bureau publishes and replies', async () => {
    const url = `/api/opendata/community/datasets/${credit.name}/comments`;
    const made = await call('POST', url, alice.token, { body: '  数据很有用，希望增加历史年份。 ' });
    expect(made.statusCode, made.body).toBe(201);
    const c = made.json();
    expect(c).toMatchObject({ body: '数据很有用，希望增加历史年份。', state: 'pending', mine: true });
    pendingId = c.id;
    expect((await call('GET', url)).json()).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', url, bob.token)).json().items).toEqual([]);
    expect((await call('GET', url, alice.token)).json().items).toEqual([expect.objectContaining({ id: c.id, state: 'pending', mine: true })]);

    // The queue lists it for the bureau, with its dataset.
    const queue = (await call('GET', '/api/opendata/comments', bureau)).json();
    expect(queue.items).toEqual([expect.objectContaining({ id: c.id, dataset: expect.objectContaining({ name: credit.name }) })]);
    expect((await call('POST', `/api/opendata/comments/${c.id}/publish`, bureau, {})).json()).toMatchObject({ state: 'published' });
    const replied = (await call('POST', `/api/opendata/comments/${c.id}/reply`, bureau, { reply: '感谢建议，已转请提供部门补充。' })).json();
    expect(replied).toMatchObject({ state: 'published', reply: '感谢建议，已转请提供部门补充。', repliedAt: expect.any(String) });
    const pub = (await call('GET', url)).json();
    expect(pub.items).toEqual([expect.objectContaining({ id: c.id, reply: '感谢建议，已转请提供部门补充。', mine: false })]);
    // A person's name is shown masked beside their words.
    expect(pub.items[0].authorName).not.toMatch(/^\d/);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'opendata.comment').where('object_id', '=', c.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['created', 'published', 'replied']);
    const events = await t.p.kernel.db.selectFrom('kernel_outbox').select('topic').where('topic', 'like', 'opendata.comment.%').execute();
    expect(events.map((e) => e.topic).sort()).toEqual(['opendata.comment.created', 'opendata.comment.published', 'opendata.comment.replied']);
  });

  it('only the bureau moderates; hiding needs a reason; the author sees why', async () => {
    const url = `/api/opendata/community/datasets/${entity.name}/comments`;
    const c = (await call('POST', url, bob.token, { body: '广告内容' })).json();
    for (const token of [bob.token, alice.token, steward]) problem(await call('POST', `/api/opendata/comments/${c.id}/publish`, token, {}), 403, 'FORBIDDEN');
    problem(await call('POST', `/api/opendata/comments/${c.id}/publish`, undefined, {}), 401);
    problem(await call('GET', '/api/opendata/comments', steward), 403);
    problem(await call('POST', `/api/opendata/comments/${c.id}/hide`, bureau, { reason: '   ' }), 422, 'OPENDATA_REASON_REQUIRED');
    problem(await call('POST', `/api/opendata/comments/${c.id}/hide`, bureau, {}), 400);
    expect((await call('GET', url, bob.token)).json().items[0]).toMatchObject({ state: 'pending' });
    expect((await call('POST', `/api/opendata/comments/${c.id}/hide`, bureau, { reason: '含广告信息' })).json()).toMatchObject({ state: 'hidden', hiddenReason: '含广告信息' });
    expect((await call('GET', url, bob.token)).json().items[0]).toMatchObject({ state: 'hidden', hiddenReason: '含广告信息' });
    expect((await call('GET', url)).json().items).toEqual([]);
    // A hidden comment cannot be edited back into the queue.
    problem(await call('PUT', `/api/opendata/comments/${c.id}`, bob.token, { body: '改过了' }), 409, 'OPENDATA_COMMENT_HIDDEN');
  });

  it('an author edits their own comment (reviewed again); someone else’s is refused', async () => {
    problem(await call('PUT', `/api/opendata/comments/${pendingId}`, bob.token, { body: '冒名修改' }), 403, 'OPENDATA_COMMENT_NOT_YOURS');
    const edited = (await call('PUT', `/api/opendata/comments/${pendingId}`, alice.token, { body: '希望增加2020年以前的数据。' })).json();
    expect(edited).toMatchObject({ state: 'pending', body: '希望增加2020年以前的数据。' });
    expect((await call('GET', `/api/opendata/community/datasets/${credit.name}/comments`)).json().items).toEqual([]);
    const row = await t.p.kernel.db.selectFrom('opendata_comment').select(['body', 'author_id']).where('id', '=', pendingId).executeTakeFirstOrThrow();
    expect(row).toEqual({ body: '希望增加2020年以前的数据。', author_id: alice.accountId });
  });

  it('refuses oversized, blank, NUL, broken Unicode and wrongly typed comments, storing nothing', async () => {
    const url = `/api/opendata/community/datasets/${credit.name}/comments`;
    const before = await count('opendata_comment');
    problem(await call('POST', url, alice.token, { body: '长'.repeat(10_000) }), 400);
    problem(await call('POST', url, alice.token, { body: '长'.repeat(1001) }), 400);
    problem(await call('POST', url, alice.token, { body: '   ' }), 422, 'OPENDATA_TEXT_BLANK');
    // (The API coerces scalars, as everywhere on the platform: a number becomes its digits.)
    problem(await call('POST', url, alice.token, { body: { text: '数据' } }), 400);
    problem(await call('POST', url, alice.token, {}), 400);
    problem(await call('POST', url, alice.token, { body: 'a\u0000b' }), 400);
    problem(await raw('POST', url, alice.token, '{"body":"\\ud800 坏"}'), 400);
    problem(await raw('POST', url, alice.token, '{"body": "未闭合'), 400);
    problem(await call('POST', url, undefined, { body: '匿名' }), 401);
    problem(await call('POST', `/api/opendata/community/datasets/${draft.name}/comments`, alice.token, { body: '草稿' }), 404);
    expect(await count('opendata_comment')).toBe(before);
    // Exactly 1,000 characters (emoji count as one each) is accepted.
    const full = await call('POST', url, carol.token, { body: '😀'.repeat(1000) });
    expect(full.statusCode, full.body).toBe(201);
  });

  it('pages published comments newest first with a cursor', async () => {
    const url = `/api/opendata/community/datasets/${entity.name}/comments`;
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      const c = (await call('POST', url, carol.token, { body: `第${i}条` })).json();
      await call('POST', `/api/opendata/comments/${c.id}/publish`, bureau, {});
    }
    const p1 = (await call('GET', `${url}?limit=2`)).json();
    expect(p1.items.map((c: { body: string }) => c.body)).toEqual(['第2条', '第1条']);
    expect(p1.total).toBe(3);
    const p2 = (await call('GET', `${url}?limit=2&after=${p1.next}`)).json();
    expect(p2.items.map((c: { body: string }) => c.body)).toEqual(['第0条']);
    expect(p2.next).toBeNull();
    problem(await call('GET', `${url}?limit=1000`), 400);
    problem(await call('GET', `${url}?after=garbage`), 400);
  });
});

describe('数据需求', () => {
  const demand = () => ({
    title: '公共停车场实时泊位数据',
    description: '希望开放全市公共停车场的实时空余泊位。',
    dataWanted: '停车场名称、位置、总泊位、空余泊位、更新时间',
    purpose: '开发停车导航小程序',
  });

  it('a signed-in user asks; the public sees it with its state and due date; others +1 once each', async () => {
    const made = await call('POST', '/api/opendata/demands', alice.token, demand());
    expect(made.statusCode, made.body).toBe(201);
    const d = made.json();
    expect(d).toMatchObject({ state: 'submitted', votes: 0, overdue: false, mine: true });
    // 10 working days by default: more than 10 calendar days later is impossible to be earlier than 12 days (two weekends).
    const days = (Date.parse(d.dueAt) - Date.parse(d.createdAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(11);
    const list = (await call('GET', '/api/opendata/demands')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: d.id, title: '公共停车场实时泊位数据', state: 'submitted', mine: false })]);

    expect((await call('POST', `/api/opendata/demands/${d.id}/votes`, bob.token, {})).json()).toMatchObject({ votes: 1, votedByMe: true });
    problem(await call('POST', `/api/opendata/demands/${d.id}/votes`, bob.token, {}), 409, 'OPENDATA_DEMAND_ALREADY_VOTED');
    const both = await Promise.all([call('POST', `/api/opendata/demands/${d.id}/votes`, carol.token, {}), call('POST', `/api/opendata/demands/${d.id}/votes`, carol.token, {})]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await call('GET', `/api/opendata/demands/${d.id}`)).json().votes).toBe(2);
    problem(await call('POST', `/api/opendata/demands/${d.id}/votes`, undefined, {}), 401);
  });

  it('the bureau answers: 不予开放 needs a reason, 已开放 a published dataset; the answer is final', async () => {
    const d = (await call('POST', '/api/opendata/demands', bob.token, { ...demand(), title: '个人医保缴费明细' })).json();
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, alice.token, { state: 'declined', reason: '涉及个人隐私' }), 403);
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, steward, { state: 'declined', reason: '涉及个人隐私' }), 403);
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'declined' }), 422, 'OPENDATA_REASON_REQUIRED');
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'declined', reason: '  ' }), 422, 'OPENDATA_REASON_REQUIRED');
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'opened', dataset: draft.name }), 422, 'OPENDATA_DATASET_NOT_PUBLISHED');
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'opened' }), 422, 'OPENDATA_DATASET_NOT_PUBLISHED');
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'accepted' }), 422, 'OPENDATA_DEMAND_PLANNED_DATE_REQUIRED');
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'accepted', plannedDate: '2001-01-01' }), 422);
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'maybe' }), 400);
    expect((await call('GET', `/api/opendata/demands/${d.id}`)).json()).toMatchObject({ state: 'submitted', answer: null });

    const accepted = (await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'accepted', plannedDate: '2099-06-30', note: '已转卫健委评估' })).json();
    expect(accepted).toMatchObject({ state: 'accepted', plannedDate: '2099-06-30', answer: '已转卫健委评估' });
    const opened = (await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'opened', dataset: credit.name })).json();
    expect(opened).toMatchObject({ state: 'opened', dataset: { id: credit.id, name: credit.name } });
    problem(await call('POST', `/api/opendata/demands/${d.id}/answer`, bureau, { state: 'declined', reason: '改主意' }), 409, 'OPENDATA_DEMAND_ANSWERED');

    const declined = (await call('POST', '/api/opendata/demands', carol.token, { ...demand(), title: '公民身份证号码库' })).json();
    expect((await call('POST', `/api/opendata/demands/${declined.id}/answer`, bureau, { state: 'declined', reason: '属于不予开放类数据' })).json()).toMatchObject({
      state: 'declined',
      reason: '属于不予开放类数据',
    });
    expect((await call('GET', '/api/opendata/demands?state=declined')).json().items.map((x: { id: string }) => x.id)).toEqual([declined.id]);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'opendata.demand').where('object_id', '=', d.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['submitted', 'answered', 'answered']);
  });

  it('an unanswered demand is flagged overdue after its working days', async () => {
    const d = (await call('POST', '/api/opendata/demands', carol.token, { ...demand(), title: '公交线路站点数据' })).json();
    expect((await call('GET', '/api/opendata/demands?overdue=true', bureau)).json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    await advanceSignedIn(t, 30 * 86_400_000);
    const overdue = (await call('GET', '/api/opendata/demands?overdue=true', bureau)).json().items;
    expect(overdue.map((x: { id: string }) => x.id)).toContain(d.id);
    expect(overdue.find((x: { id: string }) => x.id === d.id).overdue).toBe(true);
  });

  it('refuses bad submissions, storing nothing', async () => {
    const before = await count('opendata_demand');
    problem(await call('POST', '/api/opendata/demands', undefined, demand()), 401);
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), title: '' }), 422);
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), title: 'x'.repeat(201) }), 400);
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), purpose: { text: '用途' } }), 400);
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), departmentId: 'not-a-uuid' }), 400);
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), departmentId: '0190a000-0000-7000-8000-0000000000ff' }), 422, 'OPENDATA_UNKNOWN_DEPARTMENT');
    problem(await call('POST', '/api/opendata/demands', alice.token, { ...demand(), description: 'a\u0000' }), 400);
    problem(await call('GET', '/api/opendata/demands/not-a-uuid'), 400);
    problem(await call('GET', '/api/opendata/demands/0190a000-0000-7000-8000-0000000000ff'), 404);
    expect(await count('opendata_demand')).toBe(before);
  });
});

describe('应用展示', () => {
  const app = () => ({
    name: '企业信用速查',
    description: '按统一社会信用代码查询企业信用状况。',
    url: 'https://example.cn/credit',
    kind: 'miniprogram',
    datasets: [credit.name, entity.id],
    developer: '兴安数智科技有限公司',
  });

  it('an app naming an unpublished dataset is refused with 422', async () => {
    const before = await count('opendata_app');
    const r = problem(await call('POST', '/api/opendata/apps', alice.token, { ...app(), datasets: [credit.name, draft.name] }), 422, 'OPENDATA_DATASET_NOT_PUBLISHED');
    expect(JSON.stringify(r)).toContain(draft.name);
    problem(await call('POST', '/api/opendata/apps', alice.token, { ...app(), datasets: [] }), 400);
    problem(await call('POST', '/api/opendata/apps', alice.token, { ...app(), datasets: [credit.name, credit.id] }), 422, 'OPENDATA_REPEATED_VALUE');
    problem(await call('POST', '/api/opendata/apps', alice.token, { ...app(), url: 'javascript:alert(1)' }), 422, 'OPENDATA_URL_INVALID');
    problem(await call('POST', '/api/opendata/apps', alice.token, { ...app(), kind: 'game' }), 400);
    problem(await call('POST', '/api/opendata/apps', undefined, app()), 401);
    expect(await count('opendata_app')).toBe(before);
  });

  it('is listed after the bureau’s review, and the dataset page lists it', async () => {
    const a = (await call('POST', '/api/opendata/apps', alice.token, app())).json();
    expect(a).toMatchObject({ state: 'pending', datasets: [{ name: credit.name }, { name: entity.name }] });
    expect((await call('GET', '/api/opendata/apps')).json().items).toEqual([]);
    expect((await call('GET', `/api/opendata/apps/${a.id}`, alice.token)).json()).toMatchObject({ state: 'pending', mine: true });
    problem(await call('GET', `/api/opendata/apps/${a.id}`, bob.token), 404);
    problem(await call('GET', '/api/opendata/apps?state=pending', alice.token), 403);
    expect((await call('GET', '/api/opendata/apps?state=pending', bureau)).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    problem(await call('POST', `/api/opendata/apps/${a.id}/publish`, alice.token, {}), 403);
    expect((await call('POST', `/api/opendata/apps/${a.id}/publish`, bureau, {})).json()).toMatchObject({ state: 'published' });
    problem(await call('POST', `/api/opendata/apps/${a.id}/reject`, bureau, { reason: '迟了' }), 409, 'OPENDATA_APP_REVIEWED');
    expect((await call('GET', '/api/opendata/apps')).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await call('GET', `/api/opendata/apps?dataset=${entity.name}`)).json().total).toBe(1);
    const page = (await call('GET', `/api/opendata/community/datasets/${credit.name}`)).json();
    expect(page.apps.map((x: { name: string }) => x.name)).toEqual(['企业信用速查']);

    const b = (await call('POST', '/api/opendata/apps', bob.token, { ...app(), name: '刷单工具', datasets: [entity.name] })).json();
    problem(await call('POST', `/api/opendata/apps/${b.id}/reject`, bureau, { reason: '' }), 422);
    expect((await call('POST', `/api/opendata/apps/${b.id}/reject`, bureau, { reason: '与开放数据无关' })).json()).toMatchObject({ state: 'rejected', reason: '与开放数据无关' });
    expect((await call('GET', `/api/opendata/apps/${b.id}`, bob.token)).json()).toMatchObject({ state: 'rejected', reason: '与开放数据无关' });
  });
});

describe('授权运营 products', () => {
  const product = () => ({
    name: '企业信用报告',
    description: '基于公共信用信息和法人基础信息生成的企业信用报告。',
    implementer: '兴安盟行政审批和政务服务局',
    operator: '兴安盟数据运营有限公司',
    datasets: [credit.name, entity.name],
    services: [
      { name: '标准版信用报告', description: '基本信息、行政许可、行政处罚、失信记录' },
      { name: '信用报告接口', description: '按统一社会信用代码调用' },
    ],
    pricing: '标准版每份 30 元；接口每次 0.5 元；小微企业查询本企业免费',
    validFrom: '2026-01-01',
    validTo: '2028-12-31',
    terms: '不得用于违法用途；不得转售原始数据。',
    url: 'https://example.cn/report',
  });

  it('the bureau discloses a product; the public reads it and the dataset page lists it', async () => {
    problem(await call('POST', '/api/opendata/products', alice.token, product()), 403);
    problem(await call('POST', '/api/opendata/products', steward, product()), 403);
    const p = await call('POST', '/api/opendata/products', bureau, product());
    expect(p.statusCode, p.body).toBe(201);
    const made = p.json();
    expect(made).toMatchObject({ state: 'listed', operator: '兴安盟数据运营有限公司', datasets: [{ name: credit.name }, { name: entity.name }], version: 1 });
    expect((await call('GET', '/api/opendata/products')).json().items.map((x: { id: string }) => x.id)).toEqual([made.id]);
    expect((await call('GET', `/api/opendata/products/${made.id}`)).json().services).toHaveLength(2);
    expect((await call('GET', `/api/opendata/community/datasets/${entity.name}`)).json().products.map((x: { name: string }) => x.name)).toEqual(['企业信用报告']);

    const changed = (await call('PUT', `/api/opendata/products/${made.id}`, bureau, { ...product(), pricing: '标准版每份 20 元', expectedVersion: 1 })).json();
    expect(changed).toMatchObject({ pricing: '标准版每份 20 元', version: 2 });
    problem(await call('PUT', `/api/opendata/products/${made.id}`, bureau, { ...product(), expectedVersion: 1 }), 409, 'OPENDATA_STALE');
    problem(await call('POST', `/api/opendata/products/${made.id}/withdraw`, bureau, { reason: ' ' }), 422);
    expect((await call('POST', `/api/opendata/products/${made.id}/withdraw`, bureau, { reason: '授权期满' })).json()).toMatchObject({ state: 'withdrawn' });
    expect((await call('GET', '/api/opendata/products')).json().items).toEqual([]);
    expect((await call('GET', '/api/opendata/products?state=withdrawn')).json().total).toBe(1);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'opendata.product').where('object_id', '=', made.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['created', 'updated', 'withdrawn']);
  });

  it('refuses a period ending before it starts, unpublished sources and malformed fields', async () => {
    const before = await count('opendata_product');
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), validFrom: '2027-01-01', validTo: '2026-01-01' }), 422, 'OPENDATA_PRODUCT_PERIOD_INVALID');
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), datasets: [draft.name] }), 422, 'OPENDATA_DATASET_NOT_PUBLISHED');
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), validTo: '2026-13-45' }), 400);
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), services: [] }), 400);
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), services: 'all' }), 400);
    problem(await call('POST', '/api/opendata/products', bureau, { ...product(), name: undefined }), 400);
    expect(await count('opendata_product')).toBe(before);
  });
});
