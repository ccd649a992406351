import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { addWorkingDays, cstDate } from '../../../kernel/calendar/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { isValidCreditCode } from '../../../kernel/ids/index.ts';
import type { RegulationContext } from '../area.ts';
import { need } from '../area.ts';
import type { NewTask, TaskKind } from '../ports.ts';
import { TaskErrors } from './errors.ts';
import { TASKS_CREATED } from './events.ts';
import { tasksSettings } from './settings.ts';
import { noonOf } from './store.ts';
import { tasksDb } from './tables.ts';

export const TASK_KINDS: TaskKind[] = ['random', 'commitment', 'clue', 'key'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
export { validDay };

/**
 * Makes tasks inside the caller's transaction (a draw, an approval under 告知承诺, a 12345 clue):
 * every task is checked first — its object, 监管事项 from the 清单, inspectors from the 名录库
 * (two at least: 行政处罚法 第42条 wants two 执法人员, and 双随机 draws ≥2), departments — and one
 * bad task makes none. One audit entry and one event for the whole batch.
 */
export async function createTasks(ctx: RegulationContext, trx: Tx, tasks: NewTask[]): Promise<string[]> {
  if (!tasks.length) return [];
  const { k } = ctx;
  const itemIds = [...new Set(tasks.flatMap((t) => t.itemIds))];
  const known = new Set(itemIds.length ? (await need(ctx, 'items').get(trx, itemIds)).map((i) => i.id) : []);
  const departments = await ctx.org.departmentNames([...new Set(tasks.flatMap((t) => t.departmentIds))], trx);
  const pools = new Map<string, Set<string>>();
  for (const [i, t] of tasks.entries()) {
    const at = `/tasks/${i}`;
    if (!TASK_KINDS.includes(t.kind)) throw TaskErrors.badTask(`${at}/kind`, '任务类型不在列表中', 'unknown task kind');
    if (!isValidCreditCode(t.creditCode)) throw TaskErrors.badTask(`${at}/creditCode`, '统一社会信用代码无效', 'invalid credit code');
    if (!t.objectName?.trim() || t.objectName.length > 200) throw TaskErrors.badTask(`${at}/objectName`, '检查对象名称须为1–200字', 'object name must be 1–200 characters');
    if (!/^\d{2,12}$/.test(t.regionCode)) throw TaskErrors.badTask(`${at}/regionCode`, '区划代码无效', 'invalid region code');
    // A 12345 clue may come before anyone knows which 监管事项 it touches; every other task names some.
    if ((t.kind !== 'clue' && !t.itemIds.length) || t.itemIds.some((id) => !known.has(id)))
      throw TaskErrors.badTask(`${at}/itemIds`, '监管事项不在清单中', 'supervision items must come from the list');
    if (!t.departmentIds.length || t.departmentIds.some((d) => !departments.get(d)?.active)) throw TaskErrors.badTask(`${at}/departmentIds`, '检查部门不存在', 'unknown department');
    if (new Set(t.departmentIds).size !== t.departmentIds.length) throw TaskErrors.badTask(`${at}/departmentIds`, '检查部门重复', 'a department is named twice');
    if (!validDay(t.dueOn)) throw TaskErrors.badTask(`${at}/dueOn`, '完成期限应为 YYYY-MM-DD', 'due date must be YYYY-MM-DD');
    // A task from an approval or a clue may wait for its inspectors; a drawn one never does.
    const ins = t.inspectorIds;
    if (new Set(ins).size !== ins.length) throw TaskErrors.badTask(`${at}/inspectorIds`, '检查人员重复', 'an inspector is named twice');
    if ((t.kind === 'random' || ins.length) && ins.length < 2) throw TaskErrors.badTask(`${at}/inspectorIds`, '每个检查对象至少两名检查人员', 'at least two inspectors per object');
    if (ins.length) {
      const key = `${t.regionCode}|${[...t.departmentIds].sort().join(',')}`;
      if (!pools.has(key)) pools.set(key, new Set((await need(ctx, 'inspectors').pool(trx, { departmentIds: t.departmentIds, regionCode: t.regionCode })).map((p) => p.id)));
      if (ins.some((id) => !pools.get(key)!.has(id)))
        throw TaskErrors.badTask(`${at}/inspectorIds`, '检查人员不在本部门执法检查人员名录库中', 'inspectors must be active in the departments’ directory');
    }
  }
  // 回避: an inspector with a declared relation to the object never inspects it, whoever made the task.
  const withInspectors = tasks.filter((t) => t.inspectorIds.length);
  if (withInspectors.length) {
    const related = await need(ctx, 'inspectors').relations(trx, [...new Set(withInspectors.map((t) => t.creditCode))]);
    for (const [i, t] of tasks.entries())
      if (t.inspectorIds.some((id) => related.get(t.creditCode)?.has(id)))
        throw TaskErrors.badTask(`/tasks/${i}/inspectorIds`, '检查人员与检查对象有利害关系，应当回避', 'an inspector is related to the object and must stand aside');
  }
  const now = k.clock.now();
  const rules = await k.calendar.rules(trx);
  const year = cstDate(now).slice(0, 4);
  const seqs = (await sql<{ n: string }>`SELECT nextval('regulation_task_seq') AS n FROM generate_series(1, ${tasks.length}::int)`.execute(trx)).rows.map((r) => r.n);
  const rows = [];
  const settingsOf = new Map<string, number>();
  for (const t of tasks) {
    if (!settingsOf.has(t.regionCode)) settingsOf.set(t.regionCode, (await tasksSettings(k.settings, t.regionCode, trx)).publishWithinWorkingDays);
    const seq: string = seqs[rows.length];
    rows.push({
      id: uuidv7(),
      region_code: t.regionCode,
      number: `${t.regionCode}-JC-${year}-${String(seq).padStart(6, '0')}`,
      kind: t.kind,
      credit_code: t.creditCode,
      object_name: t.objectName.trim(),
      item_ids: t.itemIds,
      inspector_ids: t.inspectorIds,
      department_ids: t.departmentIds,
      plan_id: t.planId ?? (t.source?.kind === 'plan' ? t.source.ref : null),
      source_kind: t.source?.kind ?? (t.planId ? 'plan' : null),
      source_ref: t.source?.ref ?? t.planId ?? null,
      source_label: t.source?.label ?? null,
      due_on: t.dueOn,
      publish_by: addWorkingDays(rules, noonOf(t.dueOn), settingsOf.get(t.regionCode)!),
      state: 'open',
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await tasksDb(trx)
      .insertInto('regulation_task')
      .values(rows.slice(i, i + 500))
      .execute();
  const ids = rows.map((r) => r.id);
  const planId = rows[0].plan_id;
  await k.recordChange(trx, {
    actor: { id: 'system', type: 'system', regionCode: rows[0].region_code },
    action: 'created',
    objectType: 'regulation.task',
    objectId: planId && rows.every((r) => r.plan_id === planId) ? planId : ids[0],
    regionCode: rows[0].region_code,
    change: { count: ids.length, tasks: rows.map((r) => ({ id: r.id, number: r.number, kind: r.kind, creditCode: r.credit_code, inspectorIds: r.inspector_ids, dueOn: r.due_on })) },
    summary: { count: ids.length },
    event: { topic: TASKS_CREATED, payload: { id: ids[0], count: ids.length, ids: ids.slice(0, 1000), planId } },
  });
  return ids;
}
