import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 两库: 检查对象名录库 and 执法检查人员名录库: migrations 0910–0919.
 *
 * An object is one market entity by credit code, kept even when it leaves the base or is 注销 /
 * 吊销 (`active` false, `gone_at` when it left), so a past draw's candidate list still resolves.
 * A sync run is a row with its progress; at most one is open per region (a partial unique index).
 * An inspector's 执法证 number is unique across the installation, and one staff account is at most
 * one inspector. A declared 利害关系 is withdrawn, not deleted: 回避 of an earlier draw can be explained.
 */
export const directoryMigrations: Migration[] = [
  {
    name: '0910_regulation_directory',
    sql: `
      CREATE TABLE regulation_object (
        id uuid PRIMARY KEY,
        credit_code text NOT NULL UNIQUE,
        name text NOT NULL,
        entity_type text,
        region_code text NOT NULL,
        industries text[] NOT NULL DEFAULT '{}',
        source text NOT NULL,
        status text,
        active boolean NOT NULL DEFAULT true,
        gone_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX regulation_object_region ON regulation_object (region_code, credit_code);
      CREATE INDEX regulation_object_type ON regulation_object (entity_type, credit_code);
      CREATE TABLE regulation_object_sync (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        state text NOT NULL,
        requested_by text NOT NULL,
        seen integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        closed integer NOT NULL DEFAULT 0,
        gone integer NOT NULL DEFAULT 0,
        failure text,
        queued_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE UNIQUE INDEX regulation_object_sync_open ON regulation_object_sync (region_code) WHERE state IN ('queued', 'running');
      CREATE INDEX regulation_object_sync_region ON regulation_object_sync (region_code, queued_at);
      CREATE TABLE regulation_inspector (
        id uuid PRIMARY KEY,
        account_id uuid UNIQUE,
        name text NOT NULL,
        certificate_no text NOT NULL UNIQUE,
        department_id uuid NOT NULL,
        region_code text NOT NULL,
        specialities text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX regulation_inspector_pool ON regulation_inspector (region_code, department_id, certificate_no);
      CREATE TABLE regulation_relation (
        id uuid PRIMARY KEY,
        inspector_id uuid NOT NULL REFERENCES regulation_inspector (id),
        credit_code text NOT NULL,
        region_code text NOT NULL,
        kind text NOT NULL,
        note text,
        declared_by text NOT NULL,
        declared_by_name text NOT NULL,
        declared_at timestamptz NOT NULL,
        withdrawn_by text,
        withdrawn_at timestamptz
      );
      CREATE UNIQUE INDEX regulation_relation_open ON regulation_relation (inspector_id, credit_code) WHERE withdrawn_at IS NULL;
      CREATE INDEX regulation_relation_code ON regulation_relation (credit_code);`,
  },
];
