import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { makeCitizenId } from '../../../kernel/ids/citizen-id.ts';
import { makeCreditCode } from '../../../kernel/ids/credit-code.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { OpennessContext } from '../area.ts';
import type { ByApplicant, DocumentInput, LibraryPort, LibraryYearFigures, RequestsPort, RequestYearFigures } from '../ports.ts';
import { ANSWER_TYPES, APPLICANT_KINDS, type ApplicantKind } from '../vocabulary.ts';
import { APPLICANT_COLUMNS, buildTables, EMPTY_ENTERED, REQUEST_ROWS, requestTable, tablesCsv, type ReportTable } from './template.ts';

/* 年度报告: first the pure table builder, then the routes, then the report of records made through the real areas. */

const by = (o: Partial<Record<ApplicantKind, number>>): ByApplicant => {
  const b = Object.fromEntries(APPLICANT_COLUMNS.map((k) => [k, o[k] ?? 0])) as ByApplicant;
  b.total = APPLICANT_COLUMNS.reduce((a, k) => a + b[k], 0);
  return b;
};
const LIB: LibraryYearFigures = { regulation: { made: 1, repealed: 0, inForce: 4 }, normative: { made: 6, repealed: 2, inForce: 31 }, published: { normative: 6, notice: 40, interpretation: 5 } };

/** Consistent figures: 12 received (9 people, 2 businesses, 1 law firm), 2 carried in, 11 answered, 3 carried out. */
function consistent(): RequestYearFigures {
  return {
    received: by({ person: 9, business: 2, legal_service: 1 }),
    carriedIn: by({ person: 2 }),
    outcomes: {
      disclosed: by({ person: 4, business: 1 }),
      partly: by({ person: 1 }),
      withheld: by({ person: 1, legal_service: 1 }),
      'withheld.third_party': by({ person: 1 }),
      'withheld.process_info': by({ legal_service: 1 }),
      unavailable: by({ person: 2 }),
      'unavailable.not_held': by({ person: 2 }),
      not_handled: by({ person: 1 }),
      'not_handled.repeated': by({ person: 1 }),
    },
    answered: by({ person: 9, business: 1, legal_service: 1 }),
    carriedOut: by({ person: 2, business: 1 }),
  };
}
const cell = (t: ReportTable, row: string, col: string) => t.rows.find((r) => r.key === row)!.cells![t.columns.findIndex((c) => c.key === col)];

