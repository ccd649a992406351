import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import type { FactDecl, FactValues, Subject } from '../../kernel/rules/index.ts';
import { cardType, sealFor } from '../../testing/licenses.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent } from '../../testing/services.ts';
import { INSTANT_APPROVAL_WORKFLOW, PROMISED_WORKFLOW } from './index.ts';

/**
 * 秒批: the base data is stood in for by a small register behind the same port the data module
 * fills (src/flows/instant-facts.ts), so these tests say what the services module does with facts.
 */
const src = (item: string) => ({ resource: 'population', item, zh: '人口基础库', en: 'Population base' });
const PERSON_FACTS: FactDecl[] = [
  { code: 'age', subject: 'person', type: 'number', zh: '年龄', en: 'Age', unit: { zh: '周岁', en: 'years' }, source: src('birth_date') },
  { code: 'regionCode', subject: 'person', type: 'string', zh: '户籍地', en: 'Household registration', source: src('region_code') },
  { code: 'alive', subject: 'person', type: 'boolean', zh: '健在', en: 'Alive', source: src('death') },
];

const elder = makeCitizenId('152201', '1940-05-01', 11);
const younger = makeCitizenId('152201', '1960-05-01', 23);
const stranger = makeCitizenId('152201', '1938-07-07', 35);
const register = new Map<string, FactValues>([
  [elder, { age: 85, regionCode: '152201', alive: true }],
  [younger, { age: 65, regionCode: '152201', alive: true }],
]);

const ELDERLY_RULE = { and: [{ '>=': [{ var: 'age' }, 80] }, { '==': [{ var: 'regionCode' }, '152201'] }, { var: 'alive' }] };

let t: TestPlatform;
let mzj: { id: string };
let admin: string;
let window: string;
let elderItem = '';
let elderP: { token: string };
let youngerP: { token: string };
let cardItem = '';

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A 秒批 item with no materials, its form the applicant's name and ID number (filled by the platform). */
function instantItem(name: string, rule: unknown, over: Record<string, unknown> = {}) {
  return itemContent(mzj.id, {
    name,
    itemType: 'payment',
    materials: [],
    form: {
      schema: {
        type: 'object',
        required: ['applicantName', 'idNumber'],
        properties: { applicantName: { type: 'string', title: '申请人' }, idNumber: { type: 'string', title: '身份证号' }, mailAddress: { type: 'string', title: '邮寄地址', maxLength: 100 } },
      },
      prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' },
    },
    workflow: structuredClone(INSTANT_APPROVAL_WORKFLOW),
    instant: { subject: 'person', rule: rule as Record<string, unknown> },
    ...over,
  });
}

const apply = (token: string, itemId: string, headers: Record<string, string> = {}) =>
  call('POST', '/api/services/applications', token, { itemId, form: { mailAddress: '乌兰浩特市和平街道罕山东街12号' }, materials: [] }, headers);

