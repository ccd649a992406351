import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';
import { samplePdf } from '../../testing/samples.ts';
import { pdfText } from '../../testing/pdf.ts';

let t: TestPlatform;
let market: { id: string };
let health: { id: string };
let admin: string;
let window: string;
let approver: string;
let otherApprover: string;
/** A second approver of the market bureau: 审批分离 keeps the reviewer from deciding a 行政许可. */
let decider: string;
let citizen: { token: string; accountId: string };
let itemId: string;

const post = (url: string, token: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload: payload as object });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const act = (id: string, token: string, body: Record<string, unknown>) => post(`/api/services/applications/${id}/actions`, token, body);
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function apply(token = citizen.token, form: Record<string, unknown> = { shopName: '老王烧烤', capital: 50000 }) {
  const fileId = await uploadPdf(t, token);
  return post('/api/services/applications', token, { itemId, form, materials: [{ code: 'premises', fileId }] });
}

beforeAll(async () => {
  // The clock jumps up to three weeks here; sessions end on the clock, so they last the month.
  t = await startTestPlatform({ sessionHours: 720 });
  market = await department(t, '152201', '市场监督管理局');
  health = await department(t, '152201', '卫生健康委员会');
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  approver = await staffToken(t, ['approver'], market.id);
  otherApprover = await staffToken(t, ['approver'], health.id);
  decider = await staffToken(t, ['approver'], market.id);
  citizen = await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } });
  const res = await post('/api/services/items', admin, { code: 'XK-0001', regionCode: '152201', content: itemContent(market.id) });
  expect(res.statusCode, res.body).toBe(201);
  itemId = res.json().id;
});
afterAll(() => t.close());

describe('the whole path of an application', () => {
  it('goes submitted → accepted → reviewed → approved → delivered, rated, rectified', async () => {
    const sub = await apply();
    expect(sub.statusCode, sub.body).toBe(201);
    const app = sub.json();
    expect(app.state).toBe('submitted');
    expect(app.number).toMatch(/^152201-SQ-20260302-\d{6}$/);
    // The server filled in what it knows, and shows the ID number masked.
    expect(app.form.applicantName).toBe('王建国');
    expect(app.formTitles.shopName).toBe('字号名称');
    expect(app.form.idNumber).toMatch(/^1522\*+\d{3}[0-9X]$/);
    expect(app.stepDueAt).toBe('2026-03-04T15:59:59.999Z');

    // Window staff accept: the promised 5 working days start (Mon → next Mon).
    let r = await act(app.id, window, { action: 'accept', opinion: '材料齐全' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().state).toBe('review');
    expect(r.json().dueAt).toBe('2026-03-09T15:59:59.999Z');

    // An approver of another department cannot act, and cannot even see it.
    r = await act(app.id, otherApprover, { action: 'pass_review' });
    expect(r.statusCode).toBe(403);
    expect((await get(`/api/services/applications/${app.id}`, otherApprover)).statusCode).toBe(403);
    // The window cannot take the department's step.
    r = await act(app.id, window, { action: 'pass_review' });
    expect(r.json().code).toBe('WORKFLOW_ACTOR_NOT_ALLOWED');

    r = await act(app.id, approver, { action: 'pass_review', opinion: '审查通过' });
    expect(r.json().state).toBe('decision');
    r = await act(app.id, decider, { action: 'approve', opinion: '准予登记' });
    expect(r.json()).toMatchObject({ state: 'completed', outcome: 'approved', workingDaysUsed: 0, timeStatus: 'ok' });
    const resultFileId = r.json().resultFileId;
    expect(resultFileId).toBeTruthy();

    // The applicant sees it completed and downloads the result.
    const mine = await get(`/api/services/applications/${app.id}`, citizen.token);
    expect(mine.json().state).toBe('completed');
    expect(mine.json().history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'pass_review', 'approve']);
    const dl = await get(`/api/files/${resultFileId}`, citizen.token);
    expect(dl.statusCode).toBe(200);
    // The 决定书 is a PDF (unsealed here: the test department has no e-seal).
    const text = (await pdfText(dl.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('准予行政许可决定书');
    expect(text).toContain(app.number);

    r = await act(app.id, window, { action: 'deliver', delivery: 'online' });
    expect(r.json()).toMatchObject({ state: 'delivered', delivery: 'online', timeStatus: 'done' });

    // 好差评: a bad rating opens a rectification task for the department.
    const ev = await post(`/api/services/applications/${app.id}/evaluation`, citizen.token, { level: 2, reasons: ['many_visits'], comment: '跑了两次' });
    expect(ev.statusCode, ev.body).toBe(201);
    expect(ev.json().rectificationId).toBeTruthy();
    expect((await post(`/api/services/applications/${app.id}/evaluation`, citizen.token, { level: 5, reasons: [] })).json().code).toBe('EVALUATION_NOT_ALLOWED');
    const tasks = (await get('/api/services/rectifications?state=open', approver)).json();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ applicationNumber: app.number, level: 2, state: 'open', dueAt: '2026-03-16T15:59:59.999Z' });
    expect((await get('/api/services/rectifications?state=open', otherApprover)).json()).toHaveLength(0);
    expect((await post(`/api/services/rectifications/${tasks[0].id}/reply`, otherApprover, { reply: '不是我们' })).statusCode).toBe(403);
    expect((await post(`/api/services/rectifications/${tasks[0].id}/reply`, approver, { reply: '已推行全程网办，无需再到现场' })).statusCode).toBe(204);
    expect((await post(`/api/services/rectifications/${tasks[0].id}/follow-up`, citizen.token, { satisfied: true })).statusCode).toBe(204);
    const closed = (await get(`/api/services/rectifications?applicationId=${app.id}`, citizen.token)).json();
    expect(closed[0]).toMatchObject({ state: 'closed', followUpSatisfied: true, reply: '已推行全程网办，无需再到现场' });

    // Every step is in the audit ledger, and the applicant was told at each staff step.
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', app.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['submitted', 'accept', 'pass_review', 'approve', 'deliver', 'evaluated']));
    await t.p.kernel.events.dispatch(200);
    const inbox = await t.p.kernel.notify.inbox(citizen.accountId);
    expect(inbox.length).toBeGreaterThanOrEqual(5);
  });
});

