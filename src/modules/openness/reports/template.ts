import type { ByApplicant, LibraryYearFigures, RequestYearFigures } from '../ports.ts';
import { ANSWER_TYPES, APPLICANT_KINDS, type AnswerType, type ApplicantKind } from '../vocabulary.ts';

/*
 * 政府信息公开工作年度报告 as the national template (国办公开办函〔2021〕30号 格式, used since the 2019 条例)
 * lays it out: six parts, three of them tables. The labels of every row and column are data here, and
 * one pure function turns the figures (computed from the library and the requests, plus those an
 * editor enters) into the tables the portal shows and the CSV carries. Nothing here reads a database.
 */

export interface Label {
  zh: string;
  en: string;
}

/** A column of a table; consecutive columns with the same group share a header above them. */
export interface Column {
  key: string;
  label: Label;
  group: Label | null;
}

/**
 * A row: `cells` in the order of the table's columns, or null for a heading row (三、本年度办理结果,
 * (三)不予公开 …) whose figures are in the rows below it. `level` indents the label.
 */
export interface Row {
  key: string;
  no: string;
  label: Label;
  level: number;
  cells: number[] | null;
}

export interface ReportTable {
  key: string;
  caption: Label;
  /** The header of the row-label column. */
  rowHeader: Label;
  columns: Column[];
  rows: Row[];
  note: Label | null;
}

/** A figure that breaks an identity the template states (the row, the column, what it should be). */
export interface Check {
  code: 'total_column' | 'reasons_sum' | 'answered_total' | 'carry_over';
  row: string;
  column: string;
  expected: number;
  actual: number;
  zh: string;
  en: string;
}

