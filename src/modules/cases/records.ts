import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { CaseRow } from './handling.ts';

/**
 * The tail of a traced write: the case's action row, taken from the changed case (`main`), so the
 * case, its action row, the audit entry and the event are one statement.
 */
export function actionRowSql(who: Principal, action: string, from: string | null, to: string, opinion: string | null, payload: Record<string, unknown>, at: Date) {
  return sql`INSERT INTO cases_action (id, case_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, department_id, opinion, payload, at)
    SELECT ${uuidv7()}::uuid, m.id, m.region_code, ${action}, ${from}, ${to}, ${who.accountId}, ${who.type}, ${who.name}, ${who.departmentId}::uuid, ${opinion}, ${JSON.stringify(payload)}::jsonb, ${at}
      FROM main m RETURNING case_id`;
}

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
