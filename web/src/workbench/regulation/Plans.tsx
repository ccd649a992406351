import { PlanDetail } from './plans/PlanDetail';
import { PlanForm } from './plans/PlanForm';
import { PlanList } from './plans/PlanList';

/** 互联网+监管 · 抽查计划: `sub` is the path below /workbench/regulation/plans/ ('' list, 'new', or a plan id). */
export function PlansPage({ sub }: { sub: string }) {
  if (sub === 'new') return <PlanForm />;
  if (sub) return <PlanDetail id={sub} />;
  return <PlanList />;
}
