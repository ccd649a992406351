import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type SearchText, type Timestamp } from '../../../kernel/db/tables.ts';

/** The row types of the archives area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface ArchivesTables {
  office_archive_sequence: { fonds_code: string; category_code: string; year: number; retention: string; org_code: string; last_no: number };
  office_archive_package: {
    id: string;
    region_code: string;
    kind: string;
    record_id: string;
    archive_code: string;
    fonds_code: string;
    category_code: string;
    year: number;
    retention: string;
    org_code: string;
    item_no: number;
    department_id: string;
    title: string;
    reference: string | null;
    responsible: string;
    record_date: string;
    secrecy: string | null;
    pages: number;
    status: 'archived' | 'transferred';
    manifest: Json<unknown>;
    manifest_sm3: string;
    signature: string;
    search: SearchText;
    archived_by: string;
    archived_at: Timestamp;
    last_check_at: Timestamp | null;
    last_check_passed: boolean | null;
    transfer_id: string | null;
  };
  office_archive_file: { package_id: string; path: string; role: string; file_id: string; size_bytes: number; sm3: string };
  office_archive_check: {
    id: string;
    region_code: string;
    package_id: string | null;
    kind: string;
    record_id: string;
    stage: 'ingest' | 'transfer' | 'preservation' | 'on_demand';
    passed: boolean;
    report: Json<unknown>;
    checked_by: string;
    at: Timestamp;
  };
  office_archive_borrow: {
    id: string;
    region_code: string;
    package_id: string;
    requester_id: string;
    requester_name: string;
    department_id: string | null;
    reason: string;
    days: number;
    state: 'requested' | 'approved' | 'refused';
    decided_by: string | null;
    decided_name: string | null;
    decision_note: string | null;
    decided_at: Timestamp | null;
    expires_at: Timestamp | null;
    created_at: Timestamp;
  };
  office_archive_access: { id: string; region_code: string; package_id: string; accessor_id: string; accessor_name: string; borrow_id: string | null; what: string; at: Timestamp };
  office_archive_transfer: {
    id: string;
    region_code: string;
    receiver: string;
    note: string | null;
    state: 'received' | 'refused';
    package_count: number;
    failed_count: number;
    created_by: string;
    created_at: Timestamp;
  };
  office_archive_transfer_item: { transfer_id: string; package_id: string; passed: boolean; report: Json<unknown> };
}

export const archivesDb = (ex: Executor) => tablesOf<ArchivesTables>(ex);
