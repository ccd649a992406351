import { createHash } from 'node:crypto';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { isInvalidText } from '../../kernel/http/input-guard.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Catalogue } from './catalogue.ts';
import { ITEM_TYPES } from './catalogue-codes.ts';
import { ImportErrors, IMPORT_MAX_ROWS, readSheet, type ArchiveBounds, type Sheet, type SheetRow } from './catalogue-import-sheet.ts';
import { INSTANT_WORKFLOW, PROMISED_WORKFLOW } from './default-workflows.ts';
import type { ItemContent, Material } from './schema.ts';
import { servicesDb } from './tables.ts';

export { IMPORT_MAX_ROWS, ImportErrors } from './catalogue-import-sheet.ts';

/** A field of the implementation list the importer reads, with the headers it is known by (first wins). */
type Field =
  | 'name'
  | 'nameEn'
  | 'code'
  | 'itemType'
  | 'department'
  | 'statutoryDays'
  | 'promisedDays'
  | 'legalBasis'
  | 'conditions'
  | 'materials'
  | 'feeFlag'
  | 'feeStandard'
  | 'handlingForm'
  | 'fullyOnline'
  | 'visits'
  | 'applicants'
  | 'handling';

/**
 * Column headers of the national 实施清单 and the variants bureaus' exports use. Headers are
 * compared without spaces, `*` marks, and with full-width brackets made half-width.
 */
export const IMPORT_COLUMNS: Record<Field, { zh: string; en: string; headers: string[]; required?: boolean }> = {
  name: { zh: '事项名称', en: 'item name', headers: ['事项名称', '实施清单名称', '服务事项名称', '实施事项名称', '事项名'], required: true },
  nameEn: { zh: '英文名称', en: 'English name', headers: ['英文名称', '事项英文名称', 'englishname', 'nameen'] },
  code: { zh: '实施编码', en: 'code', headers: ['实施编码', '事项实施编码', '实施清单编码', '事项编码', '事项代码', '业务办理项编码', '基本编码'], required: true },
  itemType: { zh: '事项类型', en: 'item type', headers: ['事项类型', '事项类别', '权力类型', '权力类别'], required: true },
  department: { zh: '实施主体', en: 'implementing department', headers: ['实施主体', '实施主体名称', '实施机构', '实施部门', '办理部门', '实施主体编码'], required: true },
  statutoryDays: { zh: '法定办结时限', en: 'statutory limit', headers: ['法定办结时限', '法定时限', '法定期限', '法定办理时限'], required: true },
  promisedDays: { zh: '承诺办结时限', en: 'promised limit', headers: ['承诺办结时限', '承诺时限', '承诺期限', '承诺办理时限'], required: true },
  legalBasis: { zh: '设定依据', en: 'legal basis', headers: ['设定依据', '法律依据', '实施依据', '法定依据'], required: true },
  conditions: { zh: '受理条件', en: 'conditions', headers: ['受理条件', '申请条件', '办理条件', '受理标准'] },
  materials: { zh: '申请材料', en: 'materials', headers: ['申请材料', '申请材料目录', '申请材料清单', '材料清单', '办理材料'] },
  feeFlag: { zh: '是否收费', en: 'fee charged', headers: ['是否收费'] },
  feeStandard: { zh: '收费标准', en: 'fee', headers: ['收费标准', '收费金额', '收费金额(元)', '收费依据及标准'] },
  handlingForm: { zh: '办理形式', en: 'how it is handled', headers: ['办理形式', '办理方式'] },
  fullyOnline: { zh: '是否全程网办', en: 'fully online', headers: ['是否全程网办', '是否网办', '全程网办', '是否支持全程网办'] },
  visits: { zh: '到现场次数', en: 'visits', headers: ['到现场次数', '到办事现场次数', '跑动次数', '最多跑动次数', '到现场办理次数'] },
  applicants: { zh: '服务对象', en: 'applicants', headers: ['服务对象', '办理对象', '面向对象', '服务对象类型'], required: true },
  handling: { zh: '办件类型', en: 'handling', headers: ['办件类型', '即办件/承诺件'] },
};

const normHeader = (h: string) =>
  h
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export interface RowIssue {
  column: string;
  zh: string;
  en: string;
}

export interface RowChange {
  field: string;
  column: string;
  from: string;
  to: string;
}