describe('what a write answers', () => {
  it('shows after a submission and after each step what reading the application shows', async () => {
    // The answer is built from what the write itself returned; a fresh read must see the same.
    const same = async (r: Awaited<ReturnType<typeof post>>, token: string) => {
      expect(r.statusCode, r.body).toBeLessThan(300);
      const read = await get(`/api/services/applications/${r.json().id}`, token);
      expect(r.json()).toEqual(read.json());
      return r.json();
    };
    const app = await same(await apply(), citizen.token);
    expect(app.history.map((h: { action: string }) => h.action)).toEqual(['submit']);
    // The applicant is told of the submission and of each staff step, numbered, in the inbox.
    const told = async () => {
      await t.p.kernel.events.dispatch(200);
      return (await t.p.kernel.notify.inbox(citizen.accountId)).filter((m) => m.link === `/applications/${app.id}`).map((m) => ({ title: m.title, body: m.body }));
    };
    expect(await told()).toEqual([{ title: '申请已提交 / Application submitted', body: `个体工商户设立登记（${app.number}）待受理` }]);
    const accepted = await same(await act(app.id, window, { action: 'accept', opinion: '材料齐全' }), window);
    expect((await told())[0]).toEqual({ title: expect.stringContaining('受理'), body: `个体工商户设立登记（${app.number}）${accepted.stateName.zh}` });
    await same(await act(app.id, approver, { action: 'pass_review' }), approver);
    const done = await same(await act(app.id, decider, { action: 'approve' }), decider);
    expect(done).toMatchObject({ state: 'completed', evaluated: false });
    expect((await post(`/api/services/applications/${app.id}/evaluation`, citizen.token, { level: 5, reasons: [] })).statusCode).toBe(201);
    // Rated before delivery: the step after the rating says so.
    const delivered = await same(await act(app.id, window, { action: 'deliver', delivery: 'online' }), window);
    expect(delivered).toMatchObject({ state: 'delivered', evaluated: true });
    expect(delivered.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'pass_review', 'approve', 'evaluate', 'deliver']);
  });
});

describe('events stored before they named the item version', () => {
  it('still tell the applicant, reading the application for it', async () => {
    const app = (await apply()).json();
    await t.p.kernel.events.dispatch(200);
    const k = t.p.kernel;
    // As written by an earlier release: no itemVersionId, no bundleApplicationId.
    await k.db.transaction().execute(async (trx) => {
      await k.events.publish(trx, 'services.application.submitted', '152201', { id: app.id, itemId, departmentId: market.id, channel: 'online' });
      await k.events.publish(trx, 'services.application.stepped', '152201', {
        id: app.id,
        action: 'accept',
        actorType: 'staff',
        from: 'submitted',
        to: 'review',
        outcome: null,
        departmentId: market.id,
      });
    });
    expect(await k.events.dispatch(200)).toBe(2);
    const told = (await k.notify.inbox(citizen.accountId)).filter((m) => m.link === `/applications/${app.id}`);
    expect(told.map((m) => m.body)).toEqual(expect.arrayContaining([`个体工商户设立登记（${app.number}）待受理`, expect.stringContaining(app.number)]));
    expect(told).toHaveLength(3);
  });
});

