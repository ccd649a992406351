import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { makeCitizenId, makeCreditCode } from '../../../kernel/ids/index.ts';
import { APPLICATION_STEPPED } from '../../services/index.ts';
import { addBasePerson, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../../testing/services.ts';

/* 企业画像, 12345 → 画像 and 线索, 审管联动 (告知承诺), 监管效能 — against the real areas of the module. */

let t: TestPlatform;
let scjg: string;
let regulator: string;
let inspectorToken: string;
let leader: string;
let agent: string;
let window: string;
let approver: string;
let decider: string;
let rep: { token: string; accountId: string };
let itemId: string;
const inspectors: string[] = [];

/** The demo company applying (its legal representative acts for it). */
const COMPANY = { name: '乌兰浩特市洮儿河乳业有限公司', code: makeCreditCode('152201', 'MA0P5D8C') };
/** Entities of the 名录库 that complaints speak of. */
const RED = { name: '乌兰浩特市红城餐饮有限公司', code: makeCreditCode('152201', 'MA0R1A2B') };
const HAN = { name: '乌兰浩特市罕山商贸有限公司', code: makeCreditCode('152201', 'MA0R3C4D') };
const KEER = { name: '乌兰浩特市科尔沁乳业有限公司', code: makeCreditCode('152201', 'MA0R5E6F') };

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const profile = async (code: string, token = regulator) => {
  const r = await call('GET', `/api/regulation/profiles/${code}`, token);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const tasksOf = (code: string) => t.p.regulation.profiles.profiles.ctx.ports.tasks!.ofEntity(t.p.kernel.db, code);

/** An enterprise application for the 行政许可 item, taken through 受理, 审查 and 决定; returns its id. */
async function approvedApplication(commitment: boolean): Promise<string> {
  const fileId = await uploadPdf(t, rep.token);
  const sub = await call('POST', '/api/services/applications', rep.token, { itemId, form: { shopName: '洮儿河乳品店', capital: 500000 }, materials: [{ code: 'premises', fileId }], commitment });
  expect(sub.statusCode, sub.body).toBe(201);
  const id = sub.json().id as string;
  for (const [who, body] of [
    [window, { action: 'accept' }],
    [approver, { action: 'pass_review' }],
    [decider, { action: 'approve', opinion: commitment ? '依告知承诺准予许可' : '准予许可' }],
  ] as const) {
    const r = await call('POST', `/api/services/applications/${id}/actions`, who, body);
    expect(r.statusCode, r.body).toBe(200);
  }
  await t.p.kernel.events.dispatch(200);
  return id;
}

async function complaint(content: string, kind = 'complaint'): Promise<{ id: string; number: string }> {
  const r = await call('POST', '/api/cases', agent, { kind, content, callerName: '市民', callerPhone: '13904821234' });
  expect(r.statusCode, r.body).toBe(201);
  await t.p.kernel.events.dispatch(200);
  return r.json();
}

beforeAll(async () => {
  // The clock moves past due dates below; sessions last the month.
  t = await startTestPlatform({ sessionHours: 720 });
  scjg = (await department(t, '152201', '市场监督管理局')).id;
  const front = (await department(t, '152201', '政务服务中心')).id;
  const hotline = (await department(t, '152201', '12345政务服务便民热线')).id;
  const admin = await staffToken(t, ['region_admin'], front);
  window = await staffToken(t, ['window_staff'], front);
  approver = await staffToken(t, ['approver'], scjg);
  decider = await staffToken(t, ['approver'], scjg);
  regulator = await staffToken(t, ['regulator'], scjg);
  inspectorToken = await staffToken(t, ['inspector'], scjg);
  leader = await staffToken(t, ['leader'], front);
  agent = await staffToken(t, ['hotline_agent'], hotline);

  // The catalogue's 行政许可 item and the 监管事项 that follows it, with a 告知承诺 verification time.
  const item = await call('POST', '/api/services/items', admin, {
    code: 'XK-T-101',
    regionCode: '152201',
    content: itemContent(scjg, { name: '食品经营许可', itemType: 'licensing', applicantTypes: ['enterprise'] }),
  });
  expect(item.statusCode, item.body).toBe(201);
  itemId = item.json().id;
  const sup = await call('POST', '/api/regulation/items', regulator, {
    code: 'JG-SCJG-0101',
    name: '对食品经营者的监督检查',
    basis: '《中华人民共和国食品安全法》第一百一十条',
    departmentId: scjg,
    level: 'key',
    methods: ['onsite'],
    entityTypes: ['食品经营者'],
    content: '许可条件与承诺内容是否属实',
    randomCheck: true,
    licensingItemCodes: ['XK-T-101'],
    commitmentVerifyDays: 10,
  });
  expect(sup.statusCode, sup.body).toBe(201);

  // The 执法检查人员名录库: three inspectors of the market bureau.
  for (const [name, no] of [
    ['张明', 'SCJG-15220001'],
    ['李华', 'SCJG-15220002'],
    ['王强', 'SCJG-15220003'],
  ]) {
    const r = await call('POST', '/api/regulation/inspectors', regulator, { name, certificateNo: no, departmentId: scjg });
    expect(r.statusCode, r.body).toBe(201);
    inspectors.push(r.json().id);
  }
  // The 检查对象名录库: the entities complaints speak of.
  for (const e of [RED, HAN, KEER]) {
    const r = await call('POST', '/api/regulation/objects', regulator, { creditCode: e.code, name: e.name, regionCode: '152201', entityType: '有限责任公司' });
    expect(r.statusCode, r.body).toBe(201);
  }

  // The company and its legal representative, acting for it.
  const repId = makeCitizenId('152201', '1975-04-12', 23);
  rep = await personToken(t, { realName: { name: '包金山', idNumber: repId } });
  const personId = await addBasePerson(t, '包金山', repId);
  const ent = await t.p.kernel.db
    .insertInto('identity_enterprise')
    .values({ id: '01900000-0000-7000-8000-0000000000f1', region_code: '152201', name: COMPANY.name, credit_code: COMPANY.code, legal_person_id: personId, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  expect((await call('POST', '/api/identity/me/enterprises', rep.token, { creditCode: COMPANY.code })).statusCode).toBe(201);
  expect((await call('PUT', '/api/identity/me/acting-for', rep.token, { enterpriseId: ent.id })).statusCode).toBe(200);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('审管联动', () => {
  let applicationId: string;

  it('an approval under 告知承诺 makes the company a supervision object with a verification task due in 10 working days, to two inspectors', async () => {
    const before = await tasksOf(COMPANY.code);
    applicationId = await approvedApplication(true);
    const p = await profile(COMPANY.code);
    expect(p.entity).toMatchObject({ name: COMPANY.name, source: 'approval' });
    const due = cstDate(await t.p.kernel.calendar.addWorkingDays(t.clock.now(), 10));
    expect(p.commitments.items).toEqual([expect.objectContaining({ serviceItemName: '食品经营许可', dueOn: due, problem: null })]);
    expect(p.approvals.items).toEqual([expect.objectContaining({ applicationId, commitment: true })]);
    const tasks = (await tasksOf(COMPANY.code)).filter((x) => !before.some((b) => b.id === x.id));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'commitment', state: 'open' });
    // The two least busy, by 执法证 number when equally busy: the first two of the directory.
    expect([...tasks[0].inspectorIds].sort()).toEqual([inspectors[0], inspectors[1]].sort());
  });

  it('a replayed approval event creates no second task', async () => {
    await t.p.kernel.db.transaction().execute((trx) =>
      t.p.kernel.events.publish(trx, APPLICATION_STEPPED, '152201', {
        id: applicationId,
        action: 'approve',
        actorType: 'staff',
        from: 'deciding',
        to: 'completed',
        outcome: 'approved',
        departmentId: scjg,
      }),
    );
    await t.p.kernel.events.dispatch(200);
    expect((await tasksOf(COMPANY.code)).filter((x) => x.kind === 'commitment')).toHaveLength(1);
    expect((await profile(COMPANY.code)).approvals.items).toHaveLength(1);
  });

  it('an approval without 告知承诺 refreshes the object but raises no verification', async () => {
    await approvedApplication(false);
    const p = await profile(COMPANY.code);
    expect(p.approvals.items).toHaveLength(2);
    expect(p.approvals.items[0]).toMatchObject({ commitment: false, taskIds: [] });
    expect((await tasksOf(COMPANY.code)).filter((x) => x.kind === 'commitment')).toHaveLength(1);
    expect(p.commitments.items).toHaveLength(1);
  });
});

describe('12345 complaints → 画像', () => {
  it('a complaint giving a credit code reaches that entity’s profile', async () => {
    const c = await complaint(`来电反映统一社会信用代码为${RED.code}的饭店使用过期食材，要求查处。`);
    const p = await profile(RED.code);
    expect(p.complaints.items).toEqual([expect.objectContaining({ caseNumber: c.number, matchedBy: 'credit-code', linkedByName: '系统匹配' })]);
    expect(p.complaints.items[0].summary).toContain('过期食材');
    // The link queued a recomputation: the complaint now counts in the entity's credit class, with its reason.
    await t.p.kernel.jobs.runDue(50);
    const credit = (await profile(RED.code)).credit;
    expect(credit.current.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ indicator: 'complaints', points: expect.any(Number) })]));
    expect(credit.current.reasons.find((r: { indicator: string }) => r.indicator === 'complaints').points).toBeLessThan(0);
  });

  it('a complaint naming an entity exactly is linked; one naming it only in part, or an enquiry, is not', async () => {
    const exact = await complaint(`市民投诉${HAN.name}出售的商品与标签不符，商家拒绝退换。`);
    await complaint('反映科尔沁乳业门店卫生条件差，后厨有老鼠。');
    await complaint(`咨询${HAN.name}的营业时间。`, 'consult');
    expect((await profile(HAN.code)).complaints.items).toEqual([expect.objectContaining({ caseNumber: exact.number, matchedBy: 'name' })]);
    expect((await profile(KEER.code)).complaints.items).toEqual([]);
  });

  it('a regulator links a case by hand, not twice, and can unlink it', async () => {
    const c = await complaint('反映科尔沁乳业门店卫生条件差，消费者饮用后腹泻。');
    const url = `/api/regulation/profiles/${KEER.code}/complaints`;
    const linked = await call('POST', url, regulator, { caseNumber: c.number });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ caseNumber: c.number, matchedBy: 'manual' });
    const again = await call('POST', url, regulator, { caseNumber: c.number });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REGULATION_COMPLAINT_ALREADY_LINKED');
    expect((await call('POST', url, regulator, { caseNumber: '152201-GD-20260302-999999' })).json().code).toBe('REGULATION_CASE_UNKNOWN');
    const enquiry = await complaint('咨询食品经营许可的办理材料。', 'consult');
    expect((await call('POST', url, regulator, { caseNumber: enquiry.number })).json().code).toBe('REGULATION_CASE_NOT_COMPLAINT');
    // An inspector reads profiles but does not link.
    expect((await call('POST', url, inspectorToken, { caseNumber: c.number })).statusCode).toBe(403);

    const un = await call('DELETE', `${url}/${linked.json().id}`, regulator);
    expect(un.statusCode, un.body).toBe(204);
    expect((await profile(KEER.code)).complaints.items).toEqual([]);
    expect((await call('POST', url, regulator, { caseNumber: c.number })).statusCode).toBe(201);
  });

  it('a regulator starts an inspection from a complaint (线索), once, with eligible inspectors on a working day', async () => {
    const [c] = (await profile(RED.code)).complaints.items;
    const url = `/api/regulation/complaints/${c.id}/inspection`;
    const due = cstDate(await t.p.kernel.calendar.addWorkingDays(t.clock.now(), 5));
    // 回避: the third inspector declares a relation with the company and may not go.
    const rel = await call('POST', '/api/regulation/relations', regulator, { inspectorId: inspectors[2], creditCode: RED.code, kind: 'kin', note: '配偶任该公司监事' });
    expect(rel.statusCode, rel.body).toBe(201);
    const related = await call('POST', url, regulator, { inspectorIds: [inspectors[0], inspectors[2]], dueOn: due });
    expect(related.statusCode).toBe(422);
    expect(related.json().code).toBe('REGULATION_INSPECTOR_RELATED');
    expect((await call('POST', url, regulator, { inspectorIds: [inspectors[0], '01900000-0000-7000-8000-00000000dead'], dueOn: due })).json().code).toBe('REGULATION_INSPECTOR_NOT_ELIGIBLE');
    expect((await call('POST', url, regulator, { inspectorIds: [inspectors[0], inspectors[1]], dueOn: '2026-03-07' })).json().code).toBe('REGULATION_DUE_NOT_WORKING_DAY');
    expect((await call('POST', url, regulator, { inspectorIds: [inspectors[0], inspectors[1]], dueOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await tasksOf(RED.code)).filter((x) => x.kind === 'clue')).toHaveLength(0);

    const ok = await call('POST', url, regulator, { inspectorIds: [inspectors[0], inspectors[1]], dueOn: due });
    expect(ok.statusCode, ok.body).toBe(201);
    const clue = (await tasksOf(RED.code)).find((x) => x.id === ok.json().taskId);
    expect(clue).toMatchObject({ kind: 'clue', state: 'open' });
    expect((await profile(RED.code)).complaints.items[0]).toMatchObject({ clueTaskId: ok.json().taskId });
    const twice = await call('POST', url, regulator, { inspectorIds: [inspectors[0], inspectors[1]], dueOn: due });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('REGULATION_CLUE_EXISTS');
  });
});

