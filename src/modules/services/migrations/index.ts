import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 一网通办: versioned service items, applications with their append-only action log, evaluations
 * and rectification tasks. The current state, assignee and deadlines sit on the application row so
 * a queue is one indexed query; the action rows are the history.
 */
export const servicesMigrations: Migration[] = [
  {
    name: '0300_services_base',
    sql: `
      CREATE TABLE services_item (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        code text NOT NULL,
        department_id uuid NOT NULL,
        current_version integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        name text NOT NULL,
        name_en text,
        item_type text NOT NULL,
        applicant_types text[] NOT NULL,
        life_events text[] NOT NULL,
        enterprise_events text[] NOT NULL,
        promised_days integer NOT NULL,
        visits integer NOT NULL,
        handling text NOT NULL,
        search tsvector NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, code)
      );
      CREATE INDEX services_item_search ON services_item USING gin (search);
      CREATE INDEX services_item_region ON services_item (region_code, name, id);
      CREATE INDEX services_item_department ON services_item (department_id);
      CREATE INDEX services_item_life ON services_item USING gin (life_events);
      CREATE INDEX services_item_enterprise ON services_item USING gin (enterprise_events);
      CREATE TABLE services_item_version (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES services_item (id),
        version integer NOT NULL,
        content jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (item_id, version)
      );
      CREATE SEQUENCE services_application_seq;
      CREATE TABLE services_application (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        item_id uuid NOT NULL REFERENCES services_item (id),
        item_version_id uuid NOT NULL REFERENCES services_item_version (id),
        department_id uuid NOT NULL,
        applicant_account_id uuid NOT NULL,
        applicant_name text NOT NULL,
        enterprise_id uuid,
        enterprise_name text,
        channel text NOT NULL CHECK (channel IN ('online', 'window')),
        submitted_by text NOT NULL,
        state text NOT NULL,
        open boolean NOT NULL DEFAULT true,
        outcome text,
        form_enc text NOT NULL,
        materials jsonb NOT NULL,
        supplement_items jsonb NOT NULL DEFAULT '[]',
        assignee_id text,
        assignee_name text,
        handled_by text,
        submitted_at timestamptz NOT NULL,
        state_entered_at timestamptz NOT NULL,
        accepted_at timestamptz,
        completed_at timestamptz,
        delivered_at timestamptz,
        due_at timestamptz,
        warn_at timestamptz,
        step_due_at timestamptz,
        paused_at timestamptz,
        paused_due_days integer,
        paused_step_days integer,
        working_days_used integer,
        overdue boolean NOT NULL DEFAULT false,
        delivery text,
        result_file_id uuid,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX services_application_queue ON services_application (region_code, open, due_at, id);
      CREATE INDEX services_application_department ON services_application (department_id, open, due_at, id);
      CREATE INDEX services_application_applicant ON services_application (applicant_account_id, submitted_at DESC, id);
      CREATE INDEX services_application_enterprise ON services_application (enterprise_id, submitted_at DESC, id) WHERE enterprise_id IS NOT NULL;
      CREATE INDEX services_application_version ON services_application (item_version_id, state);
      CREATE TABLE services_action (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES services_application (id),
        region_code text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_id text NOT NULL,
        actor_type text NOT NULL,
        actor_name text NOT NULL,
        actor_roles text[] NOT NULL,
        department_id uuid,
        opinion text,
        payload jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      );
      CREATE INDEX services_action_application ON services_action (application_id, at, id);
      CREATE TABLE services_evaluation (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES services_application (id),
        region_code text NOT NULL,
        item_id uuid NOT NULL,
        department_id uuid NOT NULL,
        staff_account_id text,
        evaluator_id text NOT NULL,
        channel text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        reasons text[] NOT NULL,
        comment text,
        at timestamptz NOT NULL
      );
      CREATE INDEX services_evaluation_department ON services_evaluation (region_code, department_id, at);
      CREATE TABLE services_rectification (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL UNIQUE REFERENCES services_evaluation (id),
        application_id uuid NOT NULL REFERENCES services_application (id),
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'replied', 'closed')),
        due_at timestamptz NOT NULL,
        reply text,
        replied_by text,
        replied_at timestamptz,
        follow_up_satisfied boolean,
        follow_up_comment text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX services_rectification_department ON services_rectification (department_id, state, due_at);
    `,
  },
  {
    name: '0305_services_action_log',
    // The action log takes the kernel's one shape (kernel/workflow/action-log.ts): files attached
    // to a step and the deadline a step set.
    sql: `
      ALTER TABLE services_action ADD COLUMN attachments uuid[] NOT NULL DEFAULT '{}';
      ALTER TABLE services_action ADD COLUMN due_at timestamptz;
    `,
  },
  {
    name: '0310_services_search_log',
    // 智能导办: what people searched for (ID numbers, phones and long digit runs masked, no account)
    // and which item they opened or applied for afterwards; the clicks teach the ranking.
    sql: `
      CREATE TABLE services_search_query (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        query text NOT NULL,
        terms text[] NOT NULL,
        result_count integer NOT NULL,
        top_item_ids uuid[] NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX services_search_query_region ON services_search_query (region_code, at);
      CREATE TABLE services_search_click (
        query_id uuid NOT NULL REFERENCES services_search_query (id),
        item_id uuid NOT NULL REFERENCES services_item (id),
        region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('open', 'apply')),
        at timestamptz NOT NULL,
        PRIMARY KEY (query_id, item_id, kind)
      );
      CREATE INDEX services_search_click_at ON services_search_click (at);
    `,
  },
  {
    name: '0320_services_bundles',
    // 一件事一次办: a bundle is versioned configuration (its member items, the order they wait for
    // each other, the merged form); a bundle application is one submission that fans out to member
    // 办件, each linked back to it so queues can mark them and its status can be read in one query.
    sql: `
      CREATE TABLE services_bundle (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        code text NOT NULL,
        current_version integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        name text NOT NULL,
        name_en text,
        applicant_type text NOT NULL CHECK (applicant_type IN ('person', 'enterprise')),
        life_events text[] NOT NULL,
        enterprise_events text[] NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, code)
      );
      CREATE TABLE services_bundle_version (
        id uuid PRIMARY KEY,
        bundle_id uuid NOT NULL REFERENCES services_bundle (id),
        version integer NOT NULL,
        content jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (bundle_id, version)
      );
      CREATE SEQUENCE services_bundle_application_seq;
      CREATE TABLE services_bundle_application (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        bundle_id uuid NOT NULL REFERENCES services_bundle (id),
        bundle_version_id uuid NOT NULL REFERENCES services_bundle_version (id),
        applicant_account_id uuid NOT NULL,
        applicant_name text NOT NULL,
        enterprise_id uuid,
        applicant jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('submitted', 'in_progress', 'completed', 'blocked', 'delivered')),
        reason text,
        forms_enc text NOT NULL,
        materials jsonb NOT NULL,
        members jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        completed_at timestamptz,
        delivered_at timestamptz,
        delivery text,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX services_bundle_application_applicant ON services_bundle_application (applicant_account_id, submitted_at DESC, id);
      CREATE INDEX services_bundle_application_region ON services_bundle_application (region_code, state, id);
      ALTER TABLE services_application ADD COLUMN bundle_application_id uuid REFERENCES services_bundle_application (id);
      CREATE INDEX services_application_bundle ON services_application (bundle_application_id) WHERE bundle_application_id IS NOT NULL;
    `,
  },
  {
    name: '0330_services_commitment',
    // 告知承诺制: the applicant chose to commit in writing instead of proving some conditions up front;
    // the approval then needs a verification afterwards (审管联动 raises it in regulation).
    sql: `ALTER TABLE services_application ADD COLUMN commitment boolean NOT NULL DEFAULT false;`,
  },
];
