import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';

const DAY = 86_400_000;

/**
 * The demo region's meetings (一网协同), through the office module's own functions: one upcoming
 * meeting whose notice is out with one unit's 报名回执 in, and one held meeting with minutes whose
 * 议定事项 became a 督办 task.
 */
export async function seedOfficeMeetings(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const [bgs, mzj, rsj] = ['BGS', 'MZJ', 'RSJ'].map((c) => deptIds.get(c));
  if (!bgs || !mzj || !rsj) return;
  const m = p.office.meetings.meetings;
  const who = { ...SYSTEM_PRINCIPAL, regionCode: p.kernel.config.regionCode };
  const now = p.kernel.clock.now().getTime();
  const at = (ms: number) => new Date(Math.floor(ms / 3600_000) * 3600_000).toISOString();

  const upcoming = await m.create(who, {
    title: '全市民生保障工作推进会',
    startsAt: at(now + 3 * DAY),
    endsAt: at(now + 3 * DAY + 2 * 3600_000),
    place: '市政府三楼第一会议室',
    organiserDepartmentId: bgs,
    agenda: '一、通报民生实事进展；二、民政、人社部门汇报；三、部署下阶段工作。',
    replyDueAt: at(now + 2 * DAY),
    invitedDepartmentIds: [mzj, rsj],
  });
  await m.sendNotice(who, upcoming.id);
  await m.reply(who, upcoming.id, mzj, { attending: true, attendees: ['王建国', '萨仁'] });

  // A held meeting: the module schedules only future meetings, so this one is made an hour ahead and then moved back a week.
  const held = await m.create(who, {
    title: '安全生产专题会议',
    startsAt: at(now + 3600_000 * 2),
    endsAt: at(now + 3600_000 * 3),
    place: '市政府五楼会议室',
    organiserDepartmentId: bgs,
    agenda: '部署养老机构、人员密集场所安全隐患排查。',
    replyDueAt: at(now + 3600_000),
    invitedDepartmentIds: [mzj, rsj],
  });
  await m.sendNotice(who, held.id);
  await m.reply(who, held.id, mzj, { attending: true, attendees: ['王建国'] });
  await m.reply(who, held.id, rsj, { attending: true, attendees: ['陈丽'] });
  await p.kernel.db
    .updateTable('office_meeting')
    .set({ starts_at: new Date(now - 7 * DAY), ends_at: new Date(now - 7 * DAY + 3600_000), reply_due_at: new Date(now - 8 * DAY) })
    .where('id', '=', held.id)
    .execute();
  const due = await p.kernel.calendar.addWorkingDays(new Date(now), 10);
  const dueDate = new Date(due.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await m.writeMinutes(who, held.id, {
    text: '会议听取了民政局关于养老机构安全情况的汇报，研究部署了专项排查工作。',
    decisions: [{ text: '民政局牵头开展养老机构安全隐患排查，人社局配合，按期报送排查情况', leadDepartmentId: mzj, helperDepartmentIds: [rsj], dueDate }],
  });
}
