import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { addWorkingDays, cstDate, isWorkingDay, type DayRules } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { AnswerType } from '../../src/modules/openness/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string, enterpriseId: string | null = null): Promise<Principal | null> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
  const row = acc && (await p.identity.service.accountRow(acc.id));
  return (row && (await p.identity.service.principalOf(row, null, enterpriseId))) || null;
}

const dayMs = 86_400_000;
const prevDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - dayMs).toISOString().slice(0, 10);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
/** The working day `n` working days before `day`. */
function workingDaysBefore(rules: DayRules, day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = prevDay(d);
    if (isWorkingDay(rules, d)) left -= 1;
  }
  return d;
}
function workingDayOnOrAfter(rules: DayRules, day: string): string {
  let d = day;
  while (!isWorkingDay(rules, d)) d = nextDay(d);
  return d;
}

interface Spec {
  dept: 'BGS' | 'MZJ';
  /** citizen01, qiye01 as a person, or qiye01 for its company. */
  who: 'citizen' | 'qiye' | 'company';
  description: string;
  purpose?: string;
  /** Working days ago it was received (this year), or a date last year. */
  received: number | string;
  /** What happened: nothing (processing), 补正 open, a consultation, an extension, an answer (today or on a date). */
  then?:
    | { kind: 'correction'; request: string }
    | { kind: 'consultation'; party: string; matter: string }
    | { kind: 'extension'; days: number; reason: string }
    | { kind: 'answer'; type: AnswerType | 'not_ours'; reason?: string; reasonText?: string; rightBody?: string; library?: string; file?: string; on?: string };
}

