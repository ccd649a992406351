import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { schemaProblems, compileJsonSchema, type ValidateFunction } from '../../kernel/http/json-schema.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { applicantFacts } from '../identity/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { Applications, PreparedSubmission } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { memberForm } from './bundle-forms.ts';
import { BundleErrors, type BundleCatalogue } from './bundles.ts';
import type { BundleApplicationInput, BundleApplicationQuery, BundleApplicationView, BundleDeliverBody, BundleState } from './bundle-schema.ts';
import { APPLICATION_STEPPED, type ApplicationStepped } from './events.ts';
import { servicesDb, type ServicesBundleApplicationTable } from './tables.ts';

type BundleRow = Selectable<ServicesBundleApplicationTable>;

/** A member as the bundle application keeps it: the item version it was prepared under and its 办件 once created. */
interface MemberRecord {
  itemCode: string;
  itemVersionId: string;
  after: string[];
  applicationId: string | null;
}

/** The applicant as they were when they submitted: later members are submitted under the same submission. */
interface ApplicantSnapshot extends Omit<Principal, 'permissions' | 'regionWide'> {
  permissions: string[];
}

const MAX_FORM_CHARS = 64 * 1024;
const validators = new Map<string, ValidateFunction>();

/** Refusals and failures that end a member without approval block the bundle. */
const BLOCKING_ENDS = new Set(['rejected', 'withdrawn']);

/**
 * 一件事一次办: one merged form, one submission that fans out to the member items' 办件 in their
 * order, one status and one delivery. Members with no dependency are created with the bundle
 * application in one transaction; a member waiting for others is created when the last of them is
 * approved, inside the outbox transaction of that step (so it happens once, and is retried with it).
 */