describe('the profile and 监管效能', () => {
  it('shows every section, a missing source as unavailable rather than an error', async () => {
    const p = await profile(RED.code, inspectorToken);
    for (const s of ['licences', 'complaints', 'inspections', 'penalties', 'commitments', 'approvals'] as const) expect(p[s]).toHaveProperty('available');
    expect(p.complaints.available).toBe(true);
    expect(p.inspections).toMatchObject({ available: true, items: [expect.objectContaining({ kind: 'clue' })] });
    expect(p.penalties).toMatchObject({ available: true, items: [] });
    expect(p.credit.available).toBe(true);
    expect(p.entity).toMatchObject({ name: RED.name, regionCode: '152201' });

    // Unplug the licences: the profile still answers, with that section marked unavailable.
    const ports = t.p.regulation.profiles.profiles.ctx.ports;
    const licences = ports.licences;
    ports.licences = null;
    try {
      expect((await profile(RED.code)).licences).toEqual({ available: false, items: [] });
    } finally {
      ports.licences = licences;
    }
  });

  it('finds entities by words of the name or the start of the credit code', async () => {
    const byName = (await call('GET', `/api/regulation/profiles?q=${encodeURIComponent('罕山商贸')}`, regulator)).json().items;
    expect(byName).toEqual([expect.objectContaining({ creditCode: HAN.code, name: HAN.name })]);
    const byCode = (await call('GET', `/api/regulation/profiles?q=${RED.code.slice(0, 12)}`, regulator)).json().items;
    expect(byCode.map((h: { creditCode: string }) => h.creditCode)).toContain(RED.code);
  });

  it('figures for leaders add up with what happened', async () => {
    const r = await call('GET', '/api/regulation/figures?year=2026', leader);
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    const links = await t.p.kernel.db.selectFrom('regulation_complaint').select(['matched_by']).where('unlinked_at', 'is', null).execute();
    expect(f.complaints.linked).toBe(links.length);
    expect(f.complaints.byMatch).toEqual({ 'credit-code': 1, name: 1, manual: 1 });
    expect(f.complaints.linked).toBe(f.complaints.byMatch['credit-code'] + f.complaints.byMatch.name + f.complaints.byMatch.manual);
    expect(f.complaints).toMatchObject({ entities: 3, clues: 1 });
    expect(f.commitments).toMatchObject({ approvals: 2, underCommitment: 1, withoutTask: 0, open: 1 });
    expect(f.tasks.byKind).toMatchObject({ commitment: 1, clue: 1 });
    expect(f.tasks.total).toBe(Object.values(f.tasks.byKind as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(f.coverage.objects).toBe(4);
    expect(f.coverage.byClass.reduce((a: number, c: { objects: number }) => a + c.objects, 0)).toBe(f.coverage.objects);
    expect(f.months.reduce((a: number, m: { created: number }) => a + m.created, 0)).toBe(f.tasks.total);
    expect((await call('GET', '/api/regulation/figures?year=2026', inspectorToken)).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('answers a clear problem and stores nothing', async () => {
    const links = await count('regulation_complaint');
    const unknown = makeCreditCode('152201', 'MA0Y9X8W');
    const notFound = await call('GET', `/api/regulation/profiles/${unknown}`, regulator);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().code).toBe('REGULATION_ENTITY_UNKNOWN');
    const badCheck = `${RED.code.slice(0, 17)}${RED.code[17] === '0' ? '1' : '0'}`;
    for (const code of [badCheck, 'ABC', '91152201MA0R1A2B']) {
      const r = await call('GET', `/api/regulation/profiles/${code}`, regulator);
      expect(r.statusCode, code).toBe(400);
    }
    expect((await call('GET', `/api/regulation/profiles/${RED.code}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/regulation/profiles/${RED.code}`, rep.token)).statusCode).toBe(403);
    expect((await call('GET', `/api/regulation/profiles?q=${'乌'.repeat(61)}`, regulator)).statusCode).toBe(400);
    expect((await call('GET', '/api/regulation/figures?year=1900', leader)).statusCode).toBe(400);

    const url = `/api/regulation/profiles/${KEER.code}/complaints`;
    for (const body of [{ caseNumber: { no: 1 } }, { caseNumber: 'x'.repeat(41) }, { caseNumber: '1', extra: true }, {}, { caseNumber: '乌兰浩特' }]) {
      const r = await call('POST', url, regulator, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call('POST', `/api/regulation/profiles/${unknown}/complaints`, regulator, { caseNumber: '152201-GD-20260302-000001' })).statusCode).toBe(404);

    const [c] = (await profile(HAN.code)).complaints.items;
    const clue = `/api/regulation/complaints/${c.id}/inspection`;
    for (const body of [
      { inspectorIds: [inspectors[0]], dueOn: '2026-03-20' },
      { inspectorIds: inspectors.slice(0, 2), dueOn: 20260320 },
      { inspectorIds: 'x', dueOn: '2026-03-20' },
    ]) {
      const r = await call('POST', clue, regulator, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call('POST', clue, inspectorToken, { inspectorIds: inspectors.slice(0, 2), dueOn: '2026-03-20' })).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/regulation/complaints/01900000-0000-7000-8000-00000000beef/inspection', regulator, { inspectorIds: inspectors.slice(0, 2), dueOn: '2026-03-20' })).statusCode,
    ).toBe(404);
    expect(await count('regulation_complaint')).toBe(links);
    expect((await profile(HAN.code)).complaints.items[0].clueTaskId).toBeNull();
  });
});