/** The six parts' headings. */
export const PARTS = {
  overview: { no: '一', zh: '总体情况', en: 'Overview' },
  active: { no: '二', zh: '主动公开政府信息情况', en: 'Information disclosed proactively' },
  requests: { no: '三', zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' },
  reviews: { no: '四', zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reconsideration and litigation' },
  problems: { no: '五', zh: '存在的主要问题及改进情况', en: 'Main problems and improvements' },
  other: { no: '六', zh: '其他需要报告的事项', en: 'Other matters' },
} as const;

/* ── 二、主动公开政府信息情况 ────────────────────────────────────────────────────────────── */

/** Figures of part 二 the platform cannot know (yet): entered by the 政务公开办. */
export interface ActiveEntered {
  /** 第二十条第（五）项 行政许可: 本年处理决定数量. */
  permits: number;
  /** 第二十条第（六）项 行政处罚 / 行政强制: 本年处理决定数量. */
  penalties: number;
  enforcement: number;
  /** 第二十条第（八）项 行政事业性收费: 本年收费金额, in yuan (shown in 万元 as the template asks). */
  feesYuan: number;
}

/** One 行政复议 or 行政诉讼 column group: 结果维持, 结果纠正, 其他结果, 尚未审结 (总计 is their sum). */
export interface ReviewOutcomes {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
}

/** Figures the platform has no records of, entered and validated. */
export interface EnteredFigures {
  active: ActiveEntered;
  /** 四: 行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉. */
  reconsideration: ReviewOutcomes;
  litigationDirect: ReviewOutcomes;
  litigationAfterReconsideration: ReviewOutcomes;
  /** 六: 信息处理费 (国办函〔2020〕109号): notices issued and the amount collected, in yuan. */
  processingFees: { notices: number; collectedYuan: number };
}

export const EMPTY_OUTCOMES: ReviewOutcomes = { upheld: 0, corrected: 0, other: 0, pending: 0 };
export const EMPTY_ENTERED: EnteredFigures = {
  active: { permits: 0, penalties: 0, enforcement: 0, feesYuan: 0 },
  reconsideration: { ...EMPTY_OUTCOMES },
  litigationDirect: { ...EMPTY_OUTCOMES },
  litigationAfterReconsideration: { ...EMPTY_OUTCOMES },
  processingFees: { notices: 0, collectedYuan: 0 },
};

export const REVIEW_OUTCOMES: readonly [keyof ReviewOutcomes, Label][] = [
  ['upheld', { zh: '结果维持', en: 'Upheld' }],
  ['corrected', { zh: '结果纠正', en: 'Corrected' }],
  ['other', { zh: '其他结果', en: 'Other result' }],
  ['pending', { zh: '尚未审结', en: 'Pending' }],
];
export const REVIEW_GROUPS: readonly [keyof Pick<EnteredFigures, 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'>, Label][] = [
  ['reconsideration', { zh: '行政复议', en: 'Reconsideration' }],
  ['litigationDirect', { zh: '行政诉讼：未经复议直接起诉', en: 'Litigation without prior reconsideration' }],
  ['litigationAfterReconsideration', { zh: '行政诉讼：复议后起诉', en: 'Litigation after reconsideration' }],
];

/** 万元 with up to four decimals (the template's unit for fees), from whole yuan. */
export const wan = (yuan: number) => Math.round(yuan) / 10_000;

/** Part 二 as the template's four small tables, 规章 and 规范性文件 from the library. */
export function activeTables(lib: LibraryYearFigures, e: ActiveEntered): ReportTable[] {
  const content = { zh: '信息内容', en: 'Information' };
  const decisions: Column[] = [{ key: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' }, group: null }];
  return [
    {
      key: 'active-rules',
      caption: { zh: '第二十条第（一）项', en: 'Art. 20 (1): rules and normative documents' },
      rowHeader: content,
      columns: [
        { key: 'made', label: { zh: '本年制发件数', en: 'Made this year' }, group: null },
        { key: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' }, group: null },
        { key: 'inForce', label: { zh: '现行有效件数', en: 'In force' }, group: null },
      ],
      rows: [
        { key: 'regulation', no: '', label: { zh: '规章', en: 'Government rules' }, level: 0, cells: [lib.regulation.made, lib.regulation.repealed, lib.regulation.inForce] },
        { key: 'normative', no: '', label: { zh: '行政规范性文件', en: 'Normative documents' }, level: 0, cells: [lib.normative.made, lib.normative.repealed, lib.normative.inForce] },
      ],
      note: null,
    },
    {
      key: 'active-permits',
      caption: { zh: '第二十条第（五）项', en: 'Art. 20 (5): administrative permits' },
      rowHeader: content,
      columns: decisions,
      rows: [{ key: 'permits', no: '', label: { zh: '行政许可', en: 'Administrative permits' }, level: 0, cells: [e.permits] }],
      note: null,
    },
    {
      key: 'active-enforcement',
      caption: { zh: '第二十条第（六）项', en: 'Art. 20 (6): penalties and compulsory measures' },
      rowHeader: content,
      columns: decisions,
      rows: [
        { key: 'penalties', no: '', label: { zh: '行政处罚', en: 'Administrative penalties' }, level: 0, cells: [e.penalties] },
        { key: 'enforcement', no: '', label: { zh: '行政强制', en: 'Compulsory measures' }, level: 0, cells: [e.enforcement] },
      ],
      note: null,
    },
    {
      key: 'active-fees',
      caption: { zh: '第二十条第（八）项', en: 'Art. 20 (8): administrative fees' },
      rowHeader: content,
      columns: [{ key: 'amount', label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected (10,000 yuan)' }, group: null }],
      rows: [{ key: 'fees', no: '', label: { zh: '行政事业性收费', en: 'Administrative fees' }, level: 0, cells: [wan(e.feesYuan)] }],
      note: null,
    },
  ];
}

/* ── 三、收到和处理政府信息公开申请情况 ──────────────────────────────────────────────────────── */

export const APPLICANT_COLUMNS = Object.keys(APPLICANT_KINDS) as ApplicantKind[];
const ORG_GROUP: Label = { zh: '法人或其他组织', en: 'Legal persons and other organisations' };

/** Columns of part 三: 自然人 | 法人或其他组织 (five) | 总计. */
export const REQUEST_COLUMNS: Column[] = [
  ...APPLICANT_COLUMNS.map((k) => ({ key: k, label: { zh: APPLICANT_KINDS[k].zh, en: APPLICANT_KINDS[k].en }, group: k === 'person' ? null : ORG_GROUP })),
  { key: 'total', label: { zh: '总计', en: 'Total' }, group: null },
];

/** Where a row's figures come from: a field of RequestYearFigures, an outcome key, or none (a heading). */
export type RowSource = { field: 'received' | 'carriedIn' | 'answered' | 'carriedOut' } | { outcome: string } | null;
export interface RequestRowDef {
  key: string;
  no: string;
  label: Label;
  level: number;
  source: RowSource;
}

const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The rows of part 三, in the template's order, derived from the answer types and their reasons. */
export const REQUEST_ROWS: RequestRowDef[] = (() => {
  const rows: RequestRowDef[] = [
    { key: 'received', no: '一', label: { zh: '本年新收政府信息公开申请数量', en: 'Requests received this year' }, level: 0, source: { field: 'received' } },
    { key: 'carriedIn', no: '二', label: { zh: '上年结转政府信息公开申请数量', en: 'Requests carried over from last year' }, level: 0, source: { field: 'carriedIn' } },
    { key: 'results', no: '三', label: { zh: '本年度办理结果', en: 'Results this year' }, level: 0, source: null },
  ];
  for (const [type, def] of Object.entries(ANSWER_TYPES) as [AnswerType, (typeof ANSWER_TYPES)[AnswerType]][]) {
    const reasons = Object.entries(def.reasons) as [string, Label][];
    const zh = type === 'partly' ? `${def.zh}（区分处理的，只计这一情形，不计其他情形）` : def.zh;
    rows.push({ key: type, no: def.row, label: { zh, en: def.en }, level: 1, source: reasons.length ? null : { outcome: type } });
    reasons.forEach(([reason, l], i) => rows.push({ key: `${type}.${reason}`, no: `${i + 1}.`, label: { zh: l.zh, en: l.en }, level: 2, source: { outcome: `${type}.${reason}` } }));
  }
  rows.push({ key: 'answered', no: `(${CN_NUMS[Object.keys(ANSWER_TYPES).length]})`, label: { zh: '总计', en: 'Total' }, level: 1, source: { field: 'answered' } });
  rows.push({ key: 'carriedOut', no: '四', label: { zh: '结转下年度继续办理', en: 'Carried over to next year' }, level: 0, source: { field: 'carriedOut' } });
  return rows;
})();

/** Answer types whose figures are split by reason (their own row is a heading). */
const WITH_REASONS = (Object.keys(ANSWER_TYPES) as AnswerType[]).filter((t) => Object.keys(ANSWER_TYPES[t].reasons).length > 0);

const zeros = (): ByApplicant => Object.fromEntries([...APPLICANT_COLUMNS, 'total'].map((k) => [k, 0])) as ByApplicant;
const colLabel = (k: string) => REQUEST_COLUMNS.find((c) => c.key === k)!.label;
const rowLabel = (k: string) => REQUEST_ROWS.find((r) => r.key === k)!.label;

/**
 * Part 三 from the requests' figures. The 总计 column is the sum of the six applicant columns, and
 * (七)总计 is the sum of the outcome rows, as the template defines them — so the table adds up by
 * construction. Where the figures given disagree with these sums, or break 一 + 二 = (七) + 四 (the
 * template's own 勾稽关系), each disagreement comes back as a check: the draft shows them and
 * publication needs an explanation (see service.ts).
 */
export function requestTable(f: RequestYearFigures): { table: ReportTable; checks: Check[] } {
  const checks: Check[] = [];
  const get = (src: RowSource): ByApplicant | null => {
    if (!src) return null;
    if ('field' in src) return f[src.field] ?? zeros();
    return f.outcomes[src.outcome] ?? zeros();
  };
  const cellsOf = (key: string, b: ByApplicant): number[] => {
    const parts = APPLICANT_COLUMNS.map((k) => b[k] ?? 0);
    const sum = parts.reduce((a, n) => a + n, 0);
    if ((b.total ?? sum) !== sum) checks.push(check('total_column', key, 'total', sum, b.total));
    return [...parts, sum];
  };
  const rows: Row[] = [];
  const answered = new Array<number>(REQUEST_COLUMNS.length).fill(0);
  for (const def of REQUEST_ROWS) {
    if (def.key === 'answered') {
      const given = cellsOf('answered', get(def.source)!);
      REQUEST_COLUMNS.forEach((c, i) => given[i] !== answered[i] && checks.push(check('answered_total', 'answered', c.key, answered[i], given[i])));
      rows.push({ key: def.key, no: def.no, label: def.label, level: def.level, cells: [...answered] });
      continue;
    }
    const b = get(def.source);
    const cells = b ? cellsOf(def.key, b) : null;
    if (cells && def.source && 'outcome' in def.source) cells.forEach((n, i) => (answered[i] += n));
    rows.push({ key: def.key, no: def.no, label: def.label, level: def.level, cells });
  }
  // A type split by reason: its own figure (when the requests give one) is the sum of its reasons.
  for (const type of WITH_REASONS) {
    const own = f.outcomes[type];
    if (!own) continue;
    const reasons = rows.filter((r) => r.key.startsWith(`${type}.`));
    REQUEST_COLUMNS.forEach((c, i) => {
      const sum = reasons.reduce((a, r) => a + r.cells![i], 0);
      const v = c.key === 'total' ? APPLICANT_COLUMNS.reduce((a, k) => a + (own[k] ?? 0), 0) : (own[c.key as ApplicantKind] ?? 0);
      if (v !== sum) checks.push(check('reasons_sum', type, c.key, sum, v));
    });
  }
  // 一 + 二 = (七) + 四, column by column.
  const at = (k: string) => rows.find((r) => r.key === k)!.cells!;
  const [rec, inn, out] = [at('received'), at('carriedIn'), at('carriedOut')];
  REQUEST_COLUMNS.forEach((c, i) => {
    const expected = rec[i] + inn[i] - answered[i];
    if (expected !== out[i]) checks.push(check('carry_over', 'carriedOut', c.key, expected, out[i]));
  });
  return {
    table: {
      key: 'requests',
      caption: { zh: `${PARTS.requests.no}、${PARTS.requests.zh}`, en: PARTS.requests.en },
      rowHeader: { zh: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', en: 'Rows: (1) + (2) = (3) + (4)' },
      columns: REQUEST_COLUMNS,
      rows,
      note: { zh: '申请人情况：自然人、法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）', en: 'Applicants: natural persons, and legal persons or other organisations by kind' },
    },
    checks,
  };
}

function check(code: Check['code'], row: string, column: string, expected: number, actual: number): Check {
  const r = row === 'answered' ? { zh: '（七）总计', en: '(7) Total' } : rowLabel(row);
  const c = colLabel(column);
  const what: Record<Check['code'], Label> = {
    total_column: { zh: '总计列应等于各类申请人之和', en: 'the total should be the sum of the applicant columns' },
    reasons_sum: { zh: '应等于其各项理由之和', en: 'should equal the sum of its reasons' },
    answered_total: { zh: '（七）总计应等于（一）至（六）之和', en: '(7) should be the sum of (1)–(6)' },
    carry_over: { zh: '结转下年度应等于本年新收加上年结转减办理总计', en: 'carried over should be received + carried in − total handled' },
  };
  return {
    code,
    row,
    column,
    expected,
    actual,
    zh: `「${r.zh}」「${c.zh}」为 ${actual}，${what[code].zh}（${expected}）`,
    en: `"${r.en}" / "${c.en}" is ${actual}; ${what[code].en} (${expected})`,
  };
}

/* ── 四、政府信息公开行政复议、行政诉讼情况 ───────────────────────────────────────────────── */

export const outcomesTotal = (o: ReviewOutcomes) => o.upheld + o.corrected + o.other + o.pending;

export function reviewTable(e: EnteredFigures): ReportTable {
  const columns: Column[] = [];
  const cells: number[] = [];
  for (const [g, gl] of REVIEW_GROUPS) {
    for (const [k, l] of REVIEW_OUTCOMES) {
      columns.push({ key: `${g}.${k}`, label: l, group: gl });
      cells.push(e[g][k]);
    }
    columns.push({ key: `${g}.total`, label: { zh: '总计', en: 'Total' }, group: gl });
    cells.push(outcomesTotal(e[g]));
  }
  return {
    key: 'reviews',
    caption: { zh: `${PARTS.reviews.no}、${PARTS.reviews.zh}`, en: PARTS.reviews.en },
    rowHeader: { zh: '情况', en: 'Cases' },
    columns,
    rows: [{ key: 'cases', no: '', label: { zh: '件数', en: 'Cases' }, level: 0, cells }],
    note: null,
  };
}

/** Every table of a report, and the checks part 三's figures failed. */
export function buildTables(lib: LibraryYearFigures, req: RequestYearFigures, entered: EnteredFigures): { tables: ReportTable[]; checks: Check[] } {
  const r = requestTable(req);
  return { tables: [...activeTables(lib, entered.active), r.table, reviewTable(entered)], checks: r.checks };
}

/* ── CSV ──────────────────────────────────────────────────────────────────────────────── */

const csvCell = (v: string | number) => {
  const s = String(v);
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it behind an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The tables as one CSV (UTF-8 with a BOM, so spreadsheets read the Chinese), in one language. */
export function tablesCsv(title: string, tables: ReportTable[], lang: 'zh' | 'en'): string {
  const lines: string[] = [csvCell(title)];
  for (const t of tables) {
    lines.push('', csvCell(t.caption[lang]));
    if (t.columns.some((c) => c.group)) lines.push(['', '', ...t.columns.map((c) => (c.group ? c.group[lang] : ''))].map(csvCell).join(','));
    lines.push([lang === 'zh' ? '序号' : 'No.', t.rowHeader[lang], ...t.columns.map((c) => c.label[lang])].map(csvCell).join(','));
    for (const r of t.rows) lines.push([r.no, r.label[lang], ...(r.cells ?? t.columns.map(() => ''))].map(csvCell).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
