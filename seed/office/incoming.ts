import type { Platform } from '../../src/platform.ts';

/**
 * The demo region's 收文 (一网协同), through the office module's own functions: paper documents
 * registered by 市政府办公室's clerk at different steps, so clerk.bgs has one to review, leader01
 * one to 批办, clerk.mzj one to take up (with 人社局 helping) and one is completed.
 */
export async function seedOfficeIncoming(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const staff = async (username: string) => {
    const acc = await k.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
    return acc ? p.identity.service.principalOf((await p.identity.service.accountRow(acc.id as string))!, null, null) : null;
  };
  const [clerk, leader, mzjClerk] = [await staff('clerk.bgs'), await staff('leader01'), await staff('clerk.mzj')];
  const [mzj, rsj] = [deptIds.get('MZJ'), deptIds.get('RSJ')];
  if (!clerk || !leader || !mzjClerk || !mzj || !rsj) return;
  const { service } = p.office.incoming;
  const register = (senderName: string, docNumber: string, title: string, docType: string, urgency?: '特急' | '加急') =>
    service.register(clerk, { senderName, docNumber, title, docType, ...(urgency ? { urgency } : {}) });
  const walk = async (id: string, steps: Parameters<typeof service.step>[2][], who = clerk) => {
    for (const s of steps) await service.step(who, id, s);
  };
  const upToInstruction = [
    { action: 'pass', opinion: '属本机关办理' },
    { action: 'suggest', suggestion: '拟请民政局牵头，人社局配合办理' },
  ];
  const instruct = { action: 'instruct', instruction: '请民政局牵头办理，人社局配合，按期报送结果', leadDepartmentId: mzj, helperDepartmentIds: [rsj], limitDays: 5 };

  await register('兴安盟行政公署办公室', '兴署办字〔2026〕3号', '关于报送一季度重点工作进展情况的函', '函');

  const toInstruct = await register('兴安盟民政局', '兴民发〔2026〕11号', '关于开展城乡低保专项治理的通知', '通知', '加急');
  await walk(toInstruct.id, upToInstruction);

  const toTakeUp = await register('兴安盟人力资源和社会保障局', '兴人社发〔2026〕8号', '关于做好高校毕业生就业服务工作的通知', '通知');
  await walk(toTakeUp.id, upToInstruction);
  await walk(toTakeUp.id, [instruct], leader);

  const done = await register('内蒙古自治区民政厅', '内民政发〔2026〕2号', '关于做好冬春救助工作的通知', '通知');
  await walk(done.id, upToInstruction);
  await walk(done.id, [instruct], leader);
  await walk(
    done.id,
    [
      { action: 'undertake', opinion: '已安排社会救助科办理' },
      { action: 'complete', summary: '已完成冬春救助资金发放并报送情况' },
    ],
    mzjClerk,
  );
}