beforeAll(async () => {
  t = await startTestPlatform();
  t.p.services.useFacts({
    catalog: (subject: Subject) => PERSON_FACTS.filter((f) => f.subject === subject),
    valuesOf: async (_subject, ref) => {
      const id = 'idNumber' in ref ? ref.idNumber : '';
      const values = register.get(id);
      return values ? { key: id.slice(-4), values } : null;
    },
  });
  mzj = await department(t, '152201', '乌兰浩特市民政局');
  elderP = await personToken(t, { realName: { name: '包德胜', idNumber: elder } });
  youngerP = await personToken(t, { realName: { name: '韩立新', idNumber: younger } });
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  const elderly = await call('POST', '/api/services/items', admin, { code: 'GG-MZJ-0101', regionCode: '152201', content: instantItem('高龄津贴申领', ELDERLY_RULE) });
  expect(elderly.statusCode, elderly.body).toBe(201);
  elderItem = elderly.json().id;
  // A 秒批 item linked to a licence type: its approval issues the licence (办结即发证).
  const card = await call('POST', '/api/services/items', admin, {
    code: 'GG-MZJ-0102',
    regionCode: '152201',
    content: instantItem('老年人优待证申领', { and: [{ '>=': [{ var: 'age' }, 60] }, { var: 'alive' }] }),
  });
  expect(card.statusCode, card.body).toBe(201);
  cardItem = card.json().id;
  expect((await call('POST', '/api/licenses/types', admin, cardType(mzj.id, 'GG-MZJ-0102'))).statusCode).toBe(200);
  expect((await call('POST', '/api/licenses/seals', admin, sealFor(mzj.id, [], '乌兰浩特市民政局', { automatic: true }))).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('saving a 秒批 item', () => {
  it('refuses a rule on an undeclared fact or of the wrong type, and stores nothing', async () => {
    const before = await count('services_item');
    const unknown = await call('POST', '/api/services/items', admin, { code: 'GG-MZJ-0901', regionCode: '152201', content: instantItem('高龄津贴申领', { '>': [{ var: 'income' }, 1000] }) });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'RULE_UNKNOWN_FACT', zh: expect.stringContaining('income'), en: expect.stringContaining('income') });
    expect(unknown.json().errors[0].path).toBe('/content/instant/rule/>/0');
    const mismatch = await call('POST', '/api/services/items', admin, { code: 'GG-MZJ-0902', regionCode: '152201', content: instantItem('高龄津贴申领', { '>': [{ var: 'age' }, '八十'] }) });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('RULE_TYPE_MISMATCH');
    // A 秒批 rule needs the system's step in the workflow; the step needs a rule.
    const noStep = await call('POST', '/api/services/items', admin, {
      code: 'GG-MZJ-0903',
      regionCode: '152201',
      content: instantItem('高龄津贴申领', ELDERLY_RULE, { workflow: structuredClone(PROMISED_WORKFLOW) }),
    });
    expect(noStep.json().errors[0].path).toBe('/content/workflow');
    const noRule = await call('POST', '/api/services/items', admin, { code: 'GG-MZJ-0904', regionCode: '152201', content: instantItem('高龄津贴申领', ELDERLY_RULE, { instant: undefined }) });
    expect(noRule.json().errors[0].path).toBe('/content/workflow');
    // An entity rule on an item only persons apply for.
    const subject = await call('POST', '/api/services/items', admin, {
      code: 'GG-MZJ-0905',
      regionCode: '152201',
      content: instantItem('高龄津贴申领', ELDERLY_RULE, { instant: { subject: 'entity', rule: ELDERLY_RULE } }),
    });
    expect(subject.json().errors[0].path).toBe('/content/instant/subject');
    expect(await count('services_item')).toBe(before);
    // An edit is checked the same way.
    const edit = await call('PUT', `/api/services/items/${elderItem}`, admin, { baseVersion: 1, content: instantItem('高龄津贴申领', { '>=': [{ var: 'age' }, true] }) });
    expect(edit.json().code).toBe('RULE_TYPE_MISMATCH');
  });

  it('accepts a rule on the form fields, typed from the form', async () => {
    const res = await call('POST', '/api/services/items', admin, {
      code: 'GG-MZJ-0906',
      regionCode: '152201',
      content: instantItem('高龄津贴申领', { and: [{ '>=': [{ var: 'age' }, 80] }, { '!=': [{ var: 'form.mailAddress' }, ''] }] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await call('POST', '/api/services/items', admin, {
      code: 'GG-MZJ-0907',
      regionCode: '152201',
      content: instantItem('高龄津贴申领', { '>': [{ var: 'form.mailAddress' }, 3] }),
    });
    expect(bad.statusCode).toBe(422);
  });
});

describe('the 秒批 rule check for the item editor', () => {
  it('says a rule in words and lists the facts it may name, or refuses it with the place', async () => {
    const ok = await call('POST', '/api/services/instant-rules/check', admin, { subject: 'person', rule: ELDERLY_RULE });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      zh: '年龄不小于80周岁，且户籍地为152201，且健在为是',
      en: 'Age at least 80 years; and Household registration is 152201; and Alive is yes',
      facts: ['age', 'regionCode', 'alive'],
    });
    const form = await call('POST', '/api/services/instant-rules/check', admin, {
      subject: 'person',
      rule: { '==': [{ var: 'form.kind' }, '本人'] },
      formSchema: { type: 'object', properties: { kind: { type: 'string', title: '申领类型', enum: ['本人', '代领'] } } },
    });
    expect(form.json().zh).toBe('申请表：申领类型为本人');
    const bad = await call('POST', '/api/services/instant-rules/check', admin, { subject: 'person', rule: { '>': [{ var: 'income' }, 1] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'RULE_UNKNOWN_FACT', errors: [{ path: '/>/0' }] });
    const facts = await call('GET', '/api/services/instant-facts?subject=person', admin);
    expect(facts.json().map((f: { code: string }) => f.code)).toEqual(['age', 'regionCode', 'alive']);
    expect((await call('POST', '/api/services/instant-rules/check', window, { subject: 'person', rule: ELDERLY_RULE })).statusCode).toBe(403);
  });
});

describe('an application of a 秒批 item', () => {
  it('is approved at once by the system when the applicant meets the rule, with the reasons in the ledger', async () => {
    const p = elderP;
    const res = await apply(p.token, elderItem);
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({ state: 'completed', outcome: 'approved' });
    expect(app.resultFileId).toBeTruthy();
    const step = app.history.at(-1);
    expect(step).toMatchObject({ action: 'instant_approve', actorType: 'system', actionName: { zh: '秒批（系统自动审批）' } });
    expect(step.payload.instant).toMatchObject({ decision: 'approved', result: true, found: true, rule: { zh: '年龄不小于80周岁，且户籍地为152201，且健在为是' } });
    expect(step.payload.instant.conditions).toEqual([
      expect.objectContaining({ fact: 'age', test: '>= 80', actual: 85, held: true, source: src('birth_date') }),
      expect.objectContaining({ fact: 'regionCode', actual: '152201', held: true }),
      expect.objectContaining({ fact: 'alive', actual: true, held: true }),
    ]);
    // No person took a step: the history is the submission and the system's approval.
    expect(app.history.map((h: { actorType: string }) => h.actorType)).toEqual(['person', 'system']);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'actor_type', 'summary']).where('object_id', '=', app.id).where('action', '=', 'instant_approve').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_type).toBe('system');
    expect((audit[0].summary as { instant: { conditions: unknown[] } }).instant.conditions).toContainEqual({ fact: 'age', test: '>= 80', actual: 85, held: true, source: 'population/birth_date' });
    // The applicant is told, as for a person's approval.
    await t.p.kernel.events.dispatch(200);
    const inbox = await call('GET', '/api/notifications', p.token);
    expect(JSON.stringify(inbox.json())).toContain('秒批');
  });

  it('issues the licence the item links when the system approves', async () => {
    const p = elderP;
    const res = await apply(p.token, cardItem);
    expect(res.json().state).toBe('completed');
    await t.p.kernel.events.dispatch(200);
    const mine = (await call('GET', '/api/licenses/mine', p.token)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '社会保障卡', status: 'valid', itemCode: 'GG-MZJ-0102' });
  });

  it('goes to a person with the failed conditions when the applicant does not meet the rule', async () => {
    const p = youngerP;
    const res = await apply(p.token, elderItem);
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({ state: 'submitted', outcome: null });
    const check = app.history.at(-1);
    expect(check).toMatchObject({ action: 'instant_check', actorType: 'system', fromState: 'submitted', toState: 'submitted' });
    expect(check.payload.instant).toMatchObject({ decision: 'referred', result: false, found: true });
    expect(check.payload.instant.failed).toEqual([expect.objectContaining({ fact: 'age', test: '>= 80', actual: 65, held: false })]);
    expect(check.opinion).toContain('年龄（不符合）');
    // The clerk sees the same reasons and takes the normal path.
    const seen = (await call('GET', `/api/services/applications/${app.id}`, window)).json();
    expect(seen.history.at(-1).payload.instant.failed[0].fact).toBe('age');
    const accepted = await call('POST', `/api/services/applications/${app.id}/actions`, window, { action: 'accept' });
    expect(accepted.json().state).toBe('review');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['actor_type', 'summary']).where('object_id', '=', app.id).where('action', '=', 'instant-referred').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'system', summary: { instant: { decision: 'referred', result: false } } });
  });

  it('never grants an applicant the base data does not hold: every condition is unknown and a person decides', async () => {
    const p = await personToken(t, { realName: { name: '白音', idNumber: stranger } });
    const app = (await apply(p.token, elderItem)).json();
    expect(app.state).toBe('submitted');
    const why = app.history.at(-1).payload.instant;
    expect(why).toMatchObject({ decision: 'referred', result: 'unknown', found: false });
    expect(why.failed.map((c: { fact: string; held: unknown; actual: unknown }) => [c.fact, c.held, c.actual])).toEqual([
      ['age', 'unknown', null],
      ['regionCode', 'unknown', null],
      ['alive', 'unknown', null],
    ]);
  });

  it('approves a replayed submission once', async () => {
    const p = elderP;
    const before = await count('services_application');
    const first = await apply(p.token, elderItem, { 'idempotency-key': 'instant-replay-1' });
    const again = await apply(p.token, elderItem, { 'idempotency-key': 'instant-replay-1' });
    expect(again.json().id).toBe(first.json().id);
    expect(await count('services_application')).toBe(before + 1);
    const steps = await t.p.kernel.db.selectFrom('services_action').select('action').where('application_id', '=', first.json().id).execute();
    expect(steps.map((s) => s.action)).toEqual(['submit', 'instant_approve']);
  });

  it('lets no person take the system step', async () => {
    const p = youngerP;
    const app = (await apply(p.token, elderItem)).json();
    for (const token of [window, p.token]) {
      const r = await call('POST', `/api/services/applications/${app.id}/actions`, token, { action: 'instant_approve' });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('WORKFLOW_ACTOR_NOT_ALLOWED');
    }
  });
});
