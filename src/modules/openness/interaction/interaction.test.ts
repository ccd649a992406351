import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import type { DocumentInput } from '../ports.ts';
import { maskPersonalNumbers } from './mask.ts';

/* 政民互动 through the HTTP API: asking, answering, review, and the one knowledge base with 12345. */

let t: TestPlatform;
let bgs: string;
let mzj: string;
let editorMzj: string;
let editorBgs: string;
let admin: string;
let admin2: string;
let leaderMzj: string;
let agent: string;
let outsider: string;
let citizen: { token: string; accountId: string; phone: string };
const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const CITIZEN_ID = '152201199001011234';

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const raw = (url: string, token: string, body: string) => t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: body });
const count = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('openness_question')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** An RFC 9457 problem in both languages. */
const problem = (res: { statusCode: number; json: () => Record<string, unknown> }, status: number, code?: string) => {
  expect(res.statusCode).toBe(status);
  const p = res.json();
  expect(p).toMatchObject({ status, zh: expect.any(String), en: expect.any(String) });
  if (code) expect(p.code).toBe(code);
  return p;
};
const qa = async (q: string) =>
  (await call('GET', `/api/openness/qa?q=${encodeURIComponent(q)}`)).json().items as { id: string; title: string; body: string; source: string; questionId: string | null }[];
const agentSearch = async (q: string) => (await call('GET', `/api/cases/knowledge?q=${encodeURIComponent(q)}`, agent)).json() as { id: string; title: string }[];

/** Asks in the 咨询 column, answers as the MZJ editor; returns the answered question. */
async function answered(title: string, body: string, answer: string, who = citizen.token) {
  const q = await call('POST', '/api/openness/questions', who, { departmentId: mzj, title, body });
  expect(q.statusCode).toBe(201);
  const a = await call('POST', `/api/openness/questions/${q.json().id}/answer`, editorMzj, { answer, expectedVersion: 1 });
  expect(a.statusCode).toBe(200);
  return a.json() as { id: string; version: number; state: string };
}

beforeAll(async () => {
  t = await startTestPlatform();
  const dep = (code: string, name: string) => t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name });
  bgs = (await dep('BGS', '乌兰浩特市人民政府办公室')).id;
  mzj = (await dep('MZJ', '乌兰浩特市民政局')).id;
  const rx = (await dep('RX12345', '12345热线中心')).id;
  [editorMzj, editorBgs, admin, admin2, leaderMzj, agent, outsider] = await Promise.all([
    staffToken(t, ['openness_editor'], mzj),
    staffToken(t, ['openness_editor'], bgs),
    staffToken(t, ['openness_admin'], bgs),
    staffToken(t, ['openness_admin'], bgs),
    staffToken(t, ['leader'], mzj),
    staffToken(t, ['hotline_agent'], rx),
    staffToken(t, ['window_staff'], bgs),
  ]);
  citizen = await personToken(t);
}, 120_000);
afterAll(async () => t?.close());

