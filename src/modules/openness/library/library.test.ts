import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpenLibrary } from '../../../../seed/openness/library.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { DocumentInput, LibraryPort } from '../ports.ts';

/*
 * 政策文件库: the demo documents (real texts, some in traditional characters, and the demo region's own)
 * imported through every check; search, facets, a document with its 解读 and what replaced it; the
 * feeds; 解读 never before its 原文; the bad inputs the issue names; validity, withdrawal and history.
 */

let t: TestPlatform;
let port: LibraryPort;
const depts = new Map<string, string>();
let editorBgs: string;
let editorMzj: string;
let admin: string;
let stranger: string;
const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };

type Brief = { id: string; title: string; number: string | null; indexNo: string; issuerName: string; writtenOn: string; publishedOn: string; validity: string; kind: string };
const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const search = async (q: string, extra = ''): Promise<{ count: number; results: Brief[]; facets: Record<string, { value: string; count: number }[]> }> => {
  const res = await call('GET', `/api/openness/documents?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const byNumber = async (number: string): Promise<Brief> => {
  const hit = (await search(number)).results.find((r) => r.number === number);
  expect(hit, number).toBeTruthy();
  return hit!;
};
const count = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('openness_document')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const problem = (res: { statusCode: number; json(): unknown }, status: number) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { title?: string; detail?: string; zh?: string; en?: string };
  expect(JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/);
  expect(JSON.stringify(body)).toMatch(/[a-z]{3}/);
  return body;
};
const input = (o: Partial<DocumentInput> = {}): DocumentInput => ({
  title: '乌兰浩特市测试管理办法',
  kind: 'normative',
  themeCode: '01',
  issuerDepartmentId: depts.get('BGS')!,
  writtenOn: '2026-02-02',
  publishOn: '2026-02-10',
  disclosure: 'proactive',
  body: '第一条 为了规范测试管理，制定本办法。',
  ...o,
});

beforeAll(async () => {
  t = await startTestPlatform();
  port = t.p.openness.library.port!;
  for (const [code, name] of [
    ['BGS', '乌兰浩特市人民政府办公室'],
    ['MZJ', '乌兰浩特市民政局'],
    ['RSJ', '乌兰浩特市人力资源和社会保障局'],
    ['CLH', '乌兰浩特市残疾人联合会'],
  ]) {
    depts.set(code, (await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name })).id);
  }
  editorBgs = await staffToken(t, ['openness_editor'], depts.get('BGS')!);
  editorMzj = await staffToken(t, ['openness_editor'], depts.get('MZJ')!);
  admin = await staffToken(t, ['openness_admin'], depts.get('BGS')!);
  stranger = await staffToken(t, ['office_clerk'], depts.get('RSJ')!);
  await seedOpenLibrary(t.p, depts);
}, 180_000);
afterAll(async () => t?.close());

describe('the demo library', () => {
  it('loads the real texts with the metadata they print, and the region’s own with 索引号 from the credit code', async () => {
    const nmg = await byNumber('内政发〔2024〕12号');
    expect(nmg).toMatchObject({
      title: '内蒙古自治区人民政府关于印发自治区数字政府建设实施方案的通知',
      issuerName: '内蒙古自治区人民政府',
      writtenOn: '2024-03-05',
      validity: 'valid',
      kind: 'policy',
    });
    // An outside issuer's 索引号 is the region's.
    expect(nmg.indexNo).toMatch(/^152201\/2024-\d{5}$/);
    expect(await byNumber('常政发〔2022〕82号')).toMatchObject({ issuerName: '常州市人民政府', writtenOn: '2022-09-26' });
    expect(await byNumber('舞工信〔2022〕25号')).toMatchObject({ issuerName: '舞阳县工业和信息化局' });
    const plan = (await search('乌兰浩特市数字政府建设行动方案')).results[0];
    expect(plan).toMatchObject({ title: '乌兰浩特市数字政府建设行动方案（2021—2023年）', validity: 'expired', issuerName: '乌兰浩特市人民政府' });
    // 统一社会信用代码/年份-流水号 for a department the demo gave a credit code.
    expect(plan.indexNo).toMatch(/^11152201[0-9A-Z]{10}\/2021-00001$/);
    const doc = (await call('GET', `/api/openness/documents/${nmg.id}`)).json();
    expect(doc.body).toContain('內蒙古自治區人民政府');
    expect(doc.themeName).toBe('综合政务');
  });

  it('finds documents by phrases from their text, a traditional-character text by a simplified phrase', async () => {
    expect((await search('以铸牢中华民族共同体意识为工作主线')).results[0].number).toBe('内政发〔2024〕12号');
    expect((await search('首席数据官制度')).results[0].number).toBe('常政发〔2022〕82号');
    expect((await search('龙江全面振兴全方位振兴')).results[0].title).toBe('黑龙江省人民政府关于加强数字政府建设的实施意见');
    expect((await search('数字工信建设')).results[0].number).toBe('舞工信〔2022〕25号');
    expect((await search('电子政务外网升级改造')).results[0].title).toContain('乌兰浩特市数字政府建设行动方案');
    expect((await search('重度残疾人护理补贴')).results[0].title).toBe('乌兰浩特市困难残疾人生活补贴和重度残疾人护理补贴实施办法');
    // A traditional query finds the simplified text too.
    expect((await search('小微企業吸納就業補貼')).results[0].title).toContain('小微企业吸纳就业补贴');
  });

  it('counts facets and filters by theme, issuer, year, validity and kind', async () => {
    const all = await search('', '&size=50');
    expect(all.count).toBeGreaterThan(25);
    const expired = await search('', '&validity=expired');
    expect(expired.results.every((r) => r.validity === 'expired')).toBe(true);
    expect(expired.count).toBe(2);
    expect(all.facets.validity.find((f) => f.value === 'expired')?.count).toBe(2);
    // Choosing a value keeps the other values' counts.
    expect(expired.facets.validity.find((f) => f.value === 'valid')!.count).toBeGreaterThan(10);
    const regs = await search('', '&kind=regulation');
    expect(regs.count).toBe(2);
    const y2022 = await search('', '&year=2022');
    expect(y2022.results.map((r) => r.publishedOn.slice(0, 4))).toEqual(['2022', '2022', '2022']);
    const mzj = await search('', `&issuer=${depts.get('MZJ')}`);
    expect(mzj.results.every((r) => r.issuerName === '乌兰浩特市民政局')).toBe(true);
    const theme = await search('', '&theme=14');
    expect(theme.results.length).toBeGreaterThan(0);
    problem(await call('GET', '/api/openness/documents?year=abc'), 400);
    problem(await call('GET', '/api/openness/documents?size=1000'), 400);
    problem(await call('GET', `/api/openness/documents?q=${'长'.repeat(201)}`), 400);
  });

  it('shows a document with its 解读 both ways, what it amended, and its attachment', async () => {
    const dibao = (await search('最低生活保障审核确认实施细则（修订）')).results[0];
    const doc = (await call('GET', `/api/openness/documents/${dibao.id}`)).json();
    expect(doc.interpretationList).toHaveLength(1);
    expect(doc.replaces).toHaveLength(1);
    expect(doc.replaces[0]).toMatchObject({ validity: 'amended', title: '乌兰浩特市最低生活保障审核确认实施细则' });
    const old = (await call('GET', `/api/openness/documents/${doc.replaces[0].id}`)).json();
    expect(old).toMatchObject({ validity: 'amended', replacedBy: dibao.id });
    expect(old.replacedByDocument.id).toBe(dibao.id);
    const jd = (await call('GET', `/api/openness/documents/${doc.interpretationList[0].id}`)).json();
    expect(jd).toMatchObject({ kind: 'interpretation', interpretationOf: dibao.id });
    expect(jd.original.id).toBe(dibao.id);
    const video = (await search('残疾人两项补贴怎么申请')).results[0];
    expect((await call('GET', `/api/openness/documents/${video.id}`)).json()).toMatchObject({ interpretationForm: 'video', links: [{ url: '/services' }] });
    const ys = (await search('优化营商环境若干措施')).results[0];
    const withFile = (await call('GET', `/api/openness/documents/${ys.id}`)).json();
    expect(withFile.attachments).toHaveLength(1);
    const file = await call('GET', withFile.attachments[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('企业开办');
    problem(await call('GET', `/api/openness/documents/${ys.id}/attachments/${doc.id}`), 404);
    problem(await call('GET', '/api/openness/documents/not-a-uuid'), 400);
    problem(await call('GET', '/api/openness/documents/01234567-89ab-7def-8123-456789abcdef'), 404);
  });

  it('gives the 年度报告 its figures from the documents', async () => {
    const f = await port.yearFigures(t.p.kernel.db, 2022);
    expect(f.published).toMatchObject({ policy: 2, notice: 1 });
    const now = await port.yearFigures(t.p.kernel.db, 2026);
    expect(now.regulation.made + now.normative.made).toBeGreaterThan(0);
  });

  it('serves valid Atom and RSS with absolute links and escaped text', async () => {
    await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, input({ title: '关于“A&B<测试>”的通知', kind: 'notice', number: null }), { reviewId: null }));
    const parser = new XMLParser({ ignoreAttributes: false });
    const atom = await call('GET', '/api/openness/feed.atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    const feed = parser.parse(atom.body).feed;
    expect(feed.entry.length).toBeGreaterThan(20);
    expect(feed.entry.length).toBeLessThanOrEqual(50);
    for (const e of feed.entry) expect(e.link['@_href']).toMatch(/^https?:\/\/[^/]+\/openness\/documents\/[0-9a-f-]{36}$/);
    expect(feed.entry.map((e: { title: string }) => e.title)).toContain('关于“A&B<测试>”的通知');
    const rss = parser.parse((await call('GET', '/api/openness/feed.rss')).body).rss.channel;
    expect(rss.item.length).toBe(feed.entry.length);
    expect(rss.item[0].link).toMatch(/^https?:\/\/.+\/openness\/documents\//);
  });
});

describe('publication rules', () => {
  it('never publishes a 解读 before its 原文, but with it in one transaction', async () => {
    const before = await count();
    // The 原文 and its 解读 in one transaction, as the review area does.
    const { id } = await t.p.kernel.db.transaction().execute(async (trx) => {
      const orig = await port.publish(trx, system, input({ number: '乌政办发〔2026〕99号' }), { reviewId: null });
      await port.publish(trx, system, input({ title: '测试管理办法解读', kind: 'interpretation', number: null, interpretationOf: orig.id, interpretationForm: 'text' }), { reviewId: null });
      return orig;
    });
    expect((await port.get(t.p.kernel.db, id))!.interpretations).toHaveLength(1);
    // Dated before its 原文.
    await expect(port.check(t.p.kernel.db, input({ kind: 'interpretation', interpretationOf: id, writtenOn: '2026-02-01', publishOn: '2026-02-05' }))).rejects.toMatchObject({ status: 422 });
    // A 原文 that does not exist, and one not yet published (withdrawn).
    await expect(port.check(t.p.kernel.db, input({ kind: 'interpretation', interpretationOf: '01234567-89ab-7def-8123-456789abcdef' }))).rejects.toMatchObject({ status: 422 });
    const gone = await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, input({ title: '将撤回的文件', number: null }), { reviewId: null }));
    await t.p.kernel.db.transaction().execute((trx) => port.withdraw(trx, system, gone.id, '测试撤回'));
    await expect(port.check(t.p.kernel.db, input({ kind: 'interpretation', interpretationOf: gone.id }))).rejects.toMatchObject({ status: 422 });
    // Over HTTP: the import refuses a 解读 pointing at a missing document, and nothing is stored.
    const n = await count();
    const res = await call('POST', '/api/openness/documents/import', admin, {
      items: [input({ kind: 'interpretation', interpretationOf: '01234567-89ab-7def-8123-456789abcdef', title: '孤立的解读' })],
    });
    expect(problem(res, 422)).toBeTruthy();
    expect(res.body).toContain('所解读的原文不存在');
    expect(await count()).toBe(n);
    expect(n).toBe(before + 3);
  });

  it('refuses a reused 文号 naming the other document, a date before 成文日期, an unknown theme; nothing stored', async () => {
    const n = await count();
    const reused = await call('POST', '/api/openness/documents/import', admin, { items: [input({ title: '另一份文件', number: '内政发〔2024〕12号' })] });
    problem(reused, 409);
    expect(reused.body).toContain('内蒙古自治区人民政府关于印发自治区数字政府建设实施方案的通知');
    const early = await call('POST', '/api/openness/documents/import', admin, { items: [input({ writtenOn: '2026-02-10', publishOn: '2026-02-01' })] });
    problem(early, 422);
    expect(early.body).toContain('不能早于成文日期');
    const theme = await call('POST', '/api/openness/documents/import', admin, { items: [input({ themeCode: '99' })] });
    problem(theme, 422);
    expect(theme.body).toContain('/items/0/themeCode');
    // All or nothing: a good item before a bad one is not stored either.
    const mixed = await call('POST', '/api/openness/documents/import', admin, { items: [input({ title: '好的文件', number: '乌政办发〔2026〕77号' }), input({ title: '坏的文件', body: '' })] });
    problem(mixed, 422);
    expect(await count()).toBe(n);
    // Who may import, and malformed input.
    problem(await call('POST', '/api/openness/documents/import', undefined, { items: [input()] }), 401);
    problem(await call('POST', '/api/openness/documents/import', editorBgs, { items: [input()] }), 403);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [] }), 400);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [{ ...input(), kind: 'memo' }] }), 400);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [{ ...input(), title: { zh: '标题' } }] }), 400);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [input({ title: '含\u0000空字符' })] }), 400);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [input({ title: '残缺\ud800编码' })] }), 400);
    problem(await call('POST', '/api/openness/documents/import', admin, { items: [input({ title: '长'.repeat(301) })] }), 400);
    expect(await count()).toBe(n);
  });
});

describe('validity, withdrawal and history', () => {
  it('lets the issuing department mark a document 失效, one of two editors at once, and keeps who and why', async () => {
    const doc = (await search('临时救助实施办法')).results[0];
    const v = (await call('GET', `/api/openness/documents/${doc.id}`)).json().version as number;
    const body = { validity: 'expired', reason: '已被新的社会救助办法取代', expectedVersion: v };
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, undefined, body), 401);
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, editorBgs, body), 403);
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, stranger, body), 403);
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, editorMzj, { ...body, validity: 'gone' }), 400);
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, editorMzj, { ...body, reason: 'x'.repeat(501) }), 400);
    problem(await call('POST', `/api/openness/documents/${doc.id}/validity`, editorMzj, { ...body, expectedVersion: 'one' }), 400);
    const [a, b] = await Promise.all([
      call('POST', `/api/openness/documents/${doc.id}/validity`, editorMzj, body),
      call('POST', `/api/openness/documents/${doc.id}/validity`, admin, { ...body, reason: '另一位编辑的理由' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await call('GET', `/api/openness/documents/${doc.id}`)).json();
    expect(after.validity).toBe('expired');
    const history = (await call('GET', `/api/openness/documents/${doc.id}/history`, editorMzj)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['imported', 'validity']);
    expect(history[1].reason).toMatch(/取代|理由/);
    problem(await call('GET', `/api/openness/documents/${doc.id}/history`, stranger), 403);
  });

  it('withdraws a document and its 解读 from the public, keeping them in the history', async () => {
    const doc = (await search('关于进一步规范行政规范性文件管理的通知')).results[0];
    const jd = (await call('GET', `/api/openness/documents/${doc.id}`)).json().interpretations[0] as string;
    problem(await call('POST', `/api/openness/documents/${doc.id}/withdrawal`, editorBgs, { reason: '内容需调整' }), 403);
    problem(await call('POST', `/api/openness/documents/${doc.id}/withdrawal`, admin, { reason: '' }), 400);
    const res = await call('POST', `/api/openness/documents/${doc.id}/withdrawal`, admin, { reason: '内容需调整后重新发布' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', withdrawnReason: '内容需调整后重新发布' });
    problem(await call('GET', `/api/openness/documents/${doc.id}`), 404);
    problem(await call('GET', `/api/openness/documents/${jd}`), 404);
    expect((await search('关于进一步规范行政规范性文件管理的通知')).results.map((r) => r.id)).not.toContain(doc.id);
    expect((await call('GET', `/api/openness/documents/${doc.id}`, editorBgs)).json().state).toBe('withdrawn');
    const history = (await call('GET', `/api/openness/documents/${jd}/history`, admin)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'withdrawn', state: 'withdrawn' });
    problem(await call('POST', `/api/openness/documents/${doc.id}/withdrawal`, admin, { reason: '再次撤回' }), 409);
    const list = (await call('GET', '/api/openness/library/documents?state=withdrawn', editorBgs)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(doc.id);
  });

  it('lists a unit’s documents with keyset paging', async () => {
    const first = (await call('GET', '/api/openness/library/documents?limit=3', editorMzj)).json();
    expect(first.items).toHaveLength(3);
    const second = (await call('GET', `/api/openness/library/documents?limit=3&after=${first.next}`, editorMzj)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect([...first.items, ...second.items].every((i: { issuerName: string }) => i.issuerName === '乌兰浩特市民政局')).toBe(true);
    problem(await call('GET', `/api/openness/library/documents?department=${depts.get('BGS')}`, editorMzj), 403);
    problem(await call('GET', '/api/openness/library/documents?after=%%%', editorMzj), 400);
    problem(await call('GET', '/api/openness/library/documents', stranger), 403);
    problem(await call('GET', '/api/openness/library/documents'), 401);
  });

  it('keeps the theme list editable by managers, never dropping a used code', async () => {
    const themes = (await call('GET', '/api/openness/themes')).json().themes as { code: string; name: string; nameEn: string; active: boolean }[];
    expect(themes).toHaveLength(21);
    const more = [...themes, { code: '22', name: '政务公开', nameEn: 'Openness', active: true }];
    problem(await call('PUT', '/api/openness/themes', editorBgs, { themes: more }), 403);
    expect((await call('PUT', '/api/openness/themes', admin, { themes: more })).json().themes).toHaveLength(22);
    problem(await call('PUT', '/api/openness/themes', admin, { themes: themes.filter((x) => x.code !== '16') }), 409);
    problem(await call('PUT', '/api/openness/themes', admin, { themes: [{ code: '01', name: '', nameEn: '', active: true }] }), 422);
    expect((await call('GET', '/api/openness/themes')).json().themes).toHaveLength(22);
  });
});
