import { Readable } from 'node:stream';
import type { Executor } from '../../kernel/db/index.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { applicantFacts } from '../identity/index.ts';
import type { DecisionFacts, DecisionKind, DecisionSealer } from './decision-port.ts';

const cst = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);

/** The application as a decision needs it. */
export interface DecidedApplication {
  id: string;
  number: string;
  region_code: string;
  department_id: string;
  applicant_name: string;
  enterprise_name: string | null;
  enterprise_id: string | null;
  applicant_account_id: string;
  submitted_at: Date | string;
  item: { code: string; name: string; nameEn: string | null; itemType: string; legalBasis: string };
}

/**
 * The 决定书/通知书 a decided application yields, stored for its applicant (they fetch it without any
 * staff permission). With the licences module present it is a sealed, verifiable PDF in Chinese
 * (see DecisionSealer); without it, a plain text notice.
 */
export async function resultNotice(
  k: Kernel,
  trx: Executor,
  sealer: DecisionSealer | null,
  app: DecidedApplication,
  kind: DecisionKind,
  body: { reason?: string; opinion?: string },
  who: Principal,
  now: Date,
): Promise<string> {
  if (sealer) {
    // The applicant as they were identified: the enterprise's credit code, or the person's ID number masked.
    const facts = await applicantFacts(
      k,
      { accountId: app.applicant_account_id, actingFor: app.enterprise_id ? { enterpriseId: app.enterprise_id, name: '', creditCode: '', role: 'legal_rep', scopes: [] } : null },
      trx,
    );
    const entity = !!app.enterprise_id;
    const code = entity ? (facts.values['enterprise.creditCode'] ?? '') : maskCitizenId(facts.values['person.idNumber'] ?? '');
    const decision: DecisionFacts = {
      kind,
      licensing: app.item.itemType === 'licensing',
      applicationId: app.id,
      applicationNumber: app.number,
      regionCode: app.region_code,
      departmentId: app.department_id,
      ownerId: app.applicant_account_id,
      applicant: { name: app.enterprise_name ?? app.applicant_name, codeLabel: entity ? '统一社会信用代码' : '公民身份号码', codeMasked: code },
      item: { code: app.item.code, name: app.item.name, nameEn: app.item.nameEn },
      legalBasis: app.item.legalBasis,
      submittedAt: new Date(app.submitted_at).toISOString(),
      reason: body.reason ?? null,
      opinion: body.opinion ?? null,
      officer: { id: who.accountId, name: who.name },
      decidedAt: now.toISOString(),
    };
    return sealer.issue(trx, decision);
  }
  const approved = kind === 'approval';
  const text = [
    approved ? '准予办理决定书（办结通知书）' : kind === 'refusal' ? '不予办理决定书（办结通知书）' : '不予受理通知书',
    '',
    `办件编号：${app.number}`,
    `事项：${app.item.name}`,
    `申请人：${app.enterprise_name ?? app.applicant_name}`,
    `结果：${approved ? '准予办理' : kind === 'refusal' ? '不予办理' : '不予受理'}`,
    ...(body.reason ? [`理由：${body.reason}`] : []),
    ...(body.opinion ? [`意见：${body.opinion}`] : []),
    `办结时间：${cst(now)}（北京时间）`,
    `经办人：${who.name}`,
    '',
  ].join('\n');
  const f = await k.files.save(trx, {
    stream: Readable.from([Buffer.from(text, 'utf8')]),
    name: `${app.number}-办结通知书.txt`,
    declaredMime: 'text/plain',
    ownerId: app.applicant_account_id,
    regionCode: app.region_code,
  });
  return f.id;
}