describe('asking and answering', () => {
  it('routes a 咨询 question to the department picked, or to the 政务公开办 by default', async () => {
    const picked = await call('POST', '/api/openness/questions', citizen.token, { departmentId: mzj, title: '低保申请需要什么材料', body: '我想给母亲申请低保，需要准备哪些材料？' });
    expect(picked.statusCode).toBe(201);
    expect(picked.json()).toMatchObject({ state: 'submitted', channel: 'column', departmentId: mzj, answer: null });
    expect(picked.json().number).toMatch(/^152201-ZX-\d{8}-\d{6}$/);
    const office = await call('POST', '/api/openness/questions', citizen.token, { title: '政府信息公开指南在哪里看', body: '请问在哪里能看到本市的政府信息公开指南？' });
    expect(office.json().departmentId).toBe(bgs);

    const inbox = await call('GET', '/api/openness/questions/inbox?state=submitted', editorMzj);
    expect(inbox.statusCode).toBe(200);
    const mine = inbox.json().items.find((x: { id: string }) => x.id === picked.json().id);
    expect(mine).toMatchObject({ canAnswer: true, canReview: false, overdue: false });
    expect(inbox.json().items.some((x: { id: string }) => x.id === office.json().id)).toBe(false);
    // Another department's editor may not answer it.
    problem(await call('POST', `/api/openness/questions/${picked.json().id}/answer`, editorBgs, { answer: '答复', expectedVersion: 1 }), 403);
    // The department's leader may review, not answer.
    const led = await call('GET', `/api/openness/questions/${picked.json().id}`, leaderMzj);
    expect(led.json()).toMatchObject({ canAnswer: false, canReview: true });
    expect(led.json().history.map((h: { action: string }) => h.action)).toEqual(['ask']);

    const a = await call('POST', `/api/openness/questions/${picked.json().id}/answer`, editorMzj, { answer: '需要户口簿、身份证、收入证明。', expectedVersion: 1 });
    expect(a.json()).toMatchObject({ state: 'answered', version: 2 });
    // The asker sees it is under review, not the draft.
    const my = await call('GET', '/api/openness/questions/mine', citizen.token);
    expect(my.json().items.find((x: { id: string }) => x.id === picked.json().id)).toMatchObject({ state: 'answered', answer: null });
  });

  it('publishes a reviewed answer into the one knowledge base: citizens and 12345 agents find it, the asker is never named', async () => {
    const q = await call('POST', '/api/openness/questions', citizen.token, {
      departmentId: mzj,
      title: '高龄津贴怎么领取',
      body: `我父亲今年81岁，身份证号${CITIZEN_ID}，电话13904821234，高龄津贴怎么领取？`,
    });
    const a = await call('POST', `/api/openness/questions/${q.json().id}/answer`, editorMzj, { answer: '年满80周岁的老人持身份证到社区居委会申请高龄津贴，按月发放。', expectedVersion: 1 });
    // The answerer's own review is refused; the leader of the department publishes.
    const p = await call('POST', `/api/openness/questions/${q.json().id}/review`, leaderMzj, { decision: 'publish', expectedVersion: a.json().version });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ state: 'published', canAnswer: false });
    expect(p.json().knowledgeId).toBeTruthy();

    const found = await qa('高龄津贴领取');
    const hit = found.find((h) => h.questionId === q.json().id);
    expect(hit).toMatchObject({ source: 'question', id: p.json().knowledgeId });
    expect(hit!.body).toContain('社区居委会');
    expect(hit!.body).not.toContain(CITIZEN_ID);
    expect(hit!.body).not.toContain('13904821234');
    expect(hit!.body).toContain('1522**********1234');
    expect((await agentSearch('高龄津贴怎么领')).map((k) => k.id)).toContain(p.json().knowledgeId);

    const list = await call('GET', '/api/openness/questions?limit=50');
    const pub = JSON.stringify(list.json()) + JSON.stringify(found);
    for (const secret of [citizen.accountId, citizen.phone, CITIZEN_ID, '13904821234']) expect(pub).not.toContain(secret);
    expect(list.json().items.find((x: { id: string }) => x.id === q.json().id)).not.toHaveProperty('askerLabel');

    const my = (await call('GET', '/api/openness/questions/mine', citizen.token)).json().items.find((x: { id: string }) => x.id === q.json().id);
    expect(my).toMatchObject({ state: 'published', answer: expect.stringContaining('高龄津贴') });
    const notes = await t.p.kernel.db.selectFrom('kernel_notification').select(['title']).where('recipient_id', '=', citizen.accountId).execute();
    expect(notes.map((n) => n.title)).toContain('您的留言已答复');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_id', '=', q.json().id).execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['asked', 'answered', 'published']));

    // Taken back: gone from both searches.
    problem(await call('POST', `/api/openness/questions/${q.json().id}/unpublish`, admin, { reason: '', expectedVersion: p.json().version }), 400);
    const u = await call('POST', `/api/openness/questions/${q.json().id}/unpublish`, admin, { reason: '政策已调整，答复待更新', expectedVersion: p.json().version });
    expect(u.json().state).toBe('unpublished');
    expect((await qa('高龄津贴领取')).some((h) => h.questionId === q.json().id)).toBe(false);
    expect((await agentSearch('高龄津贴怎么领')).map((k) => k.id)).not.toContain(p.json().knowledgeId);
    expect((await call('GET', '/api/openness/questions?limit=50')).json().items.some((x: { id: string }) => x.id === q.json().id)).toBe(false);
  });

  it('keeps a rejected question out of both searches and tells the asker why', async () => {
    const q = await answered('殡葬补贴标准是多少', '想了解本市惠民殡葬补贴的标准。', '本市基本殡葬服务费用全额减免。');
    problem(await call('POST', `/api/openness/questions/${q.id}/review`, admin, { decision: 'reject', expectedVersion: q.version }), 422, 'OPENNESS_REASON_REQUIRED');
    const r = await call('POST', `/api/openness/questions/${q.id}/review`, admin, { decision: 'reject', reason: '涉及个人具体事项，已转电话联系', expectedVersion: q.version });
    expect(r.json().state).toBe('rejected');
    expect((await qa('殡葬补贴标准')).length).toBe(0);
    expect((await agentSearch('殡葬补贴标准')).length).toBe(0);
    const my = (await call('GET', '/api/openness/questions/mine', citizen.token)).json().items.find((x: { id: string }) => x.id === q.id);
    expect(my).toMatchObject({ state: 'rejected', reason: '涉及个人具体事项，已转电话联系', answer: null });
    problem(await call('POST', `/api/openness/questions/${q.id}/review`, admin, { decision: 'publish', expectedVersion: r.json().version }), 409, 'OPENNESS_QUESTION_NOT_IN_STATE');
  });

  it('lets only one of two reviewers at once publish (the other gets 409, one knowledge entry)', async () => {
    const q = await answered('临时救助如何申请', '家里突发困难，临时救助怎么申请？', '向户籍所在地街道提出申请，急难情形可先行救助。');
    const [x, y] = await Promise.all([
      call('POST', `/api/openness/questions/${q.id}/review`, admin, { decision: 'publish', expectedVersion: q.version }),
      call('POST', `/api/openness/questions/${q.id}/review`, admin2, { decision: 'publish', expectedVersion: q.version }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const n = await t.p.kernel.db.selectFrom('cases_knowledge').select('id').where('public_ref', '=', `openness.question:${q.id}`).execute();
    expect(n.length).toBe(1);
    // A stale version is refused too.
    problem(await call('POST', `/api/openness/questions/${q.id}/unpublish`, admin, { reason: '测试', expectedVersion: q.version }), 409, 'OPENNESS_STALE');
  });

  it('shows the 12345 knowledge base entries an administrator made public (one source both ways)', async () => {
    const hotlineAdmin = await staffToken(t, ['region_admin'], bgs);
    const e = await call('POST', '/api/cases/knowledge', hotlineAdmin, { title: '供暖期起止时间', body: '本市供暖期为每年10月15日至次年4月15日。', keywords: ['供暖'], public: true });
    expect(e.statusCode).toBe(201);
    expect(e.json()).toMatchObject({ public: true, publicRef: null });
    expect((await qa('供暖期什么时候')).find((h) => h.id === e.json().id)).toMatchObject({ source: 'hotline', questionId: null });
    const off = await call('PUT', `/api/cases/knowledge/${e.json().id}`, hotlineAdmin, { title: '供暖期起止时间', body: '本市供暖期为每年10月15日至次年4月15日。', public: false });
    expect(off.json().public).toBe(false);
    expect((await qa('供暖期什么时候')).some((h) => h.id === e.json().id)).toBe(false);
    // Still the agents' answer.
    expect((await agentSearch('供暖期什么时候')).map((k) => k.id)).toContain(e.json().id);
  });
});

describe('questions on a policy document', () => {
  let doc: string;
  let withdrawn: string;
  let reader: { token: string };
  beforeAll(async () => {
    reader = await personToken(t);
    const port = t.p.openness.library.port!;
    const input: DocumentInput = {
      title: '乌兰浩特市城乡低保实施办法',
      kind: 'normative',
      themeCode: '01',
      issuerDepartmentId: mzj,
      number: '乌民发〔2026〕1号',
      writtenOn: '2026-01-05',
      publishOn: '2026-01-10',
      disclosure: 'proactive',
      body: '第一条 为了规范城乡最低生活保障工作，制定本办法。',
    };
    doc = (await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, input, { reviewId: null }))).id;
    withdrawn = (await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, { ...input, title: '旧办法', number: '乌民发〔2025〕9号' }, { reviewId: null }))).id;
    await t.p.kernel.db.transaction().execute((trx) => port.withdraw(trx, system, withdrawn, '已被新办法取代'));
  });

  it('sends a question on a document to its issuer and shows the published answer on the document', async () => {
    const q = await call('POST', '/api/openness/questions', reader.token, { documentId: doc, title: '低保标准多少', body: '第一条说的城乡低保标准现在是多少？' });
    expect(q.statusCode).toBe(201);
    expect(q.json()).toMatchObject({ channel: 'document', departmentId: mzj, documentId: doc, documentTitle: '乌兰浩特市城乡低保实施办法' });
    const a = await call('POST', `/api/openness/questions/${q.json().id}/answer`, editorMzj, { answer: '城市低保标准每人每月850元，农村每人每年7800元。', expectedVersion: 1 });
    await call('POST', `/api/openness/questions/${q.json().id}/review`, admin, { decision: 'publish', expectedVersion: a.json().version });
    const onDoc = await call('GET', `/api/openness/questions?document=${doc}`);
    expect(onDoc.statusCode).toBe(200);
    expect(onDoc.json().items).toEqual([expect.objectContaining({ id: q.json().id, answer: expect.stringContaining('850元'), documentId: doc })]);
    expect((await qa('低保标准')).find((h) => h.questionId === q.json().id)).toMatchObject({ documentId: doc });
  });

  it('refuses a question on a missing (404) or withdrawn (422) document, and one naming a department too', async () => {
    const before = await count();
    problem(await call('POST', '/api/openness/questions', reader.token, { documentId: '01900000-0000-7000-8000-000000000000', title: '问', body: '问题' }), 404);
    problem(await call('POST', '/api/openness/questions', reader.token, { documentId: withdrawn, title: '问', body: '问题' }), 422, 'OPENNESS_DOCUMENT_NOT_PUBLISHED');
    problem(await call('POST', '/api/openness/questions', reader.token, { documentId: doc, departmentId: bgs, title: '问', body: '问题' }), 422, 'OPENNESS_QUESTION_TWO_TARGETS');
    expect(await count()).toBe(before);
  });
});

