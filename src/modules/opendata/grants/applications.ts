import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { digest } from '../../../kernel/crypto/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_STEP_ACTOR, WorkflowVersions, act, availableActions, stepActorOf, type ActionHandler, type RecordKind, type StateRow, type WorkflowActor } from '../../../kernel/workflow/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { Dataset, SandboxAccess } from '../ports.ts';
import { AGREEMENT_FIELDS, currentTemplate, fillAgreement } from './agreement.ts';
import { GrantErrors } from './errors.ts';
import { APPLICATION_STEPPED } from './events.ts';
import { APPLICATION_LOG, APPLICATION_WORKFLOW, BUREAU, DECIDE_DAYS, PROVIDER, type ApplicationStepInput } from './steps.ts';
import { grantsDb, type ApplicationContact, type OpendataApplicationTable } from './tables.ts';

export type ApplicationRow = Selectable<OpendataApplicationTable>;
type Row = ApplicationRow & StateRow;

export interface ApplicationInput {
  /** The dataset's URL name (CKAN `name`). */
  dataset: string;
  purpose: string;
  items: string[];
  rowRegion?: string | null;
  periodFrom: string;
  periodTo: string;
  securityMeasures: string;
  delivery: 'api' | 'sandbox';
  contact: { name: string; phone: string; email?: string | null };
}

/** Requests per minute a grant's client may make on the gateway. */
export const GRANT_RATE_PER_MINUTE = 600;
const PAGE_MAX = 100;
const SYSTEM_ID = SYSTEM_PRINCIPAL.accountId;
const LIVE = ['submitted', 'bureau_review'];

/** A text a person typed: no control characters but line breaks and tabs, no broken Unicode. */
function cleanText(v: string, path: string): string {
  // A lone surrogate (broken Unicode) cannot be stored as UTF-8.
  // eslint-disable-next-line no-control-regex
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v) || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) throw GrantErrors.text(path);
  return v.trim();
}

/** A real calendar day written YYYY-MM-DD. */
const realDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** The day a year after `d` (2026-12-01 → 2027-12-01; 29 February → 1 March). */
function yearAfter(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCFullYear(t.getUTCFullYear() + 1);
  return t.toISOString().slice(0, 10);
}

/** The GB/T 2260 prefix an area code stands for (150000 → 15, 152200 → 1522, 152201 → 152201). */
export function regionPrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

/** The first moment and the last of a period of China Standard Time days. */
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

/**
 * 有条件开放 applications: written by a signed-in person (a researcher) or for an enterprise, with
 * the 数据利用协议 filled in from the region's template; signed online (signer, time, text, SM3);
 * submitted, then decided by the provider's 数据专员 and the data bureau through the kernel's action
 * engine. The bureau's approval issues the gateway grant (api) or opens the sandbox (sandbox) in the
 * same transaction; the bureau may revoke it and a daily timer ends it with its agreement.
 */
export class Applications {
  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<Row, ApplicationStepInput>;

  constructor(private readonly ctx: OpendataContext) {
    this.workflows = new WorkflowVersions(ctx.k.db, 'opendata_application_workflow', APPLICATION_WORKFLOW);
    this.kind = this.makeKind();
  }

  private get k() {
    return this.ctx.k;
  }

  /** The applicant's own application: theirs, or their enterprise's while acting for it. */
  private owns(who: Principal, a: Pick<ApplicationRow, 'applicant_account_id' | 'enterprise_id'>): boolean {
    return a.applicant_account_id === who.accountId || (a.enterprise_id != null && who.actingFor?.enterpriseId === a.enterprise_id);
  }

  private isProvider(who: Principal, a: Pick<ApplicationRow, 'region_code' | 'provider_department_id'>): boolean {
    return who.type === 'staff' && who.departmentId === a.provider_department_id && this.ctx.policy.can(who, 'opendata.provide', { regionCode: a.region_code, departmentId: a.provider_department_id });
  }

  private isBureau(who: Principal, regionCode: string): boolean {
    return who.type === 'staff' && this.ctx.policy.can(who, 'opendata.manage', { regionCode });
  }

  /** Who may see an application: its applicant; once submitted, the provider's 数据专员 and the data bureau. */
  private maySee(who: Principal, a: ApplicationRow): boolean {
    if (this.owns(who, a)) return true;
    if (a.state === 'draft') return false;
    return this.isProvider(who, a) || this.isBureau(who, a.region_code);
  }

