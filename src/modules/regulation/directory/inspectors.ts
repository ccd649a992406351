import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { RegulationContext } from '../area.ts';
import type { Inspector, InspectorsPort } from '../ports.ts';
import { DirectoryErrors } from './errors.ts';
import { likeText } from './objects.ts';
import { directoryDb, type RegulationInspectorTable } from './tables.ts';

export interface InspectorInput {
  name: string;
  certificateNo: string;
  departmentId: string;
  accountId?: string | null;
  specialities?: string[];
}
export type InspectorPatch = Partial<InspectorInput> & { expectedVersion?: number };

export interface InspectorView extends Inspector {
  departmentName: string | null;
  version: number;
  updatedAt: string;
}

type Row = Selectable<RegulationInspectorTable>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const tags = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))].sort();
const NORMALISE = (no: string) => no.trim().toUpperCase();

export const inspectorOf = (r: Row): Inspector => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  certificateNo: r.certificate_no,
  departmentId: r.department_id,
  regionCode: r.region_code,
  specialities: r.specialities ?? [],
  active: r.active,
});

/**
 * 执法检查人员名录库: inspectors with their 执法证, department and specialities. The region of an
 * inspector is their department's, so a draw's pool follows the departments of a joint plan.
 * A regulator keeps the list of their jurisdiction; an inspector leaves it only by deactivation.
 */
export class DirectoryInspectors {
  readonly port: Omit<InspectorsPort, 'relations'>;

  constructor(private readonly ctx: RegulationContext) {
    this.port = {
      pool: (ex, q) => this.pool(ex, q),
      byAccount: async (ex, accountId) => {
        if (!UUID.test(accountId)) return null;
        const r = await directoryDb(ex).selectFrom('regulation_inspector').selectAll().where('account_id', '=', accountId).executeTakeFirst();
        return r ? inspectorOf(r) : null;
      },
    };
  }

  /** Active inspectors of the departments in the region, in 执法证-number order (a draw's frozen list). */
  async pool(ex: Executor, q: { departmentIds: string[]; regionCode: string; speciality?: string }): Promise<Inspector[]> {
    const ids = q.departmentIds.filter((d) => UUID.test(d));
    if (!ids.length) return [];
    const rows = await directoryDb(ex)
      .selectFrom('regulation_inspector')
      .selectAll()
      .where('active', '=', true)
      .where('department_id', 'in', ids)
      .where('region_code', 'like', `${likeText(q.regionCode)}%`)
      .$if(!!q.speciality, (b) => b.where(sql<boolean>`${q.speciality!} = ANY(specialities)`))
      .orderBy('certificate_no')
      .execute();
    return rows.map(inspectorOf);
  }