describe('补正 and the clock', () => {
  // Sessions have a lifetime too: put the clock back where the other tests' sign-ins happened.
  afterAll(() => t.clock.set('2026-03-02T11:00:00+08:00'));
  it('pauses the promised limit while corrections are awaited', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00'); // Monday
    const app = (await apply()).json();
    await act(app.id, window, { action: 'accept' });
    t.clock.set('2026-03-04T10:00:00+08:00'); // Wednesday: 3 working days left (Thu, Fri, Mon)
    let r = await act(app.id, approver, { action: 'review_supplement', items: ['经营场所证明不清晰，请重新上传'] });
    expect(r.json()).toMatchObject({ state: 'review_supplement', paused: true, timeStatus: 'paused', supplementItems: ['经营场所证明不清晰，请重新上传'] });
    // The applicant answers a week later; the 3 days left start again from then (Wed → Mon).
    t.clock.set('2026-03-11T10:00:00+08:00');
    const fileId = await uploadPdf(t, citizen.token, samplePdf('clearer scan'));
    r = await act(app.id, citizen.token, { action: 'resupply', materials: [{ code: 'premises', fileId }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'review', paused: false, dueAt: '2026-03-16T15:59:59.999Z', supplementItems: [] });
    expect(r.json().materials.find((m: { code: string }) => m.code === 'premises').fileId).toBe(fileId);
    // Finished on time although more than 5 working days passed since acceptance.
    t.clock.set('2026-03-13T10:00:00+08:00');
    await act(app.id, approver, { action: 'pass_review' });
    r = await act(app.id, decider, { action: 'approve' });
    expect(r.json()).toMatchObject({ timeStatus: 'ok', workingDaysUsed: 4 });
  });

  it('flags an application past its deadline as overdue and lists it', async () => {
    t.clock.set('2026-03-16T10:00:00+08:00');
    const app = (await apply()).json();
    await act(app.id, window, { action: 'accept' }); // due Mon 23 March
    t.clock.set('2026-03-20T10:00:00+08:00');
    expect((await get('/api/services/applications/queue?timeStatus=warning', approver)).json().items.map((a: { id: string }) => a.id)).not.toContain(app.id);
    t.clock.set('2026-03-23T10:00:00+08:00');
    expect((await get('/api/services/applications/queue?timeStatus=warning', approver)).json().items.map((a: { id: string }) => a.id)).toContain(app.id);
    t.clock.set('2026-03-24T10:00:00+08:00');
    const q = (await get('/api/services/applications/queue?timeStatus=overdue', approver)).json();
    expect(q.items.find((a: { id: string }) => a.id === app.id)).toMatchObject({ timeStatus: 'overdue' });
    await t.p.kernel.jobs.scheduleTimers();
    await t.p.kernel.jobs.runDue(50);
    const row = await t.p.kernel.db.selectFrom('services_application').select('overdue').where('id', '=', app.id).executeTakeFirstOrThrow();
    expect(row.overdue).toBe(true);
    const statsRes = await get('/api/services/stats', await staffToken(t, ['leader'], health.id));
    expect(statsRes.statusCode, statsRes.body).toBe(200);
    const stats = statsRes.json();
    expect(stats.rows.find((r: { key: string }) => r.key === market.id).overdue).toBeGreaterThanOrEqual(1);
  });
});