export interface ImportRow {
  row: number;
  code: string | null;
  name: string | null;
  action: RowAction;
  changes: RowChange[];
  errors: RowIssue[];
  itemId: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  regionCode: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'utf-16le' | 'gb18030' | null;
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  totals: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: ImportRow[];
}

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  mime: string;
  regionCode: string;
  dryRun: boolean;
}

/** Which column a changed element of the content is read from, for the report. */
const FIELD_COLUMN: Partial<Record<keyof ItemContent, Field>> = {
  name: 'name',
  nameEn: 'nameEn',
  itemType: 'itemType',
  departmentId: 'department',
  statutoryDays: 'statutoryDays',
  promisedDays: 'promisedDays',
  legalBasis: 'legalBasis',
  conditions: 'conditions',
  materials: 'materials',
  feeFen: 'feeStandard',
  visits: 'visits',
  applicantTypes: 'applicants',
  handling: 'handling',
  workflow: 'handling',
};

const DEFAULT_CONDITIONS = '申请材料齐全、符合法定形式。';

interface Department {
  id: string;
  name: string;
  code: string;
  regionCode: string;
}

interface Existing {
  id: string;
  version: number;
  content: ItemContent;
}

interface Planned extends ImportRow {
  content?: ItemContent;
  baseVersion?: number;
}

/** What the importer reads of one row: only the elements whose columns the file has. */
type Parsed = Partial<Omit<ItemContent, 'materials'>> & { materials?: { name: string; required: boolean }[] };

/**
 * Loads a bureau's implementation list (实施清单) from XLSX or CSV into the catalogue. A dry run
 * reports what each row would do; applying writes every valid row in one transaction through the
 * catalogue's own create and new-version paths, so each item is checked and audited as if edited
 * by hand. Rows with errors are left out; a failure on any valid row writes nothing.
 */
