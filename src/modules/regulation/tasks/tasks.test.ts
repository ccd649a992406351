import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, makeCreditCode } from '../../../kernel/ids/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { multipart } from '../../../testing/multipart.ts';
import { addBasePerson, advanceSignedIn, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { samplePng } from '../../../testing/samples.ts';
import type { NewTask } from '../ports.ts';

/* 检查任务, 结果 with photos, 一公开, 异议 and 行政处罚, against the real 名录库, 监管事项 and credit areas. */

let t: TestPlatform;
let scjg: string;
let regulator: string;
let jc1: string;
let jc2: string;
let jc3: string;
const ins: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
let itemId: string;
let rep: string;
let stranger: string;
const ENT_A = makeCreditCode('152201', 'MA0TA5K1');
const ENT_B = makeCreditCode('152201', 'MA0TB6K2');
const ENT_C = makeCreditCode('152201', 'MA0TC7K3');
/** T1 random A, T2 key B, T3 key C, T4 clue B (due early), T5 commitment A. */
let T: string[] = [];

const BASE = '/api/regulation/tasks';
type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const principal = async (token: string) => (await t.p.identity.service.authenticate(token)) as Principal;
const count = async (table: 'regulation_task' | 'regulation_penalty' | 'regulation_task_objection') =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const taskRow = (id: string) => t.p.kernel.db.selectFrom('regulation_task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const upload = async (token: string, name: string, type: string, content: Buffer) => {
  const body = multipart(name, type, content);
  const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...bearer(token), ...body.headers } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const task = (o: Partial<NewTask> & Pick<NewTask, 'kind' | 'creditCode' | 'inspectorIds'>): NewTask => ({
  objectName: { [ENT_A]: '乌兰浩特市草原鲜乳品店', [ENT_B]: '乌兰浩特市洮儿河餐饮有限公司', [ENT_C]: '乌兰浩特市兴安超市有限公司' }[o.creditCode] ?? '某商店',
  regionCode: '152201',
  itemIds: [itemId],
  departmentIds: [scjg],
  dueOn: '2026-03-20',
  ...o,
});
const create = (tasks: NewTask[]) => t.p.kernel.db.transaction().execute((trx) => t.p.regulation.tasks.port.create(trx, tasks));
const result = (id: string, token: string, body: Record<string, unknown>) => call('POST', `${BASE}/${id}/result`, token, body);
const publicList = async (q = '') => (await call('GET', `/api/regulation/public/results${q ? `?q=${encodeURIComponent(q)}` : ''}`)).json();
const creditClass = async (code: string) => (await t.p.regulation.credit.port.current(t.p.kernel.db, code))?.class ?? null;
/** Runs the queued jobs (the credit area's one-entity recomputations) until none is left. */
const drain = async () => {
  while ((await t.p.kernel.jobs.runDue(50)) > 0);
};

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = (await department(t, '152201', '市场监督管理局')).id;
  regulator = await staffToken(t, ['regulator'], scjg);
  jc1 = await staffToken(t, ['inspector'], scjg);
  jc2 = await staffToken(t, ['inspector'], scjg);
  jc3 = await staffToken(t, ['inspector'], scjg);
  // The 名录库: three inspectors with accounts, through the directory area's own API.
  for (const [key, token, cert, name] of [
    ['a', jc1, '15220120001', '刘海涛'],
    ['b', jc2, '15220120002', '其其格'],
    ['c', jc3, '15220120003', '王建军'],
  ] as const) {
    const r = await call('POST', '/api/regulation/inspectors', regulator, { name, certificateNo: cert, departmentId: scjg, accountId: (await principal(token)).accountId, specialities: ['食品'] });
    expect(r.statusCode, r.body).toBe(201);
    ins[key] = r.json().id;
  }
  const item = await call('POST', '/api/regulation/items', regulator, {
    code: 'JG-SCJG-0001',
    name: '对食品经营者的监督检查',
    basis: '《中华人民共和国食品安全法》第一百一十条',
    departmentId: scjg,
    level: 'key',
    methods: ['onsite'],
    randomCheck: true,
  });
  expect(item.statusCode, item.body).toBe(201);
  itemId = item.json().id;
  // The 检查对象 (the credit area classifies what the 名录库 holds).
  await t.p.kernel.db.transaction().execute(async (trx) => {
    for (const [code, name] of [
      [ENT_A, '乌兰浩特市草原鲜乳品店'],
      [ENT_B, '乌兰浩特市洮儿河餐饮有限公司'],
      [ENT_C, '乌兰浩特市兴安超市有限公司'],
    ])
      await t.p.regulation.directory.objectsPort.upsert(trx, { creditCode: code, name, regionCode: '152201', entityType: '有限责任公司', source: 'manual' });
  });
  // ENT_A's legal representative, acting for it; and a person acting for nobody.
  const repId = makeCitizenId('152201', '1975-06-06', 31);
  const person = await personToken(t, { realName: { name: '包玉梅', idNumber: repId } });
  rep = person.token;
  const personId = await addBasePerson(t, '包玉梅', repId);
  const ent = await t.p.kernel.db
    .insertInto('identity_enterprise')
    .values({ id: '01900000-0000-7000-8000-0000000000a1', region_code: '152201', name: '乌兰浩特市草原鲜乳品店', credit_code: ENT_A, legal_person_id: personId, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  expect((await call('POST', '/api/identity/me/enterprises', rep, { creditCode: ENT_A })).statusCode).toBe(201);
  expect((await call('PUT', '/api/identity/me/acting-for', rep, { enterpriseId: ent.id })).statusCode).toBe(200);
  stranger = (await personToken(t)).token;
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('检查任务', () => {
  it('makes tasks through the port, checking every one: one bad task makes none', async () => {
    const before = await count('regulation_task');
    await expect(create([task({ kind: 'random', creditCode: ENT_A, inspectorIds: [ins.a] })])).rejects.toMatchObject({ code: 'REGULATION_TASK_INVALID', errors: [{ path: '/tasks/0/inspectorIds' }] });
    await expect(
      create([
        task({ kind: 'key', creditCode: ENT_B, inspectorIds: [ins.a, ins.b] }),
        task({ kind: 'key', creditCode: ENT_B, inspectorIds: [ins.a, ins.b], itemIds: ['01900000-0000-7000-8000-00000000dead'] }),
      ]),
    ).rejects.toMatchObject({ code: 'REGULATION_TASK_INVALID', errors: [{ path: '/tasks/1/itemIds' }] });
    await expect(create([task({ kind: 'key', creditCode: '91152201XXXXXXXXXX', inspectorIds: [ins.a, ins.b] })])).rejects.toMatchObject({ code: 'REGULATION_TASK_INVALID' });
    await expect(create([task({ kind: 'key', creditCode: ENT_B, inspectorIds: [ins.a, 'not-an-inspector'] })])).rejects.toMatchObject({ code: 'REGULATION_TASK_INVALID' });
    // 回避: jc3 declared a relation to ENT_C, so no task puts him on it.
    expect((await call('POST', '/api/regulation/relations', jc3, { creditCode: ENT_C, kind: 'kin', note: '妻弟为该公司股东' })).statusCode).toBe(201);
    await expect(create([task({ kind: 'key', creditCode: ENT_C, inspectorIds: [ins.a, ins.c] })])).rejects.toMatchObject({
      code: 'REGULATION_TASK_INVALID',
      errors: [{ path: '/tasks/0/inspectorIds' }],
    });
    expect(await count('regulation_task')).toBe(before);

    T = await create([
      task({ kind: 'random', creditCode: ENT_A, inspectorIds: [ins.a, ins.b], planId: 'plan-2026-1' }),
      task({ kind: 'key', creditCode: ENT_B, inspectorIds: [ins.b, ins.c] }),
      task({ kind: 'key', creditCode: ENT_C, inspectorIds: [ins.a, ins.b] }),
      task({ kind: 'clue', creditCode: ENT_B, inspectorIds: [ins.a, ins.c], itemIds: [], dueOn: '2026-03-06', source: { kind: 'case', ref: 'case-1', label: '152201-GD-0001' } }),
      task({ kind: 'commitment', creditCode: ENT_A, inspectorIds: [ins.a, ins.b], source: { kind: 'application', ref: 'app-1' } }),
    ]);
    expect(T).toHaveLength(5);
    expect(await count('regulation_task')).toBe(before + 5);
    const row = await taskRow(T[0]);
    expect(row).toMatchObject({ state: 'open', kind: 'random', plan_id: 'plan-2026-1', number: expect.stringMatching(/^152201-JC-2026-\d{6}$/) });
    // 20 working days after the due date, fixed when the task was made.
    expect(new Date(row.publish_by).getTime()).toBeGreaterThan(Date.parse('2026-04-10T00:00:00+08:00'));
    const ev = await t.p.kernel.db.selectFrom('kernel_outbox').select('payload').where('topic', '=', 'regulation.task.created').execute();
    expect(ev.some((e) => (e.payload as { count: number }).count === 5)).toBe(true);
    // The inspectors of a drawn task are part of the published draw: a regulator cannot swap them.
    const swap = await call('POST', `${BASE}/${T[0]}/inspectors`, regulator, { inspectorIds: [ins.b, ins.c] });
    expect(swap.statusCode).toBe(409);
    expect(swap.json().code).toBe('REGULATION_TASK_DRAWN');
    expect((await taskRow(T[0])).inspector_ids).toEqual([ins.a, ins.b]);
  });

  it('an inspector sees only the tasks naming them; a regulator sees the region’s, with filters', async () => {
    const ids = async (token: string, q = '') => ((await call('GET', `${BASE}${q}`, token)).json().items as { id: string }[]).map((x) => x.id).sort();
    expect(await ids(jc1)).toEqual([T[0], T[2], T[3], T[4]].sort());
    expect(await ids(jc3)).toEqual([T[1], T[3]].sort());
    expect(await ids(regulator)).toEqual([...T].sort());
    expect(await ids(regulator, '?kind=key')).toEqual([T[1], T[2]].sort());
    expect(await ids(regulator, `?planId=plan-2026-1`)).toEqual([T[0]]);
    // Another inspector's task does not exist for jc3; its page names the co-inspectors for jc1.
    expect((await call('GET', `${BASE}/${T[0]}`, jc3)).statusCode).toBe(404);
    const page = (await call('GET', `${BASE}/${T[0]}`, jc1)).json();
    expect(page).toMatchObject({ objectName: '乌兰浩特市草原鲜乳品店', canRecord: true, items: [{ name: '对食品经营者的监督检查' }], departments: [{ name: '市场监督管理局' }] });
    expect(page.inspectors.map((i: { name: string }) => i.name)).toEqual(['刘海涛', '其其格']);
    // A citizen, or nobody, sees no task list at all.
    expect((await call('GET', BASE, stranger)).statusCode).toBe(403);
    expect((await call('GET', BASE)).statusCode).toBe(401);
  });

  it('records a result with a photo, published at once; twice is 409 and an inspector not named is refused', async () => {
    const photo = await upload(jc1, 'site.png', 'image/png', samplePng(8));
    const res = await result(T[0], jc1, { inspectedOn: '2026-03-02', conclusion: 'corrected', findings: '进货查验记录不全，已责令当场改正。', photoIds: [photo] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'done', conclusion: 'corrected', problem: true });
    const page = (await call('GET', `${BASE}/${T[0]}`, jc2)).json();
    expect(page).toMatchObject({ state: 'done', inspectedOn: '2026-03-02', findings: '进货查验记录不全，已责令当场改正。', canRecord: false, photos: [{ id: photo, mime: 'image/png' }] });
    // A co-inspector may see the photo (file.read in the region).
    expect((await call('GET', `/api/files/${photo}`, jc2)).statusCode).toBe(200);

    const stored = await taskRow(T[0]);
    expect((await result(T[0], jc3, { inspectedOn: '2026-03-02', conclusion: 'no_problem' })).json().code).toBe('REGULATION_TASK_NOT_YOURS');
    const again = await result(T[0], jc2, { inspectedOn: '2026-03-02', conclusion: 'no_problem' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REGULATION_RESULT_RECORDED');
    expect(await taskRow(T[0])).toEqual(stored);
    // The regulator is not an inspector of the task.
    expect((await result(T[4], regulator, { inspectedOn: '2026-03-02', conclusion: 'no_problem' })).statusCode).toBe(403);
    // 回避 of the last inspectors: the draw reads who inspected the object last.
    expect((await t.p.regulation.tasks.port.lastInspectors(t.p.kernel.db, [ENT_A, ENT_C])).get(ENT_A)).toEqual([ins.a, ins.b]);
  });

  it('refuses bad results with a clear problem and changes nothing', async () => {
    const stored = await taskRow(T[4]);
    const text = await upload(jc1, 'note.txt', 'text/plain', Buffer.from('not a photo'));
    const theirs = await upload(jc2, 'theirs.png', 'image/png', samplePng(4));
    const ok = { inspectedOn: '2026-03-02', conclusion: 'no_problem' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...ok, conclusion: '基本合格' }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, findings: '查'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, inspectedOn: '2026-03-09' }, 422, 'REGULATION_DATE_IN_FUTURE'],
      [{ ...ok, inspectedOn: '2026-02-27' }, 422, 'REGULATION_DATE_BEFORE_TASK'],
      [{ ...ok, inspectedOn: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, photoIds: [text] }, 422, 'REGULATION_BAD_PHOTO'],
      [{ ...ok, photoIds: [theirs] }, 422, 'REGULATION_BAD_PHOTO'],
      [{ ...ok, photoIds: ['x'] }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, inspectedOn: 20260302 }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, findings: { text: '多' } }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, photoIds: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, inspectorId: ins.a }, 400, 'VALIDATION_FAILED'],
      [{ ...ok, conclusion: 'case_filed' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await result(T[4], jc1, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
      expect(res.json().zh).toBeTruthy();
    }
    expect((await result('not-a-uuid', jc1, ok)).statusCode).toBe(400);
    expect((await result('01900000-0000-7000-8000-00000000beef', jc1, ok)).statusCode).toBe(404);
    expect(await taskRow(T[4])).toEqual(stored);
    // The same task takes a good result.
    expect((await result(T[4], jc1, ok)).statusCode).toBe(201);
  });

  it('publishes results without sign-in, searchable, with nothing personal', async () => {
    const res = await call('GET', '/api/regulation/public/results');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const one = body.items.find((x: { id: string }) => x.id === T[0]);
    expect(one).toEqual({
      id: T[0],
      number: expect.any(String),
      kind: 'random',
      objectName: '乌兰浩特市草原鲜乳品店',
      creditCode: ENT_A,
      items: ['对食品经营者的监督检查'],
      departments: ['市场监督管理局'],
      inspectedOn: '2026-03-02',
      conclusion: 'corrected',
      publishedAt: expect.any(String),
      correction: null,
    });
    // No findings, photos or inspectors' names.
    for (const secret of ['进货查验', '刘海涛', '其其格', 'photo', ins.a]) expect(res.body).not.toContain(secret);
    expect((await publicList(ENT_A.slice(0, 10))).items.map((x: { id: string }) => x.id).sort()).toEqual([T[0], T[4]].sort());
    expect((await publicList('草原鲜')).items).toHaveLength(2);
    expect((await publicList('没有这家店')).items).toEqual([]);
    // Open tasks are not results.
    expect(body.items.some((x: { id: string }) => x.id === T[1])).toBe(false);
    expect((await call('GET', `/api/regulation/public/results?q=${'x'.repeat(51)}`)).statusCode).toBe(400);
    expect((await call('GET', '/api/regulation/public/results?limit=500')).statusCode).toBe(400);
    // Paging: one at a time, newest first, to the end.
    const first = (await call('GET', '/api/regulation/public/results?limit=1')).json();
    const second = (await call('GET', `/api/regulation/public/results?limit=1&after=${first.next}`)).json();
    expect(first.items[0].id).toBe(T[4]);
    expect(second).toMatchObject({ items: [{ id: T[0] }], next: null });
  });

  it('the enterprise sees its own results and objects within the time allowed; another’s result does not exist for it', async () => {
    expect((await result(T[1], jc2, { inspectedOn: '2026-03-02', conclusion: 'no_problem' })).statusCode).toBe(201);
    const mine = (await call('GET', '/api/regulation/mine/results', rep)).json();
    expect(mine.creditCode).toBe(ENT_A);
    expect(mine.items.map((x: { id: string }) => x.id).sort()).toEqual([T[0], T[4]].sort());
    expect(mine.items.find((x: { id: string }) => x.id === T[0])).toMatchObject({ findings: '进货查验记录不全，已责令当场改正。', canObject: true, objection: null });
    const before = await count('regulation_task_objection');
    const other = await call('POST', `/api/regulation/mine/results/${T[1]}/objection`, rep, { reason: '我们不认可这个结论' });
    expect(other.statusCode).toBe(404);
    expect((await call('POST', `/api/regulation/mine/results/${T[2]}/objection`, rep, { reason: '我们不认可这个结论' })).statusCode).toBe(404);
    expect((await call('POST', `/api/regulation/mine/results/${T[0]}/objection`, stranger, { reason: '我们不认可这个结论' })).json().code).toBe('REGULATION_NOT_ACTING_FOR');
    expect((await call('GET', '/api/regulation/mine/results', stranger)).json().code).toBe('REGULATION_NOT_ACTING_FOR');
    expect((await call('POST', `/api/regulation/mine/results/${T[0]}/objection`, rep, { reason: '短' })).statusCode).toBe(400);
    expect((await call('POST', `/api/regulation/mine/results/${T[0]}/objection`, rep, { reason: 42 })).statusCode).toBe(400);
    expect(await count('regulation_task_objection')).toBe(before);
    const filed = await call('POST', `/api/regulation/mine/results/${T[0]}/objection`, rep, { reason: '进货查验记录检查当日已补齐，凭证已提交。' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await call('POST', `/api/regulation/mine/results/${T[0]}/objection`, rep, { reason: '再次提出异议的理由' })).json().code).toBe('REGULATION_OBJECTION_EXISTS');
    expect((await call('GET', '/api/regulation/mine/results', rep)).json().items.find((x: { id: string }) => x.id === T[0])).toMatchObject({ canObject: false, objection: { state: 'pending' } });
    // The regulator finds it among the objections to answer.
    expect((await call('GET', `${BASE}?objection=pending`, regulator)).json().items.map((x: { id: string }) => x.id)).toEqual([T[0]]);
  });

  it('the regulator corrects the result: the public conclusion changes with a note, and the old one is kept', async () => {
    const url = `${BASE}/${T[0]}/objection/answer`;
    expect((await call('POST', url, jc1, { decision: 'upheld', answer: '维持原结论' })).statusCode).toBe(403);
    expect((await call('POST', url, regulator, { decision: 'corrected', conclusion: 'corrected', answer: '同一结论' })).json().code).toBe('REGULATION_CORRECTION_SAME');
    expect((await call('POST', url, regulator, { decision: 'corrected', answer: '没有给出结论' })).json().code).toBe('REGULATION_CORRECTION_CONCLUSION');
    expect((await call('POST', `${BASE}/${T[1]}/objection/answer`, regulator, { decision: 'upheld', answer: '没有异议的任务' })).statusCode).toBe(404);
    const res = await call('POST', url, regulator, { decision: 'corrected', conclusion: 'no_problem', answer: '经复核，企业已当场补齐记录，更正为未发现问题。' });
    expect(res.statusCode, res.body).toBe(200);
    const pub = (await publicList(ENT_A)).items.find((x: { id: string }) => x.id === T[0]);
    expect(pub).toMatchObject({ conclusion: 'no_problem', correction: { previousConclusion: 'corrected' } });
    const mine = (await call('GET', '/api/regulation/mine/results', rep)).json().items.find((x: { id: string }) => x.id === T[0]);
    expect(mine.objection).toMatchObject({ state: 'corrected', previousConclusion: 'corrected', correctedConclusion: 'no_problem', answer: expect.stringContaining('更正') });
    expect((await call('POST', url, regulator, { decision: 'upheld', answer: '再答复一次' })).json().code).toBe('REGULATION_OBJECTION_ANSWERED');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_id', '=', T[0]).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['result-recorded', 'objected', 'objection-answered']));
  });

  it('a penalty after 立案查处 lowers the credit class; a penalty elsewhere or without its amount is refused', async () => {
    expect((await result(T[2], jc1, { inspectedOn: '2026-03-02', conclusion: 'case_filed', findings: '销售超过保质期的食品，立案调查。' })).statusCode).toBe(201);
    await drain();
    const before = await creditClass(ENT_C);
    expect(before).toBe('A');
    const url = `${BASE}/${T[2]}/penalties`;
    const fine = { decisionNo: '乌市监处罚〔2026〕12号', kind: 'fine', amountYuan: 5000, decidedOn: '2026-03-02' };
    const n = await count('regulation_penalty');
    expect((await call('POST', `${BASE}/${T[1]}/penalties`, regulator, fine)).json().code).toBe('REGULATION_NOT_CASE_FILED');
    expect((await call('POST', url, regulator, { ...fine, amountYuan: undefined })).json().code).toBe('REGULATION_PENALTY_AMOUNT');
    expect((await call('POST', url, regulator, { ...fine, kind: 'warning' })).json().code).toBe('REGULATION_PENALTY_AMOUNT');
    expect((await call('POST', url, regulator, { ...fine, kind: '罚款' })).statusCode).toBe(400);
    expect((await call('POST', url, regulator, { ...fine, amountYuan: '五千' })).statusCode).toBe(400);
    expect((await call('POST', url, regulator, { ...fine, decidedOn: '2026-03-03' })).json().code).toBe('REGULATION_DATE_IN_FUTURE');
    expect((await call('POST', url, jc1, fine)).statusCode).toBe(403);
    expect(await count('regulation_penalty')).toBe(n);
    const res = await call('POST', url, regulator, fine);
    expect(res.statusCode, res.body).toBe(201);
    expect((await call('POST', url, regulator, fine)).json().code).toBe('REGULATION_DECISION_NO_TAKEN');
    await drain();
    expect(await creditClass(ENT_C)).toBe('B');
    const current = await t.p.regulation.credit.port.current(t.p.kernel.db, ENT_C);
    expect(current?.reasons.map((r) => r.indicator)).toEqual(expect.arrayContaining(['penalties', 'failed_inspection']));
    expect(await t.p.regulation.tasks.port.penaltiesOf(t.p.kernel.db, ENT_C)).toEqual([expect.objectContaining({ decisionNo: '乌市监处罚〔2026〕12号', kind: 'fine', amountYuan: 5000 })]);
    expect((await call('GET', `${BASE}/${T[2]}`, regulator)).json().penalties).toHaveLength(1);
  });

  it('counts 监管效能 for leaders in SQL', async () => {
    const f = (await call('GET', `${BASE}/figures?year=2026`, regulator)).json();
    expect(f).toMatchObject({
      inspectedObjects: 3,
      tasks: { total: 5, byKind: { random: 1, commitment: 1, clue: 1, key: 2 }, open: 1, overdue: 0 },
      results: { recorded: 4, problemsFound: 1, filedForPenalty: 1, publishedLate: 0, unpublishedPastDeadline: 0 },
      penalties: { count: 1, amountYuan: 5000 },
      commitments: { onTime: 1, late: 0, open: 0, overdue: 0 },
    });
    expect(f.months[2]).toEqual({ month: 3, created: 5, recorded: 4 });
    expect((await call('GET', `${BASE}/figures?year=1999`, regulator)).statusCode).toBe(400);
    expect((await call('GET', `${BASE}/figures`, jc1)).statusCode).toBe(403);
  });

  it('refuses a result after the publication deadline: the task stays open and counts as overdue; late objections are refused too', async () => {
    // T4 was due Friday 6 March; 20 working days later is early April. Move to May.
    await advanceSignedIn(t, Date.parse('2026-05-11T10:00:00+08:00') - t.clock.now().getTime());
    const stored = await taskRow(T[3]);
    const late = await result(T[3], jc1, { inspectedOn: '2026-03-05', conclusion: 'no_problem' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'REGULATION_RESULT_PAST_DEADLINE', zh: expect.stringContaining('20 个工作日') });
    expect(await taskRow(T[3])).toEqual(stored);
    expect((await call('GET', `${BASE}?overdue=true`, regulator)).json().items.map((x: { id: string }) => x.id)).toEqual([T[3]]);
    const f = (await call('GET', `${BASE}/figures?year=2026`, regulator)).json();
    expect(f.tasks).toMatchObject({ open: 1, overdue: 1 });
    expect(f.results.unpublishedPastDeadline).toBe(1);
    // Ten working days after publication the enterprise can no longer object.
    const closed = await call('POST', `/api/regulation/mine/results/${T[4]}/objection`, rep, { reason: '迟到的异议理由' });
    expect(closed.json().code).toBe('REGULATION_OBJECTION_CLOSED');
  });
});
