import { sql, type Selectable } from 'kysely';
import { servicesDb, type ServicesApplicationTable } from './tables.ts';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { act, availableActions, stepActorOf, writtenOf, type RecordKind, type StateRow, type WorkflowActor, type Written } from '../../kernel/workflow/index.ts';
import { APPLICATION_LOG, applicationKind } from './application-steps.ts';
import type { DecisionSealer } from './decision-port.ts';
import { personAccountByIdNumber, requireAssurance, type IdentityService } from '../identity/index.ts';
import type { Catalogue, ItemVersion } from './catalogue.ts';
import { ServicesErrors } from './errors.ts';
import { validateForm } from './forms.ts';
import { REVIEW_ACTIONS } from './separation.ts';
import type { LicenceReferences } from './licence-refs.ts';
import { KnownFacts, type BaseData, type Known, type Replacement } from './known-facts.ts';
import type { ActionBody, ApplicationInput } from './schema.ts';
import { APPLICATION_SUBMITTED } from './events.ts';

/** An application as stored. */
export type AppRow = Selectable<ServicesApplicationTable>;

/** A submission checked and completed, ready to be written (see Applications.prepare). */
export interface PreparedSubmission {
  v: ItemVersion;
  applicant: Principal;
  channel: 'online' | 'window';
  enterprise: { enterpriseId: string; name: string } | null;
  form: Record<string, unknown>;
  materials: MaterialRef[];
  /** 告知承诺制 chosen by the applicant. */
  commitment?: boolean;
}

export interface MaterialRef {
  code: string;
  fileId?: string;
  licenceId?: string;
  consent?: true;
  /** 免提交: what stood in for the material (a base database, or a held licence cited as `licenceId`). */
  replacedBy?: Omit<Replacement, 'licenceId'>;
}

/**
 * Applications (办件): submission online or at a window, and every step after it. The steps go
 * through the kernel's action engine (see application-steps.ts for what each action does): one
 * transaction writes the new state and clocks, the action row, the audit entry and the event, under
 * the engine's concurrency rule; the applicant is notified from the event.
 */