const SPECS: Spec[] = [
  // citizen01: one answered (with its sealed 告知书) and one pending.
  {
    dept: 'BGS',
    who: 'citizen',
    description: '请公开乌兰浩特市2026年政府工作报告全文及重点工作任务分解表',
    purpose: '学习了解本市发展规划',
    received: 12,
    then: { kind: 'answer', type: 'disclosed', library: '政府工作报告', file: '2026年重点工作任务分解表.txt' },
  },
  { dept: 'MZJ', who: 'citizen', description: '请公开本市2026年第三季度城乡居民最低生活保障金发放标准及发放户数汇总', purpose: '了解低保政策', received: 3 },
  // One overdue, under 督办.
  { dept: 'BGS', who: 'qiye', description: '请公开2026年度市政府常务会议研究的老旧小区改造项目清单及资金安排', received: 24 },
  // One in 补正.
  { dept: 'MZJ', who: 'qiye', description: '请公开有关养老的文件', received: 2, then: { kind: 'correction', request: '请写明所需文件的名称、文号或发布时间，例如“居家养老服务补贴”相关文件的年份' } },
  // One extended, from a company.
  {
    dept: 'MZJ',
    who: 'company',
    description: '请公开2025年至2026年本市社会组织年检结果及行政处罚决定书',
    purpose: '企业合规经营参考',
    received: 15,
    then: { kind: 'extension', days: 15, reason: '所涉社会组织年检和处罚记录跨两个年度、数量较多，需要逐件检索核对' },
  },
  // One with a third party consulted.
  {
    dept: 'BGS',
    who: 'company',
    description: '请公开乌兰浩特市智慧城市建设项目政府采购合同（含中标企业报价明细）',
    received: 6,
    then: { kind: 'consultation', party: '内蒙古某某信息技术有限公司', matter: '申请人要求公开贵公司中标合同中的报价明细，是否涉及贵公司商业秘密，是否同意公开' },
  },
  // Answered this year, other outcomes.
  {
    dept: 'MZJ',
    who: 'company',
    description: '请公开本市婚姻登记处2026年上半年办理结婚登记的人员名单',
    received: 30,
    then: { kind: 'answer', type: 'withheld', reason: 'third_party', reasonText: '所申请信息包含大量自然人个人信息，公开会对第三方合法权益造成损害，依法不予公开' },
  },
  {
    dept: 'BGS',
    who: 'qiye',
    description: '请公开自治区2026年高标准农田建设资金分配方案',
    received: 28,
    then: { kind: 'answer', type: 'not_ours', reasonText: '该信息由自治区农牧厅制作并保存', rightBody: '内蒙古自治区农牧厅' },
  },
  {
    dept: 'MZJ',
    who: 'citizen',
    description: '请公开本局内部关于2026年度干部考核的讨论记录',
    received: 40,
    then: { kind: 'answer', type: 'withheld', reason: 'internal_affairs', reasonText: '所申请信息属于人事管理等内部事务信息，依法可不予公开' },
  },
  // Last year (for the 年度报告), and one carried from last year into this.
  {
    dept: 'BGS',
    who: 'citizen',
    description: '请公开2025年度市政府重大行政决策事项目录',
    received: 'L-03-10',
    then: { kind: 'answer', type: 'disclosed', file: '2025年度重大行政决策事项目录.txt', on: 'L-03-20' },
  },
  {
    dept: 'MZJ',
    who: 'citizen',
    description: '请公开2025年度临时救助资金使用情况',
    received: 'L-05-12',
    then: { kind: 'answer', type: 'partly', reasonText: '其中受助人姓名及身份证号属于个人隐私，已作去标识化处理', file: '2025年临时救助资金使用情况（去标识化）.txt', on: 'L-06-05' },
  },
  {
    dept: 'BGS',
    who: 'company',
    description: '请公开2025年全市招商引资项目签约清单',
    received: 'L-07-08',
    then: { kind: 'answer', type: 'unavailable', reason: 'needs_making', reasonText: '本机关未制作该清单，所申请信息需要对现有信息进行加工、分析', on: 'L-07-30' },
  },
  {
    dept: 'MZJ',
    who: 'qiye',
    description: '请再次公开2025年度临时救助资金使用情况',
    received: 'L-09-15',
    then: { kind: 'answer', type: 'not_handled', reason: 'repeated', reasonText: '与此前已答复的申请内容相同', on: 'L-09-22' },
  },
  {
    dept: 'BGS',
    who: 'qiye',
    description: '我要投诉小区物业乱收费问题，请政府处理',
    received: 'L-10-20',
    then: { kind: 'answer', type: 'not_handled', reason: 'petition', reasonText: '该申请属于投诉事项，已告知通过12345热线或信访渠道反映', on: 'L-10-28' },
  },
  { dept: 'MZJ', who: 'company', description: '请公开2025年度本市养老机构等级评定结果', received: 'L-12-22' },
];

