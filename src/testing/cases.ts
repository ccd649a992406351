import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { CASE_DUTIES } from '../../seed/case-categories.ts';
import { seedCaseSetup } from '../../seed/case-setup.ts';
import type { TestPlatform } from './platform.ts';
import { bearer, staffToken } from './platform.ts';

export interface CaseWorld {
  units: Map<string, string>;
  centre: string;
  agent: string;
  handler(unit: string): Promise<string>;
}

/** 爱国街道 lies around here (inside its synthetic boundary). */
export const AIGUO: [number, number] = [122.075, 46.078];

/**
 * A region ready for 12345: the hotline centre, each department the responsibility list names, an
 * office per street, the category tree, responsibility list, grids and knowledge base, and a
 * hotline agent signed in.
 */
export async function setupCases(t: TestPlatform): Promise<CaseWorld> {
  const units = new Map<string, string>();
  const codes = [...new Set(CASE_DUTIES.map(([, u]) => u).filter((u) => u !== 'street')), 'RX12345'];
  for (const code of codes) {
    const d = await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name: `${code}部门` });
    units.set(code, d.id);
  }
  const streets = await t.p.kernel.db.selectFrom('org_region').select(['code', 'name']).where('parent_code', '=', '152201').execute();
  for (const s of streets) {
    const d = await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: s.code, code: `JD${s.code.slice(-3)}`, name: `${s.name}办事处` });
    units.set(s.code, d.id);
  }
  await seedCaseSetup(t.p, units);
  const centre = units.get('RX12345')!;
  const agent = await staffToken(t, ['hotline_agent'], centre);
  return { units, centre, agent, handler: (unit: string) => staffToken(t, ['case_handler'], units.get(unit)!) };
}

/** Posts a case as the given token; returns the parsed response and status. */
export async function report(t: TestPlatform, token: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(token), payload: body });
  return { status: res.statusCode, body: res.json() };
}

/** Takes one step on a case. */
export async function step(t: TestPlatform, token: string, id: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions`, headers: bearer(token), payload: body });
  return { status: res.statusCode, body: res.json() };
}
