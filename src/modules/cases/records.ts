import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { ActionLog } from '../../kernel/workflow/index.ts';
import type { CaseRow } from './handling.ts';

/** The 工单 action log (办理过程), of the kernel's one shape. */
export const CASE_LOG = new ActionLog('cases_action', 'case_id');

/** Photos must be images the person attaching them uploaded. */
export async function checkPhotos(k: Kernel, who: Principal, ids: string[]): Promise<void> {
  for (const [i, fileId] of ids.entries()) {
    const f = await k.files.find(fileId);
    if (!f || f.ownerId !== who.accountId || !f.mime.startsWith('image/')) throw Errors.validation([{ path: `/photoIds/${i}`, message: 'not an image you uploaded / 不是您上传的图片' }]);
  }
}

/** The unit that sent a case to its current handler (the last of the dispatch chain). */
export function dispatcherOf(row: CaseRow): string | null {
  const chain = row.dispatch_chain as string[];
  return chain.length ? chain[chain.length - 1] : null;
}