export class CatalogueImport {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: Catalogue,
    private readonly org: Pick<OrgService, 'departmentsWithin'>,
  ) {}

  get bounds(): ArchiveBounds {
    return { maxUnpackedBytes: this.k.config.fileMaxUnpackedBytes, maxEntries: this.k.config.fileMaxArchiveEntries };
  }

  async run(who: Principal, input: ImportInput, requestId?: string): Promise<ImportReport> {
    assertAllowed(this.policy, who, 'services.manage', { regionCode: input.regionCode });
    if (!input.bytes.length) throw ImportErrors.empty();
    const sheet = await readSheet(input.bytes, input.fileName, input.mime, this.bounds, (rows) => rows.slice(0, 10).some((r) => knownHeaders(r.cells) >= 3));
    const { columns, ignored, headerRow } = findHeader(sheet);
    const dataRows = sheet.rows.filter((r) => r.row > headerRow && r.cells.some((c) => c.trim() !== ''));
    if (!dataRows.length) throw ImportErrors.empty();
    if (dataRows.length > IMPORT_MAX_ROWS) throw ImportErrors.tooManyRows(dataRows.length);

    const plan = await this.plan(input.regionCode, dataRows, columns);
    const report = (applied: boolean): ImportReport => ({
      dryRun: input.dryRun,
      applied,
      regionCode: input.regionCode,
      format: sheet.format,
      encoding: sheet.encoding,
      columns: [...columns.entries()].map(([field, c]) => ({ header: c.header, field })),
      ignoredColumns: ignored,
      totals: {
        rows: plan.length,
        create: plan.filter((r) => r.action === 'create').length,
        update: plan.filter((r) => r.action === 'update').length,
        unchanged: plan.filter((r) => r.action === 'unchanged').length,
        error: plan.filter((r) => r.action === 'error').length,
      },
      rows: plan.map(({ content: _c, baseVersion: _b, ...r }) => r),
    });
    const writes = plan.filter((r) => r.action === 'create' || r.action === 'update');
    if (input.dryRun || !writes.length) return report(false);

    await this.k.db.transaction().execute(async (trx) => {
      for (const r of writes) {
        if (r.action === 'create') r.itemId = await this.catalogue.createIn(trx, who, { code: r.code!, regionCode: input.regionCode, content: r.content! }, requestId);
        else await this.catalogue.updateIn(trx, who, r.itemId!, { baseVersion: r.baseVersion!, content: r.content!, note: '导入实施清单 / imported' }, requestId);
      }
      const done = report(true);
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'imported',
        objectType: 'services.catalogue',
        objectId: uuidv7(),
        regionCode: input.regionCode,
        change: { file: input.fileName.slice(0, 255), sha256: createHash('sha256').update(input.bytes).digest('hex'), totals: done.totals },
        summary: done.totals,
        requestId,
        event: false,
      });
    });
    this.catalogue.changed();
    return report(true);
  }

  private async plan(regionCode: string, rows: SheetRow[], columns: Map<Field, { index: number; header: string }>): Promise<Planned[]> {
    const departments = await this.departments(regionCode);
    const cell = (r: SheetRow, f: Field) => {
      const c = columns.get(f);
      return c ? (r.cells[c.index] ?? '').trim() : undefined;
    };
    const colName = (f: Field) => columns.get(f)?.header ?? IMPORT_COLUMNS[f].zh;

    const planned: (Planned & { parsed: Parsed })[] = rows.map((r) => {
      const errors: RowIssue[] = [];
      const parsed = parseRow(r, columns, departments, regionCode, errors, cell, colName);
      return { row: r.row, code: cell(r, 'code')?.slice(0, 60) || null, name: cell(r, 'name')?.slice(0, 100) || null, action: 'create', changes: [], errors, itemId: null, parsed };
    });

    // The same code twice in the file: neither row is taken, as which one is meant cannot be told.
    const byCode = new Map<string, number[]>();
    for (const p of planned) if (p.code) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p.row]);
    for (const p of planned) {
      const same = p.code ? byCode.get(p.code)! : [];
      if (same.length > 1) {
        const others = same.filter((n) => n !== p.row).join(', ');
        p.errors.push(issue(colName('code'), `编码在文件中重复（另见第 ${others} 行）`, `duplicate code in the file (also row ${others})`));
      }
    }

    const existing = await this.existing(
      regionCode,
      planned.filter((p) => p.code && !p.errors.length).map((p) => p.code!),
    );
    for (const p of planned) {
      if (p.errors.length) {
        p.action = 'error';
        continue;
      }
      const old = existing.get(p.code!);
      const content = buildContent(p.parsed, old?.content ?? null);
      if (!old) {
        p.action = 'create';
        p.content = content;
        continue;
      }
      p.itemId = old.id;
      p.changes = diff(old.content, content, colName);
      p.action = p.changes.length ? 'update' : 'unchanged';
      if (p.changes.length) {
        p.content = content;
        p.baseVersion = old.version;
      }
    }
    return planned.map(({ parsed: _p, ...rest }) => rest);
  }

  /** Departments an item of this region may be implemented by, as checked on save. */
  private async departments(regionCode: string): Promise<Department[]> {
    return (await this.org.departmentsWithin(regionCode)).filter((d) => regionCode.startsWith(d.regionCode.slice(0, 6)));
  }

  private async existing(regionCode: string, codes: string[]): Promise<Map<string, Existing>> {
    const out = new Map<string, Existing>();
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await servicesDb(this.k.db)
        .selectFrom('services_item as i')
        .innerJoin('services_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
        .select(['i.id', 'i.code', 'i.current_version', 'v.content'])
        .where('i.region_code', '=', regionCode)
        .where('i.code', 'in', codes.slice(i, i + 1000))
        .execute();
      for (const r of rows) out.set(r.code, { id: r.id, version: r.current_version, content: r.content as ItemContent });
    }
    return out;
  }
}

function issue(column: string, zh: string, en: string): RowIssue {
  return { column, zh, en };
}

const HEADER_LOOKUP = new Map<string, Field>();
for (const [field, c] of Object.entries(IMPORT_COLUMNS) as [Field, (typeof IMPORT_COLUMNS)[Field]][]) for (const h of c.headers) HEADER_LOOKUP.set(normHeader(h), field);

/** How many of a row's cells name a known column. */
const knownHeaders = (cells: string[]) => cells.filter((c) => HEADER_LOOKUP.has(normHeader(c))).length;

