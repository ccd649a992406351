import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 会议: a meeting invites units (each unit's clerk answers a 报名回执 naming its attendees) and
 * people; a signed, expiring token lets invited staff check in once (签到); the minutes' 议定事项
 * each become a 督办 task, whose id is kept beside the decision.
 */
export const meetingsMigrations: Migration[] = [
  {
    name: '0840_office_meetings',
    sql: `
      CREATE TABLE office_meeting (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text NOT NULL,
        organiser_department_id uuid NOT NULL,
        agenda text NOT NULL,
        reply_due_at timestamptz NOT NULL,
        invited_accounts jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL CHECK (state IN ('draft', 'notified', 'minuted')),
        minutes text,
        minutes_by text,
        minutes_at timestamptz,
        notified_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX office_meeting_organiser ON office_meeting (region_code, organiser_department_id, starts_at DESC);
      CREATE TABLE office_meeting_unit (
        meeting_id uuid NOT NULL REFERENCES office_meeting (id),
        department_id uuid NOT NULL,
        department_name text NOT NULL,
        reply text NOT NULL CHECK (reply IN ('pending', 'attending', 'absent')),
        attendees jsonb NOT NULL DEFAULT '[]',
        replied_by text,
        replied_at timestamptz,
        PRIMARY KEY (meeting_id, department_id)
      );
      CREATE INDEX office_meeting_unit_department ON office_meeting_unit (department_id, reply);
      CREATE TABLE office_meeting_checkin (
        meeting_id uuid NOT NULL REFERENCES office_meeting (id),
        account_id text NOT NULL,
        name text NOT NULL,
        department_id uuid,
        checked_in_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, account_id)
      );
      CREATE TABLE office_meeting_decision (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES office_meeting (id),
        seq integer NOT NULL,
        text text NOT NULL,
        lead_department_id uuid NOT NULL,
        helper_department_ids uuid[] NOT NULL,
        due_date date NOT NULL,
        task_id uuid,
        UNIQUE (meeting_id, seq)
      );
    `,
  },
];