  async list(who: Principal, f: { departmentId?: string; q?: string; state?: 'active' | 'inactive' | 'all'; after?: string; limit?: number }) {
    const limit = f.limit ?? 50;
    const after = decodeCursor(f.after, 1);
    let q = directoryDb(this.ctx.k.db)
      .selectFrom('regulation_inspector')
      .selectAll()
      .where('region_code', 'like', `${likeText(who.regionCode)}%`);
    if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
    if (f.q?.trim()) q = q.where((eb) => eb.or([eb('name', 'like', `%${likeText(f.q!.trim())}%`), eb('certificate_no', 'like', `${likeText(NORMALISE(f.q!))}%`)]));
    if ((f.state ?? 'all') !== 'all') q = q.where('active', '=', f.state === 'active');
    if (after) q = q.where('certificate_no', '>', String(after[0]));
    const rows = await q
      .orderBy('certificate_no')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.certificate_no]);
    return { items: await this.views(page.items), next: page.next };
  }

  async get(who: Principal, id: string): Promise<InspectorView> {
    const r = await this.row(this.ctx.k.db, id);
    if (!this.ctx.policy.can(who, 'regulation.read', { regionCode: r.region_code })) throw DirectoryErrors.inspectorNotFound();
    return (await this.views([r]))[0];
  }

  /** The caller's own entry (an inspector's page shows their 执法证 and declared relations). */
  async mine(who: Principal): Promise<InspectorView> {
    const r = await directoryDb(this.ctx.k.db).selectFrom('regulation_inspector').selectAll().where('account_id', '=', who.accountId).executeTakeFirst();
    if (!r) throw DirectoryErrors.notAnInspector();
    return (await this.views([r]))[0];
  }

  async create(who: Principal, input: InspectorInput, requestId?: string): Promise<InspectorView> {
    const dept = await this.department(who, input.departmentId);
    if (input.accountId) await this.checkAccount(input.accountId, input.departmentId);
    const now = this.ctx.k.clock.now();
    const row = await this.write(async (trx) => {
      await this.unique(trx, NORMALISE(input.certificateNo), input.accountId ?? null, null);
      const r = await directoryDb(trx)
        .insertInto('regulation_inspector')
        .values({
          id: uuidv7(),
          account_id: input.accountId ?? null,
          name: input.name.trim(),
          certificate_no: NORMALISE(input.certificateNo),
          department_id: input.departmentId,
          region_code: dept.regionCode,
          specialities: sql<string[]>`${tags(input.specialities)}::text[]`,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'regulation.inspector',
        objectId: r.id,
        regionCode: r.region_code,
        change: { name: r.name, certificateNo: r.certificate_no, departmentId: r.department_id, accountId: r.account_id, specialities: r.specialities },
        requestId,
      });
      return r;
    });
    return (await this.views([row]))[0];
  }

  async update(who: Principal, id: string, patch: InspectorPatch, requestId?: string): Promise<InspectorView> {
    const current = await this.row(this.ctx.k.db, id);
    assertAllowed(this.ctx.policy, who, 'regulation.manage', { regionCode: current.region_code });
    const departmentId = patch.departmentId ?? current.department_id;
    const dept = await this.department(who, departmentId);
    const accountId = patch.accountId === undefined ? current.account_id : patch.accountId;
    if (accountId && (accountId !== current.account_id || departmentId !== current.department_id)) await this.checkAccount(accountId, departmentId);
    const certificateNo = patch.certificateNo === undefined ? current.certificate_no : NORMALISE(patch.certificateNo);
    const row = await this.write(async (trx) => {
      await this.unique(trx, certificateNo, accountId, id);
      const r = await directoryDb(trx)
        .updateTable('regulation_inspector')
        .set((eb) => ({
          name: patch.name?.trim() ?? current.name,
          certificate_no: certificateNo,
          department_id: departmentId,
          region_code: dept.regionCode,
          account_id: accountId,
          specialities: sql<string[]>`${patch.specialities === undefined ? current.specialities : tags(patch.specialities)}::text[]`,
          version: eb('version', '+', 1),
          updated_at: this.ctx.k.clock.now(),
        }))
        .where('id', '=', id)
        .$if(patch.expectedVersion !== undefined, (q) => q.where('version', '=', patch.expectedVersion!))
        .returningAll()
        .executeTakeFirst();
      if (!r) throw DirectoryErrors.stale();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'updated',
        objectType: 'regulation.inspector',
        objectId: id,
        regionCode: r.region_code,
        change: { before: inspectorOf(current), after: inspectorOf(r) },
        requestId,
      });
      return r;
    });
    return (await this.views([row]))[0];
  }

  /** Takes an inspector out of every later draw (or back in); the entry and past draws stay. */
  async setActive(who: Principal, id: string, active: boolean, requestId?: string): Promise<InspectorView> {
    const current = await this.row(this.ctx.k.db, id);
    assertAllowed(this.ctx.policy, who, 'regulation.manage', { regionCode: current.region_code });
    if (current.active === active) return (await this.views([current]))[0];
    const row = await this.ctx.k.db.transaction().execute(async (trx) => {
      const r = await directoryDb(trx)
        .updateTable('regulation_inspector')
        .set((eb) => ({ active, version: eb('version', '+', 1), updated_at: this.ctx.k.clock.now() }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: active ? 'activated' : 'deactivated',
        objectType: 'regulation.inspector',
        objectId: id,
        regionCode: r.region_code,
        change: { certificateNo: r.certificate_no, active },
        requestId,
      });
      return r;
    });
    return (await this.views([row]))[0];
  }

  /** The published 执法检查人员名录: active inspectors of a region, only name, department, 执法证 and specialities. */
  async published(f: { regionCode: string; departmentId?: string; q?: string; after?: string; limit?: number }) {
    const limit = f.limit ?? 50;
    const after = decodeCursor(f.after, 1);
    let q = directoryDb(this.ctx.k.db)
      .selectFrom('regulation_inspector')
      .select(['name', 'certificate_no', 'department_id', 'specialities'])
      .where('active', '=', true)
      .where('region_code', 'like', `${likeText(f.regionCode)}%`);
    if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
    if (f.q?.trim()) q = q.where((eb) => eb.or([eb('name', 'like', `%${likeText(f.q!.trim())}%`), eb('certificate_no', 'like', `${likeText(NORMALISE(f.q!))}%`)]));
    if (after) q = q.where('certificate_no', '>', String(after[0]));
    const rows = await q
      .orderBy('certificate_no')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.certificate_no]);
    const names = await this.ctx.org.departmentNames(page.items.map((r) => r.department_id));
    return {
      items: page.items.map((r) => ({
        name: r.name,
        certificateNo: r.certificate_no,
        department: names.get(r.department_id)?.name ?? '',
        departmentEn: names.get(r.department_id)?.nameEn ?? null,
        specialities: r.specialities ?? [],
      })),
      next: page.next,
    };
  }

  async row(ex: Executor, id: string): Promise<Row> {
    if (!UUID.test(id)) throw DirectoryErrors.inspectorNotFound();
    const r = await directoryDb(ex).selectFrom('regulation_inspector').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw DirectoryErrors.inspectorNotFound();
    return r;
  }

  private async views(rows: Row[]): Promise<InspectorView[]> {
    const names = await this.ctx.org.departmentNames(rows.map((r) => r.department_id));
    return rows.map((r) => ({ ...inspectorOf(r), departmentName: names.get(r.department_id)?.name ?? null, version: r.version, updatedAt: new Date(r.updated_at).toISOString() }));
  }

  /** An active department inside the caller's jurisdiction that the caller may manage. */
  private async department(who: Principal, id: string): Promise<{ regionCode: string }> {
    const d = (await this.ctx.org.departmentNames([id])).get(id);
    if (!d || !d.active || !this.ctx.policy.can(who, 'regulation.manage', { regionCode: d.regionCode })) throw DirectoryErrors.unknownDepartment();
    assertAllowed(this.ctx.policy, who, 'regulation.manage', { regionCode: d.regionCode, departmentId: id });
    return { regionCode: d.regionCode };
  }

  /** The account is an active staff account of the inspector's department. */
  private async checkAccount(accountId: string, departmentId: string): Promise<void> {
    const acc = UUID.test(accountId) ? await this.ctx.identity.service.accountRow(accountId) : undefined;
    const staff = acc?.kind === 'staff' && acc.staff_id ? await this.ctx.org.getStaff(acc.staff_id) : null;
    if (!staff || !staff.active || staff.departmentId !== departmentId) throw DirectoryErrors.accountMismatch();
  }

  /** A transaction whose unique-index race (two saves of one 执法证 at once) reads as the same refusal. */
  private write<T>(fn: (trx: Tx) => Promise<T>): Promise<T> {
    return this.ctx.k.db
      .transaction()
      .execute(fn)
      .catch((err: { code?: string; constraint?: string; message?: string }) => {
        if (err?.code !== '23505') throw err;
        throw String(err.constraint ?? err.message).includes('account') ? DirectoryErrors.accountTaken() : DirectoryErrors.certificateTaken();
      });
  }

  private async unique(ex: Executor, certificateNo: string, accountId: string | null, self: string | null): Promise<void> {
    const db = directoryDb(ex);
    const cert = await db.selectFrom('regulation_inspector').select('id').where('certificate_no', '=', certificateNo).executeTakeFirst();
    if (cert && cert.id !== self) throw DirectoryErrors.certificateTaken();
    if (accountId) {
      const acc = await db.selectFrom('regulation_inspector').select('id').where('account_id', '=', accountId).executeTakeFirst();
      if (acc && acc.id !== self) throw DirectoryErrors.accountTaken();
    }
  }
}
