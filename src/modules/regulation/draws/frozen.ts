import type { Executor } from '../../../kernel/db/index.ts';
import type { AvoidancePair, FrozenInspector } from './canonical.ts';
import { DrawErrors } from './errors.ts';
import { sm3Bytes } from './hash.ts';
import { InspectorShortage, draw, keyString, type DrawResult } from './sortition.ts';
import { drawsDb, type RegulationPlanTable } from './tables.ts';

/** What a commit froze, read back in its committed order. */
export interface Frozen {
  candidates: { creditCode: string; class: string; name: string; entityType: string | null; regionCode: string }[];
  inspectors: FrozenInspector[];
  pairs: AvoidancePair[];
  /** 回避 by credit code. */
  avoid: Map<string, Set<string>>;
}

export async function loadFrozen(ex: Executor, planId: string): Promise<Frozen> {
  const db = drawsDb(ex);
  const [c, i, a] = await Promise.all([
    db.selectFrom('regulation_plan_candidate').selectAll().where('plan_id', '=', planId).orderBy('ord').execute(),
    db.selectFrom('regulation_plan_inspector').selectAll().where('plan_id', '=', planId).orderBy('ord').execute(),
    db.selectFrom('regulation_plan_avoidance').selectAll().where('plan_id', '=', planId).execute(),
  ]);
  const avoid = new Map<string, Set<string>>();
  for (const x of a) avoid.set(x.credit_code, (avoid.get(x.credit_code) ?? new Set()).add(x.inspector_id));
  return {
    candidates: c.map((x) => ({ creditCode: x.credit_code, class: x.credit_class, name: x.name, entityType: x.entity_type, regionCode: x.region_code })),
    inspectors: i.map((x) => ({ id: x.inspector_id, certificateNo: x.certificate_no, departmentId: x.department_id, name: x.name })),
    pairs: a.map((x) => ({ creditCode: x.credit_code, inspectorId: x.inspector_id, reason: x.reason })),
    avoid,
  };
}

type PlanParams = Pick<RegulationPlanTable, 'lead_department_id' | 'inspectors_per_object'> & { joint_department_ids: string[]; rates: Record<string, { bp: number; min: number }> };

/** The draw of a plan from its frozen inputs and the seed values (the one call the draw and the check share). */
export function drawFromFrozen(p: PlanParams, f: Frozen, values: number[][]): { key: string; result: DrawResult } {
  const key = keyString(values);
  try {
    const result = draw(sm3Bytes, {
      key,
      candidates: f.candidates,
      rates: p.rates,
      inspectors: f.inspectors,
      departments: [p.lead_department_id, ...p.joint_department_ids],
      avoid: f.avoid,
      perObject: p.inspectors_per_object,
    });
    return { key, result };
  } catch (err) {
    if (err instanceof InspectorShortage) throw DrawErrors.shortOfInspectors(err.creditCode, err.eligible, err.needed);
    throw err;
  }
}