describe('bad input and access', () => {
  it('refuses bad questions with a bilingual problem and stores nothing', async () => {
    const before = await count();
    const url = '/api/openness/questions';
    problem(await call('POST', url, undefined, { title: '问', body: '问题' }), 401);
    problem(await call('POST', url, citizen.token, { body: '没有标题' }), 400);
    problem(await call('POST', url, citizen.token, { title: '问', body: '   ' }), 400);
    problem(await call('POST', url, citizen.token, { title: '问', body: '字'.repeat(2001) }), 400);
    problem(await call('POST', url, citizen.token, { title: 123, body: [] }), 400);
    problem(await call('POST', url, citizen.token, { title: '问', body: '问题', extra: 1 }), 400);
    problem(await call('POST', url, citizen.token, { title: '问', body: '问题', departmentId: 'not-a-uuid' }), 400);
    problem(await call('POST', url, citizen.token, { title: '问', body: '问题', departmentId: '01900000-0000-7000-8000-000000000000' }), 422, 'OPENNESS_UNKNOWN_DEPARTMENT');
    problem(await raw(url, citizen.token, '{"title":"问","body":"有\\u0000字"}'), 400);
    problem(await raw(url, citizen.token, '{"title":"问","body":"坏\\ud800字"}'), 400);
    problem(await raw(url, citizen.token, '{"title":"问",'), 400);
    expect(await count()).toBe(before);
  });

  it('keeps staff routes to 政务公开 staff, and rate-limits an account', async () => {
    problem(await call('GET', '/api/openness/questions/inbox'), 401);
    problem(await call('GET', '/api/openness/questions/inbox', outsider), 403);
    problem(await call('GET', '/api/openness/questions/inbox', citizen.token), 403);
    problem(await call('GET', '/api/openness/questions/inbox?state=nonsense', admin), 400);
    problem(await call('GET', '/api/openness/questions/inbox?limit=1000', admin), 400);
    problem(await call('GET', '/api/openness/questions/inbox?after=garbage', admin), 400);
    problem(await call('GET', '/api/openness/qa?limit=0'), 400);
    const other = await personToken(t);
    const q = await call('POST', '/api/openness/questions', other.token, { departmentId: mzj, title: '问', body: '问题' });
    problem(await call('POST', `/api/openness/questions/${q.json().id}/review`, editorMzj, { decision: 'publish', expectedVersion: 1 }), 403);
    problem(await call('POST', `/api/openness/questions/${q.json().id}/answer`, editorMzj, { answer: '答', expectedVersion: 'one' }), 400);
    problem(await call('GET', `/api/openness/questions/${q.json().id}`, editorBgs), 404);

    const busy = await personToken(t);
    for (let i = 0; i < 5; i++) expect((await call('POST', '/api/openness/questions', busy.token, { title: `问题${i}`, body: '内容' })).statusCode).toBe(201);
    problem(await call('POST', '/api/openness/questions', busy.token, { title: '第六个', body: '内容' }), 429, 'OPENNESS_QUESTION_RATE_LIMITED');
    expect((await call('GET', '/api/openness/questions/mine?limit=2', busy.token)).json().next).toBeTruthy();
  });

  it('lists the departments one may ask, the 政务公开办 first', async () => {
    const d = await call('GET', '/api/openness/questions/departments');
    expect(d.json().items[0]).toMatchObject({ id: bgs, office: true });
  });

  it('masks ID and phone numbers in text before publishing', () => {
    const m = maskPersonalNumbers('身份证152201199001011234，手机139 0482 1234，座机0482-8226000，15位152201900101123');
    expect(m.found).toBe(4);
    expect(m.text).toBe('身份证1522**********1234，手机139 **** 1234，座机0482-***6000，15位1522*******1123');
  });
});
