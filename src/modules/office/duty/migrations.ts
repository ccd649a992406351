import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 值班: a rota row per unit and day (带班领导, 值班员; the day's kind from the working-day
 * calendar), 交接班 records the incoming officer acknowledges, the 值班日志, and 突发事件信息
 * reports, each of which may open a 12345/一网统管 case whose number is written back here.
 */
export const dutyMigrations: Migration[] = [
  {
    name: '0850_office_duty',
    sql: `
      CREATE TABLE office_duty_shift (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        day date NOT NULL,
        day_kind text NOT NULL CHECK (day_kind IN ('workday', 'weekend', 'holiday')),
        leader text,
        officers text[] NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (department_id, day)
      );
      CREATE TABLE office_duty_handover (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        day date NOT NULL,
        from_account_id text NOT NULL,
        from_name text NOT NULL,
        to_name text NOT NULL,
        items text NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'acknowledged')),
        acknowledged_by text,
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX office_duty_handover_department ON office_duty_handover (department_id, created_at DESC);
      CREATE TABLE office_duty_log (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('call', 'document', 'incident', 'other')),
        text text NOT NULL,
        author_id text NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX office_duty_log_department ON office_duty_log (department_id, at DESC);
      CREATE TABLE office_duty_incident (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        what text NOT NULL,
        place text NOT NULL,
        occurred_at timestamptz NOT NULL,
        casualties integer NOT NULL,
        reporter text NOT NULL,
        lon float8 NOT NULL,
        lat float8 NOT NULL,
        reported_by text NOT NULL,
        reported_at timestamptz NOT NULL,
        case_id uuid,
        case_number text
      );
      CREATE INDEX office_duty_incident_department ON office_duty_incident (department_id, reported_at DESC);
    `,
  },
];
