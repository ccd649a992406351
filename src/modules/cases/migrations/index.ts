import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 12345 and city events: the category tree with its time limits, the responsibility list (权责清单),
 * cases with their append-only action log, the knowledge base, the classifier's term counts and the
 * Open311 api keys. A case's state, handling unit and deadlines sit on its row, so every inbox and
 * the supervision board are one indexed query; the action rows are the history.
 */
export const casesMigrations: Migration[] = [
  {
    name: '0410_cases_base',
    sql: `
      CREATE TABLE cases_workflow (
        version integer PRIMARY KEY,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE cases_category (
        code text PRIMARY KEY,
        parent_code text REFERENCES cases_category (code),
        name text NOT NULL,
        name_en text,
        limits jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cases_category_parent ON cases_category (parent_code, code);
      CREATE TABLE cases_duty (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        category_code text NOT NULL REFERENCES cases_category (code),
        level text NOT NULL CHECK (level IN ('department', 'street')),
        department_id uuid,
        keywords text[] NOT NULL DEFAULT '{}',
        note text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, category_code)
      );
      CREATE SEQUENCE cases_case_seq;
      CREATE TABLE cases_case (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        workflow_version integer NOT NULL REFERENCES cases_workflow (version),
        channel text NOT NULL,
        kind text NOT NULL,
        urgency text NOT NULL,
        title text NOT NULL,
        content text NOT NULL,
        search tsvector NOT NULL,
        caller_name_enc text,
        caller_phone_enc text,
        caller_phone_index text,
        caller_account_id uuid,
        confidential boolean NOT NULL DEFAULT false,
        reporter_id text NOT NULL,
        external_ref text,
        address text,
        lon double precision,
        lat double precision,
        street_code text,
        grid_code text,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        attributes jsonb NOT NULL DEFAULT '{}',
        category_code text REFERENCES cases_category (code),
        suggestions jsonb NOT NULL DEFAULT '[]',
        took_first boolean,
        state text NOT NULL,
        open boolean NOT NULL DEFAULT true,
        handling_department_id uuid,
        helper_department_ids uuid[] NOT NULL DEFAULT '{}',
        dispatch_chain uuid[] NOT NULL DEFAULT '{}',
        dispatched_at timestamptz,
        response_due_at timestamptz,
        accepted_at timestamptz,
        due_at timestamptz,
        replied_at timestamptz,
        closed_at timestamptz,
        overdue boolean NOT NULL DEFAULT false,
        reminded_at timestamptz,
        supervision_level smallint NOT NULL DEFAULT 0,
        supervised_at timestamptz,
        extension_status text,
        extension_days integer,
        returns integer NOT NULL DEFAULT 0,
        answer text,
        reply text,
        reply_photo_ids uuid[] NOT NULL DEFAULT '{}',
        solved boolean,
        satisfaction smallint,
        reopen_count smallint NOT NULL DEFAULT 0,
        duplicate_of uuid REFERENCES cases_case (id),
        duplicates integer NOT NULL DEFAULT 0,
        device_id text,
        held_out boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cases_case_region ON cases_case (region_code, created_at, id);
      CREATE INDEX cases_case_open ON cases_case (region_code, state, due_at) WHERE open;
      CREATE INDEX cases_case_unit ON cases_case (handling_department_id, state, due_at) WHERE open;
      CREATE INDEX cases_case_caller ON cases_case (caller_phone_index, created_at) WHERE caller_phone_index IS NOT NULL;
      CREATE INDEX cases_case_account ON cases_case (caller_account_id, created_at) WHERE caller_account_id IS NOT NULL;
      CREATE INDEX cases_case_reporter ON cases_case (reporter_id, created_at);
      CREATE INDEX cases_case_category ON cases_case (category_code, created_at);
      CREATE INDEX cases_case_search ON cases_case USING gin (search);
      CREATE INDEX cases_case_place ON cases_case (lat, lon) WHERE open AND lat IS NOT NULL;
      CREATE UNIQUE INDEX cases_case_external ON cases_case (reporter_id, external_ref) WHERE external_ref IS NOT NULL;
      CREATE TABLE cases_action (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases_case (id),
        region_code text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_id text NOT NULL,
        actor_type text NOT NULL,
        actor_name text NOT NULL,
        department_id uuid,
        opinion text,
        payload jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      );
      CREATE INDEX cases_action_case ON cases_action (case_id, at, id);
      CREATE TABLE cases_knowledge (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        category_code text REFERENCES cases_category (code),
        title text NOT NULL,
        body text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        search tsvector NOT NULL,
        active boolean NOT NULL DEFAULT true,
        uses integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX cases_knowledge_search ON cases_knowledge USING gin (search);
      CREATE TABLE cases_term_count (
        category_code text NOT NULL,
        term text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (category_code, term)
      );
      CREATE TABLE cases_category_count (
        category_code text PRIMARY KEY,
        docs integer NOT NULL,
        terms integer NOT NULL
      );
      CREATE TABLE cases_api_key (
        id uuid PRIMARY KEY,
        key_index text NOT NULL UNIQUE,
        name text NOT NULL,
        jurisdiction_id text NOT NULL,
        region_code text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    // Workflow versions per region: existing rows are the national ones ('' is above every region).
    // Version numbers stay unique across regions, so cases_case.workflow_version keeps its reference.
    name: '0415_cases_workflow_region',
    sql: `
      ALTER TABLE cases_workflow ADD COLUMN region_code text NOT NULL DEFAULT '';
      ALTER TABLE cases_workflow ADD COLUMN reason text;
      ALTER TABLE cases_workflow ADD COLUMN created_by text;
      CREATE INDEX cases_workflow_region ON cases_workflow (region_code, version);
    `,
  },
  {
    name: '0416_cases_action_log',
    // The action log takes the kernel's one shape (kernel/workflow/action-log.ts): the roles the
    // actor held (it had drifted from the services log), files attached to a step and the deadline a step set.
    sql: `
      ALTER TABLE cases_action ADD COLUMN actor_roles text[] NOT NULL DEFAULT '{}';
      ALTER TABLE cases_action ADD COLUMN attachments uuid[] NOT NULL DEFAULT '{}';
      ALTER TABLE cases_action ADD COLUMN due_at timestamptz;
    `,
  },
  {
    // 分得更准: the gazetteer that names the street (属地) from a call's words, and per case the
    // first suggestion made at intake, so accuracy is measured against the unit that finally handled it.
    name: '0420_cases_dispatch_understanding',
    sql: `
      CREATE TABLE cases_place_name (
        region_code text NOT NULL,
        name text NOT NULL,
        street_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('street', 'estate', 'road', 'village', 'landmark')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_code, name, street_code)
      );
      ALTER TABLE cases_case ADD COLUMN first_suggestion jsonb;
      CREATE INDEX cases_case_first_suggestion ON cases_case (region_code, closed_at) WHERE first_suggestion IS NOT NULL;
    `,
  },
  {
    // 统一知识问答库: the knowledge base is also the public Q&A citizens search. \`public\` shows an entry
    // without sign-in; \`public_ref\` names where an entry came from when another module made it (an
    // answered 政民互动 question: 'openness.question:<id>'), so publishing the same source again updates it.
    name: '0430_cases_knowledge_public',
    sql: `
      ALTER TABLE cases_knowledge ADD COLUMN public boolean NOT NULL DEFAULT false;
      ALTER TABLE cases_knowledge ADD COLUMN public_ref text;
      ALTER TABLE cases_knowledge ADD COLUMN published_at timestamptz;
      CREATE UNIQUE INDEX cases_knowledge_public_ref ON cases_knowledge (region_code, public_ref) WHERE public_ref IS NOT NULL;
      CREATE INDEX cases_knowledge_public ON cases_knowledge (region_code, updated_at DESC) WHERE public AND active;
    `,
  },
];
