import type { Migration } from '../db/migrate.ts';

export const auditMigration: Migration = {
  name: '0001_kernel_audit',
  sql: `
    CREATE TABLE kernel_audit_entry (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      actor_id text NOT NULL,
      actor_type text NOT NULL,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text NOT NULL,
      at timestamptz NOT NULL,
      change_digest text NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text,
      chain_pos bigint UNIQUE,
      prev_hash text,
      entry_hash text,
      sealed_at timestamptz
    );
    CREATE INDEX kernel_audit_entry_unsealed ON kernel_audit_entry (at, id) WHERE chain_pos IS NULL;
    CREATE INDEX kernel_audit_entry_object ON kernel_audit_entry (region_code, object_type, object_id, at);
    CREATE TABLE kernel_audit_checkpoint (
      chain_pos bigint PRIMARY KEY,
      entry_hash text NOT NULL,
      entries integer NOT NULL,
      at timestamptz NOT NULL,
      hash_alg text NOT NULL,
      public_key text NOT NULL,
      signature text NOT NULL
    );
  `,
};