describe('what applicants may do', () => {
  it('withdraws before acceptance but not after', async () => {
    const a = (await apply()).json();
    expect((await act(a.id, citizen.token, { action: 'withdraw' })).json().state).toBe('withdrawn');
    const b = (await apply()).json();
    await act(b.id, window, { action: 'accept' });
    const r = await act(b.id, citizen.token, { action: 'withdraw' });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'APPLICATION_NOT_IN_STATE', zh: expect.any(String), en: expect.any(String) });
  });

  it('answers a 补正 before acceptance with a corrected form', async () => {
    const a = (await apply()).json();
    expect((await act(a.id, window, { action: 'request_supplement' })).json().code).toBe('WORKFLOW_INPUT_MISSING');
    await act(a.id, window, { action: 'request_supplement', items: ['字号名称与核准名称不一致'] });
    const bad = await act(a.id, citizen.token, { action: 'supplement', form: { shopName: 'x' } });
    expect(bad.json().code).toBe('FORM_INVALID');
    expect((await get(`/api/services/applications/${a.id}`, citizen.token)).json().state).toBe('supplement');
    const ok = await act(a.id, citizen.token, { action: 'supplement', form: { shopName: '老王家烧烤' } });
    expect(ok.json()).toMatchObject({ state: 'submitted', form: { shopName: '老王家烧烤', capital: 50000 } });
  });

  it('cannot see or act on someone else’s application', async () => {
    const a = (await apply()).json();
    const other = await personToken(t, { realName: { name: '李秀英', idNumber: makeCitizenId('152201', '1990-01-20', 42) } });
    expect((await get(`/api/services/applications/${a.id}`, other.token)).statusCode).toBe(403);
    expect((await act(a.id, other.token, { action: 'withdraw' })).statusCode).toBe(403);
    expect((await act(a.id, citizen.token, { action: 'accept' })).json().code).toBe('WORKFLOW_ACTOR_NOT_ALLOWED');
  });

  it('needs real-name verification when the item asks for level 2', async () => {
    const l1 = await personToken(t);
    const fileId = await uploadPdf(t, l1.token);
    const r = await post('/api/services/applications', l1.token, {
      itemId,
      form: { applicantName: '某某', idNumber: makeCitizenId('152201', '1990-01-20', 43), shopName: '小店', capital: 1 },
      materials: [{ code: 'premises', fileId }],
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('bad input keeps the store clean', () => {
  it('refuses a form failing its schema, a missing or foreign material, and stores nothing', async () => {
    const before = await count('services_application');
    let r = await apply(citizen.token, { shopName: '店', capital: -5 });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('FORM_INVALID');
    expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/form/shopName', '/form/capital']));
    r = await post('/api/services/applications', citizen.token, { itemId, form: { shopName: '老王烧烤', capital: 1 }, materials: [] });
    expect(r.json()).toMatchObject({ code: 'MATERIAL_MISSING' });
    const foreign = await uploadPdf(t, window);
    r = await post('/api/services/applications', citizen.token, { itemId, form: { shopName: '老王烧烤', capital: 1 }, materials: [{ code: 'premises', fileId: foreign }] });
    expect(r.json()).toMatchObject({ code: 'MATERIAL_INVALID' });
    r = await post('/api/services/applications', citizen.token, { itemId, form: 'nope', materials: [] });
    expect(r.statusCode).toBe(400);
    r = await t.app.inject({ method: 'POST', url: '/api/services/applications', payload: { itemId, form: {}, materials: [] } });
    expect(r.statusCode).toBe(401);
    expect(await count('services_application')).toBe(before);
  });

  it('refuses an oversized request, an out-of-range rating and a malformed id with a problem in both languages', async () => {
    const before = await count('services_application');
    const huge = await post('/api/services/applications', citizen.token, { itemId, form: { shopName: '长'.repeat(2_000_000) }, materials: [] });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', zh: expect.any(String), en: expect.any(String) });
    const bigForm = await apply(citizen.token, { shopName: '店'.repeat(70_000), capital: 1 });
    expect(bigForm.json().code).toBe('FORM_INVALID');
    expect(await count('services_application')).toBe(before);
    const a = (await apply()).json();
    const rating = await post(`/api/services/applications/${a.id}/evaluation`, citizen.token, { level: 9, reasons: [] });
    expect(rating.statusCode).toBe(400);
    expect((await post(`/api/services/applications/${a.id}/evaluation`, citizen.token, { level: 5, reasons: [] })).json().code).toBe('EVALUATION_NOT_ALLOWED');
    expect((await get('/api/services/applications/not-a-uuid', citizen.token)).statusCode).toBe(400);
    expect((await get(`/api/services/applications/queue?limit=500`, window)).statusCode).toBe(400);
    expect((await get('/api/services/applications/queue', citizen.token)).statusCode).toBe(403);
  });

  it('refuses a material of the wrong type', async () => {
    const boundary = '----ywtxt';
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...bearer(citizen.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    const r = await post('/api/services/applications', citizen.token, { itemId, form: { shopName: '老王烧烤', capital: 1 }, materials: [{ code: 'premises', fileId: up.json().id }] });
    expect(r.json()).toMatchObject({ code: 'MATERIAL_INVALID' });
  });

  it('answers a double submission with the first application', async () => {
    const fileId = await uploadPdf(t, citizen.token);
    const body = { itemId, form: { shopName: '双击小店', capital: 10 }, materials: [{ code: 'premises', fileId }] };
    const before = await count('services_application');
    const a = await post('/api/services/applications', citizen.token, body, { 'idempotency-key': 'submit-once-1' });
    const b = await post('/api/services/applications', citizen.token, body, { 'idempotency-key': 'submit-once-1' });
    expect(b.json().id).toBe(a.json().id);
    expect(await count('services_application')).toBe(before + 1);
  });

  it('refuses an unknown action and a stale view', async () => {
    const a = (await apply()).json();
    expect((await act(a.id, window, { action: 'teleport' })).json().code).toBe('WORKFLOW_UNKNOWN_ACTION');
    // A staff member cannot hand in a file of their own as the result: the applicant could not open it.
    expect((await act(a.id, window, { action: 'accept', resultFileId: '01a20df4-0000-7000-8000-000000000000' })).statusCode).toBe(400);
    await act(a.id, window, { action: 'accept' });
    const r = await act(a.id, approver, { action: 'pass_review', expectedVersion: 1 });
    expect(r.statusCode).toBe(409);
    expect((await get(`/api/services/applications/${a.id}`, approver)).json().state).toBe('review');
  });

  it('lets only one of two simultaneous actions through, and records only that one', async () => {
    const a = (await apply()).json();
    const [x, y] = await Promise.all([act(a.id, window, { action: 'accept' }), act(a.id, window, { action: 'reject', reason: '材料不全' })]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const history = (await get(`/api/services/applications/${a.id}`, window)).json().history.map((h: { action: string }) => h.action);
    expect(history.filter((h: string) => h === 'accept' || h === 'reject')).toHaveLength(1);
  });

  it('lets one staff member claim an application so others cannot act on it', async () => {
    const a = (await apply()).json();
    const window2 = await staffToken(t, ['window_staff'], market.id);
    expect((await post(`/api/services/applications/${a.id}/claim`, window, {})).json().assigneeName).toBeTruthy();
    expect((await post(`/api/services/applications/${a.id}/claim`, window2, {})).json().code).toBe('APPLICATION_CLAIMED');
    expect((await act(a.id, window2, { action: 'accept' })).json().code).toBe('APPLICATION_CLAIMED');
    expect((await act(a.id, window, { action: 'accept' })).json().state).toBe('review');
  });
});

describe('线下受理 at the window', () => {
  it('submits for an applicant present at the window, found by name and ID number', async () => {
    const idNumber = makeCitizenId('152201', '1962-11-03', 55);
    const elder = await personToken(t, { realName: { name: '张桂兰', idNumber } });
    const fileId = await uploadPdf(t, window);
    const r = await post('/api/services/applications', window, {
      itemId,
      form: { shopName: '桂兰裁缝铺', capital: 2000 },
      materials: [{ code: 'premises', fileId }],
      onBehalfOf: { name: '张桂兰', idNumber },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ channel: 'window', applicantName: '张桂兰', form: { applicantName: '张桂兰' } });
    expect((await get('/api/services/applications/mine', elder.token)).json().items[0].id).toBe(r.json().id);
    const wrong = await post('/api/services/applications', window, {
      itemId,
      form: { shopName: '桂兰裁缝铺', capital: 2000 },
      materials: [{ code: 'premises', fileId }],
      onBehalfOf: { name: '张桂芳', idNumber },
    });
    expect(wrong.statusCode).toBe(400);
    // Done, and rated on the pad at the window: the staff member records it, once.
    const id = r.json().id;
    await act(id, window, { action: 'accept' });
    await act(id, approver, { action: 'pass_review' });
    await act(id, decider, { action: 'approve' });
    expect((await post(`/api/services/applications/${id}/evaluation`, window, { level: 4, reasons: ['polite'] })).statusCode).toBe(201);
    expect((await post(`/api/services/applications/${id}/evaluation`, elder.token, { level: 5, reasons: [] })).json().code).toBe('EVALUATION_NOT_ALLOWED');
    const staffOnOnline = (await apply()).json();
    expect((await post(`/api/services/applications/${staffOnOnline.id}/evaluation`, window, { level: 5, reasons: [] })).statusCode).toBe(403);
    // A citizen cannot pose as window staff.
    expect((await post('/api/services/applications', citizen.token, { itemId, form: {}, materials: [], onBehalfOf: { name: '张桂兰', idNumber } })).statusCode).toBe(403);
  });
});
