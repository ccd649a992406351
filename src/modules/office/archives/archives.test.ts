import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleOwner } from '../../../kernel/files/index.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { ArchivableRecord } from '../ports.ts';

let t: TestPlatform;
let deptId: string;
let deptCode: string;
let otherDept: string;
let archivist: string;
let archivist2: string;
let clerk: string;
let stranger: string;
const records = new Map<string, ArchivableRecord>();
let seq = 0;

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function savedFile(bytes: Uint8Array, name: string): Promise<string> {
  const f = await t.p.kernel.files.save(t.p.kernel.db, {
    stream: Readable.from([Buffer.from(bytes)]),
    name,
    declaredMime: 'application/octet-stream',
    ownerId: moduleOwner('office'),
    regionCode: '152201',
  });
  return f.id;
}

async function pdfTitled(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const page = doc.addPage([595, 842]);
  page.drawText('Document body', { x: 50, y: 780, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

/** A completed 公文 as its source would answer for it (the 发文 area's source is wired by the lead). */
async function record(opts: { title?: string; noContent?: boolean; brokenFile?: boolean; date?: string } = {}): Promise<ArchivableRecord> {
  const n = ++seq;
  const title = opts.title ?? `关于做好第${n}批档案工作的通知`;
  const reference = `乌政办发〔2026〕${n}号`;
  const pdf = await savedFile(await pdfTitled(title), `正文${n}.pdf`);
  const json = await savedFile(new TextEncoder().encode(JSON.stringify({ 题名: title, 文号: reference, 正文: ['一、总体要求'] })), `正文${n}.json`);
  const r: ArchivableRecord = {
    kind: 'document',
    id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    regionCode: '152201',
    departmentId: deptId,
    responsible: '乌兰浩特市人民政府办公室',
    title,
    reference,
    date: opts.date ?? '2026-11-20',
    secrecy: null,
    files: opts.noContent
      ? [{ fileId: json, name: '附件.json', role: 'attachment' }]
      : [
          { fileId: pdf, name: '正文.pdf', role: 'content' },
          { fileId: json, name: '稿纸.json', role: 'content' },
          ...(opts.brokenFile ? [{ fileId: '01900000-0000-7000-8000-00000000dead', name: '附件1.pdf', role: 'attachment' as const }] : []),
        ],
    actionLog: [
      { at: '2026-11-18T02:00:00Z', action: '起草', actor: '张文秘', unit: '市政府办公室', opinion: null },
      { at: '2026-11-19T02:00:00Z', action: '签发', actor: '李领导', unit: '市政府办公室', opinion: '同意' },
    ],
    metadata: { docType: '通知' },
  };
  records.set(r.id, r);
  return r;
}

async function archived(opts: Parameters<typeof record>[0] = {}) {
  const r = await record(opts);
  const res = await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: r.id });
  expect(res.statusCode, res.body).toBe(201);
  return { record: r, ...(res.json() as { id: string; archiveCode: string }) };
}

const fileRow = (packageId: string, p: string) =>
  t.p.kernel.db.selectFrom('office_archive_file').selectAll().where('package_id', '=', packageId).where('path', 'like', p).executeTakeFirstOrThrow() as Promise<{ file_id: string; path: string }>;

async function flipByte(fileId: string): Promise<void> {
  const f = (await t.p.kernel.files.find(fileId))!;
  const p = path.join(t.p.kernel.config.dataDir, 'files', f.storageKey);
  const bytes = fs.readFileSync(p);
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  fs.writeFileSync(p, bytes);
}

const failedCodes = (report: { checks: { code: string; passed: boolean }[] }) => report.checks.filter((c) => !c.passed).map((c) => c.code);

beforeAll(async () => {
  t = await startTestPlatform();
  const d = await department(t);
  deptId = d.id;
  deptCode = d.code;
  otherDept = (await department(t)).id;
  archivist = await staffToken(t, ['archivist'], otherDept);
  archivist2 = await staffToken(t, ['archivist'], otherDept);
  clerk = await staffToken(t, ['office_clerk'], deptId);
  stranger = await staffToken(t, ['window_staff'], deptId);
  t.p.office.archives.useSource('document', async (id) => records.get(id) ?? null);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('电子档案: archiving', () => {
  it('archives a completed 公文 as a package that passes 四性检测, with its 档号 and 归档章', async () => {
    const a = await archived();
    expect(a.archiveCode).toMatch(new RegExp(`^Z001-WS·2026-D30-${deptCode}-0001$`));
    const res = await call('GET', `/api/office/archives/packages/${a.id}`, archivist);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.stamp).toMatchObject({ fondsCode: 'Z001', year: 2026, itemNo: 1, orgCode: deptCode, retention: 'D30', retentionZh: '定期30年', pages: 2 });
    expect(p.files.map((f: { path: string }) => f.path)).toEqual(['actions.json', 'content/01-正文.pdf', 'content/02-稿纸.json', 'manifest.json', 'manifest.sig', 'metadata.json']);
    expect(p.checks[0]).toMatchObject({ stage: 'ingest', passed: true });
    expect(p.checks[0].report.checks).toHaveLength(16);
    const again = await call('POST', `/api/office/archives/packages/${a.id}/check`, archivist);
    expect(again.statusCode).toBe(200);
    expect(again.json().passed).toBe(true);
  });

  it('finds packages by 题名 words, 档号 prefix, year and kind', async () => {
    await archived({ title: '关于城乡居民养老保险工作的通知' });
    const byWords = await call('GET', `/api/office/archives/packages?q=${encodeURIComponent('养老保险')}`, archivist);
    expect(byWords.json().items.map((i: { title: string }) => i.title)).toEqual(['关于城乡居民养老保险工作的通知']);
    const byCode = await call('GET', `/api/office/archives/packages?code=${encodeURIComponent(`Z001-WS·2026-D30-${deptCode}-000`)}&year=2026&kind=document`, archivist);
    expect(byCode.json().items.length).toBeGreaterThanOrEqual(2);
    expect((await call('GET', '/api/office/archives/packages?year=1800', archivist)).statusCode).toBe(400);
  });

  it('numbers 件 without gaps or duplicates when many are archived at once, and gives the number back when refused', async () => {
    const rs = await Promise.all([1, 2, 3, 4, 5].map(() => record({ date: '2025-03-01' })));
    const refused = await record({ date: '2025-03-01', brokenFile: true });
    const answers = await Promise.all([...rs, refused].map((r) => call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: r.id })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 422]);
    const nos = answers.filter((a) => a.statusCode === 201).map((a) => Number(a.json().archiveCode.slice(-4)));
    expect(nos.sort()).toEqual([1, 2, 3, 4, 5]);
    const next = await archived({ date: '2025-03-01' });
    expect(next.archiveCode.endsWith('-0006')).toBe(true);
  });

  it('refuses a record whose content is missing, with a clear error, and records the refusal', async () => {
    const none = await record({ noContent: true });
    const res = await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: none.id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'ARCHIVE_CONTENT_MISSING' });
    expect(JSON.stringify(res.json().errors)).toContain('no content file');
    const broken = await record({ brokenFile: true });
    const res2 = await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: broken.id });
    expect(res2.json().errors).toEqual([expect.objectContaining({ path: '/files/2', message: expect.stringContaining('附件1.pdf') })]);
    const fails = (await call('GET', '/api/office/archives/failures', archivist)).json().items;
    expect(fails.some((f: { recordId: string }) => f.recordId === broken.id)).toBe(true);
    expect(await t.p.kernel.db.selectFrom('office_archive_package').select('id').where('record_id', '=', broken.id).executeTakeFirst()).toBeUndefined();
  });

  it('answers bad requests clearly: unknown record, unconnected kind, twice, malformed, not an archivist', async () => {
    const unknown = await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: '01900000-0000-7000-8000-999999999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('ARCHIVE_NOT_FOUND');
    const noSource = await call('POST', '/api/office/archives/packages', archivist, { kind: 'incoming', recordId: 'abc' });
    expect([422, 404]).toContain(noSource.statusCode);
    const r = await record();
    expect((await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: r.id })).statusCode).toBe(201);
    const twice = await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: r.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ARCHIVE_ALREADY_ARCHIVED');
    expect((await call('POST', '/api/office/archives/packages', archivist, { kind: 'memo', recordId: r.id })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/archives/packages', archivist, { kind: 'document', recordId: 'x'.repeat(500) })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/archives/packages', clerk, { kind: 'document', recordId: r.id })).statusCode).toBe(403);
    expect((await call('GET', '/api/office/archives/packages', stranger)).statusCode).toBe(403);
    expect((await call('GET', '/api/office/archives/packages')).statusCode).toBe(401);
  });

  it('archives on a completion event through the job queue', async () => {
    const r = await record();
    await t.p.kernel.db.transaction().execute((trx) => t.p.office.archives.archiveLater(trx, 'document', r.id, '152201'));
    await t.p.kernel.jobs.runDue(20);
    const row = await t.p.kernel.db.selectFrom('office_archive_package').select(['archive_code', 'archived_by']).where('record_id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.archived_by).toBe('system');
  });
});

