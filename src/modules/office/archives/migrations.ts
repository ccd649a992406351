import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 电子档案. A package (one 件, DA/T 22) is a set of kernel files — metadata.json, the content files,
 * actions.json, manifest.json and manifest.sig — listed row by row in office_archive_file, with the
 * manifest and its signature also on the package row so a changed or swapped stored file shows.
 * 件号 come from one counter row per (全宗, 门类, 年度, 期限, 机构), taken in the archiving
 * transaction, so a rolled-back archive leaves no gap and two at once never share a number.
 * Every 四性检测 run is kept (stage 归档 / 移交接收 / 长期保存 / on demand), passed or not.
 */
export const archivesMigrations: Migration[] = [
  {
    name: '0860_office_archives',
    sql: `
      CREATE TABLE office_archive_sequence (
        fonds_code text NOT NULL,
        category_code text NOT NULL,
        year integer NOT NULL,
        retention text NOT NULL,
        org_code text NOT NULL,
        last_no integer NOT NULL,
        PRIMARY KEY (fonds_code, category_code, year, retention, org_code)
      );
      CREATE TABLE office_archive_package (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        kind text NOT NULL,
        record_id text NOT NULL,
        archive_code text NOT NULL UNIQUE,
        fonds_code text NOT NULL,
        category_code text NOT NULL,
        year integer NOT NULL,
        retention text NOT NULL,
        org_code text NOT NULL,
        item_no integer NOT NULL,
        department_id uuid NOT NULL,
        title text NOT NULL,
        reference text,
        responsible text NOT NULL,
        record_date date NOT NULL,
        secrecy text,
        pages integer NOT NULL,
        status text NOT NULL CHECK (status IN ('archived', 'transferred')),
        manifest jsonb NOT NULL,
        manifest_sm3 text NOT NULL,
        signature text NOT NULL,
        search tsvector NOT NULL,
        archived_by text NOT NULL,
        archived_at timestamptz NOT NULL,
        last_check_at timestamptz,
        last_check_passed boolean,
        transfer_id uuid,
        UNIQUE (kind, record_id),
        UNIQUE (fonds_code, category_code, year, retention, org_code, item_no)
      );
      CREATE INDEX office_archive_package_list ON office_archive_package (region_code, archived_at DESC, id);
      CREATE INDEX office_archive_package_search ON office_archive_package USING gin (search);
      CREATE TABLE office_archive_file (
        package_id uuid NOT NULL REFERENCES office_archive_package (id),
        path text NOT NULL,
        role text NOT NULL,
        file_id uuid NOT NULL,
        size_bytes bigint NOT NULL,
        sm3 text NOT NULL,
        PRIMARY KEY (package_id, path)
      );
      CREATE TABLE office_archive_check (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        package_id uuid REFERENCES office_archive_package (id),
        kind text NOT NULL,
        record_id text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('ingest', 'transfer', 'preservation', 'on_demand')),
        passed boolean NOT NULL,
        report jsonb NOT NULL,
        checked_by text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX office_archive_check_package ON office_archive_check (package_id, at DESC);
      CREATE INDEX office_archive_check_failed ON office_archive_check (region_code, at DESC) WHERE NOT passed;
      CREATE TABLE office_archive_borrow (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        package_id uuid NOT NULL REFERENCES office_archive_package (id),
        requester_id text NOT NULL,
        requester_name text NOT NULL,
        department_id uuid,
        reason text NOT NULL,
        days integer NOT NULL,
        state text NOT NULL CHECK (state IN ('requested', 'approved', 'refused')),
        decided_by text,
        decided_name text,
        decision_note text,
        decided_at timestamptz,
        expires_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX office_archive_borrow_open ON office_archive_borrow (region_code, created_at) WHERE state = 'requested';
      CREATE INDEX office_archive_borrow_requester ON office_archive_borrow (requester_id, created_at DESC);
      CREATE TABLE office_archive_access (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        package_id uuid NOT NULL REFERENCES office_archive_package (id),
        accessor_id text NOT NULL,
        accessor_name text NOT NULL,
        borrow_id uuid REFERENCES office_archive_borrow (id),
        what text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX office_archive_access_package ON office_archive_access (package_id, at DESC);
      CREATE TABLE office_archive_transfer (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        receiver text NOT NULL,
        note text,
        state text NOT NULL CHECK (state IN ('received', 'refused')),
        package_count integer NOT NULL,
        failed_count integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE office_archive_transfer_item (
        transfer_id uuid NOT NULL REFERENCES office_archive_transfer (id),
        package_id uuid NOT NULL REFERENCES office_archive_package (id),
        passed boolean NOT NULL,
        report jsonb NOT NULL,
        PRIMARY KEY (transfer_id, package_id)
      );`,
  },
];
