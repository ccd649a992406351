import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql, type Selectable } from 'kysely';
import { sniffMime } from '../../../kernel/files/sniff.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { OrgService } from '../../org/index.ts';
import type { Categories } from '../categories.ts';
import type { Intake } from '../intake.ts';
import type { CaseInput } from '../schema.ts';
import { CASE_KINDS } from '../workflow.ts';
import type { CaseWorkflows } from '../workflows.ts';
import { Open311Errors } from './errors.ts';
import type { Form, Media } from './fields.ts';
import { w3cTime } from './format.ts';
import type { Open311Keys } from './keys.ts';
import { casesDb, type CasesCaseTable } from '../tables.ts';

/** Attributes every service takes (GeoReport service definitions), mapped onto case fields. */
const ATTRIBUTES = [
  {
    code: 'urgency',
    datatype: 'singlevaluelist',
    required: false,
    description: '紧急程度 / Urgency',
    values: [
      ['ordinary', '一般 / Ordinary'],
      ['urgent', '紧急 / Urgent'],
    ],
  },
  { code: 'kind', datatype: 'singlevaluelist', required: false, description: '诉求类型 / Kind of request', values: CASE_KINDS.map(([c, zh, en]) => [c, `${zh} / ${en}`]) },
  {
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    description: '是否保密（不向承办单位显示联系人）/ Keep the reporter’s contact from the handling unit',
    values: [
      ['false', '否 / No'],
      ['true', '是 / Yes'],
    ],
  },
] as const;

/** Marks a sandbox id, e.g. 152201-TEST-3f9a0c1d2e4b, apart from case numbers (152201-GD-…). */
const SANDBOX_MARK = '-TEST-';
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
const MAX_IDS = 100;

/**
 * GeoReport v2 over the case engine: services are the leaf categories, a request is a case reported
 * by an app with an api key, and its status is open/closed with our finer state in status_notes.
 * Only requests that came in through Open311 are listed, so 12345 callers' words are never public.
 */
export class Open311Service {
  constructor(
    private readonly k: Kernel,
    private readonly categories: Categories,
    private readonly intake: Intake,
    private readonly keys: Open311Keys,
    private readonly org: OrgService,
    private readonly workflows: CaseWorkflows,
  ) {}

  checkJurisdiction(j: string | undefined): void {
    if (j !== undefined && j !== '' && j !== this.k.config.regionCode) throw Open311Errors.badRequest(`本接口不服务辖区 ${j.slice(0, 20)}`, `jurisdiction_id ${j.slice(0, 20)} is not served here`);
  }

  async services() {
    const all = await this.categories.list();
    const byCode = new Map(all.map((c) => [c.code, c]));
    return all
      .filter((c) => c.leaf && c.active)
      .map((c) => {
        const group = c.parentCode ? byCode.get(c.parentCode.slice(0, 2)) : undefined;
        return {
          service_code: c.code,
          service_name: c.name,
          description: [c.nameEn, group?.name].filter(Boolean).join(' · '),
          metadata: true,
          type: 'realtime',
          keywords: c.nameEn ?? '',
          group: group?.name ?? '',
        };
      });
  }

