import { Type, type Static } from '@sinclair/typebox';
import type { Principal } from '../../kernel/policy/index.ts';
import type { SettingProblem, Settings } from '../../kernel/settings/index.ts';
import { grantsAcrossDepartments, ROLES } from './roles.ts';

/**
 * The role→permission catalogue as per-region configuration. Code keeps the national catalogue
 * (roles.ts); a region may add permissions to a national role (`extra`) or define a local role
 * (`local`). It can never take a national permission away, never grant `*`, and never name a
 * permission the national catalogue does not know, so authorization stays deny-by-default.
 * Local roles act only on their own department's objects (department-scoped), the safe reading.
 */
export const ROLE_SETTINGS_KEY = 'org.roles';

const Permission = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 60 });
const Permissions = Type.Array(Permission, { maxItems: 60, uniqueItems: true });
export const RoleSettingsSchema = Type.Object(
  {
    extra: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), Permissions, { title: '为国家角色增加权限', description: 'Permissions added to national roles' }),
    local: Type.Record(
      Type.String({ pattern: '^local_[a-z0-9_]{1,33}$' }),
      Type.Object({ zh: Type.String({ minLength: 1, maxLength: 40 }), en: Type.String({ minLength: 1, maxLength: 80 }), permissions: Permissions }, { additionalProperties: false }),
      { title: '本地角色', description: 'Local roles' },
    ),
  },
  { additionalProperties: false },
);
export type RoleSettings = Static<typeof RoleSettingsSchema>;

const NATIONAL = new Map(ROLES.map((r) => [r.code, r]));
/** Every permission some national role holds (without `*`): the only ones a region may hand out. */
export const KNOWN_PERMISSIONS: ReadonlySet<string> = new Set(ROLES.flatMap((r) => r.permissions).filter((p) => p !== '*'));

function roleProblems(v: RoleSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const perms = (at: string, ps: string[]) =>
    ps.forEach((p, i) => {
      if (!KNOWN_PERMISSIONS.has(p)) out.push({ path: `${at}/${i}`, message: `unknown permission "${p}" / 权限不存在` });
    });
  for (const [code, ps] of Object.entries(v.extra)) {
    const r = NATIONAL.get(code);
    if (!r) out.push({ path: `/extra/${code}`, message: `unknown role "${code}" / 角色不存在` });
    else if (r.permissions.includes('*')) out.push({ path: `/extra/${code}`, message: 'this role cannot be changed / 该角色不可修改' });
    perms(`/extra/${code}`, ps);
  }
  for (const [code, r] of Object.entries(v.local)) perms(`/local/${code}/permissions`, r.permissions);
  return out;
}

export function declareRoleSettings(settings: Settings): void {
  if (settings.definitions().some((d) => d.key === ROLE_SETTINGS_KEY)) return;
  settings.declare({
    key: ROLE_SETTINGS_KEY,
    zh: '角色与权限',
    en: 'Roles and permissions',
    schema: RoleSettingsSchema,
    default: { extra: {}, local: {} },
    permission: 'settings.manage',
    check: roleProblems,
  });
}

export interface RegionPermissions {
  permissions: Set<string>;
  /** Permissions granted by a role that acts across the holder's whole region (not department-scoped). */
  regionWide: Set<string>;
}

/** What a holder of `roles` may do in `regionCode`: the national catalogue plus the region's additions. */
export async function permissionsIn(settings: Settings, roles: readonly string[], regionCode: string): Promise<RegionPermissions> {
  const v = await settings.get<RoleSettings>(ROLE_SETTINGS_KEY, regionCode);
  const permissions = new Set<string>();
  const regionWide = new Set<string>();
  for (const code of roles) {
    const national = NATIONAL.get(code);
    // Stored values are checked on save; the filter keeps `*` out even if a row was written by hand.
    const granted = [...(national?.permissions ?? []), ...(national ? (v.extra[code] ?? []) : (v.local[code]?.permissions ?? [])).filter((p) => KNOWN_PERMISSIONS.has(p))];
    for (const p of granted) {
      permissions.add(p);
      if (national && !national.departmentScoped) regionWide.add(p);
    }
  }
  return { permissions, regionWide };
}

/** The roles a region offers (national ones with its additions, then its local roles), for admin pages. */
export async function rolesIn(settings: Settings, regionCode: string) {
  const v = await settings.get<RoleSettings>(ROLE_SETTINGS_KEY, regionCode);
  return [
    ...ROLES.map((r) => ({ code: r.code, zh: r.zh, en: r.en, local: false, departmentScoped: !!r.departmentScoped, permissions: [...new Set([...r.permissions, ...(v.extra[r.code] ?? [])])] })),
    ...Object.entries(v.local).map(([code, r]) => ({ code, zh: r.zh, en: r.en, local: true, departmentScoped: true, permissions: r.permissions })),
  ];
}

/** True when the principal may use `permission` on any department's objects in its region (not only its own). */
export function actsAcrossDepartments(who: Principal, permission: string): boolean {
  if (who.permissions.has('*')) return true;
  return who.regionWide ? who.regionWide.has(permission) : grantsAcrossDepartments(who.roles, permission);
}
