import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../kernel/db/index.ts';
import { makeCitizenId } from '../../../kernel/ids/citizen-id.ts';
import { makeCreditCode } from '../../../kernel/ids/credit-code.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { pdfText } from '../../../testing/pdf.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

/*
 * 依申请公开 through HTTP with real roles, the real calendar (国庆 2026: 1–7 October off, Saturday
 * 10 October worked), the real seals of the licences module and the real 督查督办 of the office
 * module: the clock over a holiday with 补正 and a third-party consultation, one extension, 督办 when
 * overdue, the sealed 答复告知书, the yearly figures, and bad input.
 */

let t: TestPlatform;
const dept = { a: '', b: '' };
const tok = { clerk: '', clerk2: '', leader: '', otherClerk: '', admin: '', supervisor: '', stranger: '' };
let citizen: { token: string; accountId: string };
let other: { token: string; accountId: string };
let citizenP: Principal;

const BASE = '/api/openness/requests';
const api = (method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const good = (o: Record<string, unknown> = {}) => ({
  departmentId: dept.a,
  description: '请公开本局2026年城乡低保资金发放汇总表',
  purpose: '了解低保政策落实情况',
  form: 'electronic',
  delivery: 'online',
  contact: { phone: '13904820001', email: 'a@example.cn' },
  ...o,
});
/** The end of a China working day, as deadlines are written. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();
const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM openness_request`.execute(t.p.kernel.db)).rows[0].n);

/** Moves the clock to a China time and keeps everybody signed in. */
async function at(when: string) {
  t.clock.set(`${when}+08:00`);
  await sql`UPDATE identity_session SET expires_at = ${new Date(t.clock.now().getTime() + 7 * 86_400_000)}`.execute(t.p.kernel.db);
}

async function apply(token = citizen.token, body: Record<string, unknown> = good()): Promise<{ id: string; number: string; receivedOn: string; dueAt: string }> {
  const r = await api('POST', BASE, token, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const detail = async (id: string, token = tok.clerk) => (await api('GET', `${BASE}/${id}`, token)).json();

beforeAll(async () => {
  t = await startTestPlatform();
  await t.p.kernel.db.transaction().execute(async (trx) => {
    for (const y of [2024, 2025, 2026, 2027]) await t.p.kernel.calendar.seedYear(trx, y);
  });
  dept.a = (await department(t, '152201', '测试民政局')).id;
  dept.b = (await department(t, '152201', '测试住建局')).id;
  for (const [i, d] of [dept.a, dept.b].entries()) {
    await t.p.licenses.seals.create(SYSTEM_PRINCIPAL, {
      departmentId: d,
      name: `测试单位${i}公章`,
      unitName: i ? '测试住建局' : '测试民政局',
      unitCode: makeCreditCode('152201', `MB00${1528 + i}`, '1', '1'),
      purpose: '公章',
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      users: [],
      automatic: true,
    });
  }
  tok.clerk = await staffToken(t, ['openness_editor'], dept.a);
  tok.clerk2 = await staffToken(t, ['openness_editor'], dept.a);
  tok.leader = await staffToken(t, ['leader'], dept.a);
  tok.otherClerk = await staffToken(t, ['openness_editor'], dept.b);
  tok.admin = await staffToken(t, ['openness_admin'], dept.b);
  tok.supervisor = await staffToken(t, ['office_supervisor'], dept.b);
  tok.stranger = await staffToken(t, ['office_clerk'], dept.a);
  citizen = await personToken(t, { realName: { name: '张晓明', idNumber: makeCitizenId('152201', '1980-02-02', 31) } });
  other = await personToken(t, { realName: { name: '李旁人', idNumber: makeCitizenId('152201', '1985-05-05', 32) } });
  citizenP = (await t.p.identity.service.principalOf((await t.p.identity.service.accountRow(citizen.accountId))!, null, null))!;
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the clock (条例 Arts. 30–33)', () => {
  it('holds over 国庆 with a 补正 that restarts it, a consultation not counted and one extension', async () => {
    // Wednesday 30 September 2026, a working day: received that day. 20 working days by hand:
    // 1–7 Oct off; 8 Oct (1), 9 (2), Sat 10 (3, 调休), 12–16 (4–8), 19–23 (9–13), 26–30 (14–18), 2 Nov (19), 3 Nov (20).
    await at('2026-09-30T10:00:00');
    const c = await apply();
    expect(c.receivedOn).toBe('2026-09-30');
    expect(c.dueAt).toBe(endOf('2026-11-03'));
    expect(c.number).toMatch(/^152201-YSQ-20260930-\d{4}$/);

    // 补正 on Friday 9 October (the 2nd working day): allowed; the clock stops; 15 working days to correct:
    // 10, 12–16, 19–23, 26–29 October → 29 October.
    await at('2026-10-09T10:00:00');
    const n = await api('POST', `${BASE}/${c.id}/correction-notice`, tok.clerk, { request: '请写明所需信息的年份和资金类别' });
    expect(n.json(), n.body).toEqual({ state: 'correcting', correctionDueAt: endOf('2026-10-29') });
    expect(await detail(c.id)).toMatchObject({ state: 'correcting', dueAt: null, light: null });
    // Once only.
    const again = await api('POST', `${BASE}/${c.id}/correction-notice`, tok.clerk, { request: '再补正' });
    expect(again.statusCode).toBe(409);

    // The applicant corrects on Saturday 17 October (a rest day): the clock restarts on Monday 19 October,
    // a fresh 20 working days: 20–23 (1–4), 26–30 (5–9), 2–6 Nov (10–14), 9–13 (15–19), 16 Nov (20).
    await at('2026-10-17T11:00:00');
    const fix = await api('POST', `${BASE}/${c.id}/correction`, citizen.token, { description: '请公开本局2026年1至9月城乡低保资金发放汇总表' });
    expect(fix.json(), fix.body).toEqual({ state: 'processing', dueAt: endOf('2026-11-16') });

    // A third-party consultation from Wednesday 21 to Wednesday 28 October: 22, 23, 26, 27, 28 = 5 working
    // days not counted → 17, 18, 19, 20, 23 November.
    await at('2026-10-21T10:00:00');
    expect((await api('POST', `${BASE}/${c.id}/consultation`, tok.clerk, { party: '某某社会救助服务中心', matter: '汇总表含该中心经办数据，是否同意公开' })).json()).toEqual({ state: 'consulting' });
    await at('2026-10-28T16:00:00');
    const end = await api('POST', `${BASE}/${c.id}/consultation/end`, tok.clerk, { opinion: '同意公开' });
    expect(end.json(), end.body).toEqual({ state: 'processing', dueAt: endOf('2026-11-23') });

    // One extension of 10 working days, approved by the department's leader: 24–27 Nov (1–4), 30 Nov–4 Dec (5–9), 7 Dec (10).
    await at('2026-11-18T09:30:00');
    expect((await api('POST', `${BASE}/${c.id}/extension`, tok.clerk, { days: 21, reason: '涉及数据量大' })).statusCode).toBe(422);
    expect((await api('POST', `${BASE}/${c.id}/extension`, tok.clerk, { days: 10, reason: '涉及多个年度数据汇总' })).json()).toEqual({ extensionState: 'requested' });
    // A clerk cannot approve it; the leader can.
    expect((await api('POST', `${BASE}/${c.id}/extension/decision`, tok.clerk, { approve: true })).statusCode).toBe(403);
    const ok = await api('POST', `${BASE}/${c.id}/extension/decision`, tok.leader, { approve: true, opinion: '同意延期' });
    expect(ok.json(), ok.body).toEqual({ extensionState: 'approved', dueAt: endOf('2026-12-07') });
    // A second extension is refused.
    const second = await api('POST', `${BASE}/${c.id}/extension`, tok.clerk, { days: 5, reason: '仍需时间' });
    expect([second.statusCode, second.json().code]).toEqual([409, 'OPENNESS_EXTENSION_ONCE']);

    const d = await detail(c.id, citizen.token);
    expect(d).toMatchObject({ state: 'processing', extended: true, consultDays: 5, clockStartedOn: '2026-10-19', receivedOn: '2026-09-30', dueAt: endOf('2026-12-07') });
    // The applicant sees the 受理回执, the 补正通知书 and the 延期答复告知书, never the letter to the third party.
    expect(d.notices.map((x: { kind: string }) => x.kind)).toEqual(['receipt', 'correction', 'extension']);
    expect(d.steps.map((s: { action: string }) => s.action)).toEqual(['create', 'ask_correction', 'correct', 'start_consultation', 'end_consultation', 'ask_extension', 'approve_extension']);
    expect((await detail(c.id)).notices.map((x: { kind: string }) => x.kind)).toEqual(['receipt', 'correction', 'consultation', 'extension']);
  });

  it('sends no 补正 notice after 7 working days, and a request sent on a rest day counts from the next working day', async () => {
    // Saturday 26 September 2026 is a rest day; Sunday 27 Sep is 中秋 — received Monday 28 September.
    await at('2026-09-26T20:00:00');
    const c = await apply();
    expect(c.receivedOn).toBe('2026-09-28');
    // 7 working days after 28 Sep: 29, 30 Sep, 8, 9, 10, 12, 13 Oct. On 14 October it is too late.
    await at('2026-10-14T09:00:00');
    const late = await api('POST', `${BASE}/${c.id}/correction-notice`, tok.clerk, { request: '请写明年份' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'OPENNESS_CORRECTION_TOO_LATE']);
  });

  it('closes a request whose 补正 does not come in time, as 其他处理 / 逾期不补正', async () => {
    await at('2026-11-02T10:00:00');
    const c = await apply();
    expect((await api('POST', `${BASE}/${c.id}/correction-notice`, tok.clerk, { request: '请写明信息名称' })).statusCode).toBe(200);
    await at('2026-12-15T10:00:00');
    await t.p.openness.requests.sweep();
    expect(await detail(c.id, citizen.token)).toMatchObject({ state: 'closed', answerType: 'other', answerReason: 'no_correction' });
  });

  it('raises 督办 once for an overdue request, visible on the office board; the 政务公开办 sees it overdue', async () => {
    await at('2026-03-02T10:00:00');
    const c = await apply(citizen.token, good({ description: '请公开2026年度养老服务补贴发放名单' }));
    // Due 30 March; on 1 April it is overdue and red.
    await at('2026-04-01T10:00:00');
    expect((await detail(c.id)).light).toBe('red');
    const s1 = await t.p.openness.requests.sweep();
    expect(s1.supervised).toBeGreaterThanOrEqual(1);
    const s2 = await t.p.openness.requests.sweep();
    expect(s2.supervised).toBe(0);
    const d = await detail(c.id);
    expect(d).toMatchObject({ supervised: true, overdue: true });
    const board = await api('GET', '/api/office/supervision/tasks?source=disclosure', tok.supervisor);
    expect(board.statusCode, board.body).toBe(200);
    const task = board.json().items.find((x: { id: string }) => x.id === d.supervisionTaskId);
    expect(task).toMatchObject({ title: `依申请公开逾期未答复：${c.number}` });
    const overdue = await api('GET', `${BASE}?overdue=1`, tok.admin);
    expect(overdue.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    // A clerk of another department does not see it.
    expect((await api('GET', `${BASE}/${c.id}`, tok.otherClerk)).statusCode).toBe(404);
    expect((await api('GET', BASE, tok.otherClerk)).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });
});

describe('the answer', () => {
  let id = '';
  beforeAll(async () => {
    await at('2026-05-11T10:00:00');
    id = (await apply()).id;
  });

  it('refuses an answer that lacks what its type needs, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'withheld', reasonText: '涉及国家秘密' }, '/reason'],
      [{ type: 'withheld', reason: 'state_secret' }, '/reasonText'],
      [{ type: 'withheld', reason: 'not_a_reason', reasonText: '理由理由理由' }, '/reason'],
      [{ type: 'not_ours', reasonText: '不属于本机关职责' }, '/rightBody'],
      [{ type: 'disclosed' }, '/files'],
      [{ type: 'partly', reasonText: '部分涉及个人隐私' }, '/files'],
    ];
    for (const [body, path] of cases) {
      const r = await api('POST', `${BASE}/${id}/answer`, tok.clerk, body);
      expect([r.statusCode, r.json().code, r.json().errors?.[0]?.path], r.body).toEqual([422, 'OPENNESS_ANSWER_INCOMPLETE', path]);
      expect(r.json().zh).toBeTruthy();
      expect(r.json().en).toBeTruthy();
    }
    expect(await detail(id)).toMatchObject({ state: 'processing', version: 1, answerType: null });
  });

  it('answers once when two clerks answer at once, as a sealed 答复告知书 the applicant downloads', async () => {
    const body = { type: 'withheld', reason: 'process_info', reasonText: '所申请的会议纪要属于内部研究讨论的过程性信息', expectedVersion: 1 };
    const [a, b] = await Promise.all([api('POST', `${BASE}/${id}/answer`, tok.clerk, body), api('POST', `${BASE}/${id}/answer`, tok.clerk2, { ...body, reason: 'internal_affairs' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const d = await detail(id, citizen.token);
    expect(d).toMatchObject({ state: 'answered', answerType: 'withheld' });
    const notice = d.notices.find((n: { kind: string }) => n.kind === 'answer');
    const pdf = await api('GET', `${BASE}/${id}/notices/${notice.id}`, citizen.token);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = new Uint8Array(pdf.rawPayload);
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    expect(text).toContain('政府信息公开申请答复告知书');
    expect(text).toContain('过程性信息');
    expect(text).toContain('不予公开');
    expect(text).toContain('六十日内');
    expect(text).toContain('六个月内');
    expect(await t.p.licenses.officeSealer.verify(bytes)).toMatchObject({ ok: true, identifier: notice.identifier, unit: '测试民政局' });
    // The applicant was told.
    const told = await sql<{ title: string }>`SELECT title FROM kernel_notification WHERE recipient_id = ${citizen.accountId}`.execute(t.p.kernel.db);
    expect(told.rows.map((x) => x.title)).toContain('政府信息公开申请已答复');
    // Someone else cannot read it; a second answer is refused.
    expect((await api('GET', `${BASE}/${id}`, other.token)).statusCode).toBe(404);
    expect((await api('GET', `${BASE}/${id}/notices/${notice.id}`, other.token)).statusCode).toBe(404);
    expect((await api('POST', `${BASE}/${id}/answer`, tok.clerk, body)).statusCode).toBe(409);
  });

  it('gives files with a 予以公开 answer and names the right body for 非本机关负责', async () => {
    const c = await apply();
    const file = await t.p.kernel.db
      .transaction()
      .execute((trx) =>
        t.p.kernel.files.save(trx, { stream: Readable.from([Buffer.from('汇总表\n1,2,3\n')]), name: '低保资金汇总表.txt', declaredMime: 'text/plain', ownerId: 'x', regionCode: '152201' }),
      );
    const r = await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'disclosed', files: [{ fileId: file.id, name: '低保资金汇总表.txt' }] });
    expect(r.json(), r.body).toMatchObject({ state: 'answered' });
    const got = await api('GET', `${BASE}/${c.id}/files/${file.id}`, citizen.token);
    expect([got.statusCode, got.body]).toEqual([200, '汇总表\n1,2,3\n']);

    const n = await apply();
    const a = await api('POST', `${BASE}/${n.id}/answer`, tok.clerk, { type: 'not_ours', reasonText: '该信息由市住建局制作并保存', rightBody: '乌兰浩特市住房和城乡建设局' });
    expect(a.statusCode, a.body).toBe(200);
    expect(await detail(n.id)).toMatchObject({ answerType: 'unavailable', answerReason: 'not_held', rightBody: '乌兰浩特市住房和城乡建设局' });
  });

  it('answers 已主动公开 with a link to the published library document, and refuses a missing one', async () => {
    const port = t.p.openness.library.port!;
    const doc = await t.p.kernel.db.transaction().execute((trx) =>
      port.publish(
        trx,
        { ...SYSTEM_PRINCIPAL, regionCode: '152201' },
        {
          title: '乌兰浩特市城乡低保资金管理办法',
          kind: 'normative',
          themeCode: '16',
          issuerDepartmentId: dept.a,
          number: '乌民发〔2026〕7号',
          writtenOn: '2026-04-01',
          publishOn: '2026-04-10',
          disclosure: 'proactive',
          body: '第一条 为规范城乡低保资金管理，制定本办法。',
        },
        { reviewId: null },
      ),
    );
    const found = await api('GET', `${BASE}/library?q=${encodeURIComponent('低保资金管理办法')}`, tok.clerk);
    expect(found.json().items.map((x: { id: string }) => x.id)).toContain(doc.id);
    const c = await apply();
    const missing = await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'disclosed', libraryDocumentId: '0190f000-0000-7000-8000-00000000beef' });
    expect([missing.statusCode, missing.json().code]).toEqual([422, 'OPENNESS_LIBRARY_DOCUMENT']);
    const r = await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'disclosed', libraryDocumentId: doc.id });
    expect(r.statusCode, r.body).toBe(200);
    const d = await detail(c.id, citizen.token);
    expect(d.libraryDocument).toMatchObject({ id: doc.id, title: '乌兰浩特市城乡低保资金管理办法', number: '乌民发〔2026〕7号' });
    const pdf = await api('GET', `${BASE}/${c.id}/notices/${r.json().noticeId}`, citizen.token);
    expect((await pdfText(new Uint8Array(pdf.rawPayload))).replace(/\s+/g, '')).toContain('乌兰浩特市城乡低保资金管理办法');
  });

  it('lets a clerk forward a request to the department that holds it', async () => {
    const c = await apply();
    const f = await api('POST', `${BASE}/${c.id}/forward`, tok.clerk, { departmentId: dept.b, note: '属住建局职责' });
    expect(f.json(), f.body).toEqual({ state: 'processing', departmentId: dept.b });
    expect((await api('GET', `${BASE}/${c.id}`, tok.otherClerk)).statusCode).toBe(200);
    expect((await api('GET', `${BASE}/${c.id}`, tok.clerk)).statusCode).toBe(404);
  });
});

describe('yearFigures (年度报告 第三部分)', () => {
  it('counts received, carried in, outcomes by type and reason, answered and carried out, by applicant kind', async () => {
    const company: Principal = {
      ...citizenP,
      actingFor: { enterpriseId: '0190f000-0000-7000-8000-000000000001', name: '乌兰浩特市测试商贸有限公司', creditCode: makeCreditCode('152201', 'MA0TE871'), role: 'legal_rep', scopes: [] },
    };
    const lab: Principal = {
      ...citizenP,
      actingFor: { enterpriseId: '0190f000-0000-7000-8000-000000000002', name: '测试研究院', creditCode: makeCreditCode('152201', 'MA0TE872'), role: 'legal_rep', scopes: [] },
    };
    const svc = t.p.openness.requests.requests;
    const clerk = (await t.p.identity.service.principalOf(
      (await t.p.identity.service.accountRow((await sql<{ id: string }>`SELECT actor_id AS id FROM openness_request_action WHERE action = 'answer' LIMIT 1`.execute(t.p.kernel.db)).rows[0].id))!,
      null,
      null,
    ))!;
    const input = good() as never;
    await at('2024-12-10T10:00:00');
    const p1 = await svc.create(citizenP, input);
    const b1 = await svc.create(company, { ...(good() as object), applicantKind: 'business' } as never);
    await svc.create(citizenP, input);
    await svc.answer(clerk, p1.id, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密' });
    await at('2025-01-10T10:00:00');
    await svc.answer(clerk, b1.id, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密' });
    const p3 = await svc.create(citizenP, input);
    await svc.create(lab, { ...(good() as object), applicantKind: 'research' } as never);
    await svc.answer(clerk, p3.id, { type: 'not_handled', reason: 'repeated', reasonText: '与此前申请内容相同' });
    await at('2026-12-01T10:00:00');

    const f24 = await t.p.openness.requests.port!.yearFigures(t.p.kernel.db, 2024);
    expect(f24.received).toMatchObject({ person: 2, business: 1, total: 3 });
    expect(f24.carriedIn.total).toBe(0);
    expect(f24.answered).toMatchObject({ person: 1, total: 1 });
    expect(f24.carriedOut).toMatchObject({ person: 1, business: 1, total: 2 });

    const f25 = await t.p.openness.requests.port!.yearFigures(t.p.kernel.db, 2025);
    expect(f25.received).toMatchObject({ person: 1, research: 1, total: 2 });
    expect(f25.carriedIn).toMatchObject({ person: 1, business: 1, total: 2 });
    expect(f25.answered).toMatchObject({ person: 1, business: 1, total: 2 });
    expect(f25.outcomes.withheld).toMatchObject({ business: 1, total: 1 });
    expect(f25.outcomes['withheld.state_secret']).toMatchObject({ business: 1, total: 1 });
    expect(f25.outcomes['not_handled.repeated']).toMatchObject({ person: 1, total: 1 });
    expect(f25.carriedOut).toMatchObject({ person: 1, research: 1, total: 2 });
    // Every request is somewhere: what came in equals what went out.
    expect(f25.carriedIn.total + f25.received.total).toBe(f25.answered.total + f25.carriedOut.total);
    // The 政务公开办's year so far: of 2024's three, one answered the same day, the company's after its
    // due date (20 working days from 10 December 2024 end on 8 January 2025; answered on the 10th), one open and overdue.
    expect(await t.p.openness.requests.port!.progress!(t.p.kernel.db, 2024)).toEqual({ received: 3, answered: 2, answeredOnTime: 1, answeredLate: 1, open: 1, overdue: 1 });
  });
});

describe('bad input and who may act', () => {
  beforeAll(async () => {
    await at('2026-06-01T10:00:00');
  });

  it('refuses requests without a description, with wrong types, NUL bytes, broken Unicode or oversize text, storing nothing', async () => {
    const before = await count();
    const bad: [unknown, number][] = [
      [good({ description: undefined }), 400],
      [good({ description: '' }), 422],
      [good({ description: '   。。。  ' }), 422],
      [good({ description: { text: '低保名单' } }), 400],
      // NUL bytes and broken Unicode are stopped by the platform's input guard, before the service.
      [good({ description: '请公开\u0000低保名单汇总' }), 400],
      [good({ description: '请公开\ud800低保名单汇总' }), 400],
      [good({ description: '长'.repeat(4001) }), 400],
      [good({ form: 'fax' }), 400],
      [good({ delivery: 'post' }), 422],
      [good({ departmentId: '0190f000-0000-7000-8000-00000000dead' }), 422],
      [good({ idNumber: '152201198002020000' }), 422],
      [good({ extra: 1 }), 400],
    ];
    for (const [body, status] of bad) {
      const r = await api('POST', BASE, citizen.token, body);
      expect(r.statusCode, `${JSON.stringify(body).slice(0, 80)} → ${r.body}`).toBe(status);
      expect(r.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    expect((await api('POST', BASE, null, good())).statusCode).toBe(401);
    expect((await api('POST', BASE, tok.clerk, good())).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('answers a replayed request (same Idempotency-Key) with the first answer, and every route wants a sign-in', async () => {
    const before = await count();
    const send = () => t.app.inject({ method: 'POST', url: BASE, headers: { ...bearer(citizen.token), 'idempotency-key': 'gkreq-once-1' }, payload: good() });
    const [a, b] = [await send(), await send()];
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    expect(await count()).toBe(before + 1);
    const id = a.json().id;
    for (const [method, url] of [
      ['GET', `${BASE}/mine`],
      ['GET', BASE],
      ['GET', `${BASE}/${id}`],
      ['POST', `${BASE}/${id}/answer`],
      ['POST', `${BASE}/${id}/extension`],
      ['POST', `${BASE}/${id}/correction`],
    ] as const)
      expect((await api(method, url, null, method === 'POST' ? {} : undefined)).statusCode, url).toBe(401);
  });

  it('keeps personal data sealed at rest and masked in lists', async () => {
    const c = await apply(citizen.token, good({ idNumber: makeCitizenId('152201', '1980-02-02', 31), name: '张晓明' }));
    const row = await t.p.kernel.db.selectFrom('openness_request').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('张晓明');
    expect(JSON.stringify(row)).not.toContain('13904820001');
    const list = await api('GET', BASE, tok.clerk);
    const item = list.json().items.find((x: { id: string }) => x.id === c.id);
    expect(item.applicantName).toBe('张*明');
    expect((await detail(c.id)).contact.phone).toBe('13904820001');
    expect((await detail(c.id, citizen.token)).contact).toBeNull();
  });

  it('lets only the department act, and refuses malformed step input', async () => {
    const c = await apply();
    expect((await api('POST', `${BASE}/${c.id}/answer`, citizen.token, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密' })).statusCode).toBe(403);
    expect((await api('POST', `${BASE}/${c.id}/answer`, tok.otherClerk, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密' })).statusCode).toBe(404);
    expect((await api('POST', `${BASE}/${c.id}/answer`, tok.stranger, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密' })).statusCode).toBe(404);
    expect((await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'maybe' })).statusCode).toBe(400);
    expect((await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'withheld', reason: 'state_secret', reasonText: '属于\u0000国家秘密' })).statusCode).toBe(400);
    expect((await api('POST', `${BASE}/${c.id}/extension`, tok.clerk, { days: 'ten', reason: 'x' })).statusCode).toBe(400);
    expect((await api('POST', `${BASE}/${c.id}/answer`, tok.clerk, { type: 'withheld', reason: 'state_secret', reasonText: '属于国家秘密', expectedVersion: 7 })).statusCode).toBe(409);
    expect((await api('GET', `${BASE}/not-a-uuid`, tok.clerk)).statusCode).toBe(400);
    expect((await api('GET', `${BASE}?limit=1000`, tok.clerk)).statusCode).toBe(400);
    expect((await api('GET', BASE, tok.stranger)).statusCode).toBe(403);
    expect(await detail(c.id)).toMatchObject({ state: 'processing', version: 1 });
  });
});