describe('the table builder', () => {
  it('lays out part 三 as the template does: every answer type and reason as a row, 自然人 | five kinds of organisation | 总计', () => {
    const { table } = requestTable(consistent());
    expect(table.columns.map((c) => c.label.zh)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(table.columns.filter((c) => c.group?.zh === '法人或其他组织')).toHaveLength(5);
    const reasons = Object.values(ANSWER_TYPES).reduce((a, t) => a + Object.keys(t.reasons).length, 0);
    // 一, 二, 三 heading, six types, their reasons, (七)总计, 四.
    expect(table.rows).toHaveLength(3 + 6 + reasons + 2);
    expect(reasons).toBe(8 + 3 + 5 + 3);
    expect(table.rows.map((r) => r.no).filter((n) => n.startsWith('('))).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)']);
    expect(table.rows.find((r) => r.key === 'withheld')!.cells).toBeNull();
    expect(table.rows.find((r) => r.key === 'withheld.state_secret')!.label.zh).toBe('属于国家秘密');
    expect(REQUEST_ROWS.at(-1)!.label.zh).toBe('结转下年度继续办理');
  });

  it('adds up: 总计 is the sum of the columns, (七) the sum of (一)–(六), and 一 + 二 = (七) + 四', () => {
    const { table, checks } = requestTable(consistent());
    expect(checks).toEqual([]);
    expect(cell(table, 'received', 'total')).toBe(12);
    expect(cell(table, 'answered', 'person')).toBe(9);
    expect(cell(table, 'answered', 'total')).toBe(11);
    expect(cell(table, 'withheld.process_info', 'legal_service')).toBe(1);
    expect(cell(table, 'unavailable.not_held', 'total')).toBe(2);
    for (const r of table.rows.filter((x) => x.cells)) expect(r.cells!.at(-1)).toBe(r.cells!.slice(0, -1).reduce((a, n) => a + n, 0));
    const outcomeRows = table.rows.filter((r) => r.level >= 1 && r.cells && r.key !== 'answered');
    table.columns.forEach((c, i) => {
      expect(cell(table, 'answered', c.key)).toBe(outcomeRows.reduce((a, r) => a + r.cells![i], 0));
      expect(cell(table, 'received', c.key) + cell(table, 'carriedIn', c.key)).toBe(cell(table, 'answered', c.key) + cell(table, 'carriedOut', c.key));
    });
  });

  it('reports, cell by cell, figures that break the identities instead of hiding them', () => {
    const f = consistent();
    f.carriedOut = by({ person: 3, business: 1 }); // one too many people carried over
    f.answered = by({ person: 8, business: 1, legal_service: 1 }); // the requests' own total is one short
    f.outcomes['withheld'] = by({ person: 2, legal_service: 1 }); // a 不予公开 without a reason row
    f.received = { ...by({ person: 9, business: 2, legal_service: 1 }), total: 13 };
    const { table, checks } = requestTable(f);
    expect(checks.map((c) => `${c.code} ${c.row} ${c.column}`).sort()).toEqual(
      [
        'answered_total answered person',
        'answered_total answered total',
        'carry_over carriedOut person',
        'carry_over carriedOut total',
        'reasons_sum withheld person',
        'reasons_sum withheld total',
        'total_column received total',
      ].sort(),
    );
    // The table shows the sums the template defines; the figures the requests gave stay in the checks.
    expect(cell(table, 'received', 'total')).toBe(12);
    expect(cell(table, 'answered', 'person')).toBe(9);
    const co = checks.find((c) => c.code === 'carry_over' && c.column === 'person')!;
    expect([co.expected, co.actual]).toEqual([2, 3]);
    expect(co.zh).toContain('结转下年度');
  });

  it('fills part 二 from the library and the entered figures, fees in 万元, and part 四 with its totals', () => {
    const entered = structuredClone(EMPTY_ENTERED);
    entered.active = { permits: 1520, penalties: 87, enforcement: 3, feesYuan: 1_234_500 };
    entered.reconsideration = { upheld: 2, corrected: 1, other: 0, pending: 1 };
    const { tables } = buildTables(LIB, consistent(), entered);
    const [rules, permits, enforcement, fees, requests, reviews] = tables;
    expect(cell(rules, 'normative', 'made')).toBe(6);
    expect(cell(rules, 'normative', 'inForce')).toBe(31);
    expect(cell(rules, 'regulation', 'inForce')).toBe(4);
    expect(cell(permits, 'permits', 'decisions')).toBe(1520);
    expect(cell(enforcement, 'penalties', 'decisions')).toBe(87);
    expect(cell(fees, 'fees', 'amount')).toBe(123.45);
    expect(requests.key).toBe('requests');
    expect(reviews.columns).toHaveLength(15);
    expect(cell(reviews, 'cases', 'reconsideration.total')).toBe(4);
    expect(cell(reviews, 'cases', 'litigationDirect.total')).toBe(0);
  });

  it('writes the tables as CSV with a BOM, quoted where needed', () => {
    const { tables } = buildTables(LIB, consistent(), EMPTY_ENTERED);
    const csv = tablesCsv('乌兰浩特市2025年政府信息公开工作年度报告', tables, 'zh');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('(七),总计,9,1,0,0,1,0,11');
    expect(lines).toContain(',,,法人或其他组织,法人或其他组织,法人或其他组织,法人或其他组织,法人或其他组织,');
    expect(csv).toContain('"行政诉讼：未经复议直接起诉"'.replace(/"/g, ''));
    expect(tablesCsv('a,"b"', [], 'en')).toContain('"a,""b"""');
  });
});

/* ── over HTTP, with the requests' figures planted (the real areas come below) ─────────── */

let t: TestPlatform;
let admin: string;
let editor: string;
let ctx: OpennessContext;
let planted: RequestYearFigures = consistent();
const plantedLibrary: LibraryPort = { yearFigures: async () => LIB } as unknown as LibraryPort;
const plantedRequests: RequestsPort = { yearFigures: async () => planted };

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const problem = (res: { statusCode: number; body: string; json: () => Record<string, unknown> }, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  const p = res.json();
  expect(p).toMatchObject({ status, zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
  if (code) expect(p.code).toBe(code);
  return p;
};
const rows = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('openness_report')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestPlatform();
  const bgs = (await department(t, '152201', '政府办公室')).id;
  admin = await staffToken(t, ['openness_admin'], bgs);
  editor = await staffToken(t, ['openness_editor'], bgs);
  // The area's context, to plant figures the real areas would never give (and to restore them later).
  ctx = (t.p.openness.reports.reports as unknown as { ctx: OpennessContext }).ctx;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('the report over HTTP', () => {
  let real: { library: LibraryPort | null; requests: RequestsPort | null };
  beforeAll(() => {
    real = { library: ctx.ports.library, requests: ctx.ports.requests };
    ctx.ports.library = plantedLibrary;
    ctx.ports.requests = plantedRequests;
  });
  afterAll(() => {
    ctx.ports.library = real.library;
    ctx.ports.requests = real.requests;
  });

  it('generates a draft only for the 政务公开办, only for a year from 2008 to now', async () => {
    problem(await call('POST', '/api/openness/report-drafts', undefined, { year: 2025 }), 401);
    problem(await call('POST', '/api/openness/report-drafts', editor, { year: 2025 }), 403);
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: 2007 }), 400);
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: 2027 }), 400, 'OPENNESS_REPORT_YEAR_OUT_OF_RANGE');
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: 2025.5 }), 400);
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: '二〇二五' }), 400);
    problem(await call('GET', '/api/openness/reports/2031'), 400, 'OPENNESS_REPORT_YEAR_OUT_OF_RANGE');
    problem(await call('GET', '/api/openness/reports/abc'), 400);
    expect(await rows()).toBe(0);
    const res = await call('POST', '/api/openness/report-drafts', admin, { year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ year: 2025, edition: 1, state: 'draft', version: 1, checks: [] });
    expect(r.texts.overview).toContain('新收政府信息公开申请12件');
    expect(r.actions.map((a: { action: string }) => a.action)).toEqual(['generated']);
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: 2025 }), 409, 'OPENNESS_REPORT_DRAFT_EXISTS');
    // The public sees nothing of a draft.
    problem(await call('GET', '/api/openness/reports/2025'), 404, 'OPENNESS_REPORT_NOT_PUBLISHED');
    expect((await call('GET', '/api/openness/reports')).json().items).toEqual([]);
  });

  it('takes entered figures only as whole numbers, with totals that add up, and refuses a stale version', async () => {
    const draft = (await call('GET', '/api/openness/report-drafts/2025', admin)).json();
    const before = draft.version;
    for (const bad of [
      { expectedVersion: before, entered: { active: { permits: 1.5, penalties: 0, enforcement: 0, feesYuan: 0 } } },
      { expectedVersion: before, entered: { active: { permits: -1, penalties: 0, enforcement: 0, feesYuan: 0 } } },
      { expectedVersion: before, entered: { active: { permits: 'many', penalties: 0, enforcement: 0, feesYuan: 0 } } },
      { expectedVersion: before, entered: { reconsideration: { upheld: 1, corrected: 0, other: 0 } } },
      { expectedVersion: before, texts: { overview: 'x'.repeat(20_001) } },
      { expectedVersion: before, texts: { surprise: 'x' } },
    ])
      problem(await call('PUT', '/api/openness/report-drafts/2025', admin, bad), 400);
    problem(
      await call('PUT', '/api/openness/report-drafts/2025', admin, { expectedVersion: before, entered: { reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 } } }),
      422,
      'OPENNESS_REPORT_TOTAL_MISMATCH',
    );
    problem(await call('PUT', '/api/openness/report-drafts/2025', admin, { expectedVersion: before, texts: { other: '收取信息处理费\u0000' } }), 400);
    const broken = await t.app.inject({
      method: 'PUT',
      url: '/api/openness/report-drafts/2025',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: `{"expectedVersion":${before},"texts":{"other":"\\ud800坏"}}`,
    });
    problem(broken, 400);
    problem(await call('GET', '/api/openness/reports?limit=1000'), 400);
    problem(await call('PUT', '/api/openness/report-drafts/2025', editor, { expectedVersion: before, texts: { other: '无' } }), 403);
    expect((await call('GET', '/api/openness/report-drafts/2025', admin)).json().version).toBe(before);

    const edit = {
      expectedVersion: before,
      entered: { active: { permits: 1520, penalties: 87, enforcement: 3, feesYuan: 1_234_500 }, reconsideration: { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 } },
      texts: { problems: '  解读形式较单一。  ', other: '本年度未收取信息处理费。' },
    };
    // Two clerks at once: the first wins, the second is told to reload.
    const [a, b] = await Promise.all([call('PUT', '/api/openness/report-drafts/2025', admin, edit), call('PUT', '/api/openness/report-drafts/2025', admin, edit)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const saved = (a.statusCode === 200 ? a : b).json();
    expect(saved.texts.problems).toBe('解读形式较单一。');
    expect(saved.entered.reconsideration).toEqual({ upheld: 2, corrected: 1, other: 0, pending: 1 });
    const reviews = saved.tables.find((x: ReportTable) => x.key === 'reviews');
    expect(cell(reviews, 'cases', 'reconsideration.total')).toBe(4);
    expect(
      cell(
        saved.tables.find((x: ReportTable) => x.key === 'active-fees'),
        'fees',
        'amount',
      ),
    ).toBe(123.45);
  });

  it('will not publish figures that break the identities without an explanation, and then freezes the report', async () => {
    planted = consistent();
    planted.carriedOut = by({ person: 3, business: 1 });
    let d = (await call('GET', '/api/openness/report-drafts/2025', admin)).json();
    d = (await call('POST', '/api/openness/report-drafts/2025/regenerate', admin, { expectedVersion: d.version })).json();
    expect(d.checks.map((c: { code: string; column: string }) => `${c.code}:${c.column}`)).toEqual(['carry_over:person', 'carry_over:total']);
    expect(d.entered.active.permits).toBe(1520); // regeneration keeps what was entered
    const p = problem(await call('POST', '/api/openness/report-drafts/2025/publish', admin, { expectedVersion: d.version }), 422, 'OPENNESS_REPORT_FIGURES_INCONSISTENT');
    expect(JSON.stringify(p.errors)).toContain('结转下年度');
    problem(await call('POST', '/api/openness/report-drafts/2025/publish', editor, { expectedVersion: d.version, explanation: 'x' }), 403);
    problem(await call('POST', '/api/openness/report-drafts/2025/publish', admin, { expectedVersion: d.version + 5, explanation: '一件申请人撤回' }), 409, 'OPENNESS_REPORT_STALE');

    planted = consistent();
    d = (await call('POST', '/api/openness/report-drafts/2025/regenerate', admin, { expectedVersion: d.version })).json();
    expect(d.checks).toEqual([]);
    const pub = await call('POST', '/api/openness/report-drafts/2025/publish', admin, { expectedVersion: d.version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'published', explanation: null, publishedBy: expect.any(String) });
    problem(await call('PUT', '/api/openness/report-drafts/2025', admin, { expectedVersion: pub.json().version, texts: { other: '改' } }), 404, 'OPENNESS_REPORT_NO_DRAFT');
    problem(await call('POST', '/api/openness/report-drafts', admin, { year: 2025 }), 409, 'OPENNESS_REPORT_PUBLISHED');

    const list = (await call('GET', '/api/openness/reports')).json();
    expect(list.items.map((i: { year: number }) => i.year)).toEqual([2025]);
    const shown = (await call('GET', '/api/openness/reports/2025')).json();
    expect(shown.actions).toBeUndefined();
    expect(shown.tables).toEqual(pub.json().tables);
    const csv = await call('GET', '/api/openness/reports/2025/tables.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('(七),总计,9,1,0,0,1,0,11');
    expect((await call('GET', '/api/openness/reports/2025/tables.csv?lang=en')).body).toContain('Carried over to next year,2,1,0,0,0,0,3');
    problem(await call('GET', '/api/openness/reports/2025/tables.csv?lang=fr'), 400);
    // Published means frozen: later records do not change it.
    planted = { ...consistent(), received: by({ person: 99 }) };
    expect((await call('GET', '/api/openness/reports/2025')).json().tables).toEqual(pub.json().tables);
  });

  it('a correction is a new edition; the old one stays readable', async () => {
    problem(await call('POST', '/api/openness/reports/2025/corrections', admin, { reason: '' }), 400);
    problem(await call('POST', '/api/openness/reports/2024/corrections', admin, { reason: '更正' }), 404, 'OPENNESS_REPORT_NOT_PUBLISHED');
    const c = await call('POST', '/api/openness/reports/2025/corrections', admin, { reason: '行政许可数字有误' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ edition: 2, state: 'draft', correctionReason: '行政许可数字有误' });
    const e = (
      await call('PUT', '/api/openness/report-drafts/2025', admin, { expectedVersion: c.json().version, entered: { active: { permits: 1530, penalties: 87, enforcement: 3, feesYuan: 1_234_500 } } })
    ).json();
    // The public still sees edition 1 until the correction is published.
    expect((await call('GET', '/api/openness/reports/2025')).json().edition).toBe(1);
    const pub = (await call('POST', '/api/openness/report-drafts/2025/publish', admin, { expectedVersion: e.version })).json();
    expect(pub).toMatchObject({ edition: 2, state: 'published' });
    const now = (await call('GET', '/api/openness/reports/2025')).json();
    expect(now.edition).toBe(2);
    expect(now.editions.map((x: { edition: number; state: string }) => `${x.edition}:${x.state}`)).toEqual(['1:superseded', '2:published']);
    const old = (await call('GET', '/api/openness/reports/2025?edition=1')).json();
    expect(
      cell(
        old.tables.find((x: ReportTable) => x.key === 'active-permits'),
        'permits',
        'decisions',
      ),
    ).toBe(1520);
    expect(
      cell(
        now.tables.find((x: ReportTable) => x.key === 'active-permits'),
        'permits',
        'decisions',
      ),
    ).toBe(1530);
    // Every act is audited.
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_type', '=', 'openness.report').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['generated', 'edited', 'regenerated', 'published', 'corrected']));
  });

  it('does not publish this year before it ends, nor without 总体情况', async () => {
    const d = (await call('POST', '/api/openness/report-drafts', admin, { year: 2026 })).json();
    problem(await call('POST', '/api/openness/report-drafts/2026/publish', admin, { expectedVersion: d.version }), 422, 'OPENNESS_REPORT_YEAR_NOT_OVER');
    const d24 = (await call('POST', '/api/openness/report-drafts', admin, { year: 2024 })).json();
    const blank = (await call('PUT', '/api/openness/report-drafts/2024', admin, { expectedVersion: d24.version, texts: { overview: '   ' } })).json();
    problem(await call('POST', '/api/openness/report-drafts/2024/publish', admin, { expectedVersion: blank.version }), 422, 'OPENNESS_REPORT_TEXT_MISSING');
    const list = (await call('GET', '/api/openness/report-drafts', admin)).json();
    expect(list.items.map((i: { year: number; state: string }) => `${i.year}:${i.state}`)).toEqual(['2026:draft', '2025:published', '2024:draft']);
    problem(await call('GET', '/api/openness/report-drafts', editor), 403);
    const person = await personToken(t);
    problem(await call('GET', '/api/openness/report-drafts/2026', person.token), 403);
    problem(await call('GET', '/api/openness/report-drafts/2026/tables.csv'), 401);
  });

  it('shows the 政务公开办 the year so far', async () => {
    planted = consistent();
    const o = (await call('GET', '/api/openness/report-overview?year=2026', admin)).json();
    expect(o).toMatchObject({ year: 2026, received: 12, answered: 11, carriedIn: 2, report: { edition: 1, state: 'draft' } });
    expect(o.outcomes.find((x: { key: string }) => x.key === 'withheld.third_party').count).toBe(1);
    problem(await call('GET', '/api/openness/report-overview', editor), 403);
    expect(Object.keys(APPLICANT_KINDS)).toEqual(APPLICANT_COLUMNS);
  });
});

