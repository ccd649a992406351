import type { Migration } from '../db/migrate.ts';

export const filesMigration: Migration = {
  name: '0004_kernel_files_notify',
  sql: `
    CREATE TABLE kernel_file (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      owner_id text NOT NULL,
      name text NOT NULL,
      mime text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX kernel_file_owner ON kernel_file (region_code, owner_id, created_at);
    CREATE TABLE kernel_notification (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      recipient_id text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      created_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX kernel_notification_inbox ON kernel_notification (recipient_id, created_at DESC);
    CREATE TABLE kernel_message_log (
      id uuid PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      recipient_masked text NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      sent_at timestamptz NOT NULL
    );
  `,
};

/** Files kept by a module under its bare name (before `module:` owners) become module-owned. */
export const fileOwnersMigration: Migration = {
  name: '0006_kernel_file_module_owners',
  sql: `
    UPDATE kernel_file SET owner_id = 'module:' || owner_id
    WHERE owner_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' AND owner_id NOT LIKE 'client:%' AND owner_id NOT LIKE 'module:%';
  `,
};
