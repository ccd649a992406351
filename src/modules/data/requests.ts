import type { Selectable } from 'kysely';
import { dataDb, type DataRequestTable } from './tables.ts';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { WorkflowVersions, act, stepActorOf, type RecordKind } from '../../kernel/workflow/index.ts';
import { SYSTEM_PRINCIPAL, type IdentityModule } from '../identity/index.ts';
import type { DataCatalogue } from './catalogue.ts';
import { DataErrors } from './errors.ts';
import { DECIDE_DAYS, REQUEST_LOG, REQUEST_WORKFLOW, requestKind, type DecidableRequest, type RequestStepInput } from './request-steps.ts';

/** A sharing request as stored. */
export type RequestRow = Selectable<DataRequestTable>;

export interface RequestInput {
  resourceCode: string;
  systemName: string;
  purpose: string;
  legalBasis: string;
  items: string[];
  clearItems?: string[];
  rowRegion?: string;
  periodFrom: string;
  periodTo: string;
}
export interface Decision {
  decision: 'approve' | 'refuse';
  reason?: string;
  items?: string[];
  clearItems?: string[];
  rowRegion?: string;
  periodTo?: string;
}

const RATE_PER_MINUTE = 6000;
const YEAR_MS = 366 * 86_400_000;

/**
 * Sharing requests (共享申请) and the grants they become. A department asks for items of a
 * resource, for a purpose and a period; the provider approves (possibly narrower) or refuses with a
 * reason within 5 working days; a conditional resource then needs the data bureau's approval too
 * (the steps go through the kernel's action engine: request-steps.ts). An approval registers a client-credentials application for the consuming system in the identity
 * module, scoped to the gateway, and a grant naming exactly what was approved, until the period ends.
 */
