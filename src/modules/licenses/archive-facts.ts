import type { Executor } from '../../kernel/db/index.ts';
import { licensesDb } from './tables.ts';

/** What the e-archive needs of an issued licence: its register entry and sealed document. Read-only; the holder's code masked. */
export interface LicenceArchiveFacts {
  id: string;
  identifier: string;
  licenceNo: string;
  name: string;
  typeKey: string;
  regionCode: string;
  issuerDepartmentId: string;
  issuerName: string;
  issuedOn: string;
  validUntil: string | null;
  holderName: string;
  holderCodeMasked: string;
  status: string;
  statusReason: string | null;
  statusAt: string | null;
  signedAt: string;
  applicationId: string | null;
  /** The sealed PDF in the file store. */
  documentFileId: string | null;
  documentHash: string;
}

export async function licenceArchiveFacts(ex: Executor, id: string): Promise<LicenceArchiveFacts | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const l = await licensesDb(ex).selectFrom('licenses_licence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!l) return null;
  return {
    id: l.id,
    identifier: l.identifier,
    licenceNo: l.licence_no,
    name: l.name,
    typeKey: l.type_key,
    regionCode: l.region_code,
    issuerDepartmentId: l.issuer_department_id,
    issuerName: l.issuer_name,
    issuedOn: l.issued_on,
    validUntil: l.valid_until,
    holderName: l.holder_name,
    holderCodeMasked: l.holder_code_masked,
    status: l.status,
    statusReason: l.status_reason,
    statusAt: l.status_at ? new Date(l.status_at).toISOString() : null,
    signedAt: new Date(l.signed_at).toISOString(),
    applicationId: l.application_id,
    documentFileId: l.document_file_id,
    documentHash: l.document_hash,
  };
}