  async definition(code: string) {
    const c = await this.categories.get(code);
    if (!c || !c.leaf || !c.active) throw Open311Errors.notFound('service');
    return {
      service_code: c.code,
      attributes: ATTRIBUTES.map((a, i) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: '',
        order: i + 1,
        description: a.description,
        values: a.values.map(([key, name]) => ({ key, name })),
      })),
    };
  }

  /**
   * Every check a posted request gets, in production and in the sandbox alike: the form fields as
   * the spec names them, the photo, and what intake would refuse. Stores nothing.
   */
  private async prepare(form: Form, media: Media | null, counted: boolean): Promise<{ who: Principal; input: CaseInput; serviceName: string }> {
    const one = (k: string): string | undefined => {
      // Clients send empty fields for what they do not know: an empty field is an absent one.
      const v = form[k];
      const s = Array.isArray(v) ? v[0] : v;
      return s === '' ? undefined : s;
    };
    const key = one('api_key');
    const who = key ? await this.keys.principalOf(key) : null;
    if (!who) throw Open311Errors.badKey();
    this.checkJurisdiction(one('jurisdiction_id'));
    const code = one('service_code');
    if (!code) throw Open311Errors.badRequest('缺少 service_code', 'service_code is required');
    const cat = await this.categories.get(code);
    if (!cat || !cat.leaf || !cat.active) throw Open311Errors.badRequest(`service_code ${code.slice(0, 20)} 不存在`, `service_code ${code.slice(0, 20)} is not a service here`);
    const lat = one('lat');
    const lon = one('long');
    const address = one('address_string')?.trim() || one('address_id')?.trim();
    if ((lat === undefined) !== (lon === undefined)) throw Open311Errors.badRequest('lat 与 long 须同时提供', 'lat and long must be given together');
    const num = (s: string | undefined, name: string, max: number) => {
      if (s === undefined) return undefined;
      const n = Number(s);
      if (!Number.isFinite(n) || Math.abs(n) > max || s.trim() === '') throw Open311Errors.badRequest(`${name} 不是有效坐标`, `${name} is not a valid coordinate`);
      return n;
    };
    const latN = num(lat, 'lat', 90);
    const lonN = num(lon, 'long', 180);
    if (latN === undefined && !address) throw Open311Errors.badRequest('须提供 lat/long 或 address_string', 'A location is required: lat/long, address_string or address_id');
    const description = one('description')?.trim();
    if (!description) throw Open311Errors.badRequest('缺少问题描述 description', 'description is required');
    if (description.length > 2000) throw Open311Errors.badRequest('问题描述不能超过2000字', 'description is longer than 2000 characters');
    const phone = one('phone')?.replace(/[\s+]/g, '').replace(/^86/, '');
    if (phone && !PHONE.test(phone)) throw Open311Errors.badRequest('phone 不是有效的电话号码', 'phone is not a valid Chinese phone number');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) {
      const m = /^attribute\[([^\]]{1,40})\]$/.exec(k);
      if (!m) continue;
      const def = ATTRIBUTES.find((a) => a.code === m[1]);
      const value = Array.isArray(v) ? v[0] : v;
      if (!def) throw Open311Errors.badRequest(`未知属性 ${m[1]}`, `Unknown attribute ${m[1]}`);
      if (!def.values.some(([key]) => key === value)) throw Open311Errors.badRequest(`属性 ${m[1]} 的取值无效`, `Attribute ${m[1]} has no value ${String(value).slice(0, 20)}`);
      attrs[m[1]] = String(value);
    }
    const extra: Record<string, string> = {};
    for (const k of ['device_id', 'account_id', 'media_url']) {
      const v = one(k);
      if (v) extra[k] = v.slice(0, 200);
    }
    const name = [one('last_name'), one('first_name')].filter(Boolean).join('').slice(0, 40);
    const input: CaseInput = {
      channel: 'open311',
      kind: (attrs.kind ?? 'complaint') as CaseInput['kind'],
      urgency: (attrs.urgency ?? 'ordinary') as CaseInput['urgency'],
      content: description,
      categoryCode: code,
      ...(name ? { callerName: name } : {}),
      ...(phone ? { callerPhone: phone } : {}),
      confidential: attrs.confidential === 'true',
      ...(address ? { address: address.slice(0, 200) } : {}),
      ...(latN !== undefined ? { lat: latN, lon: lonN } : {}),
      attributes: extra,
    };
    if (media) this.checkMedia(media);
    // Production without a photo leaves these checks to intake.report itself, which makes them anyway.
    if (media || !counted) await this.intake.check(who, input, { counted });
    return { who, input, serviceName: cat.name };
  }

  /** POST requests: a case, with the posted photo (if any) kept by the files service and attached. */
  async post(form: Form, media: Media | null, requestId: string) {
    const { who, input, serviceName } = await this.prepare(form, media, true);
    const photoIds = media ? [await this.keepMedia(who, media, requestId)] : [];
    const r = await this.intake.report(who, { ...input, ...(photoIds.length ? { photoIds } : {}) }, requestId);
    const notice = r.duplicateOf
      ? '该问题已有人反映，已与原工单合并办理 / Already reported; merged with the earlier request'
      : `已受理，将按${serviceName}类事项转办 / Received and will be dispatched`;
    return [{ service_request_id: r.number, token: r.id, service_notice: notice, account_id: null }];
  }

  /**
   * POST requests at the test endpoint: checked exactly as in production and answered with a
   * sandbox id, but nothing is stored: no case, no file, no audit entry, and it counts toward no limit.
   */
  async trial(form: Form, media: Media | null) {
    await this.prepare(form, media, false);
    const id = `${this.k.config.regionCode}${SANDBOX_MARK}${randomBytes(6).toString('hex')}`;
    return [{ service_request_id: id, token: randomUUID(), service_notice: '测试环境：请求有效，未创建工单 / Test endpoint: the request is valid; no case was created', account_id: null }];
  }

  /** Whether a service_request_id is one the sandbox made up (and so was never kept). */
  static isSandboxId(id: string): boolean {
    return id.includes(SANDBOX_MARK);
  }

  /** A photo is a JPEG or PNG by its bytes, and declared as what it is (or as unknown). */
  private checkMedia(media: Media): void {
    const mime = sniffMime(media.bytes.subarray(0, 512));
    const declared = media.declaredMime.split(';')[0].trim().toLowerCase();
    if (!mime?.startsWith('image/') || !this.k.config.fileTypes.includes(mime) || (declared !== 'application/octet-stream' && declared !== mime)) throw Open311Errors.notImage();
  }

  /** Keeps the photo as the app's own upload, as a resident's photo is kept before its report. */
  private async keepMedia(who: Principal, media: Media, requestId: string): Promise<string> {
    return this.k.db.transaction().execute(async (trx) => {
      const f = await this.k.files.save(trx, { stream: Readable.from(media.bytes), name: media.name, declaredMime: media.declaredMime, ownerId: who.accountId, regionCode: this.k.config.regionCode });
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'uploaded',
        objectType: 'kernel.file',
        objectId: f.id,
        regionCode: f.regionCode,
        change: { sha256: f.sha256, size: f.sizeBytes, mime: f.mime },
        summary: { mime: f.mime, size: f.sizeBytes },
        requestId,
      });
      return f.id;
    });
  }

  /** Discovery's changeset: when the service list (the category tree) last changed. */
  async changeset(): Promise<string> {
    const r = await casesDb(this.k.db)
      .selectFrom('cases_category')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst();
    return w3cTime(r?.at ? new Date(r.at) : new Date(0))!;
  }

  async token(token: string) {
    if (!/^[0-9a-f-]{36}$/.test(token)) throw Open311Errors.notFound('request');
    const row = await casesDb(this.k.db).selectFrom('cases_case').select(['id', 'number']).where('id', '=', token).where('channel', '=', 'open311').executeTakeFirst();
    if (!row) throw Open311Errors.notFound('request');
    return [{ service_request_id: row.number, token: row.id }];
  }

  /** GET requests with the spec's filters; at most 1000, the last 90 days unless dates are given. */
  async list(q: Record<string, string | undefined>) {
    this.checkJurisdiction(q.jurisdiction_id);
    let query = casesDb(this.k.db).selectFrom('cases_case').selectAll().where('channel', '=', 'open311').where('region_code', '=', this.k.config.regionCode).where('confidential', '=', false);
    if (q.service_request_id) {
      const ids = q.service_request_id
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length > MAX_IDS) throw Open311Errors.badRequest(`一次最多查询${MAX_IDS}个请求`, `At most ${MAX_IDS} service_request_id values`);
      query = query.where('number', 'in', ids);
    } else {
      const date = (s: string | undefined, name: string) => {
        if (!s) return undefined;
        const d = new Date(s);
        if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(s)) throw Open311Errors.badRequest(`${name} 不是有效的 ISO 8601 时间`, `${name} is not a valid W3C datetime`);
        return d;
      };
      const end = date(q.end_date, 'end_date') ?? this.k.clock.now();
      const start = date(q.start_date, 'start_date') ?? new Date(end.getTime() - 90 * 86_400_000);
      if (start > end) throw Open311Errors.badRequest('start_date 晚于 end_date', 'start_date is after end_date');
      query = query.where('created_at', '>=', start).where('created_at', '<=', end);
      if (q.service_code)
        query = query.where(
          'category_code',
          'in',
          q.service_code
            .split(',')
            .map((s) => s.trim())
            .slice(0, 50),
        );
      if (q.status) {
        const want = q.status.split(',').map((s) => s.trim());
        if (want.some((s) => s !== 'open' && s !== 'closed')) throw Open311Errors.badRequest('status 只能为 open 或 closed', 'status must be open or closed');
        // A merged duplicate is as open as the case it was merged into.
        if (want.length === 1) query = query.where(sql<boolean>`coalesce((SELECT o.open FROM cases_case o WHERE o.id = cases_case.duplicate_of), cases_case.open) = ${want[0] === 'open'}`);
      }
    }
    const rows = await query.orderBy('created_at', 'desc').limit(1000).execute();
    return this.describe(rows);
  }

  async one(number: string, jurisdiction?: string) {
    this.checkJurisdiction(jurisdiction);
    const row = await casesDb(this.k.db).selectFrom('cases_case').selectAll().where('number', '=', number).where('channel', '=', 'open311').where('confidential', '=', false).executeTakeFirst();
    if (!row) throw Open311Errors.notFound('request');
    return this.describe([row]);
  }

  private async describe(rows: Selectable<CasesCaseTable>[]) {
    const masterIds = rows.flatMap((r) => (r.duplicate_of ? [r.duplicate_of] : []));
    const masters = new Map((masterIds.length ? await casesDb(this.k.db).selectFrom('cases_case').selectAll().where('id', 'in', masterIds).execute() : []).map((m) => [m.id, m]));
    const cats = new Map((await this.categories.list()).map((c) => [c.code, c]));
    const names = await this.org.departmentNames([...rows, ...masters.values()].flatMap((r) => (r.handling_department_id ? [r.handling_department_id] : [])));
    // A state's words come from the workflow version the case runs under.
    const defs = new Map(await Promise.all([...new Set([...rows, ...masters.values()].map((r) => Number(r.workflow_version)))].map(async (v) => [v, await this.workflows.get(v)] as const)));
    return rows.map((r) => {
      const s = (r.duplicate_of ? masters.get(r.duplicate_of) : undefined) ?? r;
      const st = defs.get(Number(s.workflow_version))?.states[s.state];
      const notes = `${st?.zh ?? s.state} / ${st?.en ?? s.state}${r.duplicate_of ? `（已与 ${s.number} 合并 / merged into ${s.number}）` : ''}${s.reply ? `：${s.reply}` : s.answer ? `：${s.answer}` : ''}`;
      return {
        service_request_id: r.number,
        status: s.open ? 'open' : 'closed',
        status_notes: notes,
        service_name: (r.category_code ? cats.get(r.category_code)?.name : undefined) ?? '',
        service_code: r.category_code ?? '',
        description: r.content,
        agency_responsible: s.handling_department_id ? (names.get(s.handling_department_id)?.name ?? '') : '',
        service_notice: '',
        requested_datetime: w3cTime(r.created_at),
        updated_datetime: w3cTime(s.updated_at),
        expected_datetime: w3cTime(s.due_at),
        address: r.address ?? '',
        address_id: '',
        zipcode: '',
        lat: r.lat,
        long: r.lon,
        media_url: (r.attributes as Record<string, string>)?.media_url ?? '',
      };
    });
  }
}