export class SharingRequests {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: DataCatalogue,
    private readonly clients: IdentityModule['clients'],
    /** Told of each revocation once it is committed, so this node's gateway stops at once. */
    private readonly onRevoked: (clientId: string) => void = () => {},
  ) {
    this.workflows = new WorkflowVersions(k.db, 'data_request_workflow', REQUEST_WORKFLOW);
    this.kind = requestKind(k, policy, this, this.workflows);
  }

  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<DecidableRequest, RequestStepInput>;

  async create(who: Principal, input: RequestInput, requestId?: string): Promise<{ id: string; number: string }> {
    assertAllowed(this.policy, who, 'data.request', { regionCode: who.regionCode, departmentId: who.departmentId });
    if (!who.departmentId) throw Errors.forbidden();
    const r = await this.catalogue.get(input.resourceCode);
    if (r.sharingType === 'none') throw DataErrors.notShared();
    const codes = new Set(r.items.map((i) => i.code));
    const unknown = [...input.items, ...(input.clearItems ?? [])].filter((i) => !codes.has(i));
    if (unknown.length) throw DataErrors.unknownItems(unknown);
    if ((input.clearItems ?? []).some((c) => !input.items.includes(c))) throw DataErrors.unknownItems((input.clearItems ?? []).filter((c) => !input.items.includes(c)));
    const today = cstDate(this.k.clock.now());
    if (input.periodFrom < today || input.periodTo < input.periodFrom || Date.parse(input.periodTo) - Date.parse(input.periodFrom) > YEAR_MS) throw DataErrors.period();
    const id = uuidv7();
    const now = this.k.clock.now();
    const number = `${this.k.config.regionCode}-GX-${today.replace(/-/g, '')}-`;
    const due = await this.k.calendar.addWorkingDays(now, DECIDE_DAYS);
    return this.k.db.transaction().execute(async (trx) => {
      const { version } = await this.workflows.latest(trx);
      const seq = (await sql<{ n: string }>`SELECT nextval('data_request_seq') AS n`.execute(trx)).rows[0].n;
      const row = { id, number: `${number}${String(seq).padStart(6, '0')}`, workflow_version: version, resource_id: r.id, region_code: r.regionCode, requester_department_id: who.departmentId!, requester_id: who.accountId, system_name: input.systemName, purpose: input.purpose, legal_basis: input.legalBasis, items: input.items, clear_items: input.clearItems ?? [], row_region: input.rowRegion ?? null, period_from: input.periodFrom, period_to: input.periodTo, state: 'submitted', due_at: due, created_at: now, updated_at: now };
      await trx.insertInto('data_request').values(row).execute();
      await REQUEST_LOG.append(trx, id, r.regionCode, { action: 'submit', from: null, to: 'submitted', actor: stepActorOf(who), opinion: input.purpose, dueAt: due, payload: { resource: r.code, items: input.items, clearItems: input.clearItems ?? [] }, at: now });
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'requested', objectType: 'data.request', objectId: id, regionCode: r.regionCode, change: { number: row.number, resource: r.code, items: input.items, clearItems: input.clearItems ?? [], purpose: input.purpose }, requestId });
      return { id, number: row.number };
    });
  }

  async row(id: string, ex: Executor = this.k.db): Promise<RequestRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('sharing request');
    const r = await dataDb(ex).selectFrom('data_request').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('sharing request');
    return r;
  }

  /** The request with what deciding it needs to know of its resource. */
  async decidable(id: string): Promise<DecidableRequest> {
    const req = await this.row(id);
    const resource = await dataDb(this.k.db).selectFrom('data_resource').select(['code', 'provider_department_id', 'sharing_type']).where('id', '=', req.resource_id).executeTakeFirstOrThrow();
    return { ...req, resource_code: resource.code, provider_department_id: resource.provider_department_id, sharing_type: resource.sharing_type } as DecidableRequest;
  }

  /**
   * The provider decides; for conditional resources the data bureau decides after it. The page
   * says approve or refuse; which workflow action that is follows from where the request stands.
   */
  async decide(who: Principal, id: string, d: Decision, requestId?: string): Promise<{ state: string; clientId?: string }> {
    const req = await this.decidable(id);
    const bureauStep = req.state === 'bureau_review';
    const action = d.decision === 'refuse' ? (bureauStep ? 'bureau_refuse' : 'refuse') : bureauStep ? 'bureau_approve' : req.sharing_type === 'conditional' ? 'forward' : 'approve';
    const { to } = await act(this.k, this.kind, who, id, { ...d, action }, requestId);
    return { state: to, ...(to === 'approved' ? { clientId: this.clientIdFor(req.number) } : {}) };
  }

  /** The consuming system's client id, from the request's number. */
  clientIdFor(number: string): string {
    return `dg-${String(number).slice(-15).toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
  }

  /** Registers the consuming system and its grant for an approved request, in the approval's transaction. */
  async issueGrant(trx: Executor, req: RequestRow & { resource_code: string }, clientId: string): Promise<void> {
    const resourceCode = req.resource_code;
    const { secret } = await this.clients.create(SYSTEM_PRINCIPAL, { clientId, regionCode: req.region_code, name: `${req.system_name}（${resourceCode}）`.slice(0, 60), confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['data.gateway'], accountTypes: [] }, undefined, { trx });
    const grantId = uuidv7();
    await trx
      .insertInto('data_grant')
      .values({ id: grantId, request_id: req.id, resource_id: req.resource_id, region_code: req.region_code, client_id: clientId, consumer_department_id: req.requester_department_id, purpose: req.purpose, items: req.items, clear_items: req.clear_items, row_region: req.row_region, rate_per_minute: RATE_PER_MINUTE, valid_from: new Date(`${cstDate(new Date(req.period_from))}T00:00:00+08:00`), expires_at: new Date(`${req.period_to}T23:59:59.999+08:00`), secret_enc: this.k.crypto.encryptField(secret!), created_at: this.k.clock.now() })
      .execute();
    await trx.updateTable('data_request').set({ grant_id: grantId }).where('id', '=', req.id).execute();
  }

  /** The consuming department collects its system's credentials once; the secret is then forgotten. */
  async credentials(who: Principal, id: string, requestId?: string): Promise<{ clientId: string; clientSecret: string; expiresAt: string; tokenEndpoint: string }> {
    const req = await this.row(id);
    if (who.departmentId !== req.requester_department_id) throw Errors.forbidden();
    const g = req.grant_id ? await this.k.db.selectFrom('data_grant').selectAll().where('id', '=', req.grant_id).executeTakeFirst() : undefined;
    if (!g || !g.secret_enc) throw DataErrors.requestState();
    await this.k.db.transaction().execute(async (trx) => {
      await trx.updateTable('data_grant').set({ secret_enc: null }).where('id', '=', g.id).execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'credentials-collected', objectType: 'data.grant', objectId: g.id, regionCode: g.region_code, change: { clientId: g.client_id }, requestId });
    });
    return { clientId: g.client_id, clientSecret: this.k.crypto.decryptField(g.secret_enc), expiresAt: new Date(g.expires_at).toISOString(), tokenEndpoint: '/oidc/token' };
  }

  /** Ends a grant at once (provider or data bureau). */
  async revoke(who: Principal, grantId: string, reason: string, requestId?: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(grantId)) throw Errors.notFound('grant');
    const g = await this.k.db.selectFrom('data_grant as g').innerJoin('data_resource as r', 'r.id', 'g.resource_id').select(['g.id', 'g.region_code', 'g.client_id', 'r.provider_department_id']).where('g.id', '=', grantId).executeTakeFirst();
    if (!g) throw Errors.notFound('grant');
    assertAllowed(this.policy, who, 'data.decide', { regionCode: g.region_code, departmentId: g.provider_department_id });
    await this.k.db.transaction().execute(async (trx) => {
      await trx.updateTable('data_grant').set({ revoked_at: this.k.clock.now() }).where('id', '=', grantId).where('revoked_at', 'is', null).execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'revoked', objectType: 'data.grant', objectId: grantId, regionCode: g.region_code, change: { clientId: g.client_id, reason }, requestId });
    });
    this.onRevoked(g.client_id);
  }

  async list(who: Principal, scope: 'mine' | 'to-decide') {
    let q = this.k.db.selectFrom('data_request as q').innerJoin('data_resource as r', 'r.id', 'q.resource_id').select(['q.id', 'q.number', 'q.state', 'q.system_name', 'q.purpose', 'q.items', 'q.clear_items', 'q.period_from', 'q.period_to', 'q.due_at', 'q.created_at', 'q.requester_department_id', 'r.code as resource_code', 'r.name as resource_name', 'r.provider_department_id']);
    if (scope === 'mine') q = q.where('q.requester_department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000');
    else if (this.policy.can(who, 'data.bureau', { regionCode: who.regionCode })) q = q.where('q.state', 'in', ['submitted', 'bureau_review']);
    else q = q.where('r.provider_department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000').where('q.state', '=', 'submitted');
    const rows = await q.orderBy('q.created_at', 'desc').limit(200).execute();
    const now = this.k.clock.now().getTime();
    // Item names from the catalogue, so pages show 信用等级 rather than the item code `rating`.
    const itemNames = new Map<string, Map<string, string>>();
    for (const code of new Set(rows.map((r) => r.resource_code))) itemNames.set(code, new Map((await this.catalogue.get(code)).items.map((i) => [i.code, i.name])));
    return rows.map((r) => ({ id: r.id, number: r.number, state: r.state, systemName: r.system_name, purpose: r.purpose, items: r.items, itemNames: (r.items as string[]).map((i) => itemNames.get(r.resource_code)?.get(i) ?? i), clearItems: r.clear_items, periodFrom: cstDate(new Date(r.period_from)), periodTo: cstDate(new Date(r.period_to)), dueAt: new Date(r.due_at).toISOString(), overdue: ['submitted', 'bureau_review'].includes(r.state) && new Date(r.due_at).getTime() < now, resourceCode: r.resource_code, resourceName: r.resource_name, requesterDepartmentId: r.requester_department_id, providerDepartmentId: r.provider_department_id }));
  }
}
