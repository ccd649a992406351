import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

describe('organisation API', () => {
  let t: TestPlatform;
  let admin: string;
  let streetAdmin: string;
  let windowStaff: string;
  let homeDept: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    homeDept = (await department(t, '152201', '乌兰浩特市政务服务和数据管理局')).id;
    const street = await department(t, '152201001', '爱国街道办事处');
    admin = await staffToken(t, ['region_admin'], homeDept);
    streetAdmin = await staffToken(t, ['region_admin'], street.id);
    windowStaff = await staffToken(t, ['window_staff'], homeDept);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.p.kernel.db)).rows[0].n);

  it('lists the GB/T 2260 tree down to the streets of 乌兰浩特市 without signing in', async () => {
    const res = await t.app.inject({ url: '/api/org/regions?parent=152201' });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['爱国街道', '和平街道', '葛根庙镇']));
    const top = await t.app.inject({ url: '/api/org/regions' });
    expect(top.json().find((r: { code: string }) => r.code === '15').name).toBe('内蒙古自治区');
  });

  it('names regions in English for the English pages: pinyin with the kind of place', async () => {
    const streets = (await t.app.inject({ url: '/api/org/regions?parent=152201' })).json() as { name: string; nameEn: string }[];
    expect(streets.find((r) => r.name === '和平街道')?.nameEn).toBe('Heping Subdistrict');
    expect(streets.find((r) => r.name === '葛根庙镇')?.nameEn).toBe('Gegenmiao Town');
    expect(streets.filter((r) => !/^[A-Z][A-Za-z' ]+$/.test(r.nameEn)).map((r) => r.name)).toEqual([]);
    expect((await t.app.inject({ url: '/api/org/regions/152201' })).json()).toMatchObject({ name: '乌兰浩特市', nameEn: 'Ulanhot' });
  });

  it('creates a department, writes its audit entry and event in the same transaction, and lists it', async () => {
    const auditBefore = await count('kernel_audit_entry');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: bearer(admin),
      payload: { regionCode: '152201', code: 'SCJG', name: '乌兰浩特市市场监督管理局', nameEn: 'Market Regulation' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '乌兰浩特市市场监督管理局', nameEn: 'Market Regulation', regionName: '乌兰浩特市', active: true, version: 1 });
    expect(await count('kernel_audit_entry')).toBe(auditBefore + 1);
    const list = await t.app.inject({ url: '/api/org/departments?q=市场监督', headers: bearer(admin) });
    expect(list.json().items.map((d: { code: string }) => d.code)).toEqual(['SCJG']);
  });

  it('pages with a keyset cursor and refuses a forged cursor and an oversized page', async () => {
    const first = await t.app.inject({ url: '/api/org/departments?limit=1', headers: bearer(admin) });
    const { items, next } = first.json();
    expect(items).toHaveLength(1);
    const second = await t.app.inject({ url: `/api/org/departments?limit=1&after=${next}`, headers: bearer(admin) });
    expect(second.json().items[0].id).not.toBe(items[0].id);
    const bad = await t.app.inject({ url: '/api/org/departments?after=not-a-cursor', headers: bearer(admin) });
    expect(bad.statusCode).toBe(400);
    const huge = await t.app.inject({ url: '/api/org/departments?limit=100000', headers: bearer(admin) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].path).toContain('limit');
  });

  it('rejects malformed, invalid, oversized and duplicate input with bilingual problems and stores nothing', async () => {
    const before = await count('org_department');
    const cases = [
      { payload: '{"regionCode": "152201", ', type: 'application/json', status: 400, code: 'MALFORMED_BODY' },
      { payload: JSON.stringify({ regionCode: '152201', code: 'A1', name: 'x' }), type: 'application/json', status: 400, code: 'VALIDATION_FAILED' },
      { payload: JSON.stringify({ regionCode: '152201', code: 'A1', name: '合法名称', extra: 1 }), type: 'application/json', status: 400, code: 'VALIDATION_FAILED' },
      { payload: JSON.stringify({ regionCode: '152201999', code: 'A1', name: '不存在的区划' }), type: 'application/json', status: 422, code: 'REGION_UNKNOWN' },
      { payload: JSON.stringify({ regionCode: '152201', code: 'SCJG', name: '重复编码部门' }), type: 'application/json', status: 409, code: 'DEPARTMENT_CODE_TAKEN' },
      { payload: JSON.stringify({ regionCode: '152201', code: 'A1', name: '长'.repeat(600_000) }), type: 'application/json', status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { payload: 'regionCode=152201', type: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: { ...bearer(admin), 'content-type': c.type }, payload: c.payload });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json();
      expect(p).toMatchObject({ status: c.status, code: c.code });
      expect(p.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.en).toMatch(/[A-Za-z]/);
    }
    expect(await count('org_department')).toBe(before);
  });

  it('answers in English when the client prefers it', async () => {
    const res = await t.app.inject({ url: '/api/org/departments', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().title).toBe('Sign-in required');
  });

  it('keeps each administrator inside their jurisdiction', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(streetAdmin), payload: { regionCode: '152201002', code: 'HP1', name: '和平街道某科室' } });
    expect(res.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(streetAdmin), payload: { regionCode: '152201001', code: 'AG1', name: '爱国街道党政办' } });
    expect(own.statusCode).toBe(201);
    const seen = await t.app.inject({ url: '/api/org/departments?limit=200', headers: bearer(streetAdmin) });
    expect(seen.json().items.every((d: { regionCode: string }) => d.regionCode.startsWith('152201001'))).toBe(true);
    const denied = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(windowStaff), payload: { regionCode: '152201', code: 'W1', name: '窗口人员建的部门' } });
    expect(denied.statusCode).toBe(403);
  });

  it('edits with optimistic versions and refuses to deactivate a department with active staff', async () => {
    const d = (await t.app.inject({ url: `/api/org/departments/${homeDept}`, headers: bearer(admin) })).json();
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/org/departments/${homeDept}`, headers: bearer(admin), payload: { version: d.version, nameEn: 'Data Bureau' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(d.version + 1);
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/org/departments/${homeDept}`, headers: bearer(admin), payload: { version: d.version, nameEn: 'Lost update' } });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const off = await t.app.inject({ method: 'PATCH', url: `/api/org/departments/${homeDept}`, headers: bearer(admin), payload: { version: d.version + 1, active: false } });
    expect(off.json().code).toBe('DEPARTMENT_HAS_ACTIVE_STAFF');
    const after = (await t.app.inject({ url: `/api/org/departments/${homeDept}`, headers: bearer(admin) })).json();
    expect(after).toMatchObject({ active: true, nameEn: 'Data Bureau' });
  });

  it('refuses a parent that would form a cycle', async () => {
    const a = (await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(admin), payload: { regionCode: '152201', code: 'CA', name: '上级科室' } })).json();
    const b = (await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(admin), payload: { regionCode: '152201', code: 'CB', name: '下级科室', parentId: a.id } })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/org/departments/${a.id}`, headers: bearer(admin), payload: { version: 1, parentId: b.id } });
    expect(res.json().code).toBe('DEPARTMENT_PARENT_INVALID');
  });

  it('lists staff with phone numbers masked, and deactivates a staff member who then cannot sign in', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/identity/staff',
      headers: bearer(admin),
      payload: { username: 'zhao.min', password: 'Zhaomin2026x', staff: { departmentId: homeDept, name: '赵敏', employeeNo: 'ZM01', phone: '13800138000', roles: ['hotline_agent'] } },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().staff.phoneMasked).toBe('138****8000');
    expect(created.body).not.toContain('13800138000');
    const staff = created.json().staff;
    const signin = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: 'zhao.min', password: 'Zhaomin2026x' } });
    const token = signin.json().token;
    const off = await t.app.inject({ method: 'PATCH', url: `/api/org/staff/${staff.id}`, headers: bearer(admin), payload: { version: staff.version, active: false } });
    expect(off.statusCode).toBe(200);
    t.clock.advance(10_000);
    await new Promise((r) => setTimeout(r, 5100)); // principal cache lifetime
    const me = await t.app.inject({ url: '/api/identity/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
  });

  it('refuses to grant the platform administrator role from a region administrator', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/identity/staff',
      headers: bearer(admin),
      payload: { username: 'sneaky', password: 'Qwxz2026abcd', staff: { departmentId: homeDept, name: '某人', employeeNo: 'SN01', roles: ['platform_admin'] } },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('posts (岗位)', () => {
  let t: TestPlatform;
  let admin: string;
  let streetAdmin: string;
  let dept: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    dept = (await department(t, '152201', '乌兰浩特市市场监督管理局')).id;
    admin = await staffToken(t, ['region_admin'], dept);
    streetAdmin = await staffToken(t, ['region_admin'], (await department(t, '152201003', '兴安街道办事处')).id);
  });
  afterAll(() => t.close());

  it('creates, lists and deactivates a post with its roles, audited, and refuses duplicates and other jurisdictions', async () => {
    const url = `/api/org/departments/${dept}/posts`;
    const created = await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload: { name: '登记注册科审批岗', roleCodes: ['approver'] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '登记注册科审批岗', roleCodes: ['approver'], active: true });
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload: { name: '登记注册科审批岗', roleCodes: ['approver'] } })).json().code).toBe('POST_NAME_TAKEN');
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(admin), payload: { name: '未知角色岗', roleCodes: ['king'] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(streetAdmin), payload: { name: '越权岗位', roleCodes: ['approver'] } })).statusCode).toBe(403);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/org/posts/${created.json().id}`, headers: bearer(admin), payload: { active: false } });
    expect(off.json().active).toBe(false);
    const list = (await t.app.inject({ url, headers: bearer(admin) })).json();
    expect(list).toEqual([expect.objectContaining({ name: '登记注册科审批岗', active: false })]);
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'org.post').orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual(['created', 'deactivated']);
  });
});
