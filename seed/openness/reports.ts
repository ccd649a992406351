import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import type { Platform } from '../../src/platform.ts';

async function principalOf(p: Platform, username: string): Promise<Principal | null> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirst();
  if (!acc) return null;
  const row = await p.identity.service.accountRow(acc.id);
  return (row && (await p.identity.service.principalOf(row, null, null))) ?? null;
}

/**
 * Demo 年度报告, by gk.admin (政务公开管理员): last year's report generated from the library's and the
 * requests' records, its other figures and texts entered and published; this year's as a draft, so
 * the workbench shows both a published report (and its correction) and one to work on.
 */
export async function seedOpenReports(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const reports = p.openness.reports.reports;
  const admin = await principalOf(p, 'gk.admin');
  if (!admin) return;
  // Already seeded (a second start), or the module was made without its figures: nothing to do.
  if ((await reports.list(admin, { limit: 1 })).items.length) return;
  const thisYear = Number(cstDate(p.kernel.clock.now()).slice(0, 4));
  const lastYear = thisYear - 1;
  let d;
  try {
    d = await reports.generate(admin, lastYear, 'seed');
  } catch (err) {
    if ((err as { code?: string }).code === 'OPENNESS_PORT_UNAVAILABLE') return;
    throw err;
  }
  d = await reports.edit(
    admin,
    lastYear,
    {
      expectedVersion: d.version,
      entered: {
        active: { permits: 1526, penalties: 214, enforcement: 9, feesYuan: 386_400 },
        reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0 },
        litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1 },
        litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0 },
        processingFees: { notices: 0, collectedYuan: 0 },
      },
      texts: {
        overview:
          d.texts.overview +
          '\n一是抓好主动公开，围绕优化营商环境、民生保障等重点领域及时发布政策文件，规章、规范性文件同步发布政策解读。' +
          '\n二是规范依申请公开，统一受理渠道，严格按照法定时限答复，实行告知书电子签章，答复文书可在线查验。' +
          '\n三是加强平台建设，政策文件库实现全文检索和有效性标注，设立政民互动栏目，答复与12345知识库共享。',
        problems: '政策解读形式较为单一，图解、视频解读占比不高；部分单位依申请公开答复说理不够充分。' + '\n下一步，将推行多元化解读，开展依申请公开答复文书评查，加强政务公开专员培训。',
        other: '本机关认真落实年度政务公开工作要点，按要求完成各项任务。',
      },
    },
    'seed',
  );
  const explanation = d.checks.length ? '演示数据：部分申请的办理记录跨年度调整，已逐件核实。' : undefined;
  await reports.publish(admin, lastYear, { expectedVersion: d.version, explanation }, 'seed');
  await reports.generate(admin, thisYear, 'seed');
}