/** The header row: the first of the first ten rows naming at least three known columns. */
function findHeader(sheet: Sheet): { columns: Map<Field, { index: number; header: string }>; ignored: string[]; headerRow: number } {
  const lookup = HEADER_LOOKUP;
  for (const r of sheet.rows.slice(0, 10)) {
    const columns = new Map<Field, { index: number; header: string; rank: number }>();
    const ignored: string[] = [];
    r.cells.forEach((raw, index) => {
      const header = raw.trim();
      if (!header) return;
      const field = lookup.get(normHeader(header));
      if (!field) return void ignored.push(header.slice(0, 50));
      const rank = IMPORT_COLUMNS[field].headers.findIndex((h) => normHeader(h) === normHeader(header));
      const had = columns.get(field);
      if (had && had.rank <= rank) return void ignored.push(header.slice(0, 50));
      if (had) ignored.push(had.header);
      columns.set(field, { index, header: header.slice(0, 50), rank });
    });
    if (columns.size < 3) continue;
    const missing = (Object.keys(IMPORT_COLUMNS) as Field[]).filter((f) => IMPORT_COLUMNS[f].required && !columns.has(f)).map((f) => IMPORT_COLUMNS[f].zh);
    if (missing.length) throw ImportErrors.columnsMissing(missing);
    if (isInvalidText([...columns.values()].map((c) => c.header).join(''))) throw ImportErrors.unreadable('表头含有不允许的字符', 'a header holds characters that are not allowed');
    return { columns: new Map([...columns].map(([f, c]) => [f, { index: c.index, header: c.header }])), ignored, headerRow: r.row };
  }
  throw ImportErrors.columnsMissing((Object.keys(IMPORT_COLUMNS) as Field[]).filter((f) => IMPORT_COLUMNS[f].required).map((f) => IMPORT_COLUMNS[f].zh));
}

const LIMIT_WORDS = /^(无|—|－|-|\/|无法定时限|即办|即时办结|当场办结|立即办结)$/;

/** "20", "20个工作日", "20 工作日", "20天"; 即办 and 无 are 0. Working days either way. */
function days(v: string): number | null {
  const s = v.replace(/\s/g, '');
  if (LIMIT_WORDS.test(s)) return 0;
  const m = /^(\d{1,4})(个)?(工作日|日|天|自然日)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

const yes = (v: string) => /^(是|有|y|yes|true|1|√)$/i.test(v.trim());
const no = (v: string) => /^(否|无|n|no|false|0|×)$/i.test(v.trim());

const PERSON = /^(自然人|个人|公民|居民)$/;
const ORGANISATION = /^(法人|企业|企业法人|事业单位|事业单位法人|社会组织|社会组织法人|非法人企业|行政机关|机关|其他组织|非法人组织|个体工商户|法人或其他组织)$/;

function itemTypeOf(v: string): ItemContent['itemType'] | null {
  const s = v.replace(/\s/g, '');
  for (const [code, zh, en] of ITEM_TYPES) if (s === code || s === zh || s.toLowerCase() === en.toLowerCase() || `行政${s}` === zh || (s === '其他权力' && code === 'other_power')) return code;
  return null;
}

/** One material per line: "1. 营业执照（必要）", "身份证 非必要", "申请表|必要". Required unless it says otherwise. */
function materialsOf(v: string): { name: string; required: boolean }[] {
  return v
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const s = line.replace(/^(\(?（?\d{1,3}[)）]|\d{1,3}[.．、,，]|[一二三四五六七八九十]+[、.．])\s*/, '').trim();
      const m = /^(.*?)[\s|｜,，:：;；]*[（(【[]?\s*(非必要|必要|非必需|必需|必须|必交|选交|可选|非必须)\s*[）)】\]]?$/.exec(s);
      if (!m || !m[1].trim()) return { name: s, required: true };
      return { name: m[1].trim(), required: !/^(非必要|非必需|选交|可选|非必须)$/.test(m[2]) };
    });
}

