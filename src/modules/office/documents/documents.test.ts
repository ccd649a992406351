import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocWords, seedOfficeDocuments } from '../../../../seed/office/documents.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { ROLES } from '../../org/index.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { validateDefinition } from '../../../kernel/workflow/index.ts';
import type { DocumentSealer } from '../ports.ts';
import type { OfficialDocumentModel } from '../render/index.ts';
import { DOCUMENT_WORKFLOW } from './workflow.ts';

let t: TestPlatform;
const dept: Record<'BGS' | 'MZJ' | 'RSJ' | 'JYJ', string> = { BGS: '', MZJ: '', RSJ: '', JYJ: '' };
const tok: Record<string, string> = {};
const rendered: OfficialDocumentModel[] = [];
const sealCalls: { departmentId: string; reference: string; bytes: number }[] = [];

/** A stand-in for the GB/T 9704 renderer (written elsewhere): a real one-page PDF naming the 文号. */
async function fakeRender(model: OfficialDocumentModel): Promise<Uint8Array> {
  rendered.push(model);
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  pdf.setTitle(model.docNumber.replace(/[^\x20-\x7e]/g, '?'));
  return pdf.save();
}

/** A stand-in for the licences module's seals: stores the file in the step's transaction and records the call. */
const testSealer: DocumentSealer = {
  async seal(trx, input) {
    sealCalls.push({ departmentId: input.departmentId, reference: input.reference, bytes: input.pdf.length });
    const f = await t.p.kernel.files.save(trx, {
      stream: Readable.from(Buffer.from(input.pdf)),
      name: input.fileName,
      declaredMime: 'application/pdf',
      ownerId: input.ownerId,
      regionCode: input.regionCode,
    });
    return { identifier: `TEST-SEAL-${sealCalls.length}`, fileId: f.id, documentHash: '00', sealId: 'seal-1', sealName: '乌兰浩特市人民政府办公室（测试章）', sealedAt: t.clock.now().toISOString() };
  },
  async verify() {
    return { ok: false, problem: 'unknown' };
  },
};

const api = async (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url: `/api/office/documents${url}`, headers: token ? bearer(token) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload };
};
const view = async (token: string, id: string) => (await api(token, 'GET', `/${id}`)).body;
/** Takes a step with the version the page showed. */
const step = async (token: string, id: string, code: string, body: Record<string, unknown> = {}) => {
  const v = (await view(tok.clerk, id)).version;
  return api(token, 'POST', `/${id}/actions/${code}`, { expectedVersion: v, ...body });
};
const draft = (extra: Record<string, unknown> = {}) => ({
  title: '乌兰浩特市人民政府办公室关于做好2026年春季防火工作的通知',
  docType: '通知',
  mainRecipients: [dept.MZJ, dept.RSJ],
  ccRecipients: [dept.JYJ],
  externalRecipients: ['兴安盟行政公署办公室'],
  body: '各有关单位：\n一、提高认识\n春季是火灾高发期。\n二、落实责任\n（一）各单位要明确责任人。',
  attachments: [{ name: '春季防火责任清单' }],
  countersignDepartmentIds: [dept.MZJ, dept.RSJ],
  public: true,
  ...extra,
});
const create = async (extra: Record<string, unknown> = {}) => {
  const r = await api(tok.drafter, 'POST', '', draft(extra));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};
/** Drafted, reviewed without 会签 and signed off: ready for 编号. */
const signedDoc = async () => {
  const id = await create({ countersignDepartmentIds: [] });
  expect((await step(tok.drafter, id, 'submit')).status).toBe(200);
  expect((await step(tok.clerk, id, 'review', { outcome: 'pass' })).body.state).toBe('signing');
  expect((await step(tok.leader, id, 'sign')).body.state).toBe('signed');
  return id;
};

