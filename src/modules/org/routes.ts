import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import { Department, DepartmentInput, DepartmentPatch, PageQuery, Post, PostInput, Region, RegionCode, Staff, StaffPatch, page } from './schema.ts';
import { regionNameEn } from './region-names.ts';
import type { OrgService } from './service.ts';

const tags = ['org'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function orgRoutes(org: OrgService) {
  return async function (app: App) {
    app.get(
      '/api/org/regions',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '行政区划（GB/T 2260）/ Regions',
          querystring: Type.Object({ parent: Type.Optional(RegionCode) }, { additionalProperties: false }),
          response: { 200: Type.Array(Region), 400: ProblemSchema },
        },
      },
      async (req) => org.regions(req.query.parent ?? null),
    );
    app.get(
      '/api/org/regions/:code',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '行政区划详情 / A region',
          params: Type.Object({ code: RegionCode }),
          response: { 200: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), level: Type.Integer(), parent_code: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => {
        const r = (await org.region(req.params.code)) as { code: string; name: string; level: number; parent_code: string | null };
        return { ...r, nameEn: regionNameEn(r.name) };
      },
    );
    app.get(
      '/api/org/roles',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '角色与权限 / Roles and their permissions',
          response: { 200: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), permissions: Type.Array(Type.String()) })), 401: ProblemSchema },
        },
      },
      // The caller's region's catalogue: national roles with the region's additions, then its local roles.
      async (req) => org.roles(req.principal!.regionCode),
    );
    app.get(
      '/api/org/departments',
      { config: { permission: 'org.read' }, schema: { tags, summary: '部门列表 / Departments', querystring: PageQuery, response: { 200: page(Department), ...errors } } },
      async (req) => org.listDepartments(req.principal!, req.query),
    );
    app.post(
      '/api/org/departments',
      { config: { permission: 'org.manage' }, schema: { tags, summary: '新增部门 / Create department', body: DepartmentInput, response: { 201: Department, ...errors } } },
      async (req, reply) => reply.status(201).send(await org.createDepartment(req.principal!, req.body, String(req.id))),
    );
    app.get(
      '/api/org/departments/:id',
      { config: { permission: 'org.read' }, schema: { tags, summary: '部门详情 / A department', params: Id, response: { 200: Department, ...errors } } },
      async (req) => org.getDepartment(req.principal!, req.params.id),
    );
    app.patch(
      '/api/org/departments/:id',
      { config: { permission: 'org.manage' }, schema: { tags, summary: '修改或停用部门 / Edit or deactivate', params: Id, body: DepartmentPatch, response: { 200: Department, ...errors } } },
      async (req) => org.updateDepartment(req.principal!, req.params.id, req.body, String(req.id)),
    );
    app.get(
      '/api/org/staff',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '人员列表 / Staff',
          querystring: Type.Composite([PageQuery, Type.Object({ departmentId: Type.Optional(Type.String({ format: 'uuid' })) })], { additionalProperties: false }),
          response: { 200: page(Staff), ...errors },
        },
      },
      async (req) => org.listStaff(req.principal!, req.query),
    );
    app.patch(
      '/api/org/staff/:id',
      { config: { permission: 'org.manage' }, schema: { tags, summary: '修改或停用人员 / Edit or deactivate staff', params: Id, body: StaffPatch, response: { 200: Staff, ...errors } } },
      async (req) => org.updateStaff(req.principal!, req.params.id, req.body, String(req.id)),
    );
    app.get(
      '/api/org/departments/:id/posts',
      { config: { permission: 'org.read' }, schema: { tags, summary: '部门岗位 / Posts of a department', params: Id, response: { 200: Type.Array(Post), ...errors } } },
      async (req) => org.listPosts(req.principal!, req.params.id),
    );
    app.post(
      '/api/org/departments/:id/posts',
      { config: { permission: 'org.manage' }, schema: { tags, summary: '新增岗位 / Create a post', params: Id, body: PostInput, response: { 201: Post, ...errors } } },
      async (req, reply) => reply.status(201).send(await org.createPost(req.principal!, req.params.id, req.body, String(req.id))),
    );
    app.patch(
      '/api/org/posts/:id',
      {
        config: { permission: 'org.manage' },
        schema: {
          tags,
          summary: '停用或启用岗位 / Deactivate or activate a post',
          params: Id,
          body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Post, ...errors },
        },
      },
      async (req) => org.setPostActive(req.principal!, req.params.id, req.body.active, String(req.id)),
    );
  };
}
