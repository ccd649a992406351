import { Readable } from 'node:stream';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { WorkflowAction } from '../../kernel/workflow/index.ts';

const cst = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);

/**
 * The 办结通知书 every completed application yields:
 * a plain UTF-8 text the applicant downloads (the e-licence work replaces it with a sealed PDF).
 * It belongs to the applicant, so they can fetch it without any staff permission.
 */
export async function resultNotice(
  k: Kernel,
  trx: Executor,
  app: { id: string; number: string; region_code: string; applicant_name: string; enterprise_name: string | null; applicant_account_id: string; item_name: string },
  action: WorkflowAction,
  body: { reason?: string; opinion?: string },
  who: Principal,
  now: Date,
): Promise<string> {
  const approved = action.outcome === 'approved';
  const text = [
    approved ? '准予办理决定书（办结通知书）' : '不予办理决定书（办结通知书）',
    approved ? 'Notice of approval' : 'Notice of refusal',
    '',
    `办件编号 / Number: ${app.number}`,
    `事项 / Service: ${app.item_name}`,
    `申请人 / Applicant: ${app.enterprise_name ?? app.applicant_name}`,
    `结果 / Result: ${approved ? '准予办理 / Approved' : '不予办理 / Not approved'}`,
    ...(body.reason ? [`理由 / Reason: ${body.reason}`] : []),
    ...(body.opinion ? [`意见 / Opinion: ${body.opinion}`] : []),
    `办结时间 / Completed: ${cst(now)}（北京时间）`,
    `经办人 / Officer: ${who.name}`,
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