function parseRow(
  r: SheetRow,
  columns: Map<Field, { index: number; header: string }>,
  departments: Department[],
  regionCode: string,
  errors: RowIssue[],
  cell: (r: SheetRow, f: Field) => string | undefined,
  colName: (f: Field) => string,
): Parsed {
  const out: Parsed = {};
  const bad = (f: Field, zh: string, en: string) => errors.push(issue(colName(f), zh, en));
  // NUL bytes and broken characters: PostgreSQL would refuse them; the row is refused first.
  for (const [f, c] of columns)
    if (isInvalidText(r.cells[c.index] ?? '')) {
      bad(f, '含有不允许的字符（如 NUL）', 'holds characters that are not allowed (such as NUL)');
      return out;
    }
  const text = (f: Field, min: number, max: number): string | undefined => {
    const v = cell(r, f);
    if (v === undefined) return undefined;
    if (!v) return void bad(f, '不能为空', 'is required');
    if (v.length < min) return void bad(f, `至少 ${min} 个字`, `must have at least ${min} characters`);
    if (v.length > max) return void bad(f, `过长（最多 ${max} 字，现有 ${v.length} 字）`, `is too long (at most ${max} characters, has ${v.length})`);
    return v;
  };

  out.name = text('name', 2, 100);
  const code = cell(r, 'code') ?? '';
  if (!code) bad('code', '不能为空', 'is required');
  else if (code.length > 40) bad('code', `过长（最多 40 个字符，现有 ${code.length} 个）`, `is too long (at most 40 characters, has ${code.length})`);
  else if (!/^[0-9A-Za-z-]{4,40}$/.test(code)) bad('code', '只能由 4–40 位字母、数字和连字符组成', 'must be 4–40 letters, digits or hyphens');
  const nameEn = cell(r, 'nameEn');
  if (nameEn !== undefined) out.nameEn = nameEn ? text('nameEn', 1, 200) : undefined;

  const type = cell(r, 'itemType') ?? '';
  if (!type) bad('itemType', '不能为空', 'is required');
  else {
    const t = itemTypeOf(type);
    if (t) out.itemType = t;
    else bad('itemType', `无法识别的事项类型“${type.slice(0, 20)}”（应为${ITEM_TYPES.map((x) => x[1]).join('、')}之一）`, `unknown item type "${type.slice(0, 20)}"`);
  }

  const dept = cell(r, 'department') ?? '';
  if (!dept) bad('department', '不能为空', 'is required');
  else {
    const hits = departments.filter((d) => d.name === dept || d.code === dept);
    const pick = hits.length > 1 ? hits.filter((d) => d.regionCode === regionCode) : hits;
    if (pick.length === 1) out.departmentId = pick[0].id;
    else if (!pick.length && !hits.length) bad('department', `本区划没有名为或编码为“${dept.slice(0, 40)}”的在用部门`, `no active department of this region is named or coded "${dept.slice(0, 40)}"`);
    else bad('department', `“${dept.slice(0, 40)}”对应多个部门，请填写部门编码`, `"${dept.slice(0, 40)}" matches several departments; give the department code`);
  }

  const limit = (f: 'statutoryDays' | 'promisedDays') => {
    const v = cell(r, f) ?? '';
    if (!v) return void bad(f, '不能为空（无时限请填“无”，即办请填“即办”）', 'is required (write 无 for none, 即办 for on the spot)');
    const n = days(v);
    if (n === null) return void bad(f, `“${v.slice(0, 20)}”不是工作日数`, `"${v.slice(0, 20)}" is not a number of working days`);
    if (n > 365) return void bad(f, '不能超过 365 个工作日', 'cannot exceed 365 working days');
    return n;
  };
  out.statutoryDays = limit('statutoryDays');
  out.promisedDays = limit('promisedDays');
  if (out.statutoryDays !== undefined && out.promisedDays !== undefined && out.statutoryDays > 0 && out.promisedDays > out.statutoryDays)
    bad('promisedDays', `承诺时限（${out.promisedDays}）超过法定时限（${out.statutoryDays}）`, `the promised limit (${out.promisedDays}) exceeds the statutory limit (${out.statutoryDays})`);

  const handling = cell(r, 'handling');
  if (handling) {
    if (/即办/.test(handling)) out.handling = 'instant';
    else if (/承诺/.test(handling)) out.handling = 'promised';
    else bad('handling', '应为“即办件”或“承诺件”', 'must be 即办件 or 承诺件');
  } else if (out.promisedDays !== undefined) out.handling = out.promisedDays === 0 ? 'instant' : 'promised';
  if (out.handling === 'promised' && out.promisedDays === 0) bad('promisedDays', '承诺件的承诺时限不能为 0', 'a promised item needs a promised limit above 0');

  out.legalBasis = text('legalBasis', 1, 2000);
  const conditions = cell(r, 'conditions');
  if (conditions !== undefined) out.conditions = conditions ? text('conditions', 1, 2000) : DEFAULT_CONDITIONS;

  const materials = cell(r, 'materials');
  if (materials !== undefined) {
    const list = materialsOf(materials);
    const long = list.find((m) => m.name.length > 100);
    const names = new Set<string>();
    const dup = list.find((m) => names.size === names.add(m.name).size);
    if (list.length > 40) bad('materials', `材料过多（最多 40 项，现有 ${list.length} 项）`, `too many materials (at most 40, has ${list.length})`);
    else if (long) bad('materials', `材料名称过长（最多 100 字）：${long.name.slice(0, 20)}…`, `a material name is too long (at most 100 characters): ${long.name.slice(0, 20)}…`);
    else if (dup) bad('materials', `材料重复：${dup.name.slice(0, 40)}`, `a material is listed twice: ${dup.name.slice(0, 40)}`);
    else out.materials = list;
  }

  const flag = cell(r, 'feeFlag');
  const standard = cell(r, 'feeStandard');
  if (flag !== undefined || standard !== undefined) {
    const free = (flag !== undefined && no(flag)) || (!flag && (!standard || /^(无|不收费|免费|否|0|0元)$/.test(standard)));
    if (free) out.feeFen = 0;
    else if (flag && !yes(flag)) bad('feeFlag', '应为“是”或“否”', 'must be 是 or 否');
    else {
      const m = /(\d{1,7}(?:\.\d{1,2})?)\s*元/.exec(standard ?? '') ?? /^(\d{1,7}(?:\.\d{1,2})?)$/.exec((standard ?? '').trim());
      if (!m) bad('feeStandard', '收费事项须写明金额（如“10元”）', 'a charged item must state the amount (e.g. 10元)');
      else if (Number(m[1]) > 1_000_000) bad('feeStandard', '金额超过上限（100 万元）', 'the amount exceeds the limit (1,000,000 yuan)');
      else out.feeFen = Math.round(Number(m[1]) * 100);
    }
  }

  const visits = cell(r, 'visits');
  const online = cell(r, 'fullyOnline');
  if (visits) {
    const n = /^(\d)\s*次?$/.exec(visits.replace(/\s/g, ''));
    if (!n || Number(n[1]) > 5) bad('visits', '应为 0–5 的整数', 'must be a whole number from 0 to 5');
    else out.visits = Number(n[1]);
  } else if (online) {
    if (yes(online)) out.visits = 0;
    else if (no(online)) out.visits = 1;
    else bad('fullyOnline', '应为“是”或“否”', 'must be 是 or 否');
  } else {
    const form = cell(r, 'handlingForm');
    if (form) out.visits = /窗口/.test(form) ? 1 : /网上|网办/.test(form) ? 0 : 1;
  }

  const who = cell(r, 'applicants') ?? '';
  if (!who) bad('applicants', '不能为空', 'is required');
  else {
    const kinds = new Set<'person' | 'enterprise'>();
    const unknown: string[] = [];
    for (const tok of who.split(/[、,，;；/／|｜\s]+/).filter(Boolean)) {
      if (PERSON.test(tok)) kinds.add('person');
      else if (ORGANISATION.test(tok)) kinds.add('enterprise');
      else unknown.push(tok.slice(0, 20));
    }
    if (unknown.length)
      bad(
        'applicants',
        `无法识别的服务对象：${unknown.join('、')}（应为自然人、企业法人、事业单位法人、社会组织法人、非法人企业、行政机关或其他组织）`,
        `unknown applicant kinds: ${unknown.join(', ')}`,
      );
    else out.applicantTypes = (['person', 'enterprise'] as const).filter((k) => kinds.has(k));
  }
  return out;
}