export class BundleApplications {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly bundles: BundleCatalogue,
    private readonly catalogue: Catalogue,
    private readonly apps: Applications,
    private readonly names: DepartmentNames,
  ) {
    k.events.subscribe<typeof ApplicationStepped>(APPLICATION_STEPPED, (e, trx) => this.onStepped(trx, e.payload));
  }

  async submit(who: Principal, bundleId: string, input: BundleApplicationInput, requestId?: string): Promise<string> {
    if (!/^[0-9a-f-]{36}$/.test(bundleId)) throw Errors.notFound('bundle');
    const b = await this.bundles.current(bundleId);
    if (!b.active) throw BundleErrors.inactive();
    if (who.type !== 'person') throw Errors.forbidden();
    if (b.content.applicantType === 'enterprise' && !who.actingFor) throw Errors.forbidden();
    // The merged form: the platform fills what it knows, then the one schema checks everything.
    const form = { ...input.form };
    if (JSON.stringify(form).length > MAX_FORM_CHARS) throw BundleErrors.formInvalid([{ path: '/form', message: '表单内容过大 / the form is too large' }]);
    let validate = validators.get(b.id);
    if (!validate) validators.set(b.id, (validate = compileJsonSchema(b.content.form.schema)));
    const facts = await applicantFacts(this.k, who);
    for (const [field, key] of Object.entries(b.content.form.prefill)) if (facts.values[key] !== undefined) form[field] = facts.values[key];
    if (!validate(form)) throw BundleErrors.formInvalid(schemaProblems(validate.errors ?? [], '/form'));
    // Each merged material once; every member that needs it gets it.
    const known = new Map(b.content.materials.map((m) => [m.code, m]));
    const given = new Map<string, string>();
    for (const m of input.materials) {
      if (!known.has(m.code) || given.has(m.code)) throw BundleErrors.formInvalid([{ path: '/materials', message: `unknown or repeated material "${m.code}" / 材料不在清单中或重复` }]);
      given.set(m.code, m.fileId);
    }
    // Every member is prepared now (form, materials, applicant) so the whole submission is checked before anything is written.
    const prepared: { code: string; after: string[]; p: PreparedSubmission }[] = [];
    for (const m of b.content.members) {
      const itemId = b.content.memberItems.find((x) => x.itemCode === m.itemCode)!.itemId;
      const materials = b.content.materials.flatMap((mm) =>
        given.has(mm.code) ? mm.targets.filter((t) => t.itemCode === m.itemCode).map((t) => ({ code: t.field, fileId: given.get(mm.code)! })) : [],
      );
      const p = await this.apps.prepare(who, { itemId, form: memberForm(form, b.content.form.fieldMap, m.itemCode), materials }).catch((err: DomainErrorLike) => {
        throw withMember(err, m.itemCode);
      });
      prepared.push({ code: m.itemCode, after: m.after, p });
    }
    const now = this.k.clock.now();
    const id = uuidv7();
    const members: MemberRecord[] = prepared.map((x) => ({ itemCode: x.code, itemVersionId: x.p.v.id, after: x.after, applicationId: null }));
    const snapshot: ApplicantSnapshot = {
      accountId: who.accountId,
      type: who.type,
      name: who.name,
      regionCode: who.regionCode,
      departmentId: who.departmentId,
      roles: who.roles,
      permissions: [...who.permissions],
      sessionId: null,
      assuranceLevel: who.assuranceLevel,
      actingFor: who.actingFor ?? null,
    };
    await this.k.db.transaction().execute(async (trx) => {
      const main = trx
        .insertInto('services_bundle_application')
        .values({
          id,
          number: sql`${`${b.regionCode}-YJS-${cstDate(now).replace(/-/g, '')}-`} || lpad(nextval('services_bundle_application_seq')::text, 6, '0')`,
          region_code: b.regionCode,
          bundle_id: b.bundleId,
          bundle_version_id: b.id,
          applicant_account_id: who.accountId,
          applicant_name: who.name,
          enterprise_id: who.actingFor?.enterpriseId ?? null,
          applicant: JSON.stringify(snapshot),
          state: 'submitted',
          forms_enc: this.k.crypto.encryptField(JSON.stringify(Object.fromEntries(prepared.map((x) => [x.code, x.p.form])))),
          materials: JSON.stringify(Object.fromEntries(prepared.map((x) => [x.code, x.p.materials]))),
          members: JSON.stringify(members),
          submitted_at: now,
          updated_at: now,
        } as never)
        .returning(['id']);
      await this.k.tracedWrite(trx, main, {
        actor: actorOf(who),
        action: 'submitted',
        objectType: 'services.bundle_application',
        objectId: id,
        regionCode: b.regionCode,
        change: { bundle: b.code, version: b.version, members: members.map((m) => m.itemCode) },
        requestId,
        event: false,
      });
      for (const [i, x] of prepared.entries()) {
        if (x.after.length) continue;
        members[i].applicationId = await this.apps.insertPrepared(trx, who, x.p, requestId, id);
      }
      await servicesDb(trx)
        .updateTable('services_bundle_application')
        .set({ members: JSON.stringify(members) })
        .where('id', '=', id)
        .execute();
    });
    return id;
  }

  /**
   * A member took a step. Approved: members whose dependencies are all approved are created now,
   * and the bundle is completed when every member is. Refused, not accepted or withdrawn: the
   * bundle is blocked with that reason and no later member is created.
   */
  private async onStepped(trx: Tx, e: ApplicationStepped): Promise<void> {
    // The event says whether the application is a 一件事's member (older events do not: read it).
    if (e.bundleApplicationId === null) return;
    const app = await servicesDb(trx).selectFrom('services_application').select(['bundle_application_id', 'state', 'outcome']).where('id', '=', e.id).executeTakeFirst();
    if (!app?.bundle_application_id) return;
    const row = await servicesDb(trx).selectFrom('services_bundle_application').selectAll().where('id', '=', app.bundle_application_id).forUpdate().executeTakeFirst();
    if (!row || row.state === 'blocked' || row.state === 'delivered') return;
    const members = row.members as MemberRecord[];
    const ids = members.map((m) => m.applicationId).filter((x): x is string => !!x);
    const states = new Map((await servicesDb(trx).selectFrom('services_application').select(['id', 'state', 'outcome']).where('id', 'in', ids).execute()).map((r) => [r.id, r] as const));
    const approved = new Set(members.filter((m) => m.applicationId && states.get(m.applicationId)?.outcome === 'approved').map((m) => m.itemCode));
    const now = this.k.clock.now();
    const applicant = principalFrom(row.applicant as ApplicantSnapshot);
    const change = async (state: BundleState, extra: Record<string, unknown>, action: string) => {
      await servicesDb(trx)
        .updateTable('services_bundle_application')
        .set({ state, members: JSON.stringify(members), updated_at: now, version: row.version + 1, ...extra })
        .where('id', '=', row.id)
        .execute();
      if (state !== row.state || action !== 'progressed')
        await this.k.recordChange(trx, {
          actor: actorOf(applicant),
          action,
          objectType: 'services.bundle_application',
          objectId: row.id,
          regionCode: row.region_code,
          change: { from: row.state, to: state, member: e.id, ...extra },
          event: false,
        });
    };
    const blocking = (e.outcome && e.outcome !== 'approved') || BLOCKING_ENDS.has(e.to);
    if (blocking) {
      const member = members.find((m) => m.applicationId === e.id);
      return change('blocked', { reason: `${member?.itemCode ?? ''}: ${e.reason ?? e.to}`.slice(0, 500) }, 'blocked');
    }
    if (e.outcome !== 'approved') return row.state === 'submitted' && e.action !== 'submit' ? change('in_progress', {}, 'progressed') : undefined;
    // Approved: start every member now free to go, then see whether all are done.
    const forms = JSON.parse(this.k.crypto.decryptField(row.forms_enc)) as Record<string, Record<string, unknown>>;
    const materials = row.materials as Record<string, PreparedSubmission['materials']>;
    for (const m of members) {
      if (m.applicationId || !m.after.every((a) => approved.has(a))) continue;
      const v = await this.catalogue.version(m.itemVersionId, trx);
      const p: PreparedSubmission = { v, applicant, channel: 'online', enterprise: applicant.actingFor ?? null, form: forms[m.itemCode] ?? {}, materials: materials[m.itemCode] ?? [] };
      m.applicationId = await this.apps.insertPrepared(trx, applicant, p, undefined, row.id);
    }
    if (members.every((m) => approved.has(m.itemCode))) return change('completed', { completed_at: now }, 'completed');
    return change('in_progress', {}, 'progressed');
  }

  private async visible(who: Principal, id: string): Promise<BundleRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('bundle application');
    const row = await servicesDb(this.k.db).selectFrom('services_bundle_application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !this.canSee(who, row)) throw Errors.notFound('bundle application');
    return row;
  }

  private canSee(who: Principal, row: BundleRow): boolean {
    if (who.type === 'person') return row.applicant_account_id === who.accountId || (!!row.enterprise_id && this.policy.can(who, 'services.apply', { enterpriseId: row.enterprise_id }));
    return this.policy.can(who, 'services.handle', { regionCode: row.region_code });
  }

  /** One status for the applicant: the bundle's state and each member's progress. */
  async view(who: Principal, id: string): Promise<BundleApplicationView> {
    const row = await this.visible(who, id);
    return (await this.views([row]))[0];
  }

  async list(who: Principal, q: BundleApplicationQuery) {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.after, 1);
    let query = servicesDb(this.k.db).selectFrom('services_bundle_application').selectAll();
    if (who.type === 'person' || q.mine) query = query.where('applicant_account_id', '=', who.accountId);
    else {
      assertAllowed(this.policy, who, 'services.handle', { regionCode: who.regionCode });
      query = query.where('region_code', 'like', `${who.regionCode}%`);
    }
    if (q.state) query = query.where('state', '=', q.state);
    if (cursor) query = query.where('id', '<', String(cursor[0]));
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.id]);
    return { items: (await this.views(page.items)).map(({ members: _m, ...rest }) => rest), next: page.next };
  }

  private async views(rows: BundleRow[]): Promise<BundleApplicationView[]> {
    const ids = rows.flatMap((r) => (r.members as MemberRecord[]).map((m) => m.applicationId).filter((x): x is string => !!x));
    const apps = new Map(
      ids.length
        ? (await servicesDb(this.k.db).selectFrom('services_application').select(['id', 'number', 'state', 'outcome', 'due_at', 'department_id']).where('id', 'in', ids).execute()).map(
            (a) => [a.id, a] as const,
          )
        : [],
    );
    const out: BundleApplicationView[] = [];
    for (const r of rows) {
      const b = await this.bundles.version(r.bundle_version_id);
      const members = r.members as MemberRecord[];
      const versions = await Promise.all(members.map((m) => this.catalogue.version(m.itemVersionId)));
      const deptIds = versions.map((v) => v.content.departmentId);
      const [zh, en] = await Promise.all([this.names.of(deptIds), this.names.ofEn(deptIds)]);
      const approved = new Set(members.filter((m) => m.applicationId && apps.get(m.applicationId)?.outcome === 'approved').map((m) => m.itemCode));
      out.push({
        id: r.id,
        number: r.number,
        bundleId: r.bundle_id,
        bundleCode: b.code,
        name: b.content.name,
        nameEn: b.content.nameEn ?? null,
        state: r.state,
        reason: r.reason,
        applicantName: r.applicant_name,
        submittedAt: new Date(r.submitted_at).toISOString(),
        completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
        deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
        delivery: r.delivery,
        members: members.map((m, i) => {
          const a = m.applicationId ? apps.get(m.applicationId) : undefined;
          const v = versions[i];
          const st = a ? v.content.workflow.states[a.state] : undefined;
          return {
            itemCode: m.itemCode,
            name: v.content.name,
            nameEn: v.content.nameEn ?? null,
            departmentName: zh.get(v.content.departmentId) ?? '',
            departmentNameEn: en.get(v.content.departmentId) ?? null,
            after: m.after,
            applicationId: m.applicationId,
            number: a?.number ?? null,
            state: a ? a.state : 'waiting',
            stateName: st?.zh ?? null,
            stateNameEn: st?.en ?? null,
            outcome: a?.outcome ?? null,
            dueAt: a?.due_at ? new Date(a.due_at).toISOString() : null,
            waitingFor: a ? [] : m.after.filter((x) => !approved.has(x)),
          };
        }),
      });
    }
    return out;
  }

  /**
   * One 出件: every member is delivered through its own workflow step (each audited), then the
   * bundle. A member already delivered is skipped, so a retry after a failure finishes the rest.
   */
  async deliver(who: Principal, id: string, body: BundleDeliverBody, requestId?: string): Promise<BundleApplicationView> {
    const row = await this.visible(who, id);
    assertAllowed(this.policy, who, 'services.handle', { regionCode: row.region_code });
    if (who.type !== 'staff' || !who.roles.includes('window_staff')) throw Errors.forbidden();
    if (row.state !== 'completed') throw BundleErrors.notInState();
    for (const m of row.members as MemberRecord[]) {
      const a = await this.apps.visibleRow(who, m.applicationId!);
      if (a.state === 'delivered') continue;
      await this.apps.act(who, a.id, { action: 'deliver', delivery: body.delivery, ...(body.opinion ? { opinion: body.opinion } : {}) } as never, requestId);
    }
    const now = this.k.clock.now();
    const main = this.k.db
      .updateTable('services_bundle_application')
      .set({ state: 'delivered', delivered_at: now, delivery: body.delivery, updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .where('state', '=', 'completed')
      .returning(['id']);
    const done = await this.k.tracedWrite(this.k.db, main, {
      actor: actorOf(who),
      action: 'delivered',
      objectType: 'services.bundle_application',
      objectId: id,
      regionCode: row.region_code,
      change: { from: 'completed', to: 'delivered', delivery: body.delivery, members: (row.members as MemberRecord[]).length },
      requestId,
      event: false,
    });
    if (!done.length) throw BundleErrors.notInState();
    return this.view(who, id);
  }
}

type DomainErrorLike = Error & { errors?: { path: string; message: string }[] };

/** Points a member's refusal at the member, so the page can say which item objected. */
function withMember(err: DomainErrorLike, itemCode: string): Error {
  if (err.errors) err.errors.forEach((e) => (e.message = `${itemCode}: ${e.message}`));
  return err;
}

function principalFrom(s: ApplicantSnapshot): Principal {
  return { ...s, permissions: new Set(s.permissions) };
}