/** Demo 依申请公开: requests in each state (new, 补正, third-party consultation, extended, answered with a sealed 告知书, one overdue and under 督办), over this year and the last. */
export async function seedOpenRequests(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const svc = p.openness.requests.requests;
  const citizen = await principalOf(p, 'citizen01');
  const qiye = await principalOf(p, 'qiye01');
  if (!citizen || !qiye) return;
  const companies = await p.identity.enterprises.mine(qiye);
  const company = companies[0] ? await principalOf(p, 'qiye01', companies[0].enterpriseId) : null;
  const clerks = { BGS: await principalOf(p, 'gk.bgs'), MZJ: await principalOf(p, 'gk.mzj') };
  const leaders = { BGS: await principalOf(p, 'leader01'), MZJ: await principalOf(p, 'leader.mzj') };
  const rules = await k.calendar.rules();
  const today = cstDate(k.clock.now());
  const lastYear = Number(today.slice(0, 4)) - 1;
  const library = p.openness.library.port;

  for (const s of SPECS) {
    const departmentId = deptIds.get(s.dept);
    const clerk = clerks[s.dept];
    if (!departmentId || !clerk) continue;
    const who = s.who === 'citizen' ? citizen : s.who === 'company' ? (company ?? qiye) : qiye;
    const created = await svc.create(who, {
      departmentId,
      description: s.description,
      purpose: s.purpose ?? null,
      form: 'electronic',
      delivery: 'online',
      applicantKind: who.actingFor ? 'business' : null,
      contact: { phone: s.who === 'citizen' ? '13904820001' : '13904820002' },
    });
    // When it was received: N working days ago this year, or a day of last year.
    const receivedOn = typeof s.received === 'number' ? workingDaysBefore(rules, today, s.received) : workingDayOnOrAfter(rules, `${lastYear}-${s.received.slice(2)}`);
    const receivedAt = new Date(`${receivedOn}T09:30:00+08:00`);
    const dueAt = addWorkingDays(rules, receivedAt, 20);
    await sql`UPDATE openness_request SET submitted_at = ${receivedAt}, created_at = ${receivedAt}, received_on = ${receivedOn}, clock_started_on = ${receivedOn}, due_at = ${dueAt} WHERE id = ${created.id}`.execute(
      k.db,
    );
    await sql`UPDATE openness_request_action SET at = ${receivedAt}, due_at = ${dueAt} WHERE request_id = ${created.id} AND action = 'create'`.execute(k.db);
    await sql`UPDATE openness_request_notice SET created_at = ${receivedAt} WHERE request_id = ${created.id}`.execute(k.db);
    const t = s.then;
    if (!t) continue;
    if (t.kind === 'correction') await svc.askCorrection(clerk, created.id, { request: t.request });
    else if (t.kind === 'consultation') await svc.startConsultation(clerk, created.id, { party: t.party, matter: t.matter });
    else if (t.kind === 'extension') {
      await svc.askExtension(clerk, created.id, { days: t.days, reason: t.reason });
      const leader = leaders[s.dept];
      if (leader) await svc.decideExtension(leader, created.id, { approve: true, opinion: '同意延期，请抓紧办理' });
    } else {
      let libraryDocumentId: string | null = null;
      if (t.library && library) libraryDocumentId = (await library.find(t.library, 1).catch(() => []))[0]?.id ?? null;
      const files = [];
      if (t.file && !libraryDocumentId) {
        const f = await k.db
          .transaction()
          .execute((trx) =>
            k.files.save(trx, {
              stream: Readable.from([Buffer.from(`${t.file!.replace(/\.txt$/, '')}\n（演示数据）\n`)]),
              name: t.file!,
              declaredMime: 'text/plain',
              ownerId: created.id,
              regionCode: k.config.regionCode,
            }),
          );
        files.push({ fileId: f.id, name: t.file });
      }
      const type = t.type === 'disclosed' && !libraryDocumentId && !files.length ? 'not_ours' : t.type;
      await svc.answer(clerk, created.id, {
        type,
        reason: t.reason ?? null,
        reasonText: t.reasonText ?? (type === 'not_ours' ? '该信息不属于本机关负责公开' : null),
        rightBody: t.rightBody ?? (type === 'not_ours' ? '乌兰浩特市人民政府办公室' : null),
        libraryDocumentId,
        files,
      });
      // An answer of last year keeps its day (the 年度报告 counts by it).
      if (t.on) {
        const on = new Date(`${workingDayOnOrAfter(rules, `${lastYear}-${t.on.slice(2)}`)}T15:00:00+08:00`);
        await sql`UPDATE openness_request SET answered_at = ${on}, updated_at = ${on} WHERE id = ${created.id}`.execute(k.db);
        await sql`UPDATE openness_request_action SET at = ${on} WHERE request_id = ${created.id} AND action = 'answer'`.execute(k.db);
        await sql`UPDATE openness_request_notice SET created_at = ${on} WHERE request_id = ${created.id} AND kind = 'answer'`.execute(k.db);
      }
    }
  }
  // The overdue one is put under 督办 as the hourly timer would.
  await p.openness.requests.sweep();
}