/** An applicant form of the parts the platform fills itself: staff add the item's own fields later. */
function defaultForm(applicants: ItemContent['applicantTypes']): ItemContent['form'] {
  const enterprise = !applicants.includes('person');
  const fields: [string, string, string][] = enterprise
    ? [
        ['enterpriseName', '企业名称', 'enterprise.name'],
        ['creditCode', '统一社会信用代码', 'enterprise.creditCode'],
        ['legalRepName', '法定代表人', 'enterprise.legalRepName'],
        ['contactPhone', '联系电话', 'person.phone'],
      ]
    : [
        ['applicantName', '申请人姓名', 'person.name'],
        ['idNumber', '公民身份号码', 'person.idNumber'],
        ['contactPhone', '联系电话', 'person.phone'],
      ];
  return {
    schema: {
      type: 'object',
      required: fields.map((f) => f[0]),
      properties: Object.fromEntries(fields.map(([k, title]) => [k, { type: 'string', title, minLength: 1, maxLength: 100 }])),
    },
    prefill: Object.fromEntries(fields.map(([k, , fact]) => [k, fact])) as NonNullable<ItemContent['form']['prefill']>,
  };
}

/**
 * The content an imported row stands for: the file's elements over the current version's (or, for
 * a new item, over defaults). Materials keep their code and details when their name is unchanged.
 */
