import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from './catalogue-import-sheet.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let market: { id: string; code: string };
let admin: string;
let window: string;

const HEADERS = ['序号', '事项名称', '实施编码', '事项类型', '实施主体', '法定办结时限', '承诺办结时限', '设定依据', '申请材料', '是否收费', '收费标准', '是否全程网办', '到现场次数', '服务对象'];

function row(code: string, over: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    序号: '1',
    事项名称: '食品经营许可',
    实施编码: code,
    事项类型: '行政许可',
    实施主体: '市场监督管理局',
    法定办结时限: '20个工作日',
    承诺办结时限: '10个工作日',
    设定依据: '《中华人民共和国食品安全法》第三十五条',
    申请材料: '1. 食品经营许可申请书（必要）\n2. 营业执照（必要）\n3. 食品安全管理制度（非必要）',
    是否收费: '否',
    收费标准: '',
    是否全程网办: '是',
    到现场次数: '0',
    服务对象: '企业法人、自然人',
  };
  return HEADERS.map((h) => over[h] ?? base[h]);
}

async function xlsx(rows: string[][], title = true, instructions = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (instructions) wb.addWorksheet('填表说明').addRow(['请按国家实施清单要素填写，每行一个事项。']);
  const ws = wb.addWorksheet('实施清单');
  if (title) ws.addRow(['乌兰浩特市政务服务事项实施清单']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvText = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');

function upload(token: string | null, name: string, type: string, content: Buffer, query = 'dryRun=true', extra: Record<string, string> = {}) {
  const boundary = '----ywimport';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/services/catalogue/import?${query}`,
    headers: { ...(token ? bearer(token) : {}), 'content-type': `multipart/form-data; boundary=${boundary}`, ...extra },
    payload,
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const itemCount = async () =>
  (
    await t.p.kernel.db
      .selectFrom('services_item')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await startTestPlatform({ fileMaxBytes: 4 * 1024 * 1024 });
  market = await department(t, '152201', '市场监督管理局');
  await department(t, '152201', '民政局');
  admin = await staffToken(t, ['region_admin'], market.id);
  window = await staffToken(t, ['window_staff'], market.id);
});
afterAll(() => t.close());

describe('importing an implementation list', () => {
  it('reports creates and row errors on a dry run, naming row and column, and writes nothing', async () => {
    const file = await xlsx(
      [
        row('XK-IMP-0001'),
        row('XK-IMP-0002', { 事项名称: '', 实施主体: '不存在局' }),
        row('XK-IMP-0003', { 事项类型: '行政审批' }),
        row('XK-IMP-0004', { 承诺办结时限: '30个工作日' }),
        row('XK-IMP-0005', { 事项名称: '重复编码事项甲' }),
        row('XK-IMP-0005', { 事项名称: '重复编码事项乙' }),
        row('XK-IMP-0006', { 设定依据: '依'.repeat(2001) }),
        row('XK-IMP-0008', { 事项名称: '最低生活保障金给付', 事项类型: '行政给付', 实施主体: '民政局', 服务对象: '自然人', 承诺办结时限: '即办', 法定办结时限: '无' }),
      ],
      true,
      true,
    );
    const before = await itemCount();
    const r = await upload(admin, '清单.xlsx', XLSX, file);
    expect(r.statusCode, r.body).toBe(200);
    const rep = r.json();
    expect(rep).toMatchObject({ dryRun: true, applied: false, format: 'xlsx', totals: { rows: 8, create: 2, update: 0, unchanged: 0, error: 6 } });
    const byRow = (n: number) => rep.rows.find((x: { row: number }) => x.row === n);
    // Row 1 is the title, row 2 the header: data starts at row 3, as Excel numbers it.
    expect(byRow(3)).toMatchObject({ action: 'create', code: 'XK-IMP-0001', errors: [] });
    expect(byRow(4).errors.map((e: { column: string }) => e.column)).toEqual(['事项名称', '实施主体']);
    expect(byRow(4).errors[1]).toMatchObject({ zh: expect.stringContaining('不存在局'), en: expect.stringContaining('no active department') });
    expect(byRow(5).errors[0]).toMatchObject({ column: '事项类型', zh: expect.stringContaining('行政审批') });
    expect(byRow(6).errors[0]).toMatchObject({ column: '承诺办结时限', zh: '承诺时限（30）超过法定时限（20）' });
    expect(byRow(7).errors[0]).toMatchObject({ column: '实施编码', zh: '编码在文件中重复（另见第 8 行）' });
    expect(byRow(8).errors[0].en).toBe('duplicate code in the file (also row 7)');
    expect(byRow(9).errors[0]).toMatchObject({ column: '设定依据', en: expect.stringContaining('too long') });
    expect(byRow(10)).toMatchObject({ action: 'create', name: '最低生活保障金给付' });
    expect(await itemCount()).toBe(before);
  });

  it('applies valid rows, which the catalogue then lists; a second import is all unchanged', async () => {
    const file = await xlsx([
      row('XK-IMP-1001'),
      row('XK-IMP-1002', { 事项名称: '烟草专卖零售许可', 服务对象: '自然人', 是否收费: '是', 收费标准: '每件 10 元' }),
      row('XK-IMP-1003', { 实施主体: '不存在局' }),
    ]);
    const r = await upload(admin, '清单.xlsx', XLSX, file, 'dryRun=false');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ applied: true, totals: { create: 2, error: 1 } });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/services/items?q=烟草专卖零售许可' })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ code: 'XK-IMP-1002', departmentName: '市场监督管理局', version: 1, visits: 0, applicantTypes: ['person'] });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/services/items/${listed[0].id}` })).json();
    expect(detail.content).toMatchObject({ feeFen: 1000, statutoryDays: 20, promisedDays: 10, handling: 'promised' });
    expect(detail.content.materials.map((m: { name: string; required: boolean }) => [m.name, m.required])).toEqual([
      ['食品经营许可申请书', true],
      ['营业执照', true],
      ['食品安全管理制度', false],
    ]);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'object_type']).where('object_id', '=', listed[0].id).execute();
    expect(audit).toContainEqual({ action: 'created', object_type: 'services.item' });

    const again = await upload(admin, '清单.xlsx', XLSX, file, 'dryRun=false');
    expect(again.json()).toMatchObject({ applied: false, totals: { create: 0, update: 0, unchanged: 2, error: 1 } });
    expect((await t.app.inject({ method: 'GET', url: `/api/services/items/${listed[0].id}` })).json().version).toBe(1);
  });

  it('reports a changed promised limit as an update naming the field, and applies it as a new version', async () => {
    await upload(admin, 'a.csv', 'text/csv', Buffer.from(csvText([row('XK-IMP-2001')])), 'dryRun=false');
    const changed = Buffer.from('\ufeff' + csvText([row('XK-IMP-2001', { 承诺办结时限: '5个工作日' })]));
    const dry = (
      await upload(admin, 'a.csv', 'text/csv', Buffer.from('\ufeff' + csvText([row('XK-IMP-2001', { 承诺办结时限: '5个工作日' }), row('XK-IMP-2002', { 事项名称: '含\u0000字符' })])))
    ).json();
    expect(dry).toMatchObject({ encoding: 'utf-8', totals: { update: 1, error: 1 } });
    expect(dry.rows[0].changes).toEqual([{ field: 'promisedDays', column: '承诺办结时限', from: '10', to: '5' }]);
    expect(dry.rows[1]).toMatchObject({ row: 3, action: 'error', errors: [{ column: '事项名称', en: expect.stringContaining('NUL') }] });
    const applied = (await upload(admin, 'a.csv', 'text/csv', changed, 'dryRun=false')).json();
    expect(applied).toMatchObject({ applied: true, totals: { update: 1 } });
    const item = (await t.app.inject({ method: 'GET', url: `/api/services/items/${applied.rows[0].itemId}` })).json();
    expect(item).toMatchObject({ version: 2, promisedDays: 5 });
  });

  it('writes nothing when a valid row fails while applying', async () => {
    const catalogue = t.p.services.catalogue as unknown as { createIn: (...a: unknown[]) => Promise<string> };
    const real = catalogue.createIn;
    let calls = 0;
    catalogue.createIn = async function (this: unknown, ...a: unknown[]) {
      if (++calls === 2) throw new Error('disk full');
      return real.apply(this, a);
    };
    try {
      const r = await upload(admin, 'b.csv', 'text/csv', Buffer.from(csvText([row('XK-IMP-5001'), row('XK-IMP-5002')])), 'dryRun=false');
      expect(r.statusCode).toBe(500);
    } finally {
      catalogue.createIn = real;
    }
    expect(await t.p.kernel.db.selectFrom('services_item').select('id').where('code', 'in', ['XK-IMP-5001', 'XK-IMP-5002']).execute()).toEqual([]);
  });

  it('answers a replayed apply (same Idempotency-Key) with the first answer', async () => {
    const file = Buffer.from(csvText([row('XK-IMP-6001')]));
    const first = await upload(admin, 'c.csv', 'text/csv', file, 'dryRun=false', { 'idempotency-key': 'import-6001' });
    expect(first.json()).toMatchObject({ applied: true, totals: { create: 1 } });
    const replay = await upload(admin, 'c.csv', 'text/csv', file, 'dryRun=false', { 'idempotency-key': 'import-6001' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect(await t.p.kernel.db.selectFrom('services_item').select('id').where('code', '=', 'XK-IMP-6001').execute()).toHaveLength(1);
  });

  it('reads a GB18030 CSV as Excel in China saves it', async () => {
    const text = csvText([row('XK-IMP-3001', { 事项名称: '户外广告设施设置许可' })]);
    const bytes = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await upload(admin, '清单.csv', 'application/vnd.ms-excel', bytes);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ encoding: 'gb18030', totals: { create: 1, error: 0 } });
    expect(r.json().rows[0].name).toBe('户外广告设施设置许可');
  });

  it('refuses malformed, oversized, unauthorized and wrong-type requests with problem details', async () => {
    const file = await xlsx([row('XK-IMP-4001')]);
    expect((await upload(null, '清单.xlsx', XLSX, file)).statusCode).toBe(401);
    const forbidden = await upload(window, '清单.xlsx', XLSX, file);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await upload(admin, '清单.xlsx', XLSX, file, 'dryRun=true&regionCode=150100')).statusCode).toBe(403);
    const pdf = await upload(admin, 'x.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'IMPORT_FILE_TYPE', zh: expect.any(String), en: expect.any(String) });
    const big = await upload(admin, 'big.csv', 'text/csv', Buffer.alloc(t.p.kernel.config.fileMaxBytes + 10, 'a'));
    expect(big.statusCode).toBe(413);
    const broken = await upload(admin, 'x.xlsx', XLSX, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    expect(broken.statusCode).toBe(400);
    const noColumns = await upload(admin, 'x.csv', 'text/csv', Buffer.from('事项名称,实施编码,事项类型\n甲,AB-0001,行政许可\n'));
    expect(noColumns.json()).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING', zh: expect.stringContaining('实施主体') });
    const many = csvText(Array.from({ length: 5001 }, (_, i) => row(`XK-M-${i}`)));
    const tooMany = await upload(admin, 'many.csv', 'text/csv', Buffer.from(many));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('IMPORT_TOO_MANY_ROWS');
    const json = await t.app.inject({ method: 'POST', url: '/api/services/catalogue/import', headers: bearer(admin), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const nulName = await upload(admin, '清\u0000单.xlsx', XLSX, file, 'dryRun=false');
    expect(nulName.statusCode).toBe(400);
    const badQuery = await upload(admin, '清单.xlsx', XLSX, file, 'dryRun=maybe');
    expect(badQuery.statusCode).toBe(400);
  });
});

