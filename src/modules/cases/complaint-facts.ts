import type { Executor } from '../../kernel/db/index.ts';
import { casesDb } from './tables.ts';

/** What 互联网+监管 needs of a 12345 case to link it to a market entity's profile. Read-only; no caller identity. */
export interface CaseComplaintFacts {
  id: string;
  number: string;
  kind: string;
  title: string;
  content: string;
  regionCode: string;
  receivedAt: string;
  confidential: boolean;
  /** The original when this case repeats an earlier one. */
  duplicateOf: string | null;
}

/** A case by its id or by its readable number (what a regulator types); null when there is none. */
export async function caseComplaintFacts(ex: Executor, idOrNumber: string): Promise<CaseComplaintFacts | null> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrNumber);
  const c = await casesDb(ex)
    .selectFrom('cases_case')
    .select(['id', 'number', 'kind', 'title', 'content', 'region_code', 'created_at', 'confidential', 'duplicate_of'])
    .where(byId ? 'id' : 'number', '=', idOrNumber)
    .executeTakeFirst();
  if (!c) return null;
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    title: c.title,
    content: c.content,
    regionCode: c.region_code,
    receivedAt: new Date(c.created_at).toISOString(),
    confidential: c.confidential,
    duplicateOf: c.duplicate_of,
  };
}