export class Applications {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: Catalogue,
    readonly identity: IdentityService,
  ) {
    this.kind = applicationKind(k, this, catalogue);
    this.known = new KnownFacts(k, { base: () => this.baseData, licences: () => this.licenceRefs });
  }

  /** 只填一次: what the platform knows for an applicant and item, each fact with its source. */
  readonly known: KnownFacts;
  /** Answers base-data questions (人口基础库, 法人基础库); set by a flow when the data module is present. */
  baseData: BaseData | null = null;

  private readonly kind: RecordKind<AppRow & StateRow, ActionBody>;

  /** Answers 免证办 questions; set by the platform when the licences module is present. */
  licenceRefs: LicenceReferences | null = null;
  /** Draws and seals the 决定书; set by the platform when the licences module is present. */
  decisions: DecisionSealer | null = null;
  /** What happens once an application is stored (秒批 decides at once); set by the module. */
  afterSubmit: ((id: string, v: ItemVersion, applicant: { accountId: string; enterpriseId: string | null }, form: Record<string, unknown>) => Promise<void>) | null = null;

  /** The applicant a request is made for, and under which channel. */
  private async applicantOf(who: Principal, input: ApplicationInput, v: ItemVersion) {
    if (input.onBehalfOf) {
      // 线下受理: window staff with the applicant present; the card was checked in person.
      assertAllowed(this.policy, who, 'services.handle', { regionCode: v.regionCode });
      const accountId = await personAccountByIdNumber(this.k, input.onBehalfOf.idNumber, input.onBehalfOf.name);
      if (!accountId) throw Errors.validation([{ path: '/onBehalfOf', message: 'no account matches this name and ID number / 未找到与姓名和身份证号相符的账户' }]);
      const acc = await this.identity.accountRow(accountId);
      const principal = acc && (await this.identity.principalOf(acc, null, null));
      if (!principal) throw Errors.notFound('applicant');
      if (!v.content.applicantTypes.includes('person')) throw ServicesErrors.wrongApplicantType();
      return { principal, channel: 'window' as const, enterprise: null };
    }
    if (who.type !== 'person') throw ServicesErrors.wrongApplicantType();
    const enterprise = who.actingFor && v.content.applicantTypes.includes('enterprise') ? who.actingFor : null;
    if (enterprise) assertAllowed(this.policy, who, 'services.apply', { enterpriseId: enterprise.enterpriseId });
    else {
      if (!v.content.applicantTypes.includes('person')) throw ServicesErrors.wrongApplicantType();
      assertAllowed(this.policy, who, 'services.apply', { ownerId: who.accountId });
    }
    requireAssurance(who, v.content.assuranceLevel);
    return { principal: who, channel: 'online' as const, enterprise };
  }

  /** Form data with what the platform knows filled in by the server (the page cannot override it). */
  async completedForm(applicant: Principal, v: ItemVersion, form: Record<string, unknown>, known?: Known) {
    const { fields } = known ?? (await this.known.gather(applicant, v));
    const out = { ...form };
    // Verified facts always win over what the page sent; other known facts fill what it left empty
    // (the applicant confirmed them, or changed them in the form).
    for (const [field, f] of Object.entries(fields)) {
      if (!f.serverFilled) continue;
      if (f.locked || out[field] === undefined || out[field] === null || out[field] === '') out[field] = f.value;
    }
    validateForm(v.id, v.content.form.schema, out);
    return out;
  }

  /**
   * Every required material is given, each file exists, is the uploader's own and of an accepted
   * type; a material replaced by a licence (免证办) may cite one the applicant holds, with consent.
   */
  async checkMaterials(v: ItemVersion, given_: MaterialRef[], owners: string[], applicant: Principal, known?: Known): Promise<MaterialRef[]> {
    // A 免提交 entry kept from an earlier check (补正) is decided again below, not taken as given.
    const refs = given_.filter((r) => !(r.replacedBy && !r.fileId && !r.licenceId));
    const byCode = new Map(v.content.materials.map((m) => [m.code, m]));
    for (const r of refs) {
      const m = byCode.get(r.code);
      if (!m) throw ServicesErrors.materialInvalid(`unknown material "${r.code}" / 材料不在清单中`);
      if (!!r.fileId === !!r.licenceId) throw ServicesErrors.materialInvalid(`"${m.name}": give a file or a licence, not both / 请上传文件或引用电子证照（二选一）`);
      if (r.licenceId) {
        if (m.replaceableBy?.kind !== 'licence' || !this.licenceRefs) throw ServicesErrors.materialInvalid(`"${m.name}" cannot be replaced by a licence / 该材料不能以电子证照代替`);
        if (!r.consent) throw ServicesErrors.materialInvalid(`"${m.name}": consent to cite the licence is required / 引用电子证照须经您同意`);
        await this.licenceRefs.check(applicant, r.licenceId, m.replaceableBy.ref);
        continue;
      }
      const f = await this.k.files.find(r.fileId!);
      if (!f || !owners.includes(f.ownerId)) throw ServicesErrors.materialInvalid(`file for "${m.name}" was not found / 未找到材料文件`);
      if (m.accept && !(m.accept as readonly string[]).includes(f.mime)) throw ServicesErrors.materialInvalid(`"${m.name}" must be ${m.accept.join(', ')} / 材料格式不符`);
    }
    const given = new Set(refs.map((r) => r.code));
    if (given.size !== refs.length) throw ServicesErrors.materialInvalid('each material once / 同一材料只能提交一次');
    // 免提交: what a base database or a held licence stands in for is not demanded; the application
    // records what replaced it. A licence is cited in place of a required material only.
    const { replaced, notReplaced } = known ?? (await this.known.gather(applicant, v));
    const standIns: MaterialRef[] = [];
    for (const m of v.content.materials) {
      const r = replaced[m.code];
      if (given.has(m.code) || !r) continue;
      const replacedBy = { kind: r.kind, ref: r.ref, zh: r.zh, en: r.en, ...(r.resource ? { resource: r.resource } : {}) };
      if (r.kind === 'data') standIns.push({ code: m.code, replacedBy });
      else if (m.required && r.licenceId && this.licenceRefs) {
        await this.licenceRefs.check(applicant, r.licenceId, r.ref);
        standIns.push({ code: m.code, licenceId: r.licenceId, consent: true, replacedBy });
      }
    }
    const covered = new Set([...given, ...standIns.map((r) => r.code)]);
    const missing = v.content.materials.filter((m) => m.required && !covered.has(m.code));
    if (missing.length)
      throw ServicesErrors.materialMissing(
        missing.map((m) => (notReplaced[m.code] ? `${m.name}（${notReplaced[m.code].zh}）` : m.name)),
        missing.map((m) => (notReplaced[m.code] ? `${m.nameEn ?? m.name} (${notReplaced[m.code].en})` : (m.nameEn ?? m.name))),
      );
    return [...refs.map((r) => (r.licenceId ? { code: r.code, licenceId: r.licenceId, consent: true as const } : { code: r.code, fileId: r.fileId })), ...standIns];
  }

  /** Writes each cited licence into its holder's 用证记录 once the application exists. */
  private async recordCitedLicences(applicant: Principal, v: ItemVersion, refs: MaterialRef[], applicationId: string): Promise<void> {
    for (const r of refs) {
      if (!r.licenceId || !this.licenceRefs) continue;
      const name = v.content.materials.find((m) => m.code === r.code)?.name ?? r.code;
      await this.licenceRefs.recordUse(applicant, r.licenceId, applicationId, `免证办：${v.content.name}（代替“${name}”）`);
    }
  }

  async submit(who: Principal, input: ApplicationInput, requestId?: string): Promise<string> {
    return (await this.submitted(who, input, requestId)).id;
  }

  /**
   * Submits, and answers the application as its write left it with its history (the submission's
   * own step), for the response; null when something may have changed it since (秒批 decides
   * right after the write), so the caller reads it.
   */
  async submitted(who: Principal, input: ApplicationInput, requestId?: string): Promise<{ id: string; written: Written<AppRow> | null }> {
    const prepared = await this.prepare(who, input);
    const { id, written } = await this.insert(this.k.db, who, prepared, requestId, null, true);
    await this.recordCitedLicences(prepared.applicant, prepared.v, prepared.materials, id);
    // 秒批 decides right after the submission is written (a 一件事's members go to their departments).
    await this.afterSubmit?.(id, prepared.v, { accountId: prepared.applicant.accountId, enterpriseId: prepared.enterprise?.enterpriseId ?? null }, prepared.form);
    return { id, written: prepared.v.content.instant ? null : (written ?? null) };
  }

  /** Everything a submission checks and completes before it writes (a 一件事 prepares all its members first). */
  async prepare(who: Principal, input: ApplicationInput): Promise<PreparedSubmission> {
    const v = await this.catalogue.currentVersion(input.itemId);
    const { principal: applicant, channel, enterprise } = await this.applicantOf(who, input, v);
    const known = await this.known.gather(applicant, v);
    const form = await this.completedForm(applicant, v, input.form, known);
    const materials = await this.checkMaterials(v, input.materials, [who.accountId, applicant.accountId], applicant, known);
    return { v, applicant, channel, enterprise, form, materials, commitment: input.commitment ?? false };
  }

  /**
   * Writes a prepared submission on `ex`: a 一件事 writes its members inside its own transaction
   * (and later ones inside the outbox transaction of the step they waited for), linked to it.
   */
  async insertPrepared(ex: Executor, who: Principal, p: PreparedSubmission, requestId?: string, bundleApplicationId: string | null = null): Promise<string> {
    return (await this.insert(ex, who, p, requestId, bundleApplicationId, false)).id;
  }

  /** `written`: the statement also answers the row it wrote and the submission step (see ActionLog.returningWritten). */
  private async insert(
    ex: Executor,
    who: Principal,
    p: PreparedSubmission,
    requestId: string | undefined,
    bundleApplicationId: string | null,
    written: boolean,
  ): Promise<{ id: string; written?: Written<AppRow> }> {
    const { v, applicant, channel, enterprise, form, materials, commitment = false } = p;
    const now = this.k.clock.now();
    const def = v.content.workflow;
    const id = uuidv7();
    const limit = def.states[def.initial]?.limitDays;
    const stepDueAt = limit == null ? null : await this.k.calendar.addWorkingDays(now, limit, ex);
    const region = v.regionCode;
    // One statement: the application (its readable number drawn from a sequence), its first action
    // row, the audit entry and the event. The applicant's inbox message follows from the event.
    const insert = this.k.db.insertInto('services_application').values({
      id,
      number: sql`${`${region}-SQ-${cstDate(now).replace(/-/g, '')}-`} || lpad(nextval('services_application_seq')::text, 6, '0')`,
      region_code: region,
      item_id: v.itemId,
      item_version_id: v.id,
      department_id: v.content.departmentId,
      applicant_account_id: applicant.accountId,
      applicant_name: applicant.name,
      enterprise_id: enterprise?.enterpriseId ?? null,
      enterprise_name: enterprise?.name ?? null,
      channel,
      submitted_by: who.accountId,
      state: def.initial,
      form_enc: this.k.crypto.encryptField(JSON.stringify(form)),
      materials: JSON.stringify(materials),
      submitted_at: now,
      state_entered_at: now,
      step_due_at: stepDueAt,
      updated_at: now,
      bundle_application_id: bundleApplicationId,
      commitment,
    });
    const main = written ? insert.returningAll() : insert.returning(['id', 'region_code']);
    const rows = await this.k.tracedWrite<Record<string, unknown>>(
      ex,
      main,
      {
        actor: actorOf(who),
        action: 'submitted',
        objectType: 'services.application',
        objectId: id,
        regionCode: region,
        change: { item: v.code, version: v.version, channel, materials: materials.length, exempt: materials.filter((m) => m.replacedBy).map((m) => m.code), ...(commitment ? { commitment } : {}) },
        event: { topic: APPLICATION_SUBMITTED, payload: { id, itemId: v.itemId, departmentId: v.content.departmentId, channel, itemVersionId: v.id } },
        requestId,
      },
      APPLICATION_LOG.appendFrom(
        'main',
        {
          action: 'submit',
          from: null,
          to: def.initial,
          actor: stepActorOf(who),
          dueAt: stepDueAt,
          payload: { channel, materials: materials.length, licences: materials.filter((m) => m.licenceId).length, exempt: materials.filter((m) => m.replacedBy).length },
          at: now,
        },
        written ? { returning: APPLICATION_LOG.returningWritten('main') } : {},
      ),
    );
    return { id, ...(written && rows[0] ? { written: writtenOf<AppRow>(rows[0]) } : {}) };
  }

  /**
   * What issuing a licence needs from an approved application, read in the caller's transaction
   * (the licences module asks from its event subscriber). Null unless the application was approved.
   */
  async completionFacts(trx: Executor, id: string, anyOutcome = false) {
    const row = await servicesDb(trx).selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (!anyOutcome && row.outcome !== 'approved')) return null;
    const v = await this.catalogue.version(row.item_version_id, trx);
    return {
      id: row.id as string,
      number: row.number as string,
      itemCode: v.code,
      itemName: v.content.name,
      regionCode: row.region_code as string,
      departmentId: row.department_id as string,
      applicantAccountId: row.applicant_account_id as string,
      enterpriseId: row.enterprise_id as string | null,
      enterpriseName: row.enterprise_name as string | null,
      commitment: row.commitment as boolean,
      handledBy: row.handled_by as string | null,
      form: JSON.parse(this.k.crypto.decryptField(row.form_enc)) as Record<string, unknown>,
    };
  }

  /** True when the staff member may see the application and it cites this licence (免证办). */
  async cites(who: Principal, applicationId: string, licenceId: string): Promise<boolean> {
    const row = await servicesDb(this.k.db).selectFrom('services_application').selectAll().where('id', '=', applicationId).executeTakeFirst();
    return !!row && this.canSee(who, row) && (row.materials as MaterialRef[]).some((m) => m.licenceId === licenceId);
  }

  /** Loads an application row and checks the caller may see it at all. */
  async visibleRow(who: Principal, id: string): Promise<AppRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('application');
    return this.seenBy(who, await servicesDb(this.k.db).selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirst());
  }

  /** A row read for `who`: 404 when there is none, 403 when it is not theirs to see. */
  private seenBy<R extends AppRow>(who: Principal, row: R | undefined): R {
    if (!row) throw Errors.notFound('application');
    if (!this.canSee(who, row)) throw Errors.forbidden();
    return row;
  }

  /**
   * The row a workflow step starts from, with who reviewed it (审批分离 asks), in one read: a
   * step's checks all run on what was read here, before its transaction (the write re-checks the version).
   */
  async stepRow(who: Principal, id: string): Promise<AppRow & { reviewers: string[] }> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('application');
    const row = await servicesDb(this.k.db)
      .selectFrom('services_application as a')
      .selectAll('a')
      .select(sql<string[]>`ARRAY(SELECT s.actor_id FROM services_action s WHERE s.application_id = a.id AND s.action = ANY (${sql.val([...REVIEW_ACTIONS])}::text[]))`.as('reviewers'))
      .where('a.id', '=', id)
      .executeTakeFirst();
    return this.seenBy(who, row);
  }

  canSee(who: Principal, row: AppRow): boolean {
    if (who.type === 'person')
      return row.enterprise_id ? this.policy.can(who, 'services.apply', { enterpriseId: row.enterprise_id }) || row.applicant_account_id === who.accountId : row.applicant_account_id === who.accountId;
    // Window staff see every application of their region; approvers only their department's.
    return this.policy.can(who, 'services.handle', { regionCode: row.region_code, departmentId: row.department_id });
  }

  actorFor(who: Principal, row: AppRow): WorkflowActor {
    if (who.type === 'staff') {
      assertAllowed(this.policy, who, 'services.handle', { regionCode: row.region_code, departmentId: row.department_id });
      return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    }
    if (who.type === 'person' && this.canSee(who, row)) return { kind: 'applicant', roles: [], departmentId: null };
    throw Errors.forbidden();
  }

  /** Takes one workflow action through the kernel's action engine. Returns the application id. */
  async act(who: Principal, id: string, body: ActionBody, requestId?: string): Promise<string> {
    await act(this.k, this.kind, who, id, body, requestId);
    return id;
  }

  /** Takes one workflow action, and answers the application as the step left it with its history (for the response). */
  async acted(who: Principal, id: string, body: ActionBody, requestId?: string): Promise<Written<AppRow>> {
    return (await act(this.k, this.kind, who, id, body, requestId, { written: true })).written!;
  }

  /** 认领: one staff member takes the application so two do not work on it at once. */
  async claim(who: Principal, id: string, release: boolean, requestId?: string): Promise<void> {
    const row = await this.visibleRow(who, id);
    const actor = this.actorFor(who, row);
    if (!row.open) throw ServicesErrors.stateChanged();
    // A claim holds the record for one's own next step: someone with no step from this state (an
    // approver on work still 待受理) may not take it out of the queue of those who have one.
    if (!release) {
      const v = await this.catalogue.version(row.item_version_id);
      if (!availableActions(v.content.workflow, row.state, actor, row.department_id).some((a) => a.actor === 'staff')) throw ServicesErrors.noStepToClaim();
    }
    await this.k.db.transaction().execute(async (trx) => {
      const q = trx
        .updateTable('services_application')
        .set(release ? { assignee_id: null, assignee_name: null } : { assignee_id: who.accountId, assignee_name: who.name })
        .where('id', '=', id);
      const r = await (release ? q.where('assignee_id', '=', who.accountId) : q.where((eb) => eb.or([eb('assignee_id', 'is', null), eb('assignee_id', '=', who.accountId)]))).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        const cur = await servicesDb(trx).selectFrom('services_application').select('assignee_name').where('id', '=', id).executeTakeFirstOrThrow();
        throw ServicesErrors.claimedByOther(cur.assignee_name ?? '');
      }
      await APPLICATION_LOG.append(trx, id, row.region_code, { action: release ? 'release' : 'claim', from: row.state, to: row.state, actor: stepActorOf(who), at: this.k.clock.now() });
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: release ? 'released' : 'claimed',
        objectType: 'services.application',
        objectId: id,
        regionCode: row.region_code,
        change: {},
        requestId,
        event: false,
      });
    });
  }
}
