import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';

const DAY_MS = 86_400_000;

async function principalOf(p: Platform, username: string): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, null));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/**
 * The demo region's 督办 (一网协同): the year's key-work list as six tasks with every light — two
 * green (one still to 签收 by 民政局, so its clerk finds work), two yellow near their deadlines, one
 * red 领导批示 task that ran past its deadline weeks ago and was escalated, and one done and closed
 * after a 退回 — with a few 阶段反馈, all through the area's own functions.
 */
export async function seedOfficeSupervision(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const { tasks } = p.office.supervision;
  const k = p.kernel;
  const now = k.clock.now();
  const due = async (workingDays: number) => cstDate(await k.calendar.addWorkingDays(now, workingDays));
  const [duban, mzj, rsj] = await Promise.all([principalOf(p, 'duban.bgs'), principalOf(p, 'clerk.mzj'), principalOf(p, 'clerk.rsj')]);
  const MZJ = deptIds.get('MZJ')!;
  const RSJ = deptIds.get('RSJ')!;
  const year = cstDate(now).slice(0, 4);
  const { ids } = await tasks.importList(
    duban,
    {
      ref: `乌政办发〔${year}〕1号`,
      label: `乌兰浩特市${year}年度重点工作任务清单`,
      rows: [
        { title: '推进城乡低保提标扩面', detail: '按自治区标准提高城乡低保标准，做到应保尽保', leadDepartmentId: MZJ, helperDepartmentIds: [RSJ], dueDate: await due(20) },
        { title: '实施高校毕业生就业促进行动', detail: '开发见习岗位不少于300个', leadDepartmentId: RSJ, dueDate: await due(15) },
        { title: '建设社区嵌入式养老服务站', detail: '新建社区养老服务站4处', leadDepartmentId: MZJ, dueDate: await due(2) },
        { title: '开展根治欠薪冬季专项行动', detail: '在建工程项目全覆盖排查', leadDepartmentId: RSJ, dueDate: await due(1) },
        { title: '整合社区综合服务设施', detail: '整合闲置设施用于便民服务', leadDepartmentId: MZJ, dueDate: await due(10) },
      ],
    },
    'seed',
  );
  const [green, greenRsj, yellow, yellowRsj, done] = ids;
  void green; // 民政局 signs for it in the browser test.
  await tasks.step(rsj, greenRsj, 'sign', {}, 'seed');
  await tasks.step(rsj, greenRsj, 'feedback', { progress: 30, text: '已对接驻地高校，梳理见习岗位186个' }, 'seed');
  await tasks.step(mzj, yellow, 'sign', {}, 'seed');
  await tasks.step(mzj, yellow, 'feedback', { progress: 60, text: '已完成3处选址和改造设计' }, 'seed');
  await tasks.step(rsj, yellowRsj, 'sign', {}, 'seed');
  await tasks.step(rsj, yellowRsj, 'feedback', { progress: 50, text: '已排查在建项目42个，发现欠薪线索5条' }, 'seed');
  await tasks.step(mzj, done, 'sign', {}, 'seed');
  await tasks.step(mzj, done, 'report', { text: '已整合闲置用房6处，投入便民服务' }, 'seed');
  await tasks.step(duban, done, 'return', { reason: '请补充整合前后对比照片' }, 'seed');
  await tasks.step(mzj, done, 'report', { text: '已补充对比照片及使用台账' }, 'seed');
  await tasks.step(duban, done, 'accept', { opinion: '核查属实，同意销号' }, 'seed');

  // A 领导批示 task raised a month ago whose deadline has passed: written as raised today, then
  // moved back, as a history import would bring it in, so the board shows a red light.
  const { id: red } = await tasks.create(
    duban,
    {
      title: '解决困难群众冬季取暖补贴发放滞后问题',
      detail: '市长批示：请民政局抓紧核实，限期发放到位',
      source: { kind: 'instruction', ref: `批示〔${year}〕12号`, label: '市长批示' },
      assign: { leadDepartmentId: MZJ, dueDate: await due(1) },
    },
    'seed',
  );
  await tasks.step(mzj, red, 'sign', {}, 'seed');
  await tasks.step(mzj, red, 'feedback', { progress: 70, text: '已核实发放对象1,204户，正在拨付' }, 'seed');
  const pastDue = await k.calendar.addWorkingDays(new Date(now.getTime() - 14 * DAY_MS), 1);
  await k.db.transaction().execute(async (trx) => {
    const back = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() - 30 * DAY_MS) : null);
    const row = await trx.selectFrom('office_supervision_task').select(['assigned_at', 'signed_at', 'created_at']).where('id', '=', red).executeTakeFirstOrThrow();
    await trx
      .updateTable('office_supervision_task')
      .set({ due_at: pastDue, due_date: cstDate(pastDue), created_at: back(row.created_at)!, assigned_at: back(row.assigned_at), signed_at: back(row.signed_at) })
      .where('id', '=', red)
      .execute();
    const steps = await trx.selectFrom('office_supervision_task_action').select(['id', 'at', 'due_at']).where('task_id', '=', red).execute();
    for (const s of steps)
      await trx
        .updateTable('office_supervision_task_action')
        .set({ at: back(s.at)!, due_at: s.due_at ? pastDue : null })
        .where('id', '=', s.id)
        .execute();
  });
  // 催办 and 升级 as the hourly timer would send them.
  await p.office.supervision.remind();
}
