import { Type, type Static } from '@sinclair/typebox';
import { RegionCodeSchema } from '../../kernel/http/schemas.ts';
import { ROLE_CODES } from './roles.ts';

export const RegionCode = RegionCodeSchema;
const Name = Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' });

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  hasChildren: Type.Boolean(),
});
export type Region = Static<typeof Region>;

export const Department = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionCode: Type.String(),
  regionName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  staffCount: Type.Integer(),
});
export type Department = Static<typeof Department>;

export const DepartmentInput = Type.Object(
  {
    regionCode: RegionCode,
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    name: Name,
    nameEn: Type.Optional(Type.String({ maxLength: 120 })),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type DepartmentInput = Static<typeof DepartmentInput>;

export const DepartmentPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version you edited; a stale one is refused' }),
    name: Type.Optional(Name),
    nameEn: Type.Optional(Type.String({ maxLength: 120 })),
    parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DepartmentPatch = Static<typeof DepartmentPatch>;

export const Staff = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionCode: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  name: Type.String(),
  employeeNo: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type Staff = Static<typeof Staff>;

// A national role, or a local role a region defined in its role catalogue (checked against it on save).
export const RoleCode = Type.Union([...ROLE_CODES.map((c) => Type.Literal(c)), Type.String({ pattern: '^local_[a-z0-9_]{1,33}$' })]);

export const StaffInput = Type.Object(
  {
    departmentId: Type.String({ format: 'uuid' }),
    name: Type.String({ minLength: 2, maxLength: 40, pattern: '\\S' }),
    employeeNo: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    roles: Type.Array(RoleCode, { minItems: 1, maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type StaffInput = Static<typeof StaffInput>;

export const StaffPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 40, pattern: '\\S' })),
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    roles: Type.Optional(Type.Array(RoleCode, { minItems: 1, maxItems: 10, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StaffPatch = Static<typeof StaffPatch>;

export const PageQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    regionCode: Type.Optional(RegionCode),
    q: Type.Optional(Type.String({ maxLength: 60 })),
    includeInactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const page = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item), next: Type.Union([Type.String(), Type.Null()]) });

export const Post = Type.Object({
  id: Type.String({ format: 'uuid' }),
  departmentId: Type.String(),
  name: Type.String(),
  roleCodes: Type.Array(Type.String()),
  active: Type.Boolean(),
});
export type Post = Static<typeof Post>;

/** A post (岗位) of a department and the roles that come with it. */
export const PostInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 40, pattern: '\\S' }),
    roleCodes: Type.Array(RoleCode, { minItems: 1, maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type PostInput = Static<typeof PostInput>;
