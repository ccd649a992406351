import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../../kernel/ids/citizen-id.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { LibraryPort } from '../ports.ts';
import { seedOpenReview } from '../../../../seed/openness/review.ts';
import { checkContent, textsOf } from './check.ts';

/* 发布审核: the content check, 保密审查, a leader's approval publishing in the library, 解读 with its 原文. */

let t: TestPlatform;
let deptA: string;
let deptB: string;
const tok: Record<'editor' | 'editor2' | 'reviewer' | 'leader' | 'leader2' | 'reviewerB' | 'leaderB' | 'editorB' | 'admin', string> = {} as never;

/** A synthetic person's ID number (valid check digit) and the same with a wrong one. */
const GOOD_ID = makeCitizenId('152201', '1985-03-12', 123);
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === '1' ? '2' : '1');

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const raw = (method: Method, url: string, token: string, body: string) => t.app.inject({ method, url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: body });
const problem = (res: { statusCode: number; body: string; json: () => Record<string, unknown> }, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  const p = res.json();
  expect(p).toMatchObject({ status, zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
  if (code) expect(p.code).toBe(code);
  return p;
};
const count = async (table: 'openness_draft' | 'openness_draft_action' | 'openness_lexicon_term') =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let seq = 0;
const doc = (over: Record<string, unknown> = {}) => ({
  title: `关于做好2026年冬季供暖保障工作的通知${++seq}`,
  kind: 'notice',
  themeCode: '09',
  writtenOn: '2026-02-20',
  disclosure: 'proactive',
  summary: '冬季供暖保障',
  body: '各苏木乡镇人民政府、街道办事处：\n\n为做好今冬供暖保障工作，现通知如下。\n\n一、加强供热设施巡查。',
  keywords: ['供暖'],
  ...over,
});

async function draft(token: string, body: Record<string, unknown>) {
  const r = await call('POST', '/api/openness/drafts', token, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const view = async (id: string, token = tok.editor) => {
  const r = await call('GET', `/api/openness/drafts/${id}`, token);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const step = async (id: string, code: string, token: string, body: Record<string, unknown> = {}) => {
  const v = (await view(id, tok.admin)).version;
  return call('POST', `/api/openness/drafts/${id}/actions/${code}`, token, { expectedVersion: v, ...body });
};
const ok = async (id: string, code: string, token: string, body: Record<string, unknown> = {}) => {
  const r = await step(id, code, token, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const REVIEW = { outcome: 'pass', opinion: '经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开', basis: '《中华人民共和国保守国家秘密法》《政府信息公开条例》第十七条' };
/** Through 提交 and 保密审查 to the leader. */
const toApproval = async (id: string) => {
  const s = await ok(id, 'submit', tok.editor);
  expect(s.state, JSON.stringify(s)).toBe('secrecy_review');
  expect((await ok(id, 'secrecy', tok.reviewer, REVIEW)).state).toBe('approval');
};

let library: LibraryPort;
/** Who did what to a published document and why, as the library keeps it. */
let libraryHistory: (id: string) => Promise<{ what: string; who: string; why: string }[]>;

beforeAll(async () => {
  t = await startTestPlatform();
  library = t.p.openness.review.drafts.ctx.ports.library!;
  expect(library).toBeTruthy();
  libraryHistory = async (id) => {
    const r = await call('GET', `/api/openness/documents/${id}/history`, tok.editor);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { action: string; actorName: string; reason: string | null }[]).map((h) => ({ what: h.action, who: h.actorName, why: h.reason ?? '' }));
  };
  deptA = (await department(t, '152201', '测试政府办')).id;
  deptB = (await department(t, '152201', '测试民政局')).id;
  // Named as the demo's BGS staff, so the demo seed runs against them.
  tok.editor = await staffToken(t, ['openness_editor'], deptA, 'gk.bgs');
  tok.editor2 = await staffToken(t, ['openness_editor'], deptA, 'gk.a2');
  tok.reviewer = await staffToken(t, ['secrecy_reviewer'], deptA, 'bm.bgs');
  tok.leader = await staffToken(t, ['leader'], deptA, 'leader01');
  tok.leader2 = await staffToken(t, ['leader'], deptA, 'leader.a2');
  tok.editorB = await staffToken(t, ['openness_editor'], deptB, 'gk.b');
  tok.reviewerB = await staffToken(t, ['secrecy_reviewer'], deptB, 'bm.b');
  tok.leaderB = await staffToken(t, ['leader'], deptB, 'leader.b');
  tok.admin = await staffToken(t, ['openness_admin'], deptA, 'gk.admin');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the content check (a pure function)', () => {
  it('finds a planted ID number with a valid check digit, with its place and masked; an invalid one is not flagged', () => {
    const body = `第一段没有问题。\n\n申请人张某某（身份证号${GOOD_ID}）已核实。另一号码${BAD_ID}不是有效号码。`;
    const f = checkContent(textsOf({ title: '标题', body }), [], new Date('2026-12-01'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'id_number', field: 'body', paragraph: 2, offset: '申请人张某某（身份证号'.length, length: 18, waivable: false });
    expect(body.slice(f[0].start, f[0].start + f[0].length)).toBe(GOOD_ID);
    expect(f[0].excerpt).toBe(`${GOOD_ID.slice(0, 4)}**********${GOOD_ID.slice(-4)}`);
  });

  it('finds listed words, mobiles, landlines and residential addresses in every checked field', () => {
    const f = checkContent(
      textsOf({
        title: '内部资料：情况通报',
        summary: '联系电话 0482-8212345',
        body: '请联系13912345678。\n\n住址：乌兰浩特市兴安南大路27号3号楼2单元301室；和平小区5号楼1单元102室。',
        keywords: ['秘密★'],
        links: [{ label: '不得外传的图解', url: 'https://x.example' }],
      }),
      ['内部资料', '秘密★', '不得外传'],
    );
    const kinds = f.map((x) => `${x.field}:${x.kind}`);
    expect(kinds).toEqual(['title:sensitive_word', 'summary:landline', 'body:mobile', 'body:address', 'body:address', 'keywords:sensitive_word', 'links:sensitive_word']);
    expect(f.find((x) => x.kind === 'mobile')!.excerpt).toBe('139****5678');
    expect(f.find((x) => x.kind === 'landline')).toMatchObject({ waivable: true, excerpt: '****-****345' });
    expect(f.filter((x) => x.kind === 'address').every((x) => x.paragraph === 2 && !/\d/.test(x.excerpt))).toBe(true);
    expect(f[0]).toMatchObject({ term: '内部资料', start: 0, paragraph: 1, waivable: false });
    // 商业秘密 is ordinary language; only the marked 秘密★ is listed. Hotline 12345 is no phone number.
    expect(checkContent(textsOf({ title: '保护商业秘密', body: '拨打12345热线。' }), ['秘密★'])).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('loads the list and BGS drafts in each state; leader01 publishes the 规范性文件 with its 解读', async () => {
    await seedOpenReview(t.p, new Map([['BGS', deptA]]));
    expect(await count('openness_lexicon_term')).toBe(30);
    const mine = (await call('GET', '/api/openness/drafts?box=mine', tok.editor)).json().items as { id: string; title: string; state: string; checkState: string; kind: string }[];
    const byTitle = (part: string) => mine.find((d) => d.title.includes(part))!;
    expect(byTitle('低保对象动态复核')).toMatchObject({ state: 'draft', checkState: 'blocked' });
    const held = await view(byTitle('低保对象动态复核').id);
    expect(held.findings.map((f: { kind: string }) => f.kind).sort()).toEqual(['id_number', 'sensitive_word']);
    expect(byTitle('元旦')).toMatchObject({ state: 'secrecy_review', checkState: 'review' });
    const waiting = (await call('GET', '/api/openness/drafts?box=approval', tok.leader)).json().items as { id: string; kind: string }[];
    expect(waiting.map((d) => d.kind).sort()).toEqual(['interpretation', 'normative']);
    const original = waiting.find((d) => d.kind === 'normative')!;
    const a = await ok(original.id, 'approve', tok.leader);
    expect(a.published).toHaveLength(2);
    expect(await library.get(t.p.kernel.db, a.published[1].id)).toMatchObject({ kind: 'interpretation', interpretationOf: a.published[0].id });
  });
});

describe('the sensitive-word list', () => {
  it('is edited by openness.manage only, with its history', async () => {
    problem(await call('POST', '/api/openness/lexicon', tok.editor, { term: '绝密', category: 'classification' }), 403);
    problem(await call('POST', '/api/openness/lexicon', tok.admin, { term: '内部资料', category: 'classification' }), 409, 'OPENNESS_TERM_TAKEN');
    problem(await call('POST', '/api/openness/lexicon', tok.admin, { term: '', category: 'classification' }), 400);
    const list = await call('GET', '/api/openness/lexicon', tok.editor);
    expect(list.statusCode).toBe(200);
    const term = list.json().items.find((x: { term: string }) => x.term === '维稳内参');
    problem(await call('PUT', `/api/openness/lexicon/${term.id}`, tok.admin, { expectedVersion: 9, active: false }), 409, 'OPENNESS_TERM_CHANGED');
    const off = await call('PUT', `/api/openness/lexicon/${term.id}`, tok.admin, { expectedVersion: term.version, active: false, note: '已不使用' });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const changes = await call('GET', '/api/openness/lexicon/changes', tok.admin);
    expect(changes.json().items[0]).toMatchObject({ term: '维稳内参', action: 'removed', active: false, by: expect.any(String) });
    problem(await call('GET', '/api/openness/lexicon/changes', tok.editor), 403);
    problem(await call('GET', '/api/openness/lexicon'), 401);
  });
});

describe('drafts and the steps to publication', () => {
  it('holds a draft with a planted ID number and a listed word in 拟稿 until they are edited out', async () => {
    const id = await draft(tok.editor, { purpose: 'publish', document: doc({ body: `关于内部资料的说明。\n\n经办人身份证号${GOOD_ID}。` }) });
    const s = await ok(id, 'submit', tok.editor);
    expect(s).toMatchObject({ state: 'draft', check: 'blocked' });
    expect(s.findings.map((f: { kind: string; paragraph: number }) => [f.kind, f.paragraph])).toEqual([
      ['sensitive_word', 1],
      ['id_number', 2],
    ]);
    // The finding names the place, never the full ID number (the text itself is the department's own).
    expect(JSON.stringify((await view(id)).findings)).not.toContain(GOOD_ID.slice(4, 14));
    const stored = await t.p.kernel.db.selectFrom('openness_draft_finding').selectAll().where('draft_id', '=', id).execute();
    expect(JSON.stringify(stored)).not.toContain(GOOD_ID.slice(4, 14));
    // Nothing to review or approve: it never left 拟稿.
    problem(await step(id, 'secrecy', tok.reviewer, REVIEW), 409, 'OPENNESS_DRAFT_NOT_IN_STATE');
    problem(await step(id, 'approve', tok.leader), 409, 'OPENNESS_DRAFT_NOT_IN_STATE');
    // An ID number cannot be waived as a false alarm.
    const v = await view(id);
    expect(v.checkState).toBe('blocked');
    expect(v.findings).toHaveLength(2);
    // Edited out → resubmitted → passes.
    const put = await call('PUT', `/api/openness/drafts/${id}`, tok.editor, { expectedVersion: v.version, document: doc({ title: v.title, body: '关于有关情况的说明。\n\n经办人已核实身份。' }) });
    expect(put.statusCode, put.body).toBe(200);
    const again = await ok(id, 'submit', tok.editor);
    expect(again).toMatchObject({ state: 'secrecy_review', check: 'clear', findings: [] });
    const hist = (await view(id)).steps.map((x: { action: string; outcome: string | null }) => `${x.action}:${x.outcome ?? ''}`);
    expect(hist).toEqual(['create:', 'submit:blocked', 'edit:', 'submit:']);
  });

  it('lets only a 保密审查员 of the same department sign off, with opinion and basis, and a phone waived with a reason', async () => {
    const id = await draft(tok.editor, { purpose: 'publish', document: doc({ body: '咨询电话：0482-8212345。\n\n联系人手机13912345678。' }) });
    const s = await ok(id, 'submit', tok.editor);
    expect(s).toMatchObject({ state: 'secrecy_review', check: 'review' });
    problem(await step(id, 'secrecy', tok.reviewerB, REVIEW), 403, 'OPENNESS_NOT_SECRECY_REVIEWER');
    problem(await step(id, 'secrecy', tok.editor, REVIEW), 403, 'OPENNESS_NOT_SECRECY_REVIEWER');
    problem(await step(id, 'secrecy', tok.reviewer, REVIEW), 409, 'OPENNESS_DRAFT_FINDINGS_OPEN');
    const [hotline, mobile] = (await view(id, tok.reviewer)).findings;
    const waive = async (fid: string, token: string, reason = '政务服务咨询电话，依法公开') =>
      call('POST', `/api/openness/drafts/${id}/findings/${fid}/waive`, token, { expectedVersion: (await view(id, tok.admin)).version, reason });
    problem(await waive(hotline.id, tok.reviewerB), 403);
    problem(await waive(hotline.id, tok.editor), 403);
    problem(await waive(hotline.id, tok.reviewer, ''), 400);
    const w = await waive(hotline.id, tok.reviewer);
    expect(w.json()).toMatchObject({ state: 'waived', waiveReason: '政务服务咨询电话，依法公开', waivedBy: expect.any(String) });
    problem(await waive(hotline.id, tok.reviewer), 409, 'OPENNESS_FINDING_ALREADY_WAIVED');
    // A private mobile is returned for editing; the waiver of the hotline carries over to the next round.
    expect((await ok(id, 'secrecy', tok.reviewer, { outcome: 'return', reason: '含个人手机号，请删除' })).state).toBe('draft');
    void mobile;
    const v = await view(id);
    await call('PUT', `/api/openness/drafts/${id}`, tok.editor, { expectedVersion: v.version, document: doc({ title: v.title, body: '咨询电话：0482-8212345。' }) });
    const s2 = await ok(id, 'submit', tok.editor);
    expect(s2).toMatchObject({ state: 'secrecy_review', check: 'clear' });
    expect(s2.findings).toMatchObject([{ kind: 'landline', state: 'waived', waiveReason: '政务服务咨询电话，依法公开' }]);
    problem(await step(id, 'secrecy', tok.reviewer, { outcome: 'pass', basis: '保密法' }), 400, 'WORKFLOW_INPUT_MISSING');
    expect((await ok(id, 'secrecy', tok.reviewer, REVIEW)).state).toBe('approval');
    const after = await view(id);
    expect(after.reviewer).toMatchObject({ basis: REVIEW.basis });
    expect(after.steps.find((x: { action: string; outcome: string }) => x.action === 'secrecy' && x.outcome === 'pass')).toMatchObject({ opinion: REVIEW.opinion, basis: REVIEW.basis });
    // A leader of another department cannot approve; the department's leader publishes.
    problem(await step(id, 'approve', tok.leaderB), 403, 'OPENNESS_NOT_DEPARTMENT_LEADER');
    problem(await step(id, 'approve', tok.reviewer), 403, 'OPENNESS_NOT_DEPARTMENT_LEADER');
    const a = await ok(id, 'approve', tok.leader);
    expect(a.state).toBe('published');
    const published = await library.get(t.p.kernel.db, a.published[0].id);
    expect(published).toMatchObject({ title: v.title, state: 'published' });
    expect((await view(id)).published).toMatchObject({ id: a.published[0].id });
  });

  it('refuses a 解读 before its 原文 and publishes a 原文 with its ready 解读 in one step', async () => {
    const original = await draft(tok.editor, { purpose: 'publish', document: doc({ kind: 'normative', title: '乌兰浩特市城市供热管理办法（测试）', number: '乌政办发〔2026〕91号' }) });
    const interp = await draft(tok.editor, {
      purpose: 'publish',
      interpretationOfDraft: original,
      document: doc({ kind: 'interpretation', title: '《乌兰浩特市城市供热管理办法》政策解读', interpretationForm: 'text' }),
    });
    await toApproval(original);
    // 同步解读: a 规范性文件 waits for its 解读.
    problem(await step(original, 'approve', tok.leader), 409, 'OPENNESS_INTERPRETATION_REQUIRED');
    await toApproval(interp);
    problem(await step(interp, 'approve', tok.leader), 409, 'OPENNESS_INTERPRETATION_BEFORE_ORIGINAL');
    const a = await ok(original, 'approve', tok.leader);
    expect(a.published.map((p: { draftId: string }) => p.draftId)).toEqual([original, interp]);
    const [o, i] = a.published;
    expect(await library.get(t.p.kernel.db, i.id)).toMatchObject({ interpretationOf: o.id, kind: 'interpretation' });
    expect((await library.get(t.p.kernel.db, o.id))!.interpretations).toContain(i.id);
    const iv = await view(interp);
    expect(iv).toMatchObject({ state: 'published', published: { id: i.id } });
    expect(iv.steps.at(-1)).toMatchObject({ action: 'approve', zh: '随原文同步发布' });
    // A 解读 naming a published document that does not exist, or naming none: refused on save.
    problem(
      await call('POST', '/api/openness/drafts', tok.editor, { purpose: 'publish', document: doc({ kind: 'interpretation', interpretationOf: uuidv7() }) }),
      422,
      'OPENNESS_INTERPRETATION_ORIGINAL_MISSING',
    );
    problem(await call('POST', '/api/openness/drafts', tok.editor, { purpose: 'publish', document: doc({ kind: 'interpretation' }) }), 422, 'OPENNESS_INTERPRETATION_NO_ORIGINAL');
    // The 文号 is now the published document's: a new draft with it is refused.
    const reused = await call('POST', '/api/openness/drafts', tok.editor, { purpose: 'publish', document: doc({ number: '乌政办发〔2026〕91号' }) });
    expect(reused.statusCode, reused.body).toBe(409);
  });

  it('keeps a change and a withdrawal in the library with who and why', async () => {
    const id = await draft(tok.editor, { purpose: 'publish', document: doc() });
    await toApproval(id);
    const docId = (await ok(id, 'approve', tok.leader)).published[0].id as string;
    problem(await call('POST', '/api/openness/drafts', tok.editorB, { purpose: 'withdraw', targetId: docId, reason: '不是本部门文件' }), 403, 'OPENNESS_DRAFT_NOT_ISSUER');
    problem(await call('POST', '/api/openness/drafts', tok.editor, { purpose: 'change', targetId: docId, document: doc() }), 400);
    const change = await draft(tok.editor, { purpose: 'change', targetId: docId, reason: '更正供暖起始日期', document: doc({ title: '关于做好冬季供暖保障工作的通知（更正）' }) });
    await toApproval(change);
    await ok(change, 'approve', tok.leader);
    expect(await library.get(t.p.kernel.db, docId)).toMatchObject({ title: '关于做好冬季供暖保障工作的通知（更正）', version: 2 });
    const withdraw = await draft(tok.editor, { purpose: 'withdraw', targetId: docId, reason: '供暖期调整，原通知停止执行' });
    // A withdrawal publishes nothing: it goes straight to the leader.
    expect((await ok(withdraw, 'submit', tok.editor)).state).toBe('approval');
    await ok(withdraw, 'approve', tok.leader);
    expect(await library.get(t.p.kernel.db, docId)).toMatchObject({ state: 'withdrawn' });
    const h = await libraryHistory(docId);
    expect(h.map((x) => x.what)).toEqual(['published', 'changed', 'withdrawn']);
    expect(h[1].why).toBe('更正供暖起始日期');
    expect(h[2].why).toBe('供暖期调整，原通知停止执行');
  });

  it('lets one of two leaders approving at once publish; the other gets 409 and nothing is published twice', async () => {
    const id = await draft(tok.editor, { purpose: 'publish', document: doc() });
    await toApproval(id);
    const v = (await view(id)).version;
    const [a, b] = await Promise.all([tok.leader, tok.leader2].map((tk) => call('POST', `/api/openness/drafts/${id}/actions/approve`, tk, { expectedVersion: v })));
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = (await view(id)).steps.filter((x: { action: string }) => x.action === 'approve');
    expect(steps).toHaveLength(1);
  });

  it('lets one of two editors saving at once win', async () => {
    const id = await draft(tok.editor, { purpose: 'publish', document: doc() });
    const [a, b] = await Promise.all([tok.editor, tok.editor2].map((tk, i) => call('PUT', `/api/openness/drafts/${id}`, tk, { expectedVersion: 1, document: doc({ title: `同时修改${i}` }) })));
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

describe('bad input', () => {
  it('refuses clearly and stores nothing', async () => {
    const before = [await count('openness_draft'), await count('openness_draft_action')];
    const post = (body: unknown, token = tok.editor) => call('POST', '/api/openness/drafts', token, body);
    problem(await call('POST', '/api/openness/drafts', undefined, { purpose: 'publish', document: doc() }), 401);
    problem(await post({ purpose: 'publish', document: doc() }, tok.reviewer), 403);
    problem(await post({ purpose: 'publish', document: doc() }, (await personToken(t)).token), 403);
    problem(await post({ purpose: 'publish' }), 400);
    problem(await post({ purpose: 'publish', document: doc({ kind: 5 }) }), 400);
    problem(await post({ purpose: 'publish', document: doc({ writtenOn: '2026-02-30' }) }), 400);
    problem(await post({ purpose: 'publish', document: doc({ body: '长'.repeat(200_001) }) }), 400);
    problem(await post({ purpose: 'publish', document: doc({ title: '标题\u0000' }) }), 400);
    problem(await raw('POST', '/api/openness/drafts', tok.editor, `{"purpose":"publish","document":${JSON.stringify(doc()).replace('"冬季供暖保障"', '"\\ud800冬季"')}}`), 400);
    problem(await raw('POST', '/api/openness/drafts', tok.editor, '{"purpose":'), 400);
    problem(await post({ purpose: 'publish', document: doc({ writtenOn: '2026-02-20', publishOn: '2026-02-19' }) }), 422, 'OPENNESS_PUBLISH_BEFORE_WRITTEN');
    problem(await post({ purpose: 'publish', document: doc({ attachments: [{ fileId: uuidv7(), name: '附件.pdf' }] }) }), 422, 'OPENNESS_UNKNOWN_FILE');
    problem(await post({ purpose: 'withdraw', targetId: uuidv7(), reason: '测试' }), 422, 'OPENNESS_DRAFT_TARGET_MISSING');
    expect([await count('openness_draft'), await count('openness_draft_action')]).toEqual(before);
    // A 文号 held by another open draft.
    await draft(tok.editor, { purpose: 'publish', document: doc({ number: '乌政发〔2026〕7号' }) });
    problem(await post({ purpose: 'publish', document: doc({ number: '乌政发〔2026〕7号' }) }), 409, 'OPENNESS_NUMBER_REUSED');
    // Steps: an unknown code, a stale version, a wrong outcome, out-of-range paging, a hand-made cursor.
    const id = await draft(tok.editor, { purpose: 'publish', document: doc() });
    problem(await call('POST', `/api/openness/drafts/${id}/actions/publish`, tok.editor, { expectedVersion: 1 }), 400);
    problem(await call('POST', `/api/openness/drafts/${id}/actions/submit`, tok.editor, { expectedVersion: 7 }), 409, 'OPENNESS_DRAFT_CHANGED');
    problem(await call('POST', `/api/openness/drafts/${id}/actions/submit`, tok.editor, {}), 400);
    problem(await call('GET', '/api/openness/drafts?limit=100000', tok.editor), 400);
    problem(await call('GET', '/api/openness/drafts?after=abc', tok.editor), 400);
    problem(await call('GET', `/api/openness/drafts/${id}`, tok.editorB), 404);
    problem(await call('GET', '/api/openness/drafts/not-a-uuid', tok.editor), 400);
  });

  it('lists drafts by box for each role, keyset-paged', async () => {
    const mine = await call('GET', '/api/openness/drafts?box=mine&limit=2', tok.editor);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(2);
    const next = await call('GET', `/api/openness/drafts?box=mine&limit=2&after=${mine.json().next}`, tok.editor);
    expect(next.json().items[0].id).not.toBe(mine.json().items[0].id);
    const id = await draft(tok.editor, { purpose: 'publish', document: doc() });
    await ok(id, 'submit', tok.editor);
    const waiting = await call('GET', '/api/openness/drafts?box=secrecy', tok.reviewer);
    expect(waiting.json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await call('GET', '/api/openness/drafts?box=secrecy', tok.reviewerB)).json().items).toEqual([]);
    expect((await call('GET', '/api/openness/drafts?box=secrecy', tok.editor)).json().items).toEqual([]);
    expect((await call('GET', '/api/openness/drafts?box=approval', tok.leader)).statusCode).toBe(200);
    problem(await call('GET', '/api/openness/drafts', (await personToken(t)).token), 403);
  });
});