/* ── the test: records made through the real library and requests, the report compared cell by cell ── */

describe('the report of records made through the real areas', () => {
  type Doc = { kind: 'normative' | 'regulation' | 'notice'; published: string; repealed: string | null };
  type Req = { kind: ApplicantKind; received: string; answered: string | null; type: string | null; reason: string | null };
  const docs: Doc[] = [];
  const reqs: Req[] = [];
  const Y = 2023;

  /** Moves the clock to a China time, the people signed in staying so. */
  async function at(when: string) {
    t.clock.set(`${when}+08:00`);
    await t.p.kernel.db
      .updateTable('identity_session')
      .set({ expires_at: new Date(t.clock.now().getTime() + 7 * 86_400_000) })
      .execute();
  }
  const principalOf = async (accountId: string) => (await t.p.identity.service.principalOf((await t.p.identity.service.accountRow(accountId))!, null, null))!;

  it('counts what was published, repealed, received, answered and carried over, cell by cell', async () => {
    await t.p.kernel.db.transaction().execute(async (trx) => {
      for (const y of [2022, 2023, 2024]) await t.p.kernel.calendar.seedYear(trx, y);
    });
    const mzj = await department(t, '152201', '测试民政局');
    await t.p.licenses.seals.create(SYSTEM_PRINCIPAL, {
      departmentId: mzj.id,
      name: '测试民政局公章',
      unitName: '测试民政局',
      unitCode: makeCreditCode('152201', 'MB001581', '1', '1'),
      purpose: '公章',
      validFrom: '2020-01-01',
      validTo: '2030-12-31',
      users: [],
      automatic: true,
    });
    await staffToken(t, ['openness_editor'], mzj.id, 'rpt.clerk');
    const clerkId = (await t.p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', 'rpt.clerk').executeTakeFirstOrThrow()).id;
    const clerk = await principalOf(clerkId);
    const person = await principalOf((await personToken(t, { realName: { name: '张晓明', idNumber: makeCitizenId('152201', '1980-02-02', 31) } })).accountId);
    const acting = (name: string, n: number): Principal => ({
      ...person,
      actingFor: { enterpriseId: `0190f000-0000-7000-8000-00000000000${n}`, name, creditCode: makeCreditCode('152201', `MA0TE87${n}`), role: 'legal_rep', scopes: [] },
    });
    const company = acting('乌兰浩特市测试商贸有限公司', 1);
    const lawFirm = acting('测试律师事务所', 2);

    // Documents: a 规范性文件 of 2022 repealed in 2023 by a new one; another made in 2023; a 规章; a notice.
    const library = t.p.openness.library.port!;
    const publish = (input: Partial<DocumentInput>, replaces?: DocumentInput['replaces']) =>
      t.p.kernel.db.transaction().execute((trx) =>
        library.publish(
          trx,
          clerk,
          {
            title: '测试文件',
            kind: 'normative',
            themeCode: '16',
            issuerDepartmentId: mzj.id,
            writtenOn: cstDate(t.clock.now()),
            disclosure: 'proactive',
            body: '第一条 为规范管理，制定本办法。',
            ...input,
            ...(replaces ? { replaces } : {}),
          } as DocumentInput,
          { reviewId: null },
        ),
      );
    await at('2022-06-01T10:00:00');
    const old = await publish({ title: '乌兰浩特市临时救助办法', number: '乌民发〔2022〕1号' });
    docs.push({ kind: 'normative', published: '2022-06-01', repealed: '2023-05-10' });
    await at('2023-03-10T10:00:00');
    await publish({ title: '乌兰浩特市困难群众价格补贴办法', number: '乌民发〔2023〕1号' });
    docs.push({ kind: 'normative', published: '2023-03-10', repealed: null });
    await at('2023-04-12T10:00:00');
    await publish({ title: '乌兰浩特市城市管理规定', kind: 'regulation', number: '乌兰浩特市人民政府令第1号' });
    docs.push({ kind: 'regulation', published: '2023-04-12', repealed: null });
    await publish({ title: '关于开展救助政策宣传月活动的通知', kind: 'notice', number: null });
    docs.push({ kind: 'notice', published: '2023-04-12', repealed: null });
    await at('2023-05-10T10:00:00');
    const now = await publish({ title: '乌兰浩特市临时救助实施办法', number: '乌民发〔2023〕2号' }, [{ id: old.id, as: 'repealed' }]);
    docs.push({ kind: 'normative', published: '2023-05-10', repealed: null });

    // Requests: a person's and a company's from 2022 carried in; this year's from a person, a company and a
    // law firm answered with different types and reasons; one received on 29 December carried over the year end.
    const svc = t.p.openness.requests.requests;
    const input = (o: Record<string, unknown> = {}) =>
      ({
        departmentId: mzj.id,
        description: '请公开2023年城乡低保资金发放汇总表',
        purpose: '了解政策落实情况',
        form: 'electronic',
        delivery: 'online',
        contact: { phone: '13904820001' },
        ...o,
      }) as never;
    const create = async (who: Principal, kind: ApplicantKind, o: Record<string, unknown> = {}) => {
      const r = await svc.create(who, input(kind === 'person' ? o : { applicantKind: kind, ...o }));
      const row: Req = { kind, received: r.receivedOn, answered: null, type: null, reason: null };
      reqs.push(row);
      return { id: r.id, row };
    };
    const answer = async (x: { id: string; row: Req }, a: { type: string; reason?: string; reasonText?: string; libraryDocumentId?: string; rightBody?: string }) => {
      await svc.answer(clerk, x.id, a as never);
      x.row.answered = cstDate(t.clock.now());
      x.row.type = a.type === 'not_ours' ? 'unavailable' : a.type;
      x.row.reason = a.type === 'not_ours' ? 'not_held' : (a.reason ?? null);
    };
    await at('2022-12-20T10:00:00');
    const p0 = await create(person, 'person');
    const b0 = await create(company, 'business');
    await at('2023-01-09T10:00:00');
    await answer(b0, { type: 'disclosed', libraryDocumentId: now.id });
    await at('2023-02-06T10:00:00');
    await answer(p0, { type: 'partly', reasonText: '部分内容涉及个人隐私，已作区分处理', libraryDocumentId: now.id });
    await at('2023-06-05T10:00:00');
    const p1 = await create(person, 'person');
    const p2 = await create(person, 'person');
    const b1 = await create(company, 'business');
    const l1 = await create(lawFirm, 'legal_service');
    const l2 = await create(lawFirm, 'legal_service');
    await at('2023-06-20T10:00:00');
    await answer(p1, { type: 'disclosed', libraryDocumentId: now.id });
    await answer(p2, { type: 'withheld', reason: 'process_info', reasonText: '属于讨论记录等过程性信息' });
    await answer(b1, { type: 'not_ours', reasonText: '该信息由自治区民政厅制作保存', rightBody: '内蒙古自治区民政厅' });
    await answer(l1, { type: 'not_handled', reason: 'repeated', reasonText: '与此前申请内容相同，不予重复处理' });
    await at('2023-12-29T10:00:00');
    const p3 = await create(person, 'person');
    await at('2024-01-08T10:00:00');
    await answer(p3, { type: 'withheld', reason: 'third_party', reasonText: '涉及第三方商业秘密，第三方不同意公开' });
    void l2; // still open: carried over from 2023 and from 2024

    // The report of 2023, generated over HTTP in January 2024.
    await at('2024-01-10T10:00:00');
    const res = await call('POST', '/api/openness/report-drafts', admin, { year: Y });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report.checks).toEqual([]);

    // 二: counted from what was created.
    const y = String(Y);
    const rules = report.tables.find((x: ReportTable) => x.key === 'active-rules');
    for (const kind of ['normative', 'regulation'] as const) {
      const mine = docs.filter((d) => d.kind === kind && d.published <= `${y}-12-31`);
      const made = mine.filter((d) => d.published.startsWith(y)).length;
      const repealed = mine.filter((d) => d.repealed?.startsWith(y)).length;
      const inForce = mine.filter((d) => !d.repealed || d.repealed > `${y}-12-31`).length;
      expect(rules.rows.find((r: { key: string }) => r.key === kind).cells).toEqual([made, repealed, inForce]);
    }
    expect(rules.rows.find((r: { key: string }) => r.key === 'normative').cells).toEqual([2, 1, 2]);

    // 三: every cell, counted from the requests created.
    const table: ReportTable = report.tables.find((x: ReportTable) => x.key === 'requests');
    const inYear = (d: string | null) => !!d && d.startsWith(y);
    const openAt = (r: Req, day: string) => r.received < day && (!r.answered || r.answered >= day);
    const select: Record<string, (r: Req) => boolean> = {
      received: (r) => inYear(r.received),
      carriedIn: (r) => openAt(r, `${y}-01-01`),
      answered: (r) => inYear(r.answered),
      carriedOut: (r) => openAt(r, `${Y + 1}-01-01`),
    };
    let compared = 0;
    for (const row of table.rows) {
      if (!row.cells) continue;
      const [type, reason] = row.key.split('.');
      const pick = select[row.key] ?? ((r: Req) => inYear(r.answered) && r.type === type && (reason === undefined || r.reason === reason));
      const counts = APPLICANT_COLUMNS.map((k) => reqs.filter((r) => r.kind === k && pick(r)).length);
      expect(row.cells, row.key).toEqual([...counts, counts.reduce((a, n) => a + n, 0)]);
      compared += row.cells.length;
    }
    expect(compared).toBe(7 * (4 + 2 + 8 + 3 + 5 + 3));
    expect(cell(table, 'received', 'total')).toBe(6);
    expect(cell(table, 'carriedIn', 'total')).toBe(2);
    expect(cell(table, 'answered', 'total')).toBe(6);
    expect(cell(table, 'carriedOut', 'person')).toBe(1);
    expect(cell(table, 'carriedOut', 'legal_service')).toBe(1);
    expect(cell(table, 'unavailable.not_held', 'business')).toBe(1);

    // And it publishes, as the public then reads it.
    const d = (await call('PUT', `/api/openness/report-drafts/${Y}`, admin, { expectedVersion: report.version, texts: { overview: '2023年政务公开工作总体情况。' } })).json();
    const pub = await call('POST', `/api/openness/report-drafts/${Y}/publish`, admin, { expectedVersion: d.version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await call('GET', `/api/openness/reports/${Y}`)).json().tables).toEqual(report.tables);
  });
});