describe('reading a spreadsheet', () => {
  it('reads Excel’s tab-separated Unicode text (UTF-16 with a byte-order mark)', async () => {
    const text = [HEADERS, row('XK-IMP-8001')].map((r) => r.map((c) => (c.includes('\n') ? `"${c}"` : c)).join('\t')).join('\r\n');
    const sheet = await readSheet(Buffer.from(`\ufeff${text}`, 'utf16le'), '清单.txt', 'text/plain', { maxUnpackedBytes: 1000, maxEntries: 10 });
    expect(sheet.encoding).toBe('utf-16le');
    expect(sheet.rows[0].cells[1]).toBe('事项名称');
    expect(sheet.rows[1].cells.slice(1, 3)).toEqual(['食品经营许可', 'XK-IMP-8001']);
  });

  it('refuses an XLSX that would unpack beyond the limit before inflating it', async () => {
    const file = await xlsx([row('XK-IMP-7001')]);
    await expect(readSheet(file, 'a.xlsx', XLSX, { maxUnpackedBytes: 1000, maxEntries: 100 })).rejects.toMatchObject({ code: 'FILE_UNPACKED_TOO_LARGE', status: 413 });
    await expect(readSheet(file, 'a.xlsx', XLSX, { maxUnpackedBytes: 10_000_000, maxEntries: 2 })).rejects.toMatchObject({ status: 413 });
    expect((await readSheet(file, 'a.xlsx', XLSX, { maxUnpackedBytes: 10_000_000, maxEntries: 100 })).rows[2].cells[2]).toBe('XK-IMP-7001');
  });
});

/** GB18030 bytes of a text: Node has no encoder for it, so the few characters used are mapped by decoding every two-byte code. */
function encodeGb18030(text: string): Buffer {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Buffer.from([a, b]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (map.has(ch)) out.push(...map.get(ch)!);
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return Buffer.from(out);
}
