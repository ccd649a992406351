import { Readable } from 'node:stream';
import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { addWorkingDays, cstDate, isWorkingDay, workingDaysBetween, type DayRules } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { isValidCitizenId, maskCitizenId } from '../../../kernel/ids/citizen-id.ts';
import { actorOf, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { ActionLog, SYSTEM_STEP_ACTOR, stepActorOf, type StepActor } from '../../../kernel/workflow/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { need, type OpennessContext } from '../area.ts';
import type { ByApplicant, RequestProgress, RequestYearFigures } from '../ports.ts';
import { ANSWER_TYPES, APPLICANT_KINDS, NOT_OURS_REASON, type AnswerType, type ApplicantKind } from '../vocabulary.ts';
import { RequestErrors } from './errors.ts';
import { renderNotice, type NoticeText } from './render.ts';
import { declareRequestsSettings, requestsSettings, type RequestsSettings } from './settings.ts';
import { requestsDb, type AnswerFile, type OpennessRequestTable } from './tables.ts';

export type RequestRow = Selectable<OpennessRequestTable>;

export const REQUEST_LOG = new ActionLog('openness_request_action', 'request_id');
const OBJECT = 'openness.request';
const PAGE_MAX = 100;
/** States in which the request waits for the department (not yet answered or closed). */
export const OPEN_STATES = ['processing', 'correcting', 'consulting'] as const;
export const STATES = {
  processing: { zh: '办理中', en: 'Being handled' },
  correcting: { zh: '待补正', en: 'Waiting for correction' },
  consulting: { zh: '第三方意见征询中', en: 'Third party consulted' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已终止', en: 'Closed' },
} as const;
export const FORMS = { paper: { zh: '纸质', en: 'Paper' }, electronic: { zh: '电子', en: 'Electronic' } } as const;
export const DELIVERIES = {
  post: { zh: '邮寄', en: 'By post' },
  email: { zh: '电子邮件', en: 'By e-mail' },
  pickup: { zh: '自行领取', en: 'Collect in person' },
  online: { zh: '在线查看', en: 'Online' },
} as const;

export interface RequestInput {
  departmentId: string;
  description: string;
  purpose?: string | null;
  form: keyof typeof FORMS;
  delivery: keyof typeof DELIVERIES;
  /** For a company or other organisation: its kind for the 年度报告 (商业企业 by default). */
  applicantKind?: Exclude<ApplicantKind, 'person'> | null;
  /** The applicant's name as they sign (a person's real name by default). */
  name?: string | null;
  /** 身份证号 of a person (the real-name verification stands as 身份证明 when absent) or 统一社会信用代码 of an organisation. */
  idNumber?: string | null;
  contact: { phone: string; email?: string | null; address?: string | null };
}

export interface AnswerInput {
  /** An answer type of 条例 Art. 36, or `not_ours` (非本机关负责 = 无法提供/本机关不掌握 with the right body named). */
  type: AnswerType | 'not_ours';
  reason?: string | null;
  reasonText?: string | null;
  rightBody?: string | null;
  libraryDocumentId?: string | null;
  files?: AnswerFile[];
  expectedVersion?: number;
}

interface Contact {
  phone: string;
  email: string | null;
  address: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A text a person typed: no control characters but line breaks and tabs, no broken Unicode. */
export function cleanText(v: string, path: string): string {
  if (LONE_SURROGATE.test(v) || CONTROL.test(v)) throw RequestErrors.text(path);
  return v.trim();
}
const meaningful = (v: string) => (v.match(/[\p{L}\p{N}]/gu) ?? []).length;
const optText = (v: string | null | undefined, path: string) => (v == null ? null : cleanText(v, path) || null);

/** 张三 → 张*, 欧阳小明 → 欧**明, an organisation keeps its first four characters. */
export function maskName(name: string, organisation = false): string {
  const c = Array.from(name);
  if (organisation) return c.length <= 6 ? name : `${c.slice(0, 4).join('')}${'*'.repeat(Math.min(4, c.length - 6))}${c.slice(-2).join('')}`;
  if (c.length <= 1) return name;
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}
const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
const maskCode = (c: string) => (c.length === 18 && /^\d{17}[\dX]$/.test(c) ? maskCitizenId(c) : c.length > 8 ? `${c.slice(0, 6)}******${c.slice(-2)}` : '******');

const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The first working day on or after `day` (a request sent online on a rest day counts as received on the next working day). */
export function workingDayFrom(rules: DayRules, day: string): string {
  let d = day;
  for (let i = 0; i < 60 && !isWorkingDay(rules, d); i++) d = nextDay(d);
  return d;
}

/** Articles of 《政府信息公开条例》 an answer rests on, by type and reason. */
const ARTICLES: Record<string, string> = {
  'disclosed.where': '第三十六条第（一）项',
  'disclosed.files': '第三十六条第（二）项',
  partly: '第三十七条',
  'withheld.state_secret': '第十四条、第三十六条第（三）项',
  'withheld.law_forbids': '第十四条、第三十六条第（三）项',
  'withheld.three_safeties': '第十四条、第三十六条第（三）项',
  'withheld.third_party': '第十五条、第三十二条、第三十六条第（三）项',
  'withheld.internal_affairs': '第十六条第一款、第三十六条第（三）项',
  'withheld.process_info': '第十六条第二款、第三十六条第（三）项',
  'withheld.enforcement_file': '第十六条第二款、第三十六条第（三）项',
  'withheld.inquiry': '第三十六条第（七）项',
  'unavailable.not_held': '第三十六条第（四）项',
  'unavailable.not_ours': '第三十六条第（五）项',
  'unavailable.needs_making': '第三十八条',
  'unavailable.still_unclear': '第三十条',
  'not_handled.petition': '第三十九条第一款',
  'not_handled.repeated': '第三十六条第（六）项',
  'not_handled.publication': '第三十九条第二款',
  'not_handled.excessive': '第三十五条',
  'not_handled.confirm': '第三十九条第二款',
  'other.no_correction': '第三十条',
  'other.unpaid_fee': '第四十二条',
  'other.other': '第三十六条',
};

type Light = 'green' | 'yellow' | 'red' | null;

/**
 * 依申请公开 on 《政府信息公开条例》 (国务院令第711号): a request is received on the day it is sent online
 * when that is a working day, else on the next working day (Art. 31); the answer is due 20 working
 * days later (Art. 33). A 补正 notice may go once within 7 working days of receipt (Art. 30): the clock
 * stops, and restarts from the day the corrected request arrives; not corrected in time, the request
 * is closed (其他处理). A third-party consultation (Art. 32) stops the clock for at most 15 working days:
 * the due date moves by the working days actually spent. One extension of at most 20 working days,
 * approved by a leader of the department, with a notice. Overdue → 督办 through the office module.
 * Every notice is a sealed PDF. Every step: one transaction with its action row, audit entry and event.
 */
export class Requests {
  constructor(private readonly ctx: OpennessContext) {
    declareRequestsSettings(ctx.k.settings);
  }

  private get k() {
    return this.ctx.k;
  }

  settings(regionCode: string, ex?: Executor): Promise<RequestsSettings> {
    return requestsSettings(this.k.settings, regionCode, ex);
  }

  /* ------------------------------------------------------------------ who may do what */

  private owns(who: Principal, r: Pick<RequestRow, 'applicant_account_id' | 'enterprise_id'>): boolean {
    if (who.type !== 'person' && who.type !== 'enterprise') return false;
    return (
      r.applicant_account_id === who.accountId || (r.enterprise_id != null && (who.actingFor?.enterpriseId === r.enterprise_id || (who.type === 'enterprise' && who.accountId === r.enterprise_id)))
    );
  }

  /** The 政务公开办 of the region (openness.manage): sees every department's requests and may act on them. */
  isManager(who: Principal, regionCode: string): boolean {
    return who.type === 'staff' && regionWithin(regionCode, who.regionCode) && this.ctx.policy.can(who, 'openness.manage', { regionCode });
  }

  /** A 政务公开专员 of the answering department (openness.edit there), or the 政务公开办. */
  private isClerk(who: Principal, r: Pick<RequestRow, 'region_code' | 'department_id'>): boolean {
    if (who.type !== 'staff') return false;
    if (who.departmentId === r.department_id && this.ctx.policy.can(who, 'openness.edit', { regionCode: r.region_code, departmentId: r.department_id })) return true;
    return this.isManager(who, r.region_code);
  }

  /** A leader of the answering department (openness.approve there). */
  private isLeader(who: Principal, r: Pick<RequestRow, 'region_code' | 'department_id'>): boolean {
    return who.type === 'staff' && who.departmentId === r.department_id && this.ctx.policy.can(who, 'openness.approve', { regionCode: r.region_code, departmentId: r.department_id });
  }

  async row(id: string, ex: Executor = this.k.db): Promise<RequestRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw RequestErrors.notFound();
    const r = await requestsDb(ex).selectFrom('openness_request').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw RequestErrors.notFound();
    return r;
  }

  /** The request if the caller may see it; 404 otherwise (whether it exists is nobody else's business). */
  async visible(who: Principal, id: string): Promise<RequestRow> {
    const r = await this.row(id);
    if (!this.owns(who, r) && !this.isClerk(who, r) && !this.isLeader(who, r)) throw RequestErrors.notFound();
    return r;
  }

  /** The department itself as the sealing hand when no clerk acts (受理回执 on submission). */
  private departmentHand(departmentId: string, regionCode: string): Principal {
    return { ...SYSTEM_PRINCIPAL, name: '政务公开（自动用印）', departmentId, regionCode };
  }

  /* ------------------------------------------------------------------ applying */

  async create(who: Principal, input: RequestInput, requestId?: string): Promise<{ id: string; number: string; receivedOn: string; dueAt: string }> {
    if (who.type !== 'person' && who.type !== 'enterprise') throw RequestErrors.applicantOnly();
    const description = cleanText(input.description, '/description');
    if (meaningful(description) < 5) throw RequestErrors.description();
    const purpose = optText(input.purpose, '/purpose');
    const contact: Contact = {
      phone: cleanText(input.contact.phone, '/contact/phone'),
      email: optText(input.contact.email, '/contact/email'),
      address: optText(input.contact.address, '/contact/address'),
    };
    if (input.delivery === 'post' && !contact.address) throw RequestErrors.address();
    if (input.delivery === 'email' && !contact.email) throw RequestErrors.email();
    const enterprise = who.actingFor ?? null;
    const organisation = !!enterprise || who.type === 'enterprise';
    const kind: ApplicantKind = organisation ? (input.applicantKind ?? 'business') : 'person';
    const name = optText(input.name, '/name') ?? enterprise?.name ?? who.name;
    let code = optText(input.idNumber, '/idNumber')?.toUpperCase() ?? (enterprise?.creditCode || null);
    if (code && !organisation && !isValidCitizenId(code)) throw RequestErrors.idNumber();
    if (code && organisation && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) code = null;
    const dept = (await this.ctx.org.departmentNames([input.departmentId])).get(input.departmentId);
    if (!dept || !dept.active) throw RequestErrors.department();
    const regionCode = dept.regionCode;
    const set = await this.settings(regionCode);
    const now = this.k.clock.now();
    const id = uuidv7();
    const rules = await this.k.calendar.rules();
    const receivedOn = workingDayFrom(rules, cstDate(now));
    const dueAt = addWorkingDays(rules, startOfDay(receivedOn), set.answerDays);
    const result = await this.k.db.transaction().execute(async (trx) => {
      const seq = (await sql<{ n: string }>`SELECT nextval('openness_request_seq') AS n`.execute(trx)).rows[0].n;
      const number = `${regionCode}-YSQ-${cstDate(now).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
      await requestsDb(trx)
        .insertInto('openness_request')
        .values({
          id,
          number,
          region_code: regionCode,
          state: 'processing',
          department_id: input.departmentId,
          applicant_account_id: who.accountId,
          enterprise_id: enterprise?.enterpriseId ?? (who.type === 'enterprise' ? who.accountId : null),
          applicant_kind: kind,
          applicant_name_enc: this.k.crypto.encryptField(name),
          applicant_name_masked: maskName(name, organisation),
          applicant_code_enc: code ? this.k.crypto.encryptField(code) : null,
          applicant_code_masked: code ? maskCode(code) : null,
          contact_enc: this.k.crypto.encryptField(JSON.stringify(contact)),
          phone_masked: maskPhone(contact.phone),
          description,
          purpose,
          form: input.form,
          delivery: input.delivery,
          submitted_at: now,
          received_on: receivedOn,
          clock_started_on: receivedOn,
          due_at: dueAt,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await REQUEST_LOG.append(trx, id, regionCode, { action: 'create', from: null, to: 'processing', actor: stepActorOf(who), dueAt, payload: { receivedOn, applicantKind: kind }, at: now });
      // Name, ID number and contact stay out of the ledger.
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: OBJECT,
        objectId: id,
        regionCode,
        change: { number, departmentId: input.departmentId, applicantKind: kind, description, form: input.form, delivery: input.delivery, receivedOn, dueAt: dueAt.toISOString() },
        requestId,
      });
      if (this.ctx.ports.sealer) {
        await this.sealNotice(trx, this.departmentHand(input.departmentId, regionCode), { id, number, region_code: regionCode, department_id: input.departmentId }, 'receipt', 'applicant', {
          title: '政府信息公开申请受理回执',
          to: name,
          paragraphs: [
            `您于${chineseDate(cstDate(now))}通过网上申请平台提出的政府信息公开申请已收到，申请编号 ${number}。`,
            `依据《中华人民共和国政府信息公开条例》第三十一条，本机关收到申请的时间为${chineseDate(receivedOn)}。依据第三十三条，本机关将在收到申请之日起${set.answerDays}个工作日内予以答复；需要延长答复期限的，将另行告知。`,
            `申请内容：${description}`,
          ],
        });
      }
      await this.k.notify.notify(trx, {
        regionCode,
        recipientId: who.accountId,
        title: '政府信息公开申请已受理',
        body: `申请编号 ${number}，收到申请日期 ${receivedOn}，答复期限 ${cstDate(dueAt)}`,
        link: `/openness/requests/${id}`,
      });
      return { id, number };
    });
    return { ...result, receivedOn, dueAt: dueAt.toISOString() };
  }

  /** The applicant supplies the corrected request: the clock restarts, a fresh 20 working days from the day it arrives. */
  async correct(who: Principal, id: string, input: { description: string; expectedVersion?: number }, requestId?: string): Promise<{ state: string; dueAt: string }> {
    const r0 = await this.visible(who, id);
    if (!this.owns(who, r0)) throw RequestErrors.notFound();
    const description = cleanText(input.description, '/description');
    if (meaningful(description) < 5) throw RequestErrors.description();
    const set = await this.settings(r0.region_code);
    const rules = await this.k.calendar.rules();
    const now = this.k.clock.now();
    const start = workingDayFrom(rules, cstDate(now));
    const dueAt = addWorkingDays(rules, startOfDay(start), set.answerDays);
    await this.step(who, id, input.expectedVersion, ['correcting'], 'correct', 'processing', 'corrected', requestId, async (r) => ({
      set: { description, corrected_at: now, clock_started_on: start, due_at: dueAt, correction_due_at: null },
      dueAt,
      payload: { before: r.description, after: description, clockStartedOn: start },
      change: { description, clockStartedOn: start, dueAt: dueAt.toISOString() },
      notifyStaff: true,
    }));
    return { state: 'processing', dueAt: dueAt.toISOString() };
  }

  /* ------------------------------------------------------------------ the department's steps */

  /** 补正通知书: once, within 7 working days of receipt; the clock stops until the corrected request arrives. */
  async askCorrection(who: Principal, id: string, input: { request: string; expectedVersion?: number }, requestId?: string) {
    const r0 = await this.clerkRow(who, id);
    const text = cleanText(input.request, '/request');
    if (meaningful(text) < 2) throw RequestErrors.answerNeeds('/request', '请写明需要补正的内容', 'Say what must be corrected');
    if (r0.correction_asked_at) throw RequestErrors.correctionOnce();
    const set = await this.settings(r0.region_code);
    const rules = await this.k.calendar.rules();
    const now = this.k.clock.now();
    if (now.getTime() > addWorkingDays(rules, startOfDay(r0.received_on), set.correctionNoticeDays).getTime()) throw RequestErrors.correctionLate();
    const until = addWorkingDays(rules, now, set.correctionPeriodDays);
    await this.step(who, id, input.expectedVersion, ['processing'], 'ask_correction', 'correcting', 'correction-asked', requestId, async (r) => {
      if (r.correction_asked_at) throw RequestErrors.correctionOnce();
      return {
        set: { correction_asked_at: now, correction_request: text, correction_due_at: until, due_at: null },
        dueAt: until,
        opinion: text,
        payload: { correctionDueAt: until.toISOString() },
        change: { request: text, correctionDueAt: until.toISOString() },
        notice: {
          kind: 'correction',
          title: '政府信息公开申请补正通知书',
          paragraphs: [
            `您于${chineseDate(r.received_on)}提出的政府信息公开申请（编号 ${r.number}）收悉。经审查，您的申请内容不够明确，依据《中华人民共和国政府信息公开条例》第三十条，请您予以补正：`,
            text,
            `请于${chineseDate(cstDate(until))}前通过网上申请平台提交补正后的申请。答复期限自本机关收到补正后的申请之日起重新计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理。`,
          ],
        },
        notify: { title: '政府信息公开申请需要补正', body: `申请编号 ${r.number}：${text.slice(0, 60)}；请于 ${cstDate(until)} 前补正` },
      };
    });
    return { state: 'correcting', correctionDueAt: until.toISOString() };
  }

  /** 第三方意见征询 (Art. 32): the clock stops for at most 15 working days. */
  async startConsultation(who: Principal, id: string, input: { party: string; matter: string; expectedVersion?: number }, requestId?: string) {
    await this.clerkRow(who, id);
    const party = cleanText(input.party, '/party');
    const matter = cleanText(input.matter, '/matter');
    if (meaningful(party) < 2) throw RequestErrors.answerNeeds('/party', '请写明第三方名称', 'Name the third party');
    const now = this.k.clock.now();
    await this.step(who, id, input.expectedVersion, ['processing'], 'start_consultation', 'consulting', 'consultation-started', requestId, async (r, trx) => {
      const set = await this.settings(r.region_code, trx);
      const until = addWorkingDays(await this.k.calendar.rules(trx), now, set.consultationMaxDays);
      return {
        set: { consult_started_at: now, consult_until: until, consult_party: party },
        dueAt: r.due_at ? new Date(r.due_at) : null,
        opinion: matter,
        payload: { party, consultUntil: until.toISOString() },
        change: { party, consultUntil: until.toISOString() },
        notice: {
          kind: 'consultation',
          audience: 'third_party',
          to: party,
          title: '政府信息公开第三方意见征询函',
          paragraphs: [
            `本机关收到一件政府信息公开申请（编号 ${r.number}），申请公开的信息可能涉及贵方合法权益。依据《中华人民共和国政府信息公开条例》第三十二条，现征求贵方意见：`,
            matter || r.description,
            `请于${chineseDate(cstDate(until))}前提出意见；逾期未提出意见的，由本机关依照条例规定决定是否公开。`,
          ],
        },
        notify: { title: '政府信息公开申请正在征求第三方意见', body: `申请编号 ${r.number}：征求第三方意见的时间不计入答复期限` },
      };
    });
    return { state: 'consulting' };
  }

  /** The consultation ends (the third party answered, or the time ran out): the due date moves by the working days spent, at most 15. */
  async endConsultation(who: Principal | null, id: string, input: { opinion?: string | null; expectedVersion?: number }, requestId?: string, trx?: Tx) {
    if (who) await this.clerkRow(who, id);
    const opinion = optText(input.opinion, '/opinion');
    const now = this.k.clock.now();
    let dueOut: Date | null = null;
    await this.step(
      who,
      id,
      input.expectedVersion,
      ['consulting'],
      'end_consultation',
      'processing',
      'consultation-ended',
      requestId,
      async (r, tx) => {
        const set = await this.settings(r.region_code, tx);
        const rules = await this.k.calendar.rules(tx);
        const spent = Math.min(set.consultationMaxDays, workingDaysBetween(rules, new Date(r.consult_started_at!), now));
        const due = addWorkingDays(rules, new Date(r.due_at!), spent);
        dueOut = due;
        return {
          set: { consult_days: r.consult_days + spent, consult_until: null, due_at: due },
          dueAt: due,
          opinion,
          payload: { daysNotCounted: spent, dueAt: due.toISOString() },
          change: { daysNotCounted: spent, dueAt: due.toISOString() },
        };
      },
      trx,
    );
    return { state: 'processing', dueAt: (dueOut as Date | null)?.toISOString() ?? null };
  }

  /** Asks a leader of the department to extend the answer once, by at most 20 working days. */
  async askExtension(who: Principal, id: string, input: { days: number; reason: string; expectedVersion?: number }, requestId?: string) {
    const r0 = await this.clerkRow(who, id);
    const set = await this.settings(r0.region_code);
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > set.extensionMaxDays) throw RequestErrors.extensionDays(set.extensionMaxDays);
    const reason = cleanText(input.reason, '/reason');
    if (meaningful(reason) < 2) throw RequestErrors.answerNeeds('/reason', '请写明延期理由', 'Give the reason for the extension');
    if (r0.extended) throw RequestErrors.extensionOnce();
    if (r0.extension_state === 'requested') throw RequestErrors.extensionPending();
    const now = this.k.clock.now();
    await this.step(who, id, input.expectedVersion, ['processing', 'consulting'], 'ask_extension', null, 'extension-asked', requestId, async (r) => {
      if (r.extended) throw RequestErrors.extensionOnce();
      if (r.extension_state === 'requested') throw RequestErrors.extensionPending();
      if (r.state === 'processing' && r.due_at && new Date(r.due_at).getTime() < now.getTime()) throw RequestErrors.overdue();
      return { set: { extension_state: 'requested', extension_days: input.days, extension_reason: reason }, opinion: reason, payload: { days: input.days }, change: { days: input.days, reason } };
    });
    return { extensionState: 'requested' };
  }

  /** The leader decides; approved, the due date moves by the days asked and the applicant gets a 延期答复告知书. */
  async decideExtension(who: Principal, id: string, input: { approve: boolean; opinion?: string | null; expectedVersion?: number }, requestId?: string) {
    const r0 = await this.row(id);
    if (!this.isLeader(who, r0)) {
      if (this.owns(who, r0) || this.isClerk(who, r0)) throw RequestErrors.leaderOnly();
      throw RequestErrors.notFound();
    }
    const opinion = optText(input.opinion, '/opinion');
    let dueOut: string | null = null;
    await this.step(who, id, input.expectedVersion, ['processing', 'consulting'], input.approve ? 'approve_extension' : 'refuse_extension', null, 'extension-decided', requestId, async (r, trx) => {
      if (r.extension_state !== 'requested') throw RequestErrors.extensionNone();
      if (r.extended) throw RequestErrors.extensionOnce();
      if (!input.approve) return { set: { extension_state: 'refused' }, opinion, payload: { approved: false }, change: { approved: false, opinion } };
      const due = addWorkingDays(await this.k.calendar.rules(trx), new Date(r.due_at!), r.extension_days!);
      dueOut = due.toISOString();
      return {
        set: { extension_state: 'approved', extended: true, due_at: due },
        dueAt: due,
        opinion,
        payload: { approved: true, days: r.extension_days, dueAt: due.toISOString() },
        change: { approved: true, days: r.extension_days, dueAt: due.toISOString() },
        notice: {
          kind: 'extension',
          title: '政府信息公开申请延期答复告知书',
          paragraphs: [
            `您于${chineseDate(r.received_on)}提出的政府信息公开申请（编号 ${r.number}）收悉。因${r.extension_reason ?? '情况复杂'}，不能在规定期限内答复。`,
            `依据《中华人民共和国政府信息公开条例》第三十三条第二款，经本机关负责人同意，答复期限延长${r.extension_days}个工作日，本机关将于${chineseDate(cstDate(due))}前予以答复。`,
          ],
        },
        notify: { title: '政府信息公开申请答复期限已延长', body: `申请编号 ${r.number}：答复期限延长至 ${cstDate(due)}` },
      };
    });
    return { extensionState: input.approve ? 'approved' : 'refused', dueAt: dueOut };
  }

  /** Hands the request to the department that holds the information, before answering (the clock keeps running). */
  async forward(who: Principal, id: string, input: { departmentId: string; note?: string | null; expectedVersion?: number }, requestId?: string) {
    const r0 = await this.clerkRow(who, id);
    const note = optText(input.note, '/note');
    const dept = (await this.ctx.org.departmentNames([input.departmentId])).get(input.departmentId);
    if (!dept || !dept.active || !regionWithin(dept.regionCode, r0.region_code.slice(0, 4)) || input.departmentId === r0.department_id) throw RequestErrors.department();
    await this.step(who, id, input.expectedVersion, ['processing'], 'forward', null, 'forwarded', requestId, async (r) => ({
      set: { department_id: input.departmentId, forwarded_from: r.department_id },
      opinion: note,
      payload: { from: r.department_id, to: input.departmentId },
      change: { from: r.department_id, to: input.departmentId, note },
      notify: { title: '政府信息公开申请已转交', body: `申请编号 ${r.number} 已转交${dept.name}办理，答复期限不变` },
    }));
    return { state: 'processing', departmentId: input.departmentId };
  }

  /** The answer (Art. 36): checked against what its type needs, drawn as a 答复告知书 and sealed. */
  async answer(who: Principal, id: string, input: AnswerInput, requestId?: string): Promise<{ state: string; noticeId: string | null }> {
    const r0 = await this.clerkRow(who, id);
    const a = await this.checkAnswer(r0, input);
    const now = this.k.clock.now();
    let noticeId: string | null = null;
    await this.step(who, id, input.expectedVersion, ['processing'], 'answer', 'answered', 'answered', requestId, async (r, trx) => {
      const doc = a.libraryDocumentId ? await need(this.ctx, 'library').get(trx, a.libraryDocumentId) : null;
      const set = await this.settings(r.region_code, trx);
      return {
        set: {
          answer_type: a.type,
          answer_reason: a.reason,
          answer_text: a.reasonText,
          right_body: a.rightBody,
          library_document_id: a.libraryDocumentId,
          answer_files: JSON.stringify(a.files),
          answered_by: who.accountId,
          answered_at: now,
        },
        opinion: a.reasonText,
        payload: { type: a.type, reason: a.reason },
        change: { type: a.type, reason: a.reason, reasonText: a.reasonText, rightBody: a.rightBody, libraryDocumentId: a.libraryDocumentId, files: a.files.map((f) => f.fileId) },
        notice: { kind: 'answer', title: '政府信息公开申请答复告知书', paragraphs: this.answerParagraphs(r, a, doc, set), onSealed: (nid) => void (noticeId = nid) },
        notify: { title: '政府信息公开申请已答复', body: `申请编号 ${r.number}：${ANSWER_TYPES[a.type].zh}；请在“我的依申请公开”下载答复告知书` },
      };
    });
    return { state: 'answered', noticeId };
  }

  private async checkAnswer(r: RequestRow, input: AnswerInput) {
    const notOurs = input.type === 'not_ours';
    const type: AnswerType = notOurs ? 'unavailable' : (input.type as AnswerType);
    const def = ANSWER_TYPES[type];
    if (!def) throw RequestErrors.answerNeeds('/type', '答复类型有误', 'Unknown answer type');
    const reasons = def.reasons as Record<string, { zh: string; en: string }>;
    const reason = notOurs ? NOT_OURS_REASON : (input.reason ?? null);
    const reasonText = optText(input.reasonText, '/reasonText');
    const rightBody = optText(input.rightBody, '/rightBody');
    const files = (input.files ?? []).map((f, i) => ({ fileId: f.fileId, name: cleanText(f.name, `/files/${i}/name`) }));
    const libraryDocumentId = input.libraryDocumentId ?? null;
    const needs = def.needs as readonly string[];
    if (Object.keys(reasons).length) {
      if (!reason) throw RequestErrors.answerNeeds('/reason', `答复类型“${def.zh}”须选择理由`, `An answer "${def.en}" needs a reason`);
      if (!(reason in reasons)) throw RequestErrors.answerNeeds('/reason', `“${def.zh}”没有这个理由`, `"${def.en}" has no such reason`);
    } else if (reason) throw RequestErrors.answerNeeds('/reason', `答复类型“${def.zh}”不选择理由`, `An answer "${def.en}" takes no reason code`);
    if (needs.includes('reason') && (!reasonText || meaningful(reasonText) < 4))
      throw RequestErrors.answerNeeds('/reasonText', `答复类型“${def.zh}”须写明理由和依据`, `An answer "${def.en}" must state its reason`);
    if (notOurs && (!rightBody || meaningful(rightBody) < 2))
      throw RequestErrors.answerNeeds('/rightBody', '非本机关负责的，须写明负责公开该信息的行政机关', 'Name the body that is responsible for the information');
    if (needs.includes('files_or_where') && !files.length && !libraryDocumentId)
      throw RequestErrors.answerNeeds('/files', `答复类型“${def.zh}”须附上提供的信息，或指明已主动公开的文件`, `An answer "${def.en}" must attach the information or point to where it is published`);
    if (libraryDocumentId) {
      const doc = /^[0-9a-f-]{36}$/i.test(libraryDocumentId) ? await need(this.ctx, 'library').get(this.k.db, libraryDocumentId) : null;
      if (!doc || doc.state !== 'published') throw RequestErrors.libraryDocument();
    }
    for (const f of files) {
      const stored = /^[0-9a-f-]{36}$/i.test(f.fileId) ? await this.k.files.find(f.fileId) : null;
      if (!stored) throw RequestErrors.file();
    }
    void r;
    return { type, reason: reason, reasonText, rightBody: notOurs || type === 'unavailable' ? rightBody : null, libraryDocumentId, files, notOurs };
  }

  private answerParagraphs(
    r: RequestRow,
    a: Awaited<ReturnType<Requests['checkAnswer']>>,
    doc: { id: string; title: string; number: string | null; publishedOn: string } | null,
    set: RequestsSettings,
  ): string[] {
    const def = ANSWER_TYPES[a.type];
    const reasons = def.reasons as Record<string, { zh: string; en: string }>;
    const key = a.type === 'disclosed' ? (doc ? 'disclosed.where' : 'disclosed.files') : a.type === 'partly' ? 'partly' : a.notOurs ? 'unavailable.not_ours' : `${a.type}.${a.reason}`;
    const article = ARTICLES[key] ?? '第三十六条';
    const out = [`您于${chineseDate(r.received_on)}提出的政府信息公开申请（编号 ${r.number}）收悉。您申请公开的信息为：${r.description}`];
    const where = doc ? `该信息已主动公开：《${doc.title}》${doc.number ? `（${doc.number}）` : ''}，发布日期${doc.publishedOn}，可在本平台政策文件库查阅（/openness/documents/${doc.id}）。` : '';
    const files = a.files.length ? `现向您提供：${a.files.map((f) => f.name).join('、')}（见附件，可在网上申请平台下载）。` : '';
    if (a.type === 'disclosed') out.push(`经审查，依据《中华人民共和国政府信息公开条例》${article}，答复如下：${where}${files}`);
    else if (a.type === 'partly')
      out.push(`经审查，您申请的信息中含有不应当公开的内容，依据《中华人民共和国政府信息公开条例》${article}，本机关向您提供可以公开的部分。${where}${files}不予公开部分的理由：${a.reasonText}`);
    else if (a.notOurs) out.push(`经查，您申请的信息不属于本机关负责公开。依据《中华人民共和国政府信息公开条例》${article}，请您向${a.rightBody}申请。${a.reasonText ? `说明：${a.reasonText}` : ''}`);
    else
      out.push(
        `经审查，${reasons[a.reason!]?.zh ?? def.zh}。依据《中华人民共和国政府信息公开条例》${article}，本机关决定：${def.zh}。理由：${a.reasonText}${a.rightBody ? `。负责该信息的机关：${a.rightBody}` : ''}`,
      );
    out.push(set.remedy);
    return out;
  }

  /* ------------------------------------------------------------------ one step */

  private async clerkRow(who: Principal, id: string): Promise<RequestRow> {
    const r = await this.row(id);
    if (!this.isClerk(who, r)) {
      if (this.owns(who, r) || this.isLeader(who, r)) throw Errors.forbidden();
      throw RequestErrors.notFound();
    }
    return r;
  }

  /**
   * One step in one transaction: the row (at the version the caller saw, in a state the step is
   * allowed from) is updated, the action row appended, the audit entry and event written, the notice
   * drawn and sealed, and the applicant told. Any failure leaves nothing written.
   */
  private async step(
    who: Principal | null,
    id: string,
    expectedVersion: number | undefined,
    from: readonly string[],
    action: string,
    to: string | null,
    change: string,
    requestId: string | undefined,
    build: (
      r: RequestRow,
      trx: Tx,
    ) => Promise<{
      set: Partial<Record<keyof OpennessRequestTable, unknown>>;
      dueAt?: Date | null;
      opinion?: string | null;
      payload?: Record<string, unknown>;
      change: Record<string, unknown>;
      notice?: { kind: string; audience?: 'applicant' | 'third_party'; to?: string; title: string; paragraphs: string[]; onSealed?: (noticeId: string) => void };
      notify?: { title: string; body: string };
      notifyStaff?: boolean;
    }>,
    outer?: Tx,
  ): Promise<void> {
    const run = async (trx: Tx) => {
      const r = await this.row(id, trx);
      if (expectedVersion != null && expectedVersion !== r.version) throw RequestErrors.changed();
      if (!from.includes(r.state)) throw RequestErrors.state();
      const b = await build(r, trx);
      const now = this.k.clock.now();
      const next = to ?? r.state;
      const done = await requestsDb(trx)
        .updateTable('openness_request')
        .set({ ...(b.set as object), state: next, version: r.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', r.version)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw RequestErrors.changed();
      const actor: StepActor = who ? stepActorOf(who) : SYSTEM_STEP_ACTOR;
      await REQUEST_LOG.append(trx, id, r.region_code, { action, from: r.state, to: next, actor, opinion: b.opinion ?? null, dueAt: b.dueAt ?? null, payload: b.payload ?? {}, at: now });
      await this.k.recordChange(trx, {
        actor: actorOf(who ?? SYSTEM_PRINCIPAL),
        action: change,
        objectType: OBJECT,
        objectId: id,
        regionCode: r.region_code,
        change: { number: r.number, from: r.state, to: next, ...b.change },
        requestId,
      });
      if (b.notice) {
        const hand = who && who.type === 'staff' ? who : this.departmentHand((b.set.department_id as string | undefined) ?? r.department_id, r.region_code);
        const to = b.notice.to ?? this.k.crypto.decryptField(r.applicant_name_enc);
        const nid = await this.sealNotice(trx, hand, r, b.notice.kind, b.notice.audience ?? 'applicant', { title: b.notice.title, to, paragraphs: b.notice.paragraphs });
        b.notice.onSealed?.(nid);
      }
      if (b.notify) await this.k.notify.notify(trx, { regionCode: r.region_code, recipientId: r.applicant_account_id, title: b.notify.title, body: b.notify.body, link: `/openness/requests/${id}` });
    };
    if (outer) await run(outer);
    else await this.k.db.transaction().execute(run);
  }

  /** Draws a notice, has it sealed with the department's seal (flow openness-seals) and lists it with the request. */
  private async sealNotice(
    trx: Tx,
    who: Principal,
    r: Pick<RequestRow, 'id' | 'number' | 'region_code' | 'department_id'>,
    kind: string,
    audience: string,
    text: Omit<NoticeText, 'reference' | 'from' | 'date'>,
  ): Promise<string> {
    const sealer = need(this.ctx, 'sealer');
    const dept = (await this.ctx.org.departmentNames([r.department_id], trx)).get(r.department_id);
    const date = cstDate(this.k.clock.now());
    const pdf = await renderNotice({ ...text, reference: `申请编号：${r.number}`, from: dept?.name ?? '', date });
    const sealed = await sealer.seal(trx, {
      who,
      departmentId: r.department_id,
      pdf,
      title: `${text.title}（${r.number}）`,
      fileName: `${text.title}-${r.number}.pdf`,
      ownerId: r.id,
      regionCode: r.region_code,
      reference: r.number,
    });
    const id = uuidv7();
    await requestsDb(trx)
      .insertInto('openness_request_notice')
      .values({
        id,
        request_id: r.id,
        region_code: r.region_code,
        kind,
        audience,
        title: text.title,
        file_id: sealed.fileId,
        identifier: sealed.identifier,
        document_hash: sealed.documentHash,
        created_at: this.k.clock.now(),
      })
      .execute();
    return id;
  }

  /* ------------------------------------------------------------------ timers */

  /**
   * The hourly sweep: a 补正 not received in time closes the request (其他处理 / 逾期不补正); a
   * consultation past its 15 working days ends; an overdue request is put under 督办 once.
   */
  async sweep(trx: Tx): Promise<{ closed: number; consultationsEnded: number; supervised: number }> {
    const now = this.k.clock.now();
    const db = requestsDb(trx);
    const late = await db.selectFrom('openness_request').selectAll().where('state', '=', 'correcting').where('correction_due_at', '<', now).orderBy('id').limit(200).execute();
    for (const r of late) {
      await this.step(
        null,
        r.id,
        r.version,
        ['correcting'],
        'close',
        'closed',
        'closed',
        undefined,
        async () => ({
          set: { answer_type: 'other', answer_reason: 'no_correction', answer_text: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理', answered_at: now, due_at: null },
          opinion: '逾期未补正',
          payload: { type: 'other', reason: 'no_correction' },
          change: { type: 'other', reason: 'no_correction' },
          notify: { title: '政府信息公开申请已终止', body: `申请编号 ${r.number}：未在补正期限内补正，视为放弃申请（条例第三十条）` },
        }),
        trx,
      );
    }
    const ran = await db.selectFrom('openness_request').select('id').where('state', '=', 'consulting').where('consult_until', '<', now).orderBy('id').limit(200).execute();
    for (const r of ran) await this.endConsultation(null, r.id, { opinion: '第三方逾期未提出意见' }, undefined, trx);
    const overdue = await db.selectFrom('openness_request').selectAll().where('state', '=', 'processing').where('supervised', '=', false).where('due_at', '<', now).orderBy('id').limit(200).execute();
    let supervised = 0;
    if (overdue.length) {
      const supervisor = need(this.ctx, 'supervisor');
      const rules = await this.k.calendar.rules(trx);
      for (const r of overdue) {
        const set = await this.settings(r.region_code, trx);
        const dueDate = cstDate(addWorkingDays(rules, now, set.supervisionDays));
        const task = await supervisor.raise(trx, {
          title: `依申请公开逾期未答复：${r.number}`,
          detail: `政府信息公开申请 ${r.number} 的答复期限为 ${cstDate(new Date(r.due_at!))}，至今未答复。申请内容：${r.description.slice(0, 200)}`,
          leadDepartmentId: r.department_id,
          dueDate,
          regionCode: r.region_code,
          ref: r.id,
          label: r.number,
        });
        const done = await db
          .updateTable('openness_request')
          .set({ supervised: true, supervision_task_id: task.id, version: r.version + 1, updated_at: now })
          .where('id', '=', r.id)
          .where('version', '=', r.version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) continue;
        await REQUEST_LOG.append(trx, r.id, r.region_code, {
          action: 'supervise',
          from: r.state,
          to: r.state,
          actor: SYSTEM_STEP_ACTOR,
          opinion: '逾期未答复，转督查督办',
          payload: { taskId: task.id },
          at: now,
        });
        await this.k.recordChange(trx, {
          actor: actorOf(SYSTEM_PRINCIPAL),
          action: 'supervised',
          objectType: OBJECT,
          objectId: r.id,
          regionCode: r.region_code,
          change: { number: r.number, taskId: task.id },
        });
        supervised += 1;
      }
    }
    return { closed: late.length, consultationsEnded: ran.length, supervised };
  }

  /* ------------------------------------------------------------------ reading */

  private light(rules: DayRules, set: RequestsSettings, r: RequestRow, now: Date): Light {
    if (r.state !== 'processing' || !r.due_at) return null;
    const due = new Date(r.due_at);
    if (due.getTime() < now.getTime()) return 'red';
    return workingDaysBetween(rules, now, due) <= set.yellowDays ? 'yellow' : 'green';
  }

  private view(r: RequestRow, light: Light, names: Map<string, { name: string }>) {
    const now = this.k.clock.now().getTime();
    return {
      id: r.id,
      number: r.number,
      state: r.state,
      version: r.version,
      departmentId: r.department_id,
      departmentName: names.get(r.department_id)?.name ?? '',
      applicantKind: r.applicant_kind as ApplicantKind,
      applicantName: r.applicant_name_masked,
      description: r.description,
      receivedOn: r.received_on,
      clockStartedOn: r.clock_started_on,
      dueAt: iso(r.due_at),
      correctionDueAt: iso(r.correction_due_at),
      light,
      overdue: r.state === 'processing' && r.due_at != null && new Date(r.due_at).getTime() < now,
      extended: r.extended,
      extensionState: r.extension_state,
      supervised: r.supervised,
      answerType: r.answer_type,
      answerReason: r.answer_reason,
      answeredAt: iso(r.answered_at),
      submittedAt: iso(r.submitted_at)!,
    };
  }

  private async views(rows: RequestRow[]) {
    const names = await this.ctx.org.departmentNames([...new Set(rows.map((r) => r.department_id))]);
    const rules = await this.k.calendar.rules();
    const now = this.k.clock.now();
    const sets = new Map<string, RequestsSettings>();
    const out = [];
    for (const r of rows) {
      if (!sets.has(r.region_code)) sets.set(r.region_code, await this.settings(r.region_code));
      out.push(this.view(r, this.light(rules, sets.get(r.region_code)!, r, now), names));
    }
    return out;
  }

  /** The applicant's own requests (theirs, or their company's while acting for it), newest first. */
  async mine(who: Principal, q: { after?: string; limit?: number }) {
    if (who.type !== 'person' && who.type !== 'enterprise') throw RequestErrors.applicantOnly();
    const limit = Math.min(q.limit ?? 20, PAGE_MAX);
    if (q.after && !/^[0-9a-f-]{36}$/i.test(q.after)) throw RequestErrors.badCursor();
    const ent = who.actingFor?.enterpriseId ?? (who.type === 'enterprise' ? who.accountId : null);
    let query = requestsDb(this.k.db)
      .selectFrom('openness_request')
      .selectAll()
      .where((eb) => (ent ? eb.or([eb('applicant_account_id', '=', who.accountId), eb('enterprise_id', '=', ent)]) : eb('applicant_account_id', '=', who.accountId)));
    if (q.after) query = query.where('id', '<', q.after);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return { items: await this.views(page), next: rows.length > limit ? page[page.length - 1].id : null };
  }

  /**
   * The staff inbox: a 政务公开专员 sees the department's requests, a leader those of the department
   * too, the 政务公开办 every department of the region (and `overdue` lists those past due).
   */
  async inbox(who: Principal, q: { state?: string; overdue?: boolean; departmentId?: string; after?: string; limit?: number }) {
    if (who.type !== 'staff') throw Errors.forbidden();
    const limit = Math.min(q.limit ?? 50, PAGE_MAX);
    if (q.after && !/^[0-9a-f-]{36}$/i.test(q.after)) throw RequestErrors.badCursor();
    let query = requestsDb(this.k.db).selectFrom('openness_request').selectAll();
    const region = who.regionCode || this.k.config.regionCode;
    if (this.isManager(who, region)) {
      if (who.regionCode) query = query.where('region_code', 'like', `${who.regionCode}%`);
      if (q.departmentId) query = query.where('department_id', '=', q.departmentId);
    } else if (
      who.departmentId &&
      (this.ctx.policy.can(who, 'openness.edit', { regionCode: region, departmentId: who.departmentId }) ||
        this.ctx.policy.can(who, 'openness.approve', { regionCode: region, departmentId: who.departmentId }))
    ) {
      query = query.where('department_id', '=', who.departmentId);
    } else throw Errors.forbidden();
    if (q.state) query = query.where('state', '=', q.state);
    if (q.overdue) query = query.where('state', '=', 'processing').where('due_at', '<', this.k.clock.now());
    if (q.after) query = query.where('id', '<', q.after);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return { items: await this.views(page), next: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** One request as its applicant or the department sees it: the clock, the steps, the notices and what the caller may do. */
  async detail(who: Principal, id: string) {
    const r = await this.visible(who, id);
    const [v] = await this.views([r]);
    const mine = this.owns(who, r);
    const staff = this.isClerk(who, r);
    const leader = this.isLeader(who, r);
    const notices = await requestsDb(this.k.db)
      .selectFrom('openness_request_notice')
      .selectAll()
      .where('request_id', '=', id)
      .$if(!staff && !leader, (qb) => qb.where('audience', '=', 'applicant'))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const steps = await REQUEST_LOG.history(this.k.db, id);
    const contact = staff ? (JSON.parse(this.k.crypto.decryptField(r.contact_enc)) as Contact) : null;
    const doc = r.library_document_id && this.ctx.ports.library ? await this.ctx.ports.library.get(this.k.db, r.library_document_id).catch(() => null) : null;
    const actions: string[] = [];
    if (mine && r.state === 'correcting') actions.push('correct');
    if (staff && r.state === 'processing') {
      actions.push('answer', 'start_consultation', 'forward');
      if (!r.correction_asked_at) actions.push('ask_correction');
    }
    if (staff && r.state === 'consulting') actions.push('end_consultation');
    if (staff && (r.state === 'processing' || r.state === 'consulting') && !r.extended && r.extension_state !== 'requested') actions.push('ask_extension');
    if (leader && r.extension_state === 'requested' && !r.extended && (r.state === 'processing' || r.state === 'consulting')) actions.push('decide_extension');
    return {
      ...v,
      purpose: r.purpose,
      form: r.form,
      delivery: r.delivery,
      applicantCode: r.applicant_code_masked,
      phone: r.phone_masked,
      contact: contact ? { phone: contact.phone, email: contact.email, address: contact.address } : null,
      applicantFullName: staff ? this.k.crypto.decryptField(r.applicant_name_enc) : null,
      correctionRequest: r.correction_request,
      consultParty: staff || leader ? r.consult_party : null,
      consultUntil: iso(r.consult_until),
      consultDays: r.consult_days,
      extensionDays: r.extension_days,
      extensionReason: r.extension_reason,
      supervisionTaskId: staff || leader ? r.supervision_task_id : null,
      answerText: r.answer_text,
      rightBody: r.right_body,
      libraryDocument: doc ? { id: doc.id, title: doc.title, number: doc.number, publishedOn: doc.publishedOn } : null,
      answerFiles: (r.answer_files as AnswerFile[]) ?? [],
      mine,
      actions,
      notices: notices.map((n) => ({ id: n.id, kind: n.kind, audience: n.audience, title: n.title, identifier: n.identifier, createdAt: iso(n.created_at)! })),
      steps: steps.map((s) => ({
        action: String(s.action),
        from: (s.from_state as string | null) ?? null,
        to: String(s.to_state),
        actorName: mine && s.actor_type === 'staff' ? '' : String(s.actor_name),
        actorType: String(s.actor_type),
        opinion: (s.opinion as string | null) ?? null,
        dueAt: s.due_at ? new Date(s.due_at as Date).toISOString() : null,
        at: new Date(s.at as Date).toISOString(),
      })),
    };
  }

  /** A notice's sealed PDF, for the applicant (their notices) or the department. */
  async notice(who: Principal, id: string, noticeId: string): Promise<{ name: string; stream: Readable }> {
    const r = await this.visible(who, id);
    if (!/^[0-9a-f-]{36}$/i.test(noticeId)) throw RequestErrors.noticeNotFound();
    const n = await requestsDb(this.k.db).selectFrom('openness_request_notice').selectAll().where('id', '=', noticeId).where('request_id', '=', r.id).executeTakeFirst();
    if (!n || (n.audience !== 'applicant' && !this.isClerk(who, r) && !this.isLeader(who, r))) throw RequestErrors.noticeNotFound();
    const f = await this.k.files.find(n.file_id);
    if (!f) throw RequestErrors.noticeNotFound();
    return { name: `${n.title}-${r.number}.pdf`, stream: await this.k.files.open(f) };
  }

  /** A file given with the answer, for the applicant or the department. */
  async answerFile(who: Principal, id: string, fileId: string): Promise<{ name: string; mime: string; stream: Readable }> {
    const r = await this.visible(who, id);
    const given = ((r.answer_files as AnswerFile[]) ?? []).find((f) => f.fileId === fileId);
    if (!given || (r.state !== 'answered' && !this.isClerk(who, r))) throw RequestErrors.noticeNotFound();
    const f = await this.k.files.find(fileId);
    if (!f) throw RequestErrors.noticeNotFound();
    return { name: given.name, mime: f.mime, stream: await this.k.files.open(f) };
  }

  /** Published library documents by title or 文号, for an answer that points to where it is published. */
  async libraryFind(who: Principal, q: string) {
    if (who.type !== 'staff' || !this.ctx.policy.can(who, 'openness.edit', { regionCode: who.regionCode || this.k.config.regionCode })) throw Errors.forbidden();
    const text = cleanText(q, '/q');
    if (!text) return { items: [] };
    return { items: await need(this.ctx, 'library').find(text, 10) };
  }

  /* ------------------------------------------------------------------ the port */

  /**
   * 年度报告 第三部分: received in the year (by the day received), carried in from before (received
   * earlier, not answered before the year), the outcomes answered in the year by type and reason, and
   * what is carried out (received by the year's end, not answered by then) — each by applicant kind.
   */
  async yearFigures(ex: Executor, year: number): Promise<RequestYearFigures> {
    const start = new Date(`${year}-01-01T00:00:00+08:00`);
    const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const rows = await requestsDb(ex)
      .selectFrom('openness_request')
      .select(['applicant_kind', 'received_on', 'answered_at', 'answer_type', 'answer_reason'])
      .where('received_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('answered_at', 'is', null), eb('answered_at', '>=', start)]))
      .execute();
    const zero = (): ByApplicant => Object.fromEntries([...Object.keys(APPLICANT_KINDS), 'total'].map((k) => [k, 0])) as ByApplicant;
    const f: RequestYearFigures = { received: zero(), carriedIn: zero(), outcomes: {}, answered: zero(), carriedOut: zero() };
    const add = (b: ByApplicant, kind: string) => {
      const k = (kind in APPLICANT_KINDS ? kind : 'other') as ApplicantKind;
      b[k] += 1;
      b.total += 1;
    };
    for (const r of rows) {
      const answeredAt = r.answered_at ? new Date(r.answered_at).getTime() : null;
      if (r.received_on >= `${year}-01-01`) add(f.received, r.applicant_kind);
      else add(f.carriedIn, r.applicant_kind);
      if (answeredAt != null && answeredAt < end.getTime()) {
        add(f.answered, r.applicant_kind);
        const type = r.answer_type ?? 'other';
        add((f.outcomes[type] ??= zero()), r.applicant_kind);
        if (r.answer_reason) add((f.outcomes[`${type}.${r.answer_reason}`] ??= zero()), r.applicant_kind);
      } else add(f.carriedOut, r.applicant_kind);
    }
    return f;
  }

  /**
   * The year so far, for the 政务公开办's overview: requests received in the year, those answered (on
   * time: by the due date written on the row, extensions and consultations included), those still open
   * and, of those, past their due date now (a request in 补正 has no running clock and is never overdue).
   */
  async progress(ex: Executor, year: number): Promise<RequestProgress> {
    const now = this.k.clock.now().getTime();
    const rows = await requestsDb(ex)
      .selectFrom('openness_request')
      .select(['answered_at', 'due_at'])
      .where('received_on', '>=', `${year}-01-01`)
      .where('received_on', '<=', `${year}-12-31`)
      .execute();
    const p: RequestProgress = { received: rows.length, answered: 0, answeredOnTime: 0, answeredLate: 0, open: 0, overdue: 0 };
    for (const r of rows) {
      const due = r.due_at ? new Date(r.due_at).getTime() : null;
      if (r.answered_at) {
        p.answered += 1;
        if (due !== null && new Date(r.answered_at).getTime() > due) p.answeredLate += 1;
        else p.answeredOnTime += 1;
      } else {
        p.open += 1;
        if (due !== null && due < now) p.overdue += 1;
      }
    }
    return p;
  }
}

/** Bytes of a stream (the seed and tests read sealed notices back). */
export async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
