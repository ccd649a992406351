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

/**
 * Write-time linking: the one-row chain head writers lock, checkpoints signed over the new hash
 * (the earlier ones are kept as `kernel_audit_checkpoint_v1`). Existing entries are re-linked once
 * by `AuditLedger.upgrade()` right after the migrations run (the new hash needs SM3, which SQL lacks).
 * Numbered after every module's migrations so it applies to existing installations.
 */
export const auditLinkedMigration: Migration = {
  name: '0700_kernel_audit_linked',
  sql: `
    ALTER TABLE kernel_audit_checkpoint RENAME TO kernel_audit_checkpoint_v1;
    ALTER TABLE kernel_audit_checkpoint_v1 RENAME CONSTRAINT kernel_audit_checkpoint_pkey TO kernel_audit_checkpoint_v1_pkey;
    CREATE TABLE kernel_audit_checkpoint (
      chain_pos bigint PRIMARY KEY,
      entry_hash text NOT NULL,
      entries bigint NOT NULL,
      at timestamptz NOT NULL,
      hash_alg text NOT NULL,
      public_key text NOT NULL,
      signature text NOT NULL
    );
    CREATE TABLE kernel_audit_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    ALTER TABLE kernel_audit_entry DROP COLUMN sealed_at;
  `,
};

/**
 * Lanes: several hash chains, each with its own head row (`kernel_audit_head.id` is the lane), so
 * that concurrent writers need not wait on one row lock. Every existing entry and the existing head
 * become lane 0, whose hash form is unchanged; positions count per lane. Checkpoints covering more
 * than lane 0 list every lane's head (`lanes`). Nothing is re-hashed.
 */
export const auditLanesMigration: Migration = {
  name: '0701_kernel_audit_lanes',
  sql: `
    ALTER TABLE kernel_audit_head DROP CONSTRAINT kernel_audit_head_id_check;
    UPDATE kernel_audit_head SET id = 0 WHERE id = 1;
    ALTER TABLE kernel_audit_head ADD CONSTRAINT kernel_audit_head_lane CHECK (id >= 0);
    ALTER TABLE kernel_audit_entry ADD COLUMN lane smallint NOT NULL DEFAULT 0;
    ALTER TABLE kernel_audit_entry DROP CONSTRAINT kernel_audit_entry_chain_pos_key;
    ALTER TABLE kernel_audit_entry ADD CONSTRAINT kernel_audit_entry_lane_pos UNIQUE (lane, chain_pos);
    ALTER TABLE kernel_audit_checkpoint ADD COLUMN lanes jsonb;
  `,
};
