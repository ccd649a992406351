import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type DefaultedJson, type Timestamp } from '../../../kernel/db/tables.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';

/** A file given with an answer (予以公开 / 部分公开). */
export interface AnswerFile {
  fileId: string;
  name: string;
}

/** A 依申请公开 request (see migrations.ts). Personal data is sealed (`*_enc`) and masked beside. */
export interface OpennessRequestTable {
  id: string;
  number: string;
  region_code: string;
  version: Generated<number>;
  /** processing → (correcting | consulting) → answered; closed (补正 not received in time). */
  state: string;
  department_id: string;
  applicant_account_id: string;
  enterprise_id: string | null;
  /** A key of APPLICANT_KINDS. */
  applicant_kind: string;
  applicant_name_enc: string;
  applicant_name_masked: string;
  /** 身份证号 of a person, 统一社会信用代码 of an organisation. */
  applicant_code_enc: string | null;
  applicant_code_masked: string | null;
  /** JSON {phone, email, address}, sealed. */
  contact_enc: string;
  phone_masked: string;
  description: string;
  purpose: string | null;
  /** paper | electronic. */
  form: string;
  /** post | email | pickup | online. */
  delivery: string;
  submitted_at: Timestamp;
  /** The day it counts as received (Art. 31), YYYY-MM-DD China time. */
  received_on: string;
  /** The day the running 20-day clock started: receipt, or the corrected request's arrival. */
  clock_started_on: string;
  due_at: Timestamp | null;
  correction_asked_at: Timestamp | null;
  correction_due_at: Timestamp | null;
  correction_request: string | null;
  corrected_at: Timestamp | null;
  consult_started_at: Timestamp | null;
  consult_until: Timestamp | null;
  consult_party: string | null;
  /** Working days spent in third-party consultation (not counted against the clock). */
  consult_days: Generated<number>;
  /** requested | approved | refused. */
  extension_state: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended: Generated<boolean>;
  supervised: Generated<boolean>;
  supervision_task_id: string | null;
  forwarded_from: string | null;
  answer_type: string | null;
  answer_reason: string | null;
  answer_text: string | null;
  right_body: string | null;
  library_document_id: string | null;
  answer_files: DefaultedJson<AnswerFile[]>;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A notice sent about a request: a sealed PDF in the file store. */
export interface OpennessRequestNoticeTable {
  id: string;
  request_id: string;
  region_code: string;
  /** receipt | correction | consultation | extension | answer. */
  kind: string;
  /** applicant | third_party. */
  audience: string;
  title: string;
  file_id: string;
  /** The identifier /verify knows it by. */
  identifier: string;
  document_hash: string;
  created_at: Timestamp;
}

export type OpennessRequestActionTable = ActionLogRow<'request_id'>;

/** Tables of the requests area, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface RequestsTables {
  openness_request: OpennessRequestTable;
  openness_request_notice: OpennessRequestNoticeTable;
  openness_request_action: OpennessRequestActionTable;
}

export const requestsDb = (ex: Executor) => tablesOf<RequestsTables>(ex);