describe('电子档案: 四性检测 of stored packages', () => {
  it('a changed byte in a stored file fails 真实性, naming the file', async () => {
    const a = await archived();
    await flipByte((await fileRow(a.id, 'content/01-%')).file_id);
    const res = await call('POST', `/api/office/archives/packages/${a.id}/check`, archivist);
    const report = res.json();
    expect(report.passed).toBe(false);
    const au1 = report.checks.find((c: { code: string }) => c.code === 'AU-1');
    expect(au1).toMatchObject({ property: 'authenticity', passed: false });
    expect(au1.detail.zh).toContain('content/01-正文.pdf');
    const listed = (await call('GET', '/api/office/archives/packages?failing=true', archivist)).json().items;
    expect(listed.map((p: { id: string }) => p.id)).toContain(a.id);
  });

  it('a changed manifest fails the signature check', async () => {
    const a = await archived();
    await flipByte((await fileRow(a.id, 'manifest.json')).file_id);
    const report = (await call('POST', `/api/office/archives/packages/${a.id}/check`, archivist)).json();
    expect(failedCodes(report)).toEqual(expect.arrayContaining(['AU-2', 'AU-6']));
  });

  it('a removed file or an extra file fails 完整性', async () => {
    const a = await archived();
    const gone = await fileRow(a.id, 'actions.json');
    await t.p.kernel.db.deleteFrom('office_archive_file').where('package_id', '=', a.id).where('path', '=', 'actions.json').execute();
    const r1 = (await call('POST', `/api/office/archives/packages/${a.id}/check`, archivist)).json();
    expect(failedCodes(r1)).toEqual(expect.arrayContaining(['IN-2', 'IN-5']));
    expect(r1.checks.find((c: { code: string }) => c.code === 'IN-2').detail.en).toContain('actions.json is missing');
    // Put it back, then slip in a file the manifest does not list.
    await t.p.kernel.db.insertInto('office_archive_file').values({ package_id: a.id, path: 'actions.json', role: 'actions', file_id: gone.file_id, size_bytes: 1, sm3: 'x' }).execute();
    const extra = await savedFile(new TextEncoder().encode('{"x":1}'), 'extra.json');
    await t.p.kernel.db.insertInto('office_archive_file').values({ package_id: a.id, path: 'attachment/99-extra.json', role: 'attachment', file_id: extra, size_bytes: 7, sm3: 'x' }).execute();
    const r2 = (await call('POST', `/api/office/archives/packages/${a.id}/check`, archivist)).json();
    expect(failedCodes(r2)).toEqual(['IN-3']);
    expect(r2.checks.find((c: { code: string }) => c.code === 'IN-3').detail.zh).toContain('attachment/99-extra.json');
  });

  it('the 长期保存 sweep re-checks every package and records what it finds', async () => {
    const before = Number(
      (
        await t.p.kernel.db
          .selectFrom('office_archive_check')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('stage', '=', 'preservation')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const r = await t.p.office.archives.sweep();
    expect(r.checked).toBeGreaterThan(5);
    expect(r.failed).toBeGreaterThanOrEqual(3);
    const after = Number(
      (
        await t.p.kernel.db
          .selectFrom('office_archive_check')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('stage', '=', 'preservation')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBe(r.checked);
  });
});

describe('电子档案: 借阅 and 移交', () => {
  it('lends a package for a time: asked with a reason, approved, downloaded and logged, refused once expired', async () => {
    const a = await archived();
    const ask = await call('POST', `/api/office/archives/packages/${a.id}/borrows`, clerk, { reason: '查阅历史文件', days: 2 });
    expect(ask.statusCode, ask.body).toBe(201);
    const loan = ask.json();
    expect((await call('GET', `/api/office/archives/packages/${a.id}/download`, clerk)).json().code).toBe('ARCHIVE_NO_LOAN');
    const todos = (await call('GET', '/api/office/todos?kind=archive', archivist)).json().items;
    expect(todos.map((x: { id: string }) => x.id)).toContain(loan.id);
    expect((await call('POST', `/api/office/archives/borrows/${loan.id}/approve`, clerk, {})).statusCode).toBe(403);
    const ok = await call('POST', `/api/office/archives/borrows/${loan.id}/approve`, archivist, { note: '同意' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().state).toBe('approved');
    expect((await call('POST', `/api/office/archives/borrows/${loan.id}/refuse`, archivist2, { note: '再看看' })).statusCode).toBe(409);
    const dl = await call('GET', `/api/office/archives/packages/${a.id}/download`, clerk);
    expect(dl.statusCode).toBe(200);
    const zip = unzipSync(new Uint8Array(dl.rawPayload));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sig', 'metadata.json', 'actions.json']));
    expect(JSON.parse(new TextDecoder().decode(zip['metadata.json'])).档号).toBe(a.archiveCode);
    const detail = (await call('GET', `/api/office/archives/packages/${a.id}`, archivist)).json();
    expect(detail.accesses[0]).toMatchObject({ what: 'download', borrowId: loan.id });
    t.clock.advance(10 * 24 * 3600_000);
    await t.p.kernel.db
      .updateTable('identity_session')
      .set({ expires_at: new Date(t.clock.now().getTime() + 3600_000) })
      .execute();
    const late = await call('GET', `/api/office/archives/packages/${a.id}/download`, clerk);
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('ARCHIVE_BORROW_EXPIRED');
  });

  it('refuses bad loan requests: no reason, too long, a refusal without a reason, own request', async () => {
    const a = await archived();
    expect((await call('POST', `/api/office/archives/packages/${a.id}/borrows`, clerk, { reason: '', days: 2 })).statusCode).toBe(400);
    expect((await call('POST', `/api/office/archives/packages/${a.id}/borrows`, clerk, { reason: '查阅', days: 90 })).statusCode).toBe(400);
    const mine = (await call('POST', `/api/office/archives/packages/${a.id}/borrows`, archivist, { reason: '自查', days: 1 })).json();
    expect((await call('POST', `/api/office/archives/borrows/${mine.id}/approve`, archivist, {})).json().code).toBe('ARCHIVE_OWN_REQUEST');
    expect((await call('POST', `/api/office/archives/borrows/${mine.id}/refuse`, archivist2, {})).statusCode).toBe(400);
    const refused = await call('POST', `/api/office/archives/borrows/${mine.id}/refuse`, archivist2, { note: '无需借阅' });
    expect(refused.json().state).toBe('refused');
  });

  it('hands over a batch only when every package passes the check on receipt', async () => {
    const good = [await archived(), await archived()];
    const bad = await archived();
    await flipByte((await fileRow(bad.id, 'metadata.json')).file_id);
    const refused = await call('POST', '/api/office/archives/transfers', archivist, { packageIds: [...good.map((g) => g.id), bad.id], receiver: '乌兰浩特市档案馆' });
    expect(refused.statusCode).toBe(201);
    expect(refused.json()).toMatchObject({ state: 'refused', packageCount: 3, failedCount: 1 });
    expect(refused.json().items.find((i: { packageId: string }) => i.packageId === bad.id).passed).toBe(false);
    const received = await call('POST', '/api/office/archives/transfers', archivist, { packageIds: good.map((g) => g.id), receiver: '乌兰浩特市档案馆' });
    expect(received.json()).toMatchObject({ state: 'received', failedCount: 0 });
    expect((await call('GET', `/api/office/archives/packages/${good[0].id}`, archivist)).json().status).toBe('transferred');
    const again = await call('POST', '/api/office/archives/transfers', archivist, { packageIds: [good[0].id], receiver: '乌兰浩特市档案馆' });
    expect(again.statusCode).toBe(409);
    expect((await call('POST', '/api/office/archives/transfers', archivist, { packageIds: [], receiver: '档案馆' })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/archives/transfers', clerk, { packageIds: [bad.id], receiver: '档案馆' })).statusCode).toBe(403);
    expect((await call('GET', '/api/office/archives/transfers', archivist)).json().items.length).toBe(2);
  });
});
