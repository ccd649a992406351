import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';
import { PROACTIVE_CODES } from '../proactive-policies.ts';

/** The demo's 政策找人 policies and the words their library documents are found by (best first). */
const SUBJECTS = [
  { code: PROACTIVE_CODES.care, dept: 'CLH', find: ['重度残疾人护理补贴', '护理补贴', '困难残疾人生活补贴和重度残疾人护理补贴'] },
  { code: PROACTIVE_CODES.hiring, dept: 'RSJ', find: ['小微企业吸纳就业', '吸纳就业补贴', '吸纳就业', '一次性吸纳就业补贴'] },
] as const;

/**
 * Demo 政策找人: the library documents on 重度残疾人护理补贴 (残联) and 小微企业吸纳就业补贴 (人社局) carry
 * the 主动服务 policies of those names, and each is run once. citizen01 has a 二级 disability record
 * (肢体) in the demo's 残疾人 register, so the run tells them — with the conditions, the application page
 * and a link to the document.
 */
export async function seedOpenMatching(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const admin = { ...SYSTEM_PRINCIPAL, regionCode: region };
  const lib = p.openness.library.port;
  if (!lib || !deptIds.has('CLH')) return;
  // citizen01, the demo resident: a disability record of grade 2, so 护理补贴 finds them.
  const citizen = await k.db
    .selectFrom('identity_account as a')
    .innerJoin('identity_person as p', 'p.id', 'a.person_id')
    .select('p.id_number_enc')
    .where('a.username', '=', 'citizen01')
    .executeTakeFirst();
  if (citizen?.id_number_enc) await p.data.registers.setDisability(admin, { idNumber: k.crypto.decryptField(citizen.id_number_enc), grade: 2, category: '肢体' });
  for (const s of SUBJECTS) {
    // 主动服务 publishes the demo policies only when the demo has their departments.
    if (!(await p.proactive.policies.briefs({ code: s.code })).some((x) => x.published)) continue;
    let documentId: string | null = null;
    for (const q of s.find) {
      for (const hit of await lib.find(q, 5)) {
        const d = await lib.get(k.db, hit.id);
        // A published 原文 of the policy's department, or of a body outside the region (国务院, 自治区).
        if (d && d.state === 'published' && d.kind !== 'interpretation' && !d.interpretationOf && (d.issuerDepartmentId === null || d.issuerDepartmentId === deptIds.get(s.dept))) {
          documentId = d.id;
          break;
        }
      }
      if (documentId) break;
    }
    if (!documentId) {
      p.log.warn({ policy: s.code }, 'seed: no library document for this 政策找人 policy');
      continue;
    }
    await p.openness.matching.rules.attach(admin, documentId, { policyCode: s.code, note: '示例数据：政策文件随文关联政策找人规则' }, 'seed');
    const r = await p.openness.matching.rules.run(admin, documentId, 'seed');
    p.log.info({ policy: s.code, ...r }, 'seed: 政策找人 rule attached to its document and run');
  }
}
