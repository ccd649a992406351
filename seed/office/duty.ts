import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';

/** The demo region's duty (一网协同): this month's rota for the 市政府办公室 duty desk, 张伟 on duty today. */
export async function seedOfficeDuty(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const bgs = deptIds.get('BGS');
  if (!bgs) return;
  const who = { ...SYSTEM_PRINCIPAL, regionCode: p.kernel.config.regionCode };
  const today = new Date(p.kernel.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const duty = p.office.duty.duty;
  await duty.generate(who, { month: today.slice(0, 7), departmentId: bgs, leaders: ['韩志强', '李春燕'], officers: ['张伟', '乌力吉'] });
  await duty.setShift(who, today, { departmentId: bgs, leader: '韩志强', officers: ['张伟'] });
  await duty.log({ ...who, departmentId: bgs, name: '张伟' }, { departmentId: bgs, kind: 'call', text: '市应急管理局来电核对节日值班安排，已答复。' });
}
