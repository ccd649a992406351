import { sql } from 'kysely';
import { rolesIn } from './role-catalogue.ts';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import { actorOf, assertAllowed, regionWithin, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { OrgErrors } from './errors.ts';
import type { Department, DepartmentInput, DepartmentPatch, PageQuery, Post, PostInput, Staff, StaffInput, StaffPatch } from './schema.ts';
import * as store from './store.ts';
import { orgDb } from './tables.ts';

type StaffRow = NonNullable<Awaited<ReturnType<typeof store.staffRowById>>>;

/** Organisation: regions, departments, posts and staff. Every change is policy-checked and audited. */
export class OrgService {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  private staffView(row: StaffRow): Staff {
    const { phone_enc, ...rest } = row;
    return { ...rest, phoneMasked: phone_enc ? maskAddress(this.k.crypto.decryptField(phone_enc)) : null } as Staff;
  }

  regions(parentCode: string | null) {
    return store.childRegions(this.k.db, parentCode);
  }

  async region(code: string) {
    const r = await store.regionByCode(this.k.db, code);
    if (!r) throw OrgErrors.regionUnknown();
    return r;
  }

  async listDepartments(who: Principal, q: PageQuery) {
    assertAllowed(this.policy, who, 'org.read');
    if (q.regionCode && !regionWithin(q.regionCode, who.regionCode)) throw Errors.forbidden();
    return store.listDepartments(this.k.db, { jurisdiction: who.regionCode, ...q, limit: q.limit ?? 50 });
  }

  /**
   * The active departments within a county (the first six digits of `regionCode`), for readers that
   * match a name or code someone typed (a catalogue import). Names and codes are public.
   */
  async departmentsWithin(regionCode: string, ex: Executor = this.k.db): Promise<{ id: string; name: string; code: string; regionCode: string }[]> {
    const rows = await orgDb(ex)
      .selectFrom('org_department')
      .select(['id', 'name', 'code', 'region_code'])
      .where('region_code', 'like', `${regionCode.slice(0, 6)}%`)
      .where('active', '=', true)
      .execute();
    return rows.map((d) => ({ id: d.id, name: d.name, code: d.code, regionCode: d.region_code }));
  }

  /** Names of departments, for pages that show who handles something (names are public). */
  async departmentNames(ids: readonly string[], ex: Executor = this.k.db): Promise<Map<string, { name: string; nameEn: string | null; regionCode: string; active: boolean }>> {
    const uniq = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (!uniq.length) return new Map();
    const rows = await orgDb(ex).selectFrom('org_department').select(['id', 'name', 'name_en', 'region_code', 'active']).where('id', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.name_en, regionCode: r.region_code, active: r.active }]));
  }

  async getDepartment(who: Principal, id: string): Promise<Department> {
    const d = await store.departmentById(this.k.db, id);
    if (!d) throw Errors.notFound('department');
    assertAllowed(this.policy, who, 'org.read', { regionCode: d.regionCode });
    return d;
  }

  /**
   * One statement: the department, its audit entry and its event are written together or not at all.
   * The region is checked by its foreign key and the code by its unique index, so the common path
   * needs no extra reads (this is the platform's hottest write; see bench/).
   */
  async createDepartment(who: Principal, input: DepartmentInput, requestId?: string, ex: Executor = this.k.db): Promise<Department> {
    assertAllowed(this.policy, who, 'org.manage', { regionCode: input.regionCode });
    if (input.parentId) await this.checkParent(ex, input.parentId, null);
    const id = uuidv7();
    const now = this.k.clock.now();
    const main = orgDb(ex)
      .insertInto('org_department')
      .values({
        id,
        region_code: input.regionCode,
        code: input.code,
        name: input.name.trim(),
        name_en: input.nameEn?.trim() || null,
        parent_id: input.parentId ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['region_code', 'code']).doNothing())
      .returningAll();
    const rows = await this.k
      .tracedWrite<Department>(
        ex,
        main,
        { actor: actorOf(who), action: 'created', objectType: 'org.department', objectId: id, regionCode: input.regionCode, change: input, summary: { code: input.code, name: input.name }, requestId },
        sql`SELECT m.id, m.region_code AS "regionCode", r.name AS "regionName", m.code, m.name, m.name_en AS "nameEn",
                   m.parent_id AS "parentId", m.active, m.version, 0 AS "staffCount"
              FROM main m JOIN org_region r ON r.code = m.region_code`,
      )
      .catch((err) => {
        if ((err as { code?: string }).code === '23503') throw OrgErrors.regionUnknown();
        throw err;
      });
    if (rows.length !== 1) throw OrgErrors.departmentCodeTaken();
    return rows[0];
  }

  async updateDepartment(who: Principal, id: string, patch: DepartmentPatch, requestId?: string): Promise<Department> {
    return this.k.db.transaction().execute(async (trx) => {
      const before = await store.departmentById(trx, id);
      if (!before) throw Errors.notFound('department');
      assertAllowed(this.policy, who, 'org.manage', { regionCode: before.regionCode });
      if (patch.parentId) await this.checkParent(trx, patch.parentId, id);
      if (patch.active === false && before.active && before.staffCount > 0) throw OrgErrors.hasActiveStaff();
      const res = await orgDb(trx)
        .updateTable('org_department')
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn.trim() || null } : {}),
          ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          version: patch.version + 1,
          updated_at: this.k.clock.now(),
        })
        .where('id', '=', id)
        .where('version', '=', patch.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw OrgErrors.staleVersion();
      const after = (await store.departmentById(trx, id))!;
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: patch.active === false ? 'deactivated' : 'updated',
        objectType: 'org.department',
        objectId: id,
        regionCode: before.regionCode,
        change: { before, patch },
        summary: { version: after.version, active: after.active },
        requestId,
      });
      return after;
    });
  }

  private async checkParent(trx: Executor, parentId: string, selfId: string | null) {
    const parent = await store.departmentById(trx, parentId);
    if (!parent || !parent.active) throw OrgErrors.parentInvalid();
    if (selfId && (await store.departmentAncestors(trx, parentId)).includes(selfId)) throw OrgErrors.parentInvalid();
  }

  async listStaff(who: Principal, q: PageQuery & { departmentId?: string }) {
    assertAllowed(this.policy, who, 'org.read');
    const page = await store.listStaff(this.k.db, { jurisdiction: who.regionCode, ...q, limit: q.limit ?? 50 });
    return { items: page.items.map((r) => this.staffView(r as StaffRow)), next: page.next };
  }

  async getStaff(id: string): Promise<Staff | null> {
    const row = await store.staffRowById(this.k.db, id);
    return row ? this.staffView(row) : null;
  }

  /** The roles a region offers: national ones with its additions, then the local roles it defined. */
  roles(regionCode: string) {
    return rolesIn(this.k.settings, regionCode);
  }

  /** A local role must be one the region (or a region above it) defined in its role catalogue. */
  private async checkLocalRoles(roles: readonly string[], regionCode: string): Promise<void> {
    const local = roles.filter((r) => r.startsWith('local_'));
    if (!local.length) return;
    const known = new Set((await rolesIn(this.k.settings, regionCode)).map((r) => r.code));
    for (const r of local) if (!known.has(r)) throw OrgErrors.roleUnknown(r);
  }

  /** Creates a staff member; `trx` lets identity create the sign-in account in the same transaction. */
  async createStaff(who: Principal, input: StaffInput, trx: Executor, requestId?: string): Promise<Staff> {
    const dept = await store.departmentById(trx, input.departmentId);
    if (!dept) throw OrgErrors.parentInvalid();
    assertAllowed(this.policy, who, 'org.manage', { regionCode: dept.regionCode });
    if (!dept.active) throw OrgErrors.departmentInactive();
    // Only a platform administrator may hand out the platform administrator role.
    if (input.roles.includes('platform_admin') && !who.roles.includes('platform_admin')) throw Errors.forbidden();
    await this.checkLocalRoles(input.roles, dept.regionCode);
    const id = uuidv7();
    const now = this.k.clock.now();
    const res = await orgDb(trx)
      .insertInto('org_staff')
      .values({
        id,
        region_code: dept.regionCode,
        department_id: dept.id,
        name: input.name.trim(),
        employee_no: input.employeeNo,
        phone_enc: input.phone ? this.k.crypto.encryptField(input.phone) : null,
        roles: input.roles,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['region_code', 'employee_no']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) throw OrgErrors.employeeNoTaken();
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'created',
      objectType: 'org.staff',
      objectId: id,
      regionCode: dept.regionCode,
      change: { ...input, phone: input.phone ? '[encrypted]' : null },
      summary: { departmentId: dept.id, roles: input.roles },
      requestId,
    });
    return this.staffView((await store.staffRowById(trx, id))!);
  }

  async updateStaff(who: Principal, id: string, patch: StaffPatch, requestId?: string): Promise<Staff> {
    return this.k.db.transaction().execute(async (trx) => {
      const before = await store.staffRowById(trx, id);
      if (!before) throw Errors.notFound('staff');
      assertAllowed(this.policy, who, 'org.manage', { regionCode: before.regionCode });
      let regionCode = before.regionCode;
      if (patch.departmentId) {
        const dept = await store.departmentById(trx, patch.departmentId);
        if (!dept) throw OrgErrors.parentInvalid();
        if (!dept.active) throw OrgErrors.departmentInactive();
        assertAllowed(this.policy, who, 'org.manage', { regionCode: dept.regionCode });
        regionCode = dept.regionCode;
      }
      if (patch.roles?.includes('platform_admin') && !who.roles.includes('platform_admin')) throw Errors.forbidden();
      if (patch.roles) await this.checkLocalRoles(patch.roles, regionCode);
      const res = await orgDb(trx)
        .updateTable('org_staff')
        .set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.departmentId !== undefined ? { department_id: patch.departmentId, region_code: regionCode } : {}),
          ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          version: patch.version + 1,
          updated_at: this.k.clock.now(),
        })
        .where('id', '=', id)
        .where('version', '=', patch.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw OrgErrors.staleVersion();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: patch.active === false ? 'deactivated' : 'updated',
        objectType: 'org.staff',
        objectId: id,
        regionCode,
        change: { patch },
        summary: { roles: patch.roles ?? before.roles, active: patch.active ?? before.active },
        requestId,
      });
      return this.staffView((await store.staffRowById(trx, id))!);
    });
  }

  async listPosts(who: Principal, departmentId: string): Promise<Post[]> {
    await this.getDepartment(who, departmentId);
    return (await store.postsOf(this.k.db, departmentId)) as Post[];
  }

  async createPost(who: Principal, departmentId: string, input: PostInput, requestId?: string): Promise<Post> {
    const dept = await store.departmentById(this.k.db, departmentId);
    if (!dept) throw Errors.notFound('department');
    assertAllowed(this.policy, who, 'org.manage', { regionCode: dept.regionCode });
    if (!dept.active) throw OrgErrors.departmentInactive();
    await this.checkLocalRoles(input.roleCodes, dept.regionCode);
    const id = uuidv7();
    const main = orgDb(this.k.db)
      .insertInto('org_post')
      .values({ id, department_id: departmentId, name: input.name.trim(), role_codes: input.roleCodes })
      .onConflict((oc) => oc.columns(['department_id', 'name']).doNothing())
      .returning(['id', 'department_id as departmentId', 'name', 'role_codes as roleCodes', 'active']);
    const rows = await this.k.tracedWrite<Post>(this.k.db, main, {
      actor: actorOf(who),
      action: 'created',
      objectType: 'org.post',
      objectId: id,
      regionCode: dept.regionCode,
      change: input,
      summary: { departmentId, roleCodes: input.roleCodes },
      requestId,
    });
    if (rows.length !== 1) throw OrgErrors.postNameTaken();
    return rows[0];
  }

  async setPostActive(who: Principal, id: string, active: boolean, requestId?: string): Promise<Post> {
    const post = await store.postById(this.k.db, id);
    if (!post) throw Errors.notFound('post');
    assertAllowed(this.policy, who, 'org.manage', { regionCode: post.regionCode });
    const main = orgDb(this.k.db).updateTable('org_post').set({ active }).where('id', '=', id).returning(['id', 'department_id as departmentId', 'name', 'role_codes as roleCodes', 'active']);
    const [row] = await this.k.tracedWrite<Post>(this.k.db, main, {
      actor: actorOf(who),
      action: active ? 'activated' : 'deactivated',
      objectType: 'org.post',
      objectId: id,
      regionCode: post.regionCode,
      change: { active },
      requestId,
    });
    return row;
  }
}