function buildContent(p: Parsed, old: ItemContent | null): ItemContent {
  const handling = p.handling ?? old?.handling ?? 'promised';
  const applicantTypes = p.applicantTypes ?? old?.applicantTypes ?? ['person'];
  const oldMaterials = old?.materials ?? [];
  let materials: Material[] = oldMaterials;
  if (p.materials) {
    const taken = new Set(oldMaterials.map((m) => m.code));
    let n = 0;
    const fresh = () => {
      while (taken.has(`m${++n}`));
      taken.add(`m${n}`);
      return `m${n}`;
    };
    materials = p.materials.map((m) => {
      const had = oldMaterials.find((o) => o.name === m.name);
      return had
        ? { ...had, required: m.required }
        : { code: fresh(), name: m.name, required: m.required, form: 'electronic' as const, accept: ['application/pdf', 'image/png', 'image/jpeg'] as Material['accept'], replaceableBy: null };
    });
  }
  const workflow = old && old.handling === handling ? old.workflow : structuredClone(handling === 'instant' ? INSTANT_WORKFLOW : PROMISED_WORKFLOW);
  const content: ItemContent = {
    name: p.name ?? old!.name,
    itemType: p.itemType ?? old!.itemType,
    departmentId: p.departmentId ?? old!.departmentId,
    legalBasis: p.legalBasis ?? old!.legalBasis,
    applicantTypes,
    assuranceLevel: old?.assuranceLevel ?? 2,
    statutoryDays: p.statutoryDays ?? old!.statutoryDays,
    promisedDays: p.promisedDays ?? old!.promisedDays,
    handling,
    feeFen: p.feeFen ?? old?.feeFen ?? 0,
    visits: p.visits ?? old?.visits ?? 1,
    materials,
    conditions: p.conditions ?? old?.conditions ?? DEFAULT_CONDITIONS,
    deliveryMethods: old?.deliveryMethods ?? (handling === 'instant' ? ['online', 'window'] : ['online', 'mail', 'window']),
    lifeEvents: old?.lifeEvents ?? [],
    enterpriseEvents: old?.enterpriseEvents ?? [],
    form: old?.form ?? defaultForm(applicantTypes),
    workflow,
  };
  const nameEn = 'nameEn' in p ? p.nameEn : old?.nameEn;
  if (nameEn) content.nameEn = nameEn;
  return content;
}

const shown = (k: keyof ItemContent, v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (k === 'materials') return (v as Material[]).map((m) => `${m.name}${m.required ? '' : '（非必要）'}`).join('；');
  if (k === 'feeFen') return `${(Number(v) / 100).toFixed(2)} 元`;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'object') return '…';
  return String(v);
};

function diff(old: ItemContent, next: ItemContent, colName: (f: Field) => string): RowChange[] {
  const out: RowChange[] = [];
  const keys = new Set([...Object.keys(old), ...Object.keys(next)] as (keyof ItemContent)[]);
  for (const k of keys) {
    if (JSON.stringify(old[k] ?? null) === JSON.stringify(next[k] ?? null)) continue;
    const f = FIELD_COLUMN[k];
    // The workflow follows 即办件/承诺件; its change is reported with the handling.
    if (k === 'workflow') continue;
    out.push({ field: k, column: f ? colName(f) : k, from: shown(k, old[k]).slice(0, 200), to: shown(k, next[k]).slice(0, 200) });
  }
  return out;
}

/** Text for a terminal: counts, then each row with errors. */
export function reportText(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? '试导入（未写入）/ dry run (nothing written)' : r.applied ? '已导入 / imported' : '无需写入 / nothing to write'}: ${r.totals.rows} 行 rows — 新增 create ${r.totals.create}, 更新 update ${r.totals.update}, 未变 unchanged ${r.totals.unchanged}, 错误 errors ${r.totals.error}`,
  ];
  for (const row of r.rows) {
    if (row.action === 'update') lines.push(`  第 ${row.row} 行 row ${row.row} ${row.code}: 更新 update ${row.changes.map((c) => c.column).join('、')}`);
    for (const e of row.errors) lines.push(`  第 ${row.row} 行 row ${row.row} [${e.column}] ${e.zh} / ${e.en}`);
  }
  return lines.join('\n');
}
