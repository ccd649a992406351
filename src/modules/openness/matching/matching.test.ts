import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../../kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { setupData } from '../../../testing/data.ts';
import { bearer, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { itemContent } from '../../../testing/services.ts';
import { demoPolicies, PROACTIVE_CODES } from '../../../../seed/proactive-policies.ts';
import type { DocumentInput } from '../index.ts';

let t: TestPlatform;
let depts: Record<string, string> = {};
const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const tok = { clh: '', mzj: '', admin: '', citizen: '', services: '' };
const doc = { care: '', other: '', spare: '', race: '', withdrawn: '', reading: '' };
let matched: { token: string; accountId: string };
let unmatched: { token: string; accountId: string };
let itemId = '';

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const rules = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('openness_document_rule')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const notices = async (accountId: string) => (await t.p.kernel.notify.inbox(accountId)).filter((m) => m.title.includes('重度残疾人护理补贴'));

let seq = 0;
async function publish(title: string, issuer: string | null, extra: Partial<DocumentInput> = {}): Promise<string> {
  const input: DocumentInput = {
    title,
    kind: 'normative',
    themeCode: '16',
    issuerDepartmentId: issuer,
    issuerName: issuer ? null : '内蒙古自治区人民政府',
    number: `乌残发〔2026〕${++seq}号`,
    writtenOn: '2024-03-01',
    publishOn: null,
    disclosure: 'proactive',
    summary: null,
    body: `${title}。\n\n各有关单位：为保障重度残疾人基本生活，现就护理补贴有关事项通知如下。`,
    ...extra,
  };
  return t.p.kernel.db.transaction().execute(async (trx) => (await t.p.openness.library.port!.publish(trx, system, input, { reviewId: null, note: 'test' })).id);
}

beforeAll(async () => {
  t = await startTestPlatform();
  depts = (await setupData(t, { people: 300, entities: 40 })).depts;
  // The 主动服务 policies: 政策找人 of 残联 and of 人社局, a 免申即享 one of 残联, and a 残联 draft never published.
  const defs = demoPolicies((c) => depts[c]);
  for (const code of [PROACTIVE_CODES.care, PROACTIVE_CODES.hiring, PROACTIVE_CODES.disabled]) {
    const { id } = await t.p.proactive.policies.create(
      system,
      defs.find((d) => d.code === code)!,
    );
    await t.p.proactive.policies.publish(system, id);
  }
  await t.p.proactive.policies.create(system, { ...defs.find((d) => d.code === PROACTIVE_CODES.care)!, code: 'CLH-DRAFT', name: '护理补贴（草稿）' });
  tok.clh = await staffToken(t, ['openness_editor'], depts.CLH);
  tok.mzj = await staffToken(t, ['openness_editor'], depts.MZJ);
  tok.admin = await staffToken(t, ['openness_admin'], depts.ZWSJ);
  tok.services = await staffToken(t, ['region_admin'], depts.ZWSJ);
  // A severely disabled resident (matched) and a neighbour without a disability record (not matched).
  matched = await personToken(t, { realName: { name: '白雪', idNumber: makeCitizenId('152201', '1980-03-01', 901) } });
  await t.p.data.registers.setDisability(system, { idNumber: makeCitizenId('152201', '1980-03-01', 901), grade: 1, category: '肢体' });
  unmatched = await personToken(t, { realName: { name: '王伟', idNumber: makeCitizenId('152201', '1966-03-01', 902) } });
  tok.citizen = unmatched.token;
  // The 事项 the policy leads to, so the notice links to its application page.
  const item = await call('POST', '/api/services/items', tok.services, {
    code: 'JF-CLH-001',
    regionCode: '152201',
    content: itemContent(depts.CLH, { name: '重度残疾人护理补贴申领', itemType: 'payment', materials: [] }),
  });
  expect(item.statusCode, item.body).toBe(201);
  itemId = item.json().id;
  doc.care = await publish('乌兰浩特市重度残疾人护理补贴实施办法', depts.CLH);
  doc.other = await publish('乌兰浩特市民政局关于做好低保工作的通知', depts.MZJ, { number: `乌民发〔2026〕${++seq}号` });
  doc.spare = await publish('乌兰浩特市残疾人两项补贴工作规程', depts.CLH);
  doc.race = await publish('乌兰浩特市残疾人就业扶持办法', depts.CLH);
  doc.withdrawn = await publish('乌兰浩特市残疾人辅具适配办法', depts.CLH);
  doc.reading = await publish('《重度残疾人护理补贴实施办法》解读', depts.CLH, { kind: 'interpretation', interpretationOf: doc.care, interpretationForm: 'text', number: null });
  await t.p.kernel.db.transaction().execute((trx) => t.p.openness.library.port!.withdraw(trx, system, doc.withdrawn, '内容有误'));
}, 300_000);
afterAll(() => t?.close());

describe('a policy document carries a 政策找人 rule', () => {
  it('lists the policies the document may carry, saying why the others may not', async () => {
    const r = await call('GET', `/api/openness/documents/${doc.care}/rule/candidates`, tok.clh);
    expect(r.statusCode, r.body).toBe(200);
    const by = Object.fromEntries(r.json().map((c: { code: string }) => [c.code, c]));
    expect(by[PROACTIVE_CODES.care].attachable).toBe(true);
    expect(by[PROACTIVE_CODES.disabled].problem.code).toBe('OPENNESS_MATCHING_AUTOMATIC');
    expect(by['CLH-DRAFT'].problem.code).toBe('OPENNESS_MATCHING_UNPUBLISHED');
    // Only the issuing department's policies.
    expect(by[PROACTIVE_CODES.hiring]).toBeUndefined();
  });

  it('tells the matched people, with the reasons, the application page and the document — and not the others', async () => {
    const a = await call('PUT', `/api/openness/documents/${doc.care}/rule`, tok.clh, { policyCode: PROACTIVE_CODES.care, note: '随文件发布' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().rule.conditionsZh).toContain('残疾等级不大于2');
    expect(a.json().rule.applyLink).toBe(`/services/${itemId}/apply`);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_type', '=', 'openness.rule').execute();
    expect(audit.map((x) => x.action)).toContain('attached');

    const run = await call('POST', `/api/openness/documents/${doc.care}/rule/run`, tok.clh);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().matched).toBeGreaterThanOrEqual(1);
    expect(run.json().told).toBeGreaterThanOrEqual(1);
    const [n] = await notices(matched.accountId);
    expect(n.body).toContain('残疾等级不大于2');
    expect(n.body).toContain(`/openness/documents/${doc.care}`);
    expect(n.body).toContain(`/services/${itemId}/apply`);
    expect(n.link).toBe(`/services/${itemId}/apply`);
    expect(await notices(unmatched.accountId)).toHaveLength(0);
    // A second run tells nobody twice.
    expect((await call('POST', `/api/openness/documents/${doc.care}/rule/run`, tok.clh)).json().told).toBe(0);
    expect(await notices(matched.accountId)).toHaveLength(1);
  });

  it('shows everyone whom the document applies to, in words, with its reach and where to apply', async () => {
    const r = await call('GET', `/api/openness/documents/${doc.care}/applies-to`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.name).toBe('重度残疾人护理补贴');
    expect(v.conditionsZh).toContain('残疾等级不大于2');
    expect(v.conditionsEn.join(' ')).toContain('Disability grade at most 2');
    expect(v.matched).toBeGreaterThanOrEqual(1);
    expect(v.told).toBeGreaterThanOrEqual(1);
    expect(v.applied).toBe(0);
    expect(v.applyLink).toBe(`/services/${itemId}/apply`);
    const none = await call('GET', `/api/openness/documents/${doc.other}/applies-to`);
    expect([none.statusCode, none.json().code]).toEqual([404, 'OPENNESS_MATCHING_NO_RULE']);
    expect(none.json().zh).toBeTruthy();
    expect(none.json().en).toBeTruthy();
    expect((await call('GET', `/api/openness/documents/01900000-0000-7000-8000-000000000000/applies-to`)).statusCode).toBe(404);
    expect((await call('GET', `/api/openness/documents/${doc.withdrawn}/applies-to`)).statusCode).toBe(404);
    expect((await call('GET', `/api/openness/documents/not-a-uuid/applies-to`)).statusCode).toBe(400);
  });

  it('refuses another department’s policy, a 免申即享 one, an unpublished one, a withdrawn document and a 解读, storing nothing', async () => {
    const before = await rules();
    const put = (id: string, body: unknown, token = tok.clh) => call('PUT', `/api/openness/documents/${id}/rule`, token, body);
    const cases: [string, unknown, number, string][] = [
      [doc.spare, { policyCode: PROACTIVE_CODES.hiring }, 422, 'OPENNESS_MATCHING_OTHER_DEPARTMENT'],
      [doc.spare, { policyCode: PROACTIVE_CODES.disabled }, 422, 'OPENNESS_MATCHING_AUTOMATIC'],
      [doc.spare, { policyCode: 'CLH-DRAFT' }, 422, 'OPENNESS_MATCHING_UNPUBLISHED'],
      [doc.spare, { policyCode: 'CLH-NONE' }, 422, 'OPENNESS_MATCHING_POLICY_NOT_FOUND'],
      [doc.spare, { policyCode: PROACTIVE_CODES.care }, 409, 'OPENNESS_MATCHING_POLICY_TAKEN'],
      [doc.care, { policyCode: PROACTIVE_CODES.care }, 409, 'OPENNESS_MATCHING_HAS_RULE'],
      [doc.withdrawn, { policyCode: PROACTIVE_CODES.care }, 409, 'OPENNESS_MATCHING_DOCUMENT_WITHDRAWN'],
      [doc.reading, { policyCode: PROACTIVE_CODES.care }, 422, 'OPENNESS_MATCHING_INTERPRETATION'],
      ['01900000-0000-7000-8000-000000000000', { policyCode: PROACTIVE_CODES.care }, 404, 'OPENNESS_DOCUMENT_NOT_FOUND'],
    ];
    for (const [id, body, status, code] of cases) {
      const r = await put(id, body);
      expect([r.statusCode, r.json().code], `${code}: ${r.body}`).toEqual([status, code]);
      expect(r.json().zh && r.json().en).toBeTruthy();
    }
    // Malformed, wrong-typed, oversized, NUL bytes and broken Unicode: bilingual 400s.
    for (const body of [
      {},
      { policyCode: 42 },
      { policyCode: PROACTIVE_CODES.care, note: 'x'.repeat(501) },
      { policyCode: PROACTIVE_CODES.care, extra: 1 },
      { policyCode: PROACTIVE_CODES.care, note: '备\u0000注' },
      { policyCode: PROACTIVE_CODES.care, note: '备\ud800注' },
    ]) {
      const r = await put(doc.spare, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().zh && r.json().en).toBeTruthy();
    }
    expect((await call('PUT', `/api/openness/documents/abc/rule`, tok.clh, { policyCode: PROACTIVE_CODES.care })).statusCode).toBe(400);
    expect(await rules()).toBe(before);
  });

  it('lets only editors of the issuing department (or the openness administrators) attach, detach and run', async () => {
    const before = await rules();
    expect((await call('PUT', `/api/openness/documents/${doc.spare}/rule`, undefined, { policyCode: PROACTIVE_CODES.care })).statusCode).toBe(401);
    expect((await call('PUT', `/api/openness/documents/${doc.spare}/rule`, tok.citizen, { policyCode: PROACTIVE_CODES.care })).statusCode).toBe(403);
    expect((await call('PUT', `/api/openness/documents/${doc.spare}/rule`, tok.mzj, { policyCode: PROACTIVE_CODES.care })).statusCode).toBe(403);
    expect((await call('POST', `/api/openness/documents/${doc.care}/rule/run`, tok.mzj)).statusCode).toBe(403);
    expect((await call('POST', `/api/openness/documents/${doc.care}/rule/run`)).statusCode).toBe(401);
    expect((await call('POST', `/api/openness/documents/${doc.care}/rule/detach`, tok.mzj, { reason: '不适用' })).statusCode).toBe(403);
    expect((await call('GET', `/api/openness/documents/${doc.care}/rule/candidates`, tok.citizen)).statusCode).toBe(403);
    expect((await call('GET', `/api/openness/matching/rules`, tok.citizen)).statusCode).toBe(403);
    expect((await call('GET', `/api/openness/matching/rules`)).statusCode).toBe(401);
    expect(await rules()).toBe(before);
    // The administrator sees every document carrying a rule, with its reach.
    const list = await call('GET', `/api/openness/matching/rules?limit=1`, tok.admin);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0]).toMatchObject({ documentId: doc.care, policyCode: PROACTIVE_CODES.care, canEdit: true });
    expect(list.json().items[0].told).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/api/openness/matching/rules?limit=0`, tok.admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/openness/matching/rules?limit=1000`, tok.admin)).statusCode).toBe(400);
    expect((await call('GET', `/api/openness/matching/rules?after=zzz`, tok.admin)).statusCode).toBe(400);
  });

  it('lets one of two clerks attach at once; the other hears it is taken', async () => {
    const [a, b] = await Promise.all([
      call('PUT', `/api/openness/documents/${doc.race}/rule`, tok.clh, { policyCode: 'CLH-ZDHL-X' }),
      call('PUT', `/api/openness/documents/${doc.race}/rule`, tok.admin, { policyCode: 'CLH-ZDHL-X' }),
    ]);
    // No such policy yet: both refused alike. Now with a real one on a free document.
    expect([a.statusCode, b.statusCode]).toEqual([422, 422]);
    await call('POST', `/api/openness/documents/${doc.care}/rule/detach`, tok.clh, { reason: '改由就业扶持办法承载' });
    const [c, d] = await Promise.all([
      call('PUT', `/api/openness/documents/${doc.race}/rule`, tok.clh, { policyCode: PROACTIVE_CODES.care }),
      call('PUT', `/api/openness/documents/${doc.race}/rule`, tok.admin, { policyCode: PROACTIVE_CODES.care }),
    ]);
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 409]);
    expect([c, d].find((r) => r.statusCode === 409)!.json().code).toBe('OPENNESS_MATCHING_HAS_RULE');
  });

  it('detaches with a reason and keeps the history; the public view and the notices no longer point at the document', async () => {
    expect((await call('POST', `/api/openness/documents/${doc.race}/rule/detach`, tok.clh, {})).statusCode).toBe(400);
    expect((await call('POST', `/api/openness/documents/${doc.race}/rule/detach`, tok.clh, { reason: '   ' })).json().code).toBe('OPENNESS_MATCHING_REASON');
    const r = await call('POST', `/api/openness/documents/${doc.race}/rule/detach`, tok.clh, { reason: '政策已到期' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rule).toBeNull();
    expect(r.json().history[0]).toMatchObject({ policyCode: PROACTIVE_CODES.care, detachReason: '政策已到期' });
    expect((await call('POST', `/api/openness/documents/${doc.race}/rule/detach`, tok.clh, { reason: '再次' })).json().code).toBe('OPENNESS_MATCHING_NO_RULE');
    expect((await call('GET', `/api/openness/documents/${doc.race}/applies-to`)).statusCode).toBe(404);
    // The first document's history holds its own attachment, detached earlier.
    const care = (await call('GET', `/api/openness/documents/${doc.care}/rule`, tok.clh)).json();
    expect(care.rule).toBeNull();
    expect(care.history).toHaveLength(1);
    expect(care.history[0].detachReason).toBe('改由就业扶持办法承载');
    expect(await t.p.openness.matching.sourceOf(PROACTIVE_CODES.care)).toBeNull();
  });
});