  async row(id: string, ex: Executor = this.k.db): Promise<ApplicationRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw GrantErrors.notFound();
    const r = await grantsDb(ex).selectFrom('opendata_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw GrantErrors.notFound();
    return r;
  }

  /** The application if the caller may see it; 404 otherwise (whether it exists is nobody else's business). */
  async visible(who: Principal, id: string): Promise<ApplicationRow> {
    const a = await this.row(id);
    if (!this.maySee(who, a)) throw GrantErrors.notFound();
    return a;
  }

  /* ------------------------------------------------------------------ writing and signing */

  async create(who: Principal, input: ApplicationInput, requestId?: string): Promise<{ id: string; number: string; agreementHash: string }> {
    if (who.type !== 'person' && who.type !== 'enterprise') throw GrantErrors.applicantOnly();
    // The agreement is signed in the applicant's real name.
    if ((who.assuranceLevel ?? 0) < 2) throw GrantErrors.realName();
    const catalogue = need(this.ctx, 'catalogue');
    const ds = await catalogue.byName(input.dataset);
    if (!ds) throw GrantErrors.datasetNotFound();
    if (ds.state !== 'published' || ds.openType !== 'conditional') throw GrantErrors.notConditional();
    const purpose = cleanText(input.purpose, '/purpose');
    const security = cleanText(input.securityMeasures, '/securityMeasures');
    const contact: ApplicationContact = {
      name: cleanText(input.contact.name, '/contact/name'),
      phone: cleanText(input.contact.phone, '/contact/phone'),
      email: input.contact.email ? cleanText(input.contact.email, '/contact/email') : null,
    };
    const codes = new Set(ds.items.map((i) => i.code));
    const unknown = input.items.filter((i) => !codes.has(i));
    if (unknown.length) throw GrantErrors.unknownItems(unknown.map((u) => u.slice(0, 64)).slice(0, 10));
    if (new Set(input.items).size !== input.items.length) throw GrantErrors.duplicateItems();
    // The dataset's order, so the agreement and the grant read alike whatever order was sent.
    const items = ds.items.filter((i) => input.items.includes(i.code));
    const rowRegion = input.rowRegion || null;
    if (rowRegion && !rowRegion.startsWith(regionPrefix(ds.spatial))) throw GrantErrors.rowScope();
    const today = cstDate(this.k.clock.now());
    const { periodFrom, periodTo } = input;
    if (!realDay(periodFrom) || !realDay(periodTo) || periodFrom < today || periodTo < periodFrom || periodTo >= yearAfter(periodFrom)) throw GrantErrors.period();

    const enterprise = who.actingFor ?? null;
    const applicantName = enterprise ? `${enterprise.name}（经办人：${who.name}）` : who.name;
    const id = uuidv7();
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const { version } = await this.workflows.latest(trx);
      const template = await currentTemplate(trx, ds.regionCode);
      const seq = (await sql<{ n: string }>`SELECT nextval('opendata_application_seq') AS n`.execute(trx)).rows[0].n;
      const number = `${ds.regionCode}-KF-${today.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
      const text = fillAgreement(template.body, {
        number,
        applicant: applicantName,
        dataset: `${ds.title}（${ds.name}）`,
        provider: ds.departmentName,
        items: items.map((i) => `${i.name}（${i.code}）`).join('、'),
        rowScope: rowRegion ? `行政区划代码 ${rowRegion} 范围内的数据` : '数据集覆盖的全部范围',
        purpose,
        periodFrom,
        periodTo,
        delivery: input.delivery === 'api' ? '数据接口（网关凭据，按数据分级脱敏）' : '数据沙箱（可用不可见，仅可进行聚合查询）',
        security,
      });
      const hash = digest('sm3', text);
      await grantsDb(trx)
        .insertInto('opendata_application')
        .values({
          id,
          number,
          region_code: ds.regionCode,
          workflow_version: version,
          state: 'draft',
          dataset_id: ds.id,
          dataset_name: ds.name,
          dataset_title: ds.title,
          resource_code: ds.resourceCode,
          provider_department_id: ds.departmentId,
          applicant_account_id: who.accountId,
          applicant_type: enterprise || who.type === 'enterprise' ? 'enterprise' : 'person',
          applicant_name: applicantName,
          enterprise_id: enterprise?.enterpriseId ?? (who.type === 'enterprise' ? who.accountId : null),
          enterprise_name: enterprise?.name ?? (who.type === 'enterprise' ? who.name : null),
          enterprise_credit_code: enterprise?.creditCode ?? null,
          purpose,
          items: items.map((i) => i.code),
          row_region: rowRegion,
          period_from: periodFrom,
          period_to: periodTo,
          security_measures: security,
          delivery: input.delivery,
          contact: JSON.stringify(contact),
          template_version: template.version,
          agreement_text: text,
          agreement_hash: hash,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await APPLICATION_LOG.append(trx, id, ds.regionCode, {
        action: 'create',
        from: null,
        to: 'draft',
        actor: stepActorOf(who),
        opinion: null,
        payload: { dataset: ds.name, items: items.map((i) => i.code), delivery: input.delivery },
        at: now,
      });
      // The contact's phone and e-mail stay out of the ledger.
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'opendata.application',
        objectId: id,
        regionCode: ds.regionCode,
        change: { number, dataset: ds.name, items: items.map((i) => i.code), rowRegion, periodFrom, periodTo, delivery: input.delivery, purpose },
        requestId,
      });
      return { id, number, agreementHash: hash };
    });
  }

  /**
   * The applicant signs the 数据利用协议 as shown: they confirm, type their name, and send back the
   * digest of the text they read, so what is stored as signed is exactly what was on their screen.
   */
  async sign(who: Principal, id: string, input: { name: string; agreementHash: string; confirm: boolean }, requestId?: string): Promise<{ signedAt: string; agreementHash: string }> {
    const a = await this.visible(who, id);
    if (!this.owns(who, a)) throw GrantErrors.notFound();
    if (a.state !== 'draft') throw GrantErrors.state();
    if (a.signed_at) throw GrantErrors.alreadySigned();
    if (!input.confirm) throw GrantErrors.signerName();
    const name = cleanText(input.name, '/name');
    if (name !== who.name.trim()) throw GrantErrors.signerName();
    if (input.agreementHash.toLowerCase() !== a.agreement_hash) throw GrantErrors.agreementChanged();
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => {
      const done = await grantsDb(trx)
        .updateTable('opendata_application')
        .set({ signed_name: name, signed_by: who.accountId, signed_at: now, version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'draft')
        .where('signed_at', 'is', null)
        .where('agreement_hash', '=', a.agreement_hash)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw GrantErrors.alreadySigned();
      await APPLICATION_LOG.append(trx, id, a.region_code, {
        action: 'sign',
        from: 'draft',
        to: 'draft',
        actor: stepActorOf(who),
        opinion: null,
        payload: { agreementHash: a.agreement_hash, signedName: name },
        at: now,
      });
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'signed',
        objectType: 'opendata.application',
        objectId: id,
        regionCode: a.region_code,
        change: { number: a.number, agreementHash: a.agreement_hash, templateVersion: a.template_version, signedName: name, signedAt: now.toISOString() },
        requestId,
      });
    });
    return { signedAt: now.toISOString(), agreementHash: a.agreement_hash };
  }

  /* ------------------------------------------------------------------ steps through the action engine */

  private makeKind(): RecordKind<Row, ApplicationStepInput> {
    const k = this.k;
    const opinion = (input: ApplicationStepInput) => (input.opinion ? cleanText(input.opinion, '/opinion') : null);
    const ended =
      (why: string): ActionHandler<Row, ApplicationStepInput> =>
      ({ row, input, now }) => {
        const reason = opinion(input) ?? why;
        return {
          set: { ended_at: now, end_reason: reason, due_at: null, secret_enc: null },
          payload: { reason },
          after: async (trx) => {
            if (row.grant_id) await need(this.ctx, 'source').revokeGrant(trx, row.grant_id, reason);
          },
        };
      };
    const refuse: ActionHandler<Row, ApplicationStepInput> = ({ input, now }) => ({ set: { decided_at: now, due_at: null, end_reason: opinion(input) }, payload: { opinion: opinion(input) } });
    const handlers: Record<string, ActionHandler<Row, ApplicationStepInput>> = {
      submit: async ({ row, now }) => {
        if (!row.signed_at) throw GrantErrors.notSigned();
        const dueAt = await k.calendar.addWorkingDays(now, DECIDE_DAYS);
        return { set: { due_at: dueAt }, payload: { agreementHash: row.agreement_hash }, dueAt };
      },
      withdraw: ({ input, now }) => ({ set: { ended_at: now, end_reason: opinion(input), due_at: null }, payload: { opinion: opinion(input) } }),
      approve: async ({ input, now }) => {
        const dueAt = await k.calendar.addWorkingDays(now, DECIDE_DAYS);
        return { set: { due_at: dueAt }, payload: { opinion: opinion(input) }, dueAt };
      },
      refuse,
      bureau_refuse: refuse,
      bureau_approve: ({ row, input, now }) => {
        // Checked before anything is written: without the gateway, an api grant cannot be issued.
        const source = row.delivery === 'api' ? need(this.ctx, 'source') : null;
        return {
          set: { decided_at: now, due_at: null },
          payload: { opinion: opinion(input), delivery: row.delivery, items: row.items, rowRegion: row.row_region, periodTo: row.period_to },
          after: async (trx) => {
            if (!source) return;
            const g = await source.issueGrant(trx, {
              applicationId: row.id,
              resourceCode: row.resource_code,
              holderName: row.enterprise_name ?? row.applicant_name,
              purpose: row.purpose,
              items: row.items,
              rowRegion: row.row_region,
              validFrom: startOf(row.period_from),
              expiresAt: endOf(row.period_to),
              ratePerMinute: GRANT_RATE_PER_MINUTE,
            });
            await grantsDb(trx)
              .updateTable('opendata_application')
              .set({ grant_id: g.grantId, client_id: g.clientId, secret_enc: k.crypto.encryptField(g.clientSecret) })
              .where('id', '=', row.id)
              .execute();
          },
        };
      },
      revoke: ended('撤销授权'),
      expire: ended('数据利用协议到期'),
    };
    return {
      objectType: 'opendata.application',
      table: 'opendata_application',
      log: APPLICATION_LOG,
      topic: APPLICATION_STEPPED,
      handlers,
      load: async (who, id) => {
        const a = who.accountId === SYSTEM_ID ? await this.row(id) : await this.visible(who, id);
        return a as Row;
      },
      actorOf: (who, a) => this.actorFor(who, a),
      definition: (a) => this.workflows.get(a.workflow_version),
      units: (a) => a.provider_department_id,
      opinionOf: (input) => input.opinion ?? null,
      eventOf: ({ row }) => ({ number: row.number, datasetId: row.dataset_id }),
      namedActor: (who) => (who.accountId === SYSTEM_ID ? { audit: actorOf(who), step: SYSTEM_STEP_ACTOR } : { audit: actorOf(who), step: stepActorOf(who) }),
      errors: { notInState: GrantErrors.state, stateChanged: GrantErrors.stateChanged },
    };
  }

  /** The policy point: as whom the caller may act on this application. */
  private actorFor(who: Principal, a: ApplicationRow): WorkflowActor {
    if (who.accountId === SYSTEM_ID && who.type === 'staff') return { kind: 'system', roles: [], departmentId: null };
    if (who.type !== 'staff') {
      if (!this.owns(who, a)) throw GrantErrors.notFound();
      return { kind: 'applicant', roles: [], departmentId: null };
    }
    const roles: string[] = [];
    if (this.isProvider(who, a)) roles.push(PROVIDER);
    if (this.isBureau(who, a.region_code)) roles.push(BUREAU);
    if (!roles.length) {
      assertAllowed(this.ctx.policy, who, 'opendata.provide', { regionCode: a.region_code, departmentId: a.provider_department_id });
      throw GrantErrors.notProvider();
    }
    return { kind: 'staff', roles, departmentId: who.departmentId };
  }

  async submit(who: Principal, id: string, requestId?: string) {
    const { to } = await act(this.k, this.kind, who, id, { action: 'submit' }, requestId);
    return { state: to };
  }

  async withdraw(who: Principal, id: string, opinion: string | undefined, requestId?: string) {
    const { to } = await act(this.k, this.kind, who, id, { action: 'withdraw', opinion }, requestId);
    return { state: to };
  }

  /**
   * The provider, then the bureau, approves or refuses. The page says approve or refuse; which
   * workflow action that is follows from where the application stands.
   */
  async decide(who: Principal, id: string, d: { action: 'approve' | 'refuse'; opinion?: string; expectedVersion?: number }, requestId?: string) {
    const a = await this.visible(who, id);
    const bureau = a.state === 'bureau_review';
    const action = d.action === 'approve' ? (bureau ? 'bureau_approve' : 'approve') : bureau ? 'bureau_refuse' : 'refuse';
    const { to } = await act(this.k, this.kind, who, id, { action, opinion: d.opinion, expectedVersion: d.expectedVersion }, requestId);
    return { state: to };
  }

  async revoke(who: Principal, id: string, opinion: string, requestId?: string) {
    const { to } = await act(this.k, this.kind, who, id, { action: 'revoke', opinion }, requestId);
    return { state: to };
  }

  /** The applicant collects the gateway client's id and secret once; the secret is then forgotten. */
  async credentials(who: Principal, id: string, requestId?: string): Promise<{ clientId: string; clientSecret: string; expiresAt: string; tokenEndpoint: string; gateway: string }> {
    const a = await this.visible(who, id);
    if (!this.owns(who, a)) throw GrantErrors.notFound();
    if (a.delivery !== 'api') throw GrantErrors.notApi();
    if (a.state !== 'approved') throw GrantErrors.state();
    const now = this.k.clock.now();
    const sealed = await this.k.db.transaction().execute(async (trx) => {
      // The row is locked while the secret is taken and forgotten: of two collections at once, the
      // second waits and then finds it gone (a self-join UPDATE would re-read the old row on PostgreSQL).
      const row = await grantsDb(trx).selectFrom('opendata_application').select('secret_enc').where('id', '=', id).where('state', '=', 'approved').forUpdate().executeTakeFirst();
      if (!row?.secret_enc) throw GrantErrors.noCredentials();
      await grantsDb(trx).updateTable('opendata_application').set({ secret_enc: null, credentials_collected_at: now, updated_at: now }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'credentials-collected',
        objectType: 'opendata.application',
        objectId: id,
        regionCode: a.region_code,
        change: { number: a.number, clientId: a.client_id },
        requestId,
      });
      return row.secret_enc;
    });
    return {
      clientId: a.client_id!,
      clientSecret: this.k.crypto.decryptField(sealed),
      expiresAt: endOf(a.period_to).toISOString(),
      tokenEndpoint: '/oidc/token',
      gateway: `/api/gateway/v1/${a.resource_code}`,
    };
  }

  /**
   * Ends every approved application whose agreement has ended (the daily timer), each as an
   * `expire` step by the platform, with its gateway grant revoked in the same transaction.
   */
  async expireDue(trx: Tx): Promise<number> {
    const today = cstDate(this.k.clock.now());
    const due = await grantsDb(trx).selectFrom('opendata_application').selectAll().where('state', '=', 'approved').where('period_to', '<', today).orderBy('id').limit(500).execute();
    const now = this.k.clock.now();
    for (const a of due) {
      const reason = '数据利用协议到期';
      const main = grantsDb(trx)
        .updateTable('opendata_application')
        .set({ state: 'expired', version: a.version + 1, ended_at: now, end_reason: reason, secret_enc: null, updated_at: now })
        .where('id', '=', a.id)
        .where('version', '=', a.version)
        .returning(['id', 'region_code']);
      const done = await this.k.tracedWrite(
        trx,
        main,
        {
          actor: actorOf(SYSTEM_PRINCIPAL),
          action: 'expire',
          objectType: 'opendata.application',
          objectId: a.id,
          regionCode: a.region_code,
          change: { from: 'approved', to: 'expired', reason },
          event: { topic: APPLICATION_STEPPED, payload: { id: a.id, action: 'expire', from: 'approved', to: 'expired', number: a.number, datasetId: a.dataset_id } },
        },
        APPLICATION_LOG.appendFrom('main', { action: 'expire', from: 'approved', to: 'expired', actor: SYSTEM_STEP_ACTOR, opinion: reason, payload: { reason }, at: now }),
      );
      if (done.length && a.grant_id) await need(this.ctx, 'source').revokeGrant(trx, a.grant_id, reason);
    }
    return due.length;
  }

  /* ------------------------------------------------------------------ reading */

  /** One application as its applicant, provider or bureau sees it, with its steps and what the caller may do now. */
  async detail(who: Principal, id: string) {
    const a = await this.visible(who, id);
    const def = await this.workflows.get(a.workflow_version);
    const steps = await APPLICATION_LOG.history(this.k.db, a.id);
    let actions: string[];
    try {
      actions = availableActions(def, a.state, this.actorFor(who, a), a.provider_department_id).map((x) => x.code);
    } catch {
      actions = [];
    }
    let usage: { calls: number; rows: number; lastAt: string | null } | null = null;
    if (a.grant_id && this.ctx.ports.source) usage = (await this.ctx.ports.source.grantUsage([a.grant_id])).get(a.grant_id) ?? { calls: 0, rows: 0, lastAt: null };
    const ds = await this.ctx.ports.catalogue?.byId(a.dataset_id).catch(() => null);
    const names = new Map((ds?.items ?? []).map((i) => [i.code, i]));
    return {
      ...this.view(a),
      itemDetails: (a.items as string[]).map((c) => ({ code: c, name: names.get(c)?.name ?? c, grade: names.get(c)?.grade ?? null })),
      securityMeasures: a.security_measures,
      contact: a.contact as ApplicationContact,
      agreement: { text: a.agreement_text, hash: a.agreement_hash, templateVersion: a.template_version, signedName: a.signed_name, signedAt: a.signed_at ? new Date(a.signed_at).toISOString() : null },
      clientId: this.owns(who, a) || this.isBureau(who, a.region_code) || this.isProvider(who, a) ? a.client_id : null,
      mine: this.owns(who, a),
      credentialsReady: a.state === 'approved' && a.secret_enc != null,
      credentialsCollectedAt: a.credentials_collected_at ? new Date(a.credentials_collected_at).toISOString() : null,
      usage,
      actions,
      steps: steps.map((s) => ({
        action: String(s.action),
        from: (s.from_state as string | null) ?? null,
        to: String(s.to_state),
        actorName: String(s.actor_name),
        actorType: String(s.actor_type),
        opinion: (s.opinion as string | null) ?? null,
        dueAt: s.due_at ? new Date(s.due_at as Date).toISOString() : null,
        at: new Date(s.at as Date).toISOString(),
      })),
      states: Object.fromEntries(Object.entries(def.states).map(([code, s]) => [code, { zh: s.zh, en: s.en }])),
    };
  }

  private view(a: ApplicationRow) {
    const now = this.k.clock.now().getTime();
    return {
      id: a.id,
      number: a.number,
      state: a.state,
      version: a.version,
      datasetId: a.dataset_id,
      datasetName: a.dataset_name,
      datasetTitle: a.dataset_title,
      resourceCode: a.resource_code,
      providerDepartmentId: a.provider_department_id,
      applicantType: a.applicant_type,
      applicantName: a.applicant_name,
      enterpriseCreditCode: a.enterprise_credit_code,
      purpose: a.purpose,
      items: a.items,
      rowRegion: a.row_region,
      periodFrom: a.period_from,
      periodTo: a.period_to,
      delivery: a.delivery as 'api' | 'sandbox',
      signed: a.signed_at != null,
      dueAt: a.due_at ? new Date(a.due_at).toISOString() : null,
      overdue: LIVE.includes(a.state) && a.due_at != null && new Date(a.due_at).getTime() < now,
      endReason: a.end_reason,
      createdAt: new Date(a.created_at).toISOString(),
      updatedAt: new Date(a.updated_at).toISOString(),
    };
  }

  /**
   * Lists: `mine` (the applicant's own, drafts included), or the staff's: the provider's 数据专员
   * see their department's submitted applications, the bureau its region's; `todo` keeps those
   * waiting for the caller. Newest first, keyset paged on the id.
   */
  async list(who: Principal, q: { mine?: boolean; todo?: boolean; state?: string; after?: string; limit?: number }) {
    const limit = Math.min(q.limit ?? 50, PAGE_MAX);
    if (q.after && !/^[0-9a-f-]{36}$/.test(q.after)) throw GrantErrors.badCursor();
    let query = grantsDb(this.k.db).selectFrom('opendata_application').selectAll();
    if (q.mine || who.type !== 'staff') {
      if (who.type === 'staff' || who.type === 'client') throw GrantErrors.applicantOnly();
      const ent = who.actingFor?.enterpriseId;
      query = query.where((eb) => (ent ? eb.or([eb('applicant_account_id', '=', who.accountId), eb('enterprise_id', '=', ent)]) : eb('applicant_account_id', '=', who.accountId)));
    } else if (this.isBureau(who, who.regionCode)) {
      if (who.regionCode) query = query.where('region_code', 'like', `${regionPrefix(who.regionCode)}%`);
      query = query.where('state', '!=', 'draft');
      if (q.todo) query = query.where('state', '=', 'bureau_review');
    } else if (who.departmentId && this.ctx.policy.can(who, 'opendata.provide', { regionCode: who.regionCode, departmentId: who.departmentId })) {
      query = query.where('provider_department_id', '=', who.departmentId).where('state', '!=', 'draft');
      if (q.todo) query = query.where('state', '=', 'submitted');
    } else throw Errors.forbidden();
    if (q.state) query = query.where('state', '=', q.state);
    if (q.after) query = query.where('id', '<', q.after);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    return { items: page.map((a) => this.view(a)), next: rows.length > limit ? page[page.length - 1].id : null };
  }

  /* ------------------------------------------------------------------ the port */

  /** The caller's live sandbox access to a dataset (an approved 可用不可见 application), or null. */
  async sandboxAccess(ex: Executor, who: Principal, datasetId: string): Promise<SandboxAccess | null> {
    if (who.type === 'staff' || who.type === 'client') return null;
    const today = cstDate(this.k.clock.now());
    const ent = who.actingFor?.enterpriseId;
    const a = await grantsDb(ex)
      .selectFrom('opendata_application')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .where('delivery', '=', 'sandbox')
      .where('state', '=', 'approved')
      .where('period_from', '<=', today)
      .where('period_to', '>=', today)
      .where((eb) => (ent ? eb.or([eb('applicant_account_id', '=', who.accountId), eb('enterprise_id', '=', ent)]) : eb('applicant_account_id', '=', who.accountId)))
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!a) return null;
    return { applicationId: a.id, datasetId: a.dataset_id, holderAccountId: a.applicant_account_id, items: a.items, rowRegion: a.row_region, until: endOf(a.period_to).toISOString() };
  }

  /** Live gateway grants (approved `api` applications whose agreement runs today) per dataset. */
  async activeCount(datasetIds?: string[]): Promise<Map<string, number>> {
    const today = cstDate(this.k.clock.now());
    let q = grantsDb(this.k.db)
      .selectFrom('opendata_application')
      .select(['dataset_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('state', '=', 'approved')
      .where('delivery', '=', 'api')
      .where('period_to', '>=', today)
      .groupBy('dataset_id');
    if (datasetIds) {
      if (!datasetIds.length) return new Map();
      q = q.where('dataset_id', 'in', datasetIds);
    }
    return new Map((await q.execute()).map((r) => [r.dataset_id, Number(r.n)]));
  }

  /** A new version of a region's agreement template (the data bureau). */
  async saveTemplate(who: Principal, input: { title: string; body: string }, requestId?: string): Promise<{ version: number }> {
    const regionCode = who.regionCode || this.k.config.regionCode;
    assertAllowed(this.ctx.policy, who, 'opendata.manage', { regionCode });
    const title = cleanText(input.title, '/title');
    const body = cleanText(input.body, '/body');
    return this.k.db.transaction().execute(async (trx) => {
      const cur = await currentTemplate(trx, regionCode);
      const version = cur.version + 1;
      await grantsDb(trx).insertInto('opendata_agreement_template').values({ region_code: regionCode, version, title, body, created_by: who.accountId, created_at: this.k.clock.now() }).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'saved',
        objectType: 'opendata.agreement-template',
        objectId: `${regionCode}:${version}`,
        regionCode,
        change: { version, title, digest: digest('sm3', body) },
        requestId,
      });
      return { version };
    });
  }

  async template(regionCode: string) {
    const t = await currentTemplate(this.k.db, regionCode || this.k.config.regionCode);
    return { ...t, fields: [...AGREEMENT_FIELDS] };
  }
}

export type { Dataset };
