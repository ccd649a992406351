import type { Executor } from '../../../kernel/db/index.ts';
import type { Policy, Principal } from '../../../kernel/policy/index.ts';
import type { TodoItem } from '../ports.ts';
import { readTask } from './store.ts';
import { supervisionDb } from './tables.ts';
import type { SupervisionTasks } from './tasks.ts';

const ASK: Record<string, { zh: string; en: string }> = {
  raised: { zh: '交办', en: 'Assign' },
  assigned: { zh: '签收', en: 'Sign for' },
  in_progress: { zh: '阶段反馈', en: 'Report progress' },
  reported: { zh: '核查', en: 'Check' },
  escalated: { zh: '督办升级，请过问', en: 'Escalated: follow it up' },
};

/**
 * What waits for one person in 督办: the supervisor 交办 raised tasks and 核查 reported ones; the
 * lead unit's clerk and leader 签收 and feed back; a unit's leader also sees its tasks that the
 * timer escalated (red), which is how 升级 reaches the leader.
 */
export function supervisionTodos(policy: Policy, tasks: SupervisionTasks) {
  return async (who: Principal, ex: Executor): Promise<TodoItem[]> => {
    const supervisor = policy.can(who, 'office.supervise', { regionCode: who.regionCode });
    const unit = who.departmentId;
    const forUnit = unit && (who.roles.includes('office_clerk') || who.roles.includes('leader'));
    if (!supervisor && !forUnit) return [];
    let q = supervisionDb(ex).selectFrom('office_supervision_task').selectAll().where('region_code', 'like', `${who.regionCode}%`);
    q = q.where((eb) => {
      const parts = [];
      if (supervisor) parts.push(eb('state', 'in', ['raised', 'reported']));
      if (forUnit) parts.push(eb.and([eb('lead_department_id', '=', unit), eb('state', 'in', ['assigned', 'in_progress'])]));
      return eb.or(parts);
    });
    const rows = (await q.orderBy('due_at').limit(200).execute()).map(readTask);
    const views = await tasks.views(rows);
    return views.map((v) => {
      const ask = v.remindLevel >= 2 && who.roles.includes('leader') && !who.roles.includes('office_clerk') ? ASK.escalated : ASK[v.state];
      return {
        kind: 'supervision' as const,
        id: v.id,
        title: v.title,
        actionZh: ask.zh,
        actionEn: ask.en,
        state: v.state,
        dueAt: v.dueAt,
        light: v.light,
        signature: false,
        link: `/workbench/office/supervision/${v.id}`,
        since: v.createdAt,
      };
    });
  };
}
