// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../kernel/policy/index.ts';
import { permissionsOf } from '../org/index.ts';
import { rolePolicy } from './policy.ts';
import { requireAssurance } from './people.ts';

const staff = (roles: string[], regionCode: string, departmentId: string): Principal => ({
  accountId: `a-${roles[0]}`,
  type: 'staff',
  name: roles[0],
  regionCode,
  departmentId,
  roles,
  permissions: permissionsOf(roles),
  sessionId: null,
});

describe('the policy point', () => {
  it('keeps a street official to their street and a county official to their county', () => {
    const street = staff(['grid_worker'], '152201001', 'd-street');
    const county = staff(['region_admin'], '152201', 'd-county');
    expect(rolePolicy.can(street, 'workbench.use', { regionCode: '152201001001' })).toBe(true);
    expect(rolePolicy.can(street, 'workbench.use', { regionCode: '152201002' })).toBe(false);
    expect(rolePolicy.can(county, 'org.manage', { regionCode: '152201002' })).toBe(true);
    expect(rolePolicy.can(county, 'org.manage', { regionCode: '152202' })).toBe(false);
  });

  it('binds approvers to their own department, while window staff act across the region', () => {
    const approver = staff(['approver'], '152201', 'd-scjg');
    const window = staff(['window_staff'], '152201', 'd-zwfw');
    expect(rolePolicy.can(approver, 'file.read', { regionCode: '152201', departmentId: 'd-scjg' })).toBe(true);
    expect(rolePolicy.can(approver, 'file.read', { regionCode: '152201', departmentId: 'd-rsj' })).toBe(false);
    expect(rolePolicy.can(window, 'file.read', { regionCode: '152201', departmentId: 'd-rsj' })).toBe(true);
    // An approver who is also window staff reads across departments through the wider role.
    expect(rolePolicy.can(staff(['approver', 'window_staff'], '152201', 'd-scjg'), 'file.read', { departmentId: 'd-rsj' })).toBe(true);
  });

  it('lets a person reach only their own objects, and denies anyone without the permission', () => {
    const person: Principal = {
      accountId: 'p1',
      type: 'person',
      name: '市民',
      regionCode: '152201',
      departmentId: null,
      roles: ['citizen'],
      permissions: new Set(['services.apply']),
      sessionId: null,
    };
    expect(rolePolicy.can(person, 'services.apply', { ownerId: 'p1' })).toBe(true);
    expect(rolePolicy.can(person, 'services.apply', { ownerId: 'p2' })).toBe(false);
    expect(rolePolicy.can(person, 'org.read')).toBe(false);
    expect(rolePolicy.can(person, 'services.apply', { enterpriseId: 'e1' })).toBe(false);
    expect(rolePolicy.can(null, 'services.apply')).toBe(false);
  });
});

describe('minimum assurance for a service', () => {
  it('refuses a person below the level a service item requires, with a bilingual reason', () => {
    const person = (level: number): Principal => ({
      accountId: 'p',
      type: 'person',
      name: '市民',
      regionCode: '152201',
      departmentId: null,
      roles: ['citizen'],
      permissions: new Set(),
      sessionId: null,
      assuranceLevel: level,
    });
    expect(() => requireAssurance(person(2), 2)).not.toThrow();
    try {
      requireAssurance(person(1), 2);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'ASSURANCE_TOO_LOW', status: 403, zh: '此操作需要 L2 级实名认证', en: 'This needs identity assurance level L2' });
    }
  });
});