beforeAll(async () => {
  t = await startTestPlatform();
  const units = { BGS: '乌兰浩特市人民政府办公室', MZJ: '乌兰浩特市民政局', RSJ: '乌兰浩特市人力资源和社会保障局', JYJ: '乌兰浩特市教育局' } as const;
  for (const [code, name] of Object.entries(units)) dept[code as keyof typeof dept] = (await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name })).id;
  tok.drafter = await staffToken(t, ['office_clerk'], dept.BGS, 'drafter.bgs');
  tok.clerk = await staffToken(t, ['office_clerk'], dept.BGS, 'clerk.bgs');
  tok.clerk2 = await staffToken(t, ['office_clerk'], dept.BGS, 'clerk2.bgs');
  tok.leader = await staffToken(t, ['leader'], dept.BGS, 'leader01');
  tok.clerkMzj = await staffToken(t, ['office_clerk'], dept.MZJ, 'clerk.mzj');
  tok.leaderMzj = await staffToken(t, ['leader'], dept.MZJ, 'leader.mzj');
  tok.clerkRsj = await staffToken(t, ['office_clerk'], dept.RSJ, 'clerk.rsj');
  tok.clerkJyj = await staffToken(t, ['office_clerk'], dept.JYJ, 'clerk.jyj');
  await seedDocWords(t.p);
  t.p.office.documents.useRender(fakeRender);
  // The platform plugs in the licences module's seals; these tests start without any, then plug a test sealer.
  t.p.office.useSealer(null);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('发文', () => {
  it('ships a workflow that every check of the kernel accepts', () => {
    expect(
      validateDefinition(
        DOCUMENT_WORKFLOW,
        ROLES.map((r) => r.code),
      ),
    ).toEqual([]);
  });

  it('refuses to seal while no e-seal service is plugged in, and keeps the document as it was', async () => {
    const id = await signedDoc();
    expect((await step(tok.clerk, id, 'number')).status).toBe(200);
    const r = await step(tok.clerk, id, 'seal');
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('OFFICE_SEALER_UNAVAILABLE');
    expect(r.body.detail ?? r.body.title).toBeTruthy();
    const v = await view(tok.clerk, id);
    expect(v.state).toBe('numbered');
    expect(v.sealed).toBeNull();
    // Before sealing the PDF is a preview; while no renderer is there, it says so instead of failing.
    const preview = await api(tok.clerk, 'GET', `/${id}/pdf`);
    expect([
      preview.status,
      Buffer.from(preview.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ]).toEqual([200, '%PDF-']);
    t.p.office.documents.useRender(() => Promise.reject(new Error('not written yet')));
    const none = await api(tok.clerk, 'GET', `/${id}/pdf`);
    expect([none.status, none.body.code]).toEqual([409, 'OFFICE_RENDER_UNAVAILABLE']);
    t.p.office.documents.useRender(fakeRender);
    t.p.office.useSealer(testSealer);
  });

  it('walks a 发文 through every step with two 会签 departments in parallel', async () => {
    const id = await create();
    let v = await view(tok.drafter, id);
    expect(v).toMatchObject({ state: 'draft', textVersion: 1, docWord: '乌政办发', docNumber: null, issuingDepartment: { id: dept.BGS, name: '乌兰浩特市人民政府办公室' } });
    expect(v.availableActions.map((a: { code: string }) => a.code)).toEqual(['submit']);

    expect((await step(tok.drafter, id, 'submit', { opinion: '请核稿' })).body.state).toBe('reviewing');
    // The 核稿 clerk tidies a sentence: a new text version, and the 修改痕迹 show exactly what changed.
    const edited = await api(tok.clerk, 'PUT', `/${id}`, {
      ...draft(),
      body: draft().body.replace('春季是火灾高发期。', '春季是森林草原火灾高发期。'),
      expectedVersion: (await view(tok.clerk, id)).version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.textVersion).toBe(2);
    expect((await step(tok.clerk, id, 'review', { outcome: 'pass', opinion: '文字已修改，送会签' })).body.state).toBe('countersigning');

    // Both departments see it waiting for them at once; either may answer first.
    for (const who of [tok.clerkMzj, tok.clerkRsj]) expect((await api(who, 'GET', '?box=waiting')).body.items.map((d: { id: string }) => d.id)).toContain(id);
    const shown = (await view(tok.clerkRsj, id)).version;
    expect((await step(tok.clerkRsj, id, 'countersign', { outcome: 'agree', opinion: '同意。' })).body.state).toBe('countersigning');
    // The page RSJ showed is now stale for anyone: a second answer on it is refused, not counted.
    expect((await api(tok.leaderMzj, 'POST', `/${id}/actions/countersign`, { expectedVersion: shown, outcome: 'agree', opinion: '同意' })).status).toBe(409);
    const again = await step(tok.clerkRsj, id, 'countersign', { outcome: 'agree', opinion: '再次同意' });
    expect([again.status, again.body.code]).toEqual([409, 'OFFICE_ALREADY_COUNTERSIGNED']);
    expect((await view(tok.leader, id)).state).toBe('countersigning');
    expect((await step(tok.leaderMzj, id, 'countersign', { decision: 'disagree', opinion: '建议补充民政救助条款。' })).body.state).toBe('signing');

    v = await view(tok.leader, id);
    expect(v.countersigns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentId: dept.RSJ, state: 'agreed', opinion: '同意。', textVersion: 2 }),
        expect.objectContaining({ departmentId: dept.MZJ, state: 'disagreed', opinion: '建议补充民政救助条款。', textVersion: 2 }),
      ]),
    );
    // leader01's 待办 shows the 签发 as awaiting a signature.
    const todos = await t.app.inject({ method: 'GET', url: '/api/office/todos?signature=true', headers: bearer(tok.leader) });
    expect(todos.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'document', id, signature: true, actionZh: '签发', link: `/workbench/office/documents/${id}` })]));
    expect(v.availableActions.map((a: { code: string }) => a.code)).toEqual(['sign']);

    expect((await step(tok.leader, id, 'sign', { opinion: '同意印发。' })).body.state).toBe('signed');
    const numbered = await step(tok.clerk, id, 'number');
    expect(numbered.body.state).toBe('numbered');
    const sealed = await step(tok.clerk, id, 'seal');
    expect(sealed.status, JSON.stringify(sealed.body)).toBe(200);
    expect(sealCalls).toHaveLength(1);
    expect(sealCalls[0].departmentId).toBe(dept.BGS);
    const model = rendered[rendered.length - 1];
    expect(model).toMatchObject({
      issuerMark: '乌兰浩特市人民政府办公室文件',
      docNumber: sealCalls[0].reference,
      note: '此件公开发布',
      mainRecipients: ['乌兰浩特市民政局', '乌兰浩特市人力资源和社会保障局', '兴安盟行政公署办公室'],
    });
    expect(model.body).toContain('春季是森林草原火灾高发期。');

    expect((await step(tok.clerk, id, 'distribute')).body.state).toBe('distributed');
    v = await view(tok.clerk, id);
    expect(v.docNumber).toMatch(/^乌政办发〔2026〕\d+号$/);
    expect(v.sealed).toMatchObject({ identifier: 'TEST-SEAL-1' });
    expect(v.distribution.map((d: { name: string; kind: string }) => `${d.kind}:${d.name}`)).toEqual([
      'main:乌兰浩特市民政局',
      'main:乌兰浩特市人力资源和社会保障局',
      'cc:乌兰浩特市教育局',
      'external:兴安盟行政公署办公室',
    ]);
    // Every step keeps who took it, in which unit, its opinion and the text version it saw.
    expect(v.steps.map((s: { action: string; textVersion: number }) => `${s.action}@${s.textVersion}`)).toEqual([
      'draft@1',
      'submit@1',
      'edit@2',
      'review@2',
      'countersign@2',
      'countersign@2',
      'sign@2',
      'number@2',
      'seal@2',
      'distribute@2',
    ]);
    expect(v.steps.find((s: { action: string }) => s.action === 'sign')).toMatchObject({ unit: '乌兰浩特市人民政府办公室', opinion: '同意印发。' });

    // The 收文 area hears of it, once, with the sealed file for units outside the platform.
    const events = await t.p.kernel.db.selectFrom('kernel_outbox').select('payload').where('topic', '=', 'office.documents.document.distributed').execute();
    const mine = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload)).filter((p) => p.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ docNumber: v.docNumber, fileId: v.sealed.fileId, issuingDepartmentName: '乌兰浩特市人民政府办公室', externalRecipients: ['兴安盟行政公署办公室'] });
    expect(mine[0].recipients).toEqual([
      { departmentId: dept.MZJ, kind: 'main' },
      { departmentId: dept.RSJ, kind: 'main' },
      { departmentId: dept.JYJ, kind: 'cc' },
    ]);
    // A receiving unit sees it now; the sealed PDF is what it downloads.
    expect((await api(tok.clerkJyj, 'GET', `/${id}`)).status).toBe(200);
    const pdf = await api(tok.clerkJyj, 'GET', `/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(pdf.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Nothing is issued twice.
    const twice = await step(tok.clerk, id, 'distribute');
    expect([twice.status, twice.body.code]).toEqual([409, 'OFFICE_DOCUMENT_NOT_IN_STATE']);
    const record = await t.p.office.documents.archivable(id);
    expect(record).toMatchObject({ kind: 'document', reference: v.docNumber, responsible: '乌兰浩特市人民政府办公室', date: '2026-03-02' });
    expect(record!.files[0]).toMatchObject({ fileId: v.sealed.fileId, role: 'content' });
    expect(record!.actionLog).toHaveLength(10);
  });

  it('shows 修改痕迹 between versions and refuses an edit after 签发', async () => {
    const id = await create({ countersignDepartmentIds: [] });
    const v1 = await view(tok.drafter, id);
    const put = await api(tok.drafter, 'PUT', `/${id}`, { ...draft({ countersignDepartmentIds: [] }), title: '关于做好春季防火工作的通知', expectedVersion: v1.version });
    expect(put.status).toBe(200);
    const diff = await api(tok.drafter, 'GET', `/${id}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    const title = diff.body.changes.filter((c: { field: string }) => c.field === 'title');
    expect(
      title
        .filter((c: { op: string }) => c.op === 'delete')
        .map((c: { text: string }) => c.text)
        .join(''),
    ).toBe('乌兰浩特市人民政府办公室2026年');
    expect(
      title
        .filter((c: { op: string }) => c.op !== 'delete')
        .map((c: { text: string }) => c.text)
        .join(''),
    ).toBe('关于做好春季防火工作的通知');
    expect(diff.body.changes.filter((c: { field: string; op: string }) => c.field === 'body' && c.op !== 'equal')).toEqual([]);
    expect((await api(tok.drafter, 'GET', `/${id}/versions/1`)).body.title).toBe(draft().title);
    expect((await api(tok.drafter, 'GET', `/${id}/versions/3`)).body.code).toBe('OFFICE_DOCUMENT_VERSION_NOT_FOUND');
    expect((await api(tok.drafter, 'GET', `/${id}/diff?from=2&to=1`)).status).toBe(400);

    // A stale page's edit is refused and the newer text kept.
    const stale = await api(tok.drafter, 'PUT', `/${id}`, { ...draft({ countersignDepartmentIds: [] }), expectedVersion: v1.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'OFFICE_DOCUMENT_CHANGED']);
    await step(tok.drafter, id, 'submit');
    // A clerk of another unit cannot touch the text (nor see it).
    const outsiderEdit = await api(tok.clerkMzj, 'PUT', `/${id}`, { ...draft({ countersignDepartmentIds: [] }), expectedVersion: (await view(tok.drafter, id)).version });
    expect(outsiderEdit.status).toBe(404);
    await step(tok.clerk, id, 'review', { outcome: 'pass' });
    await step(tok.leader, id, 'sign');
    const after = await api(tok.clerk, 'PUT', `/${id}`, { ...draft({ countersignDepartmentIds: [] }), expectedVersion: (await view(tok.clerk, id)).version });
    expect([after.status, after.body.code]).toEqual([409, 'DOCUMENT_SIGNED']);
    const v = await view(tok.clerk, id);
    expect([v.textVersion, v.title]).toEqual([2, '关于做好春季防火工作的通知']);
  });

  it('lets only a leader of the issuing unit sign off', async () => {
    const id = await create({ countersignDepartmentIds: [] });
    await step(tok.drafter, id, 'submit');
    await step(tok.clerk, id, 'review', { outcome: 'pass' });
    for (const who of [tok.clerk, tok.leaderMzj]) {
      const r = await step(who, id, 'sign');
      expect(r.status).toBe(who === tok.leaderMzj ? 404 : 403);
    }
    const r = await step(tok.clerk, id, 'sign');
    expect(r.body).toMatchObject({ code: 'OFFICE_NOT_ISSUING_LEADER' });
    expect(r.body.detail ?? r.body.title).toBeTruthy();
    // The leader may return it with a reason instead; it goes back to the drafter.
    const back = await step(tok.leader, id, 'sign', { outcome: 'return' });
    expect([back.status, back.body.code]).toEqual([400, 'WORKFLOW_INPUT_MISSING']);
    expect((await step(tok.leader, id, 'sign', { outcome: 'return', reason: '请补充经费来源。' })).body.state).toBe('draft');
    const v = await view(tok.drafter, id);
    expect(v.steps.at(-1)).toMatchObject({ action: 'sign', outcome: 'return', opinion: '请补充经费来源。' });
    expect((await api(tok.drafter, 'GET', '?box=drafts')).body.items.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('gives two clerks numbering at once consecutive 文号, with no gap and no duplicate', async () => {
    const a = await signedDoc();
    const b = await signedDoc();
    const [ra, rb] = await Promise.all([step(tok.clerk, a, 'number'), step(tok.clerk2, b, 'number')]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const na = (await view(tok.clerk, a)).docNumber as string;
    const nb = (await view(tok.clerk, b)).docNumber as string;
    const seq = (n: string) => Number(n.match(/〕(\d+)号$/)![1]);
    expect(Math.abs(seq(na) - seq(nb))).toBe(1);

    // Two clerks numbering the same document at once: one number is taken, the other step is refused.
    const c = await signedDoc();
    const v = (await view(tok.clerk, c)).version;
    const both = await Promise.all([tok.clerk, tok.clerk2].map((who) => api(who, 'POST', `/${c}/actions/number`, { expectedVersion: v })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const nc = (await view(tok.clerk, c)).docNumber as string;
    expect(seq(nc)).toBe(Math.max(seq(na), seq(nb)) + 1);
    const d = await signedDoc();
    await step(tok.clerk, d, 'number');
    expect(seq((await view(tok.clerk, d)).docNumber)).toBe(seq(nc) + 1);
    const again = await step(tok.clerk, d, 'number');
    expect([again.status, again.body.code]).toEqual([409, 'OFFICE_ALREADY_NUMBERED']);
  });

  it('refuses a second seal and stores nothing for it', async () => {
    const id = await signedDoc();
    await step(tok.clerk, id, 'number');
    const calls = sealCalls.length;
    expect((await step(tok.clerk, id, 'seal')).status).toBe(200);
    const files = await t.p.kernel.db
      .selectFrom('kernel_file')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const again = await step(tok.clerk, id, 'seal');
    expect([again.status, again.body.code]).toEqual([409, 'OFFICE_ALREADY_SEALED']);
    expect(sealCalls.length).toBe(calls + 1);
    expect(
      await t.p.kernel.db
        .selectFrom('kernel_file')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(files);
  });

  it('refuses bad input clearly and loses nothing', async () => {
    const bad = async (payload: Record<string, unknown>, status: number, code?: string) => {
      const r = await api(tok.drafter, 'POST', '', payload);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      if (code) expect(r.body.code).toBe(code);
    };
    const before = (await api(tok.drafter, 'GET', '?box=all&limit=200')).body.items.length;
    await bad(draft({ docType: '简报' }), 400);
    await bad(draft({ title: '长'.repeat(201) }), 400);
    await bad(draft({ body: '' }), 400);
    await bad(draft({ mainRecipients: ['not-a-uuid'] }), 400);
    await bad(draft({ mainRecipients: ['00000000-0000-4000-8000-000000000000'] }), 422, 'OFFICE_UNKNOWN_DEPARTMENT');
    await bad(draft({ countersignDepartmentIds: [dept.BGS] }), 422, 'OFFICE_COUNTERSIGN_SELF');
    await bad(draft({ docWord: '乌民发' }), 422, 'OFFICE_DOC_WORD_NOT_ALLOWED');
    await bad(draft({ urgency: '很急' }), 400);
    // Someone else's upload cannot be attached.
    const other = await t.p.kernel.db
      .transaction()
      .execute((trx) => t.p.kernel.files.save(trx, { stream: Readable.from(Buffer.from('附件内容')), name: 'x.txt', declaredMime: 'text/plain', ownerId: 'someone-else', regionCode: '152201' }));
    await bad(draft({ attachments: [{ name: '别人的文件', fileId: other.id }] }), 422, 'OFFICE_UNKNOWN_FILE');
    await bad(draft({ extra: 1 }), 400);
    expect((await api(null, 'POST', '', draft())).status).toBe(401);
    // 乌政发 is BGS's other word (drafted for the government).
    const gov = await api(tok.drafter, 'POST', '', draft({ docWord: '乌政发', countersignDepartmentIds: [] }));
    expect(gov.status).toBe(201);
    expect((await api(tok.drafter, 'GET', '?box=all&limit=200')).body.items.length).toBe(before + 1);

    const id = gov.body.id as string;
    // An edit that leaves out the 机关代字 keeps the one chosen, not the unit's default.
    expect((await api(tok.drafter, 'PUT', `/${id}`, { ...draft({ countersignDepartmentIds: [] }), expectedVersion: 1 })).status).toBe(200);
    expect((await view(tok.drafter, id)).docWord).toBe('乌政发');
    // Another unit neither sees nor acts on a draft that is not theirs.
    expect((await api(tok.clerkMzj, 'GET', `/${id}`)).status).toBe(404);
    expect((await step(tok.clerkMzj, id, 'submit')).status).toBe(404);
    // Only the drafter submits; a step out of turn says so; a stale version is refused.
    expect((await step(tok.clerk, id, 'submit')).body.code).toBe('OFFICE_DOCUMENT_NOT_DRAFTER');
    expect((await step(tok.clerk, id, 'number')).body.code).toBe('OFFICE_DOCUMENT_NOT_IN_STATE');
    expect((await api(tok.drafter, 'POST', `/${id}/actions/submit`, { expectedVersion: 99 })).body.code).toBe('OFFICE_DOCUMENT_CHANGED');
    expect((await api(tok.drafter, 'POST', `/${id}/actions/publish`, { expectedVersion: 1 })).status).toBe(400);
    expect((await api(tok.drafter, 'POST', `/${id}/actions/submit`, {})).status).toBe(400);
    expect((await step(tok.drafter, id, 'submit')).status).toBe(200);
    expect((await step(tok.drafter, id, 'submit')).status).toBe(409);
    // 会签 by a department that was not asked.
    const cs = await create();
    await step(tok.drafter, cs, 'submit');
    await step(tok.clerk, cs, 'review', { outcome: 'pass' });
    const outsider = await step(tok.clerkJyj, cs, 'countersign', { outcome: 'agree', opinion: '同意' });
    expect(outsider.status).toBe(404);
    const noOpinion = await step(tok.clerkMzj, cs, 'countersign', { outcome: 'agree' });
    expect([noOpinion.status, noOpinion.body.code]).toEqual([400, 'WORKFLOW_INPUT_MISSING']);
    const noOutcome = await step(tok.clerkMzj, cs, 'countersign', { opinion: '同意' });
    expect([noOutcome.status, noOutcome.body.code]).toEqual([400, 'OFFICE_OUTCOME_INVALID']);
    expect((await view(tok.clerkMzj, cs)).countersigns.every((c: { state: string }) => c.state === 'pending')).toBe(true);
  });

  it('pages the boxes with a cursor', async () => {
    const first = await api(tok.clerk, 'GET', '?box=all&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await api(tok.clerk, 'GET', `?box=all&limit=2&after=${first.body.next}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    expect((await api(tok.clerk, 'GET', '?box=all&after=%%%')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect((await api(tok.clerk, 'GET', `?box=all&after=${forged}`)).status).toBe(400);
    expect((await api(tok.clerk, 'GET', '?limit=100000')).status).toBe(400);
  });

  it('seeds the demo 公文 at their steps: one distributed, one awaiting leader01, one in 会签, one draft', async () => {
    await seedOfficeDocuments(t.p, new Map(Object.entries(dept)));
    const all = (await api(tok.leader, 'GET', '?box=all&limit=200')).body.items as { title: string; state: string }[];
    const state = (word: string) => all.find((d) => d.title.includes(word))?.state;
    expect(state('森林草原防灭火')).toBe('distributed');
    const waiting = (await api(tok.leader, 'GET', '?box=waiting')).body.items as { title: string }[];
    expect(waiting.map((d) => d.title)).toContain('乌兰浩特市人民政府办公室关于进一步做好高校毕业生等青年就业工作的意见');
    expect((await api(tok.clerkMzj, 'GET', '?box=waiting')).body.items.map((d: { title: string }) => d.title)).toContain('乌兰浩特市人力资源和社会保障局关于商请提供困难家庭高校毕业生名单的函');
    expect((await api(tok.clerkMzj, 'GET', '?box=drafts')).body.items).toHaveLength(1);
  });
});
