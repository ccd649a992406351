import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import type { Department, Region } from './schema.ts';
import { orgDb } from './tables.ts';
import { regionNameEn } from './region-names.ts';

export async function regionByCode(db: Executor, code: string) {
  return orgDb(db).selectFrom('org_region').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function childRegions(db: Executor, parentCode: string | null): Promise<Region[]> {
  const rows = await orgDb(db)
    .selectFrom('org_region as r')
    .select(['r.code', 'r.name', 'r.level', 'r.parent_code as parentCode', 'r.active', sql<boolean>`EXISTS (SELECT 1 FROM org_region c WHERE c.parent_code = r.code)`.as('hasChildren')])
    .$if(parentCode === null, (q) => q.where('r.parent_code', 'is', null))
    .$if(parentCode !== null, (q) => q.where('r.parent_code', '=', parentCode))
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ ...r, nameEn: regionNameEn(r.name) })) as Region[];
}

const departmentColumns = [
  'd.id',
  'd.region_code as regionCode',
  'r.name as regionName',
  'd.code',
  'd.name',
  'd.name_en as nameEn',
  'd.parent_id as parentId',
  'd.active',
  'd.version',
  sql<number>`(SELECT count(*)::int FROM org_staff s WHERE s.department_id = d.id AND s.active)`.as('staffCount'),
] as const;

export async function listDepartments(db: Executor, f: { jurisdiction: string; regionCode?: string; q?: string; includeInactive?: boolean; after?: string; limit: number }) {
  const cursor = decodeCursor(f.after, 2);
  const rows = await orgDb(db)
    .selectFrom('org_department as d')
    .innerJoin('org_region as r', 'r.code', 'd.region_code')
    .select(departmentColumns)
    .where('d.region_code', 'like', `${f.regionCode ?? f.jurisdiction}%`)
    .$if(!f.includeInactive, (q) => q.where('d.active', '=', true))
    .$if(!!f.q, (q) => q.where('d.name', 'like', `%${f.q!.replace(/[%_\\]/g, '\\$&')}%`))
    .$if(!!cursor, (q) => q.where(sql<boolean>`(d.name, d.id) > (${cursor![0]}, ${cursor![1]}::uuid)`))
    .orderBy('d.name')
    .orderBy('d.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows as Department[], f.limit, (d) => [d.name, d.id]);
}

export async function departmentById(db: Executor, id: string): Promise<Department | undefined> {
  return (await orgDb(db).selectFrom('org_department as d').innerJoin('org_region as r', 'r.code', 'd.region_code').select(departmentColumns).where('d.id', '=', id).executeTakeFirst()) as
    Department | undefined;
}

/** Ancestor chain of a department (itself first), to refuse cycles. */
export async function departmentAncestors(db: Executor, id: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM org_department WHERE id = ${id}::uuid
      UNION ALL
      SELECT d.id, d.parent_id, up.depth + 1 FROM org_department d JOIN up ON d.id = up.parent_id WHERE up.depth < 50
    ) SELECT id FROM up`.execute(db);
  return r.rows.map((x) => x.id);
}

export const staffColumns = [
  's.id',
  's.region_code as regionCode',
  's.department_id as departmentId',
  'd.name as departmentName',
  's.name',
  's.employee_no as employeeNo',
  's.phone_enc',
  's.roles',
  's.active',
  's.version',
] as const;

export async function listStaff(db: Executor, f: { jurisdiction: string; departmentId?: string; q?: string; includeInactive?: boolean; after?: string; limit: number }) {
  const cursor = decodeCursor(f.after, 2);
  const rows = await orgDb(db)
    .selectFrom('org_staff as s')
    .innerJoin('org_department as d', 'd.id', 's.department_id')
    .select(staffColumns)
    .where('s.region_code', 'like', `${f.jurisdiction}%`)
    .$if(!!f.departmentId, (q) => q.where('s.department_id', '=', f.departmentId!))
    .$if(!f.includeInactive, (q) => q.where('s.active', '=', true))
    .$if(!!f.q, (q) => q.where('s.name', 'like', `%${f.q!.replace(/[%_\\]/g, '\\$&')}%`))
    .$if(!!cursor, (q) => q.where(sql<boolean>`(s.name, s.id) > (${cursor![0]}, ${cursor![1]}::uuid)`))
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (s) => [s.name, s.id]);
}

export async function staffRowById(db: Executor, id: string) {
  return orgDb(db).selectFrom('org_staff as s').innerJoin('org_department as d', 'd.id', 's.department_id').select(staffColumns).where('s.id', '=', id).executeTakeFirst();
}

const postColumns = ['id', 'department_id as departmentId', 'name', 'role_codes as roleCodes', 'active'] as const;

export async function postsOf(db: Executor, departmentId: string) {
  return orgDb(db).selectFrom('org_post').select(postColumns).where('department_id', '=', departmentId).orderBy('name').execute();
}

export async function postById(db: Executor, id: string) {
  return orgDb(db)
    .selectFrom('org_post as p')
    .innerJoin('org_department as d', 'd.id', 'p.department_id')
    .select(['p.id', 'p.department_id as departmentId', 'p.name', 'p.role_codes as roleCodes', 'p.active', 'd.region_code as regionCode'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
