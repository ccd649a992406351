import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../kernel/policy/index.ts';
import { sealFor, accountIdOf } from '../../../testing/licenses.ts';
import { department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { pdfText } from '../../../testing/pdf.ts';
import { DOC_NUMBER, GBT9704, gridOf, renderOfficialDocument, SEAL_SPOT_KEY } from './index.ts';
import { sampleDocument } from './sample.ts';

const MM = 72 / 25.4;
const g = gridOf(GBT9704);

interface Item {
  page: number;
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

/** Every text item with its page, baseline position, size and width, as pdf.js reads them. */
async function pdfItems(bytes: Uint8Array): Promise<Item[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: Item[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    for (const it of (await (await doc.getPage(i)).getTextContent()).items)
      if ('str' in it && it.str.trim()) out.push({ page: i, str: it.str, x: it.transform[4], y: it.transform[5], size: Math.hypot(it.transform[0], it.transform[1]), width: it.width });
  }
  await doc.destroy();
  return out;
}

const near = (a: number, b: number, within = 0.6) => Math.abs(a - b) <= within;

describe('GB/T 9704 layout', () => {
  let pdf: Uint8Array;
  let items: Item[];
  let text: string;
  beforeAll(async () => {
    pdf = await renderOfficialDocument(sampleDocument());
    items = await pdfItems(pdf);
    text = await pdfText(pdf);
  });

  it('puts the elements in the order of the standard: 版头, 主体, 版记', () => {
    const order = [
      '000123',
      '加急',
      '乌兰浩特市人民政府办公室文件',
      '乌政办发〔2026〕12号',
      '乌兰浩特市人民政府办公室关于进一步提升政务服务效能的通知',
      '各苏木乡镇人民政府、街道办事处，市直各部门：',
      '为深入贯彻落实',
      '一、总体要求',
      '（一）推进政务服务事项标准化。',
      '联系人：',
      '附件：1.乌兰浩特市政务服务事项清单调整工作任务分工表',
      '2.政务服务效能提升工作联系人名单',
      '乌兰浩特市人民政府办公室2026年9月18日',
      '（此件公开发布）',
      '抄送：市委各部门，市人大常委会办公室，市政协办公室，市人民法院，市人民检察院。',
      '2026年9月18日印发',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(order.filter((_, i) => at[i] < 0)),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers the document as 机关代字〔年份〕序号号 under the red 发文机关标志 and the red rule', async () => {
    const number = items.find((i) => i.str.includes('〔'))!;
    expect(number.str).toMatch(DOC_NUMBER);
    expect(DOC_NUMBER.test('乌政办发[2026]12号')).toBe(false);
    expect(DOC_NUMBER.test('乌政办发〔2026〕012号')).toBe(false);
    expect(DOC_NUMBER.test('乌政办发〔26〕12号')).toBe(false);
    // Centred (下行文), below the mark, which starts 35 mm under the 版心's top.
    expect(near(number.x + number.width / 2, (g.left + g.right) / 2, 1)).toBe(true);
    const mark = items.find((i) => i.str === '乌兰浩特市人民政府办公室文件')!;
    expect(mark.y).toBeGreaterThan(number.y + 2 * g.pitch);
    expect(mark.y + 0.88 * mark.size).toBeCloseTo(g.top - 35 * MM, 0);
  });

  it('keeps A4, the 37 mm 天头, the 28 mm 订口 and 22 lines of 28 characters on a full page', async () => {
    const long = sampleDocument();
    long.body = [...long.body, ...long.body];
    const pdf = await renderOfficialDocument(long);
    const items = await pdfItems(pdf);
    const doc = await PDFDocument.load(pdf);
    const sizes = doc.getPages().map((p) => p.getSize());
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(210 * MM, 1);
      expect(s.height).toBeCloseTo(297 * MM, 1);
    }
    // Page 2 is all 正文: 22 baselines, one pitch apart, the first character's cell touching the 版心's top.
    const body = items.filter((i) => i.page === 2 && !i.str.startsWith('—'));
    const baselines = [...new Set(body.map((i) => i.y.toFixed(1)))].map(Number).sort((a, b) => b - a);
    expect(baselines).toHaveLength(22);
    for (let k = 1; k < baselines.length; k++) expect(near(baselines[k - 1] - baselines[k], g.pitch, 0.2)).toBe(true);
    expect(g.pitch / MM).toBeCloseTo((225 - 156 / 28) / 21, 5);
    const top = baselines[0] + g.cell / 2 + 0.38 * 16;
    expect(near(top, 297 * MM - 37 * MM)).toBe(true);
    const bottom = baselines[21] + g.cell / 2 + 0.38 * 16 - g.cell;
    expect(near(bottom, (297 - 37 - 225) * MM)).toBe(true);
    // Lines start at the 订口 (or two characters in) and a full line of Chinese is 28 characters wide.
    const lefts = body.map((i) => i.x);
    expect(near(Math.min(...lefts), 28 * MM)).toBe(true);
    const full = body.filter((i) => [...i.str].length === 28 && /^[\u3000-\u9fff\uff00-\uffef“”]+$/.test(i.str));
    expect(full.length).toBeGreaterThan(0);
    for (const f of full) expect(near(f.x + f.width, (28 + 156) * MM, 0.5)).toBe(true);
    expect(Math.max(...body.map((i) => i.x + i.width))).toBeLessThanOrEqual((28 + 156) * MM + 0.5);
    expect(body.every((i) => near(i.size, 16, 0.01))).toBe(true);
  });

  it('signs with 署名 centred on a 成文日期 four characters from the right, leaves room for the seal, and numbers pages — n —', async () => {
    const date = items.find((i) => i.str === '2026年9月18日')!;
    const name = items.find((i) => i.str === '乌兰浩特市人民政府办公室' && i.page === date.page && i.y > date.y)!;
    expect(near(date.x + date.width, g.right - 4 * g.cell, 0.5)).toBe(true);
    expect(near(name.x + name.width / 2, date.x + date.width / 2, 0.5)).toBe(true);
    expect(near(name.y - date.y, g.pitch, 0.2)).toBe(true);
    const note = items.find((i) => i.str === '（此件公开发布）')!;
    expect(note.page === date.page && near(note.x, g.left + 2 * g.cell, 0.5) && near(date.y - note.y, g.pitch, 0.2)).toBe(true);
    const doc = await PDFDocument.load(pdf);
    const spot = doc.catalog.lookup(PDFName.of(SEAL_SPOT_KEY));
    expect(String(spot)).toContain(`/Page ${date.page - 1}`);
    const numbers = items.filter((i) => /^— \d+ —$/.test(i.str));
    expect(numbers.map((n) => n.str)).toEqual(['— 1 —', '— 2 —', '— 3 —']);
    for (const n of numbers) expect(n.y).toBeLessThan(g.bottom - 7 * MM);
    // Odd pages on the right, even on the left, one character in.
    expect(near(numbers[0].x + numbers[0].width, g.right - g.cell, 0.5) && near(numbers[1].x, g.left + g.cell, 0.5)).toBe(true);
    // 版记 on the last page's last lines, 4号.
    const printed = items.find((i) => i.str.endsWith('印发'))!;
    expect(printed.page).toBe(doc.getPageCount());
    expect(printed.y).toBeGreaterThan(g.bottom);
    expect(printed.y).toBeLessThan(g.bottom + g.pitch);
    expect(printed.size).toBeCloseTo(14, 1);
  });

  it('sets 上行文 with 发文字号 on the left and 签发人 on the right of the same line', async () => {
    const up = await pdfItems(await renderOfficialDocument(sampleDocument({ signers: ['韩志强'], title: '乌兰浩特市人民政府办公室关于政务服务效能提升情况的报告', body: ['现将有关情况报告如下。'] })));
    const number = up.find((i) => i.str.includes('〔'))!;
    const signer = up.find((i) => i.str === '韩志强')!;
    expect(near(number.x, g.left + g.cell)).toBe(true);
    expect(near(signer.x + signer.width, g.right - g.cell)).toBe(true);
    expect(near(signer.y, number.y, 0.1)).toBe(true);
    expect(up.some((i) => i.str === '签发人：')).toBe(true);
    const mark = up.find((i) => i.str.endsWith('文件'))!;
    expect(mark.y + 0.88 * mark.size).toBeCloseTo(g.top - 80 * MM, 0);
  });

  it('writes 成文日期 without leading zeros and never leaves 署名 alone on a page', async () => {
    // Enough body to end on a page's last line: the last lines move to the next page with the signature.
    const filler = '各部门要结合实际抓好落实。'.repeat(20);
    for (let n = 1; n <= 4; n++) {
      const items2 = await pdfItems(await renderOfficialDocument(sampleDocument({ date: '2026-01-05', attachments: [], body: Array.from({ length: n + 4 }, () => filler) })));
      const date = items2.find((i) => i.str === '2026年1月5日')!;
      expect(date).toBeDefined();
      expect(items2.some((i) => i.page === date.page && i.y > date.y && !i.str.startsWith('乌兰浩特市人民政府办公室'))).toBe(true);
    }
  });
});

describe('sealing a 公文 through the licences module', () => {
  let t: TestPlatform;
  let who: Principal;
  let stranger: Principal;
  let deptId: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    const bgs = await department(t, '152201', '乌兰浩特市人民政府办公室');
    const other = await department(t, '152201', '乌兰浩特市民政局');
    deptId = bgs.id;
    const clerk = await accountIdOf(t, await staffToken(t, ['office_clerk'], bgs.id));
    const otherClerk = await accountIdOf(t, await staffToken(t, ['office_clerk'], other.id));
    const admin = {
      accountId: 'system',
      type: 'staff',
      name: 'system',
      regionCode: '',
      departmentId: null,
      roles: ['region_admin'],
      permissions: new Set(['licenses.seals']),
      sessionId: null,
    } as Principal;
    // The unit has a 专用章 and a 公章: a 公文 takes the 公章.
    await t.p.licenses.seals.create(admin, sealFor(bgs.id, [], '乌兰浩特市人民政府办公室'));
    await t.p.licenses.seals.create(admin, sealFor(bgs.id, [clerk], '乌兰浩特市人民政府办公室', { name: '乌兰浩特市人民政府办公室公章', purpose: '公章', automatic: false }));
    const base = { type: 'staff' as const, regionCode: '152201', roles: ['office_clerk'], permissions: new Set<string>(), sessionId: null };
    who = { ...base, accountId: clerk, name: '乌力吉', departmentId: bgs.id };
    stranger = { ...base, accountId: otherClerk, name: '萨仁', departmentId: other.id };
  });
  afterAll(() => t?.close());

  const seal = (by: Principal, pdf: Uint8Array) =>
    t.p.kernel.db.transaction().execute((trx) =>
      t.p.licenses.officeSealer.seal(trx, {
        who: by,
        departmentId: deptId,
        pdf,
        title: '乌兰浩特市人民政府办公室关于进一步提升政务服务效能的通知',
        fileName: '乌政办发〔2026〕12号.pdf',
        ownerId: by.accountId,
        regionCode: '152201',
        reference: '乌政办发〔2026〕12号',
      }),
    );
  const read = async (fileId: string) => {
    const f = (await t.p.kernel.files.find(fileId))!;
    const chunks: Buffer[] = [];
    for await (const c of await t.p.kernel.files.open(f)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  const verifyPdf = (bytes: Uint8Array) => t.app.inject({ method: 'POST', url: '/api/licenses/verify', payload: Buffer.from(bytes), headers: { 'content-type': 'application/pdf' } });

  it('seals with the unit’s 公章, verifies through the port and /verify, and fails on one changed byte', async () => {
    const sealed = await seal(who, await renderOfficialDocument(sampleDocument()));
    expect(sealed.sealName).toBe('乌兰浩特市人民政府办公室公章');
    const bytes = await read(sealed.fileId);
    expect(await t.p.licenses.officeSealer.verify(bytes)).toEqual({ ok: true, identifier: sealed.identifier, unit: '乌兰浩特市人民政府办公室', sealName: '乌兰浩特市人民政府办公室公章' });
    // The public page answers for it by upload and by identifier.
    const byUpload = (await verifyPdf(bytes)).json();
    expect(byUpload).toMatchObject({ verdict: 'genuine', licence: { identifier: sealed.identifier, licenceNo: '乌政办发〔2026〕12号' }, seal: { name: '乌兰浩特市人民政府办公室公章' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/licenses/verify/${sealed.identifier}` })).json()).toMatchObject({ verdict: 'genuine' });
    // The red mark is on the page people read, and the identifier in the document's properties.
    const text = await pdfText(bytes);
    expect(text).toContain('乌兰浩特市人民政府办公室2026年9月18日');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getSubject()).toBe(sealed.identifier);
    // One changed byte in the 正文's page content: both the port and /verify say altered.
    const changed = Buffer.from(bytes);
    const at = changed.indexOf('BT', 2000);
    changed[at + 3] ^= 1;
    expect(await t.p.licenses.officeSealer.verify(changed)).toEqual({ ok: false, problem: 'altered' });
    expect((await verifyPdf(changed)).json().verdict).toBe('altered');
    // An unsealed rendering is no 公文 of record.
    expect(await t.p.licenses.officeSealer.verify(await renderOfficialDocument(sampleDocument()))).toEqual({ ok: false, problem: 'no-seal' });
  });

  it('refuses a clerk of another unit, and a unit without a seal', async () => {
    const pdf = await renderOfficialDocument(sampleDocument());
    await expect(seal(stranger, pdf)).rejects.toMatchObject({ code: 'SEAL_USE_DENIED' });
    const none = await department(t, '152201', '乌兰浩特市档案馆');
    await expect(
      t.p.kernel.db
        .transaction()
        .execute((trx) =>
          t.p.licenses.officeSealer.seal(trx, { who, departmentId: none.id, pdf, title: 'x', fileName: 'x.pdf', ownerId: who.accountId, regionCode: '152201', reference: '乌档发〔2026〕1号' }),
        ),
    ).rejects.toMatchObject({ code: 'LICENCE_NO_SEAL' });
  });
});
