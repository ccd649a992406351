import { sql, type RawBuilder } from 'kysely';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Executor } from '../db/index.ts';
import type { DefaultedJson, Timestamp } from '../db/tables.ts';
import type { Generated } from 'kysely';
import type { Principal } from '../policy/index.ts';

/**
 * The one shape of an action log (办理过程): every module's records that move through states keep
 * one row per step in a table of this shape, named `<module>_<record>_action` or `<module>_action`,
 * whose only difference is the name of the column pointing at the record (`application_id`,
 * `case_id`, `request_id`). Declared here once so the tables cannot drift apart again; the
 * append SQL below is the only place that writes them.
 */
export const ACTION_LOG_COLUMNS = [
  'id',
  '<record>',
  'region_code',
  'action',
  'from_state',
  'to_state',
  'actor_id',
  'actor_type',
  'actor_name',
  'actor_roles',
  'department_id',
  'opinion',
  'attachments',
  'due_at',
  'payload',
  'at',
] as const;

/**
 * The row type of an action log made by actionLogTableSql, `K` being the record column (e.g.
 * `document_id`), so a module's tables.ts declares the table in one line instead of restating it.
 */
export type ActionLogRow<K extends string> = { [P in K]: string } & {
  id: string;
  region_code: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_type: string;
  actor_name: string;
  actor_roles: Generated<string[]>;
  department_id: string | null;
  opinion: string | null;
  attachments: Generated<string[]>;
  due_at: Timestamp | null;
  payload: DefaultedJson<unknown>;
  at: Timestamp;
};

/** DDL for a new action log of the one shape, for a module's migration. */
export function actionLogTableSql(table: string, recordColumn: string, recordTable: string): string {
  return `
    CREATE TABLE ${table} (
      id uuid PRIMARY KEY,
      ${recordColumn} uuid NOT NULL REFERENCES ${recordTable} (id),
      region_code text NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id text NOT NULL,
      actor_type text NOT NULL,
      actor_name text NOT NULL,
      actor_roles text[] NOT NULL DEFAULT '{}',
      department_id uuid,
      opinion text,
      attachments uuid[] NOT NULL DEFAULT '{}',
      due_at timestamptz,
      payload jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL
    );
    CREATE INDEX ${table}_record ON ${table} (${recordColumn}, at, id)`;
}

/** Who took a step, as the log keeps it (a person, a staff member, a client system or the platform). */
export interface StepActor {
  id: string;
  type: string;
  name: string;
  roles: readonly string[];
  departmentId: string | null;
}

export const SYSTEM_STEP_ACTOR: StepActor = { id: 'system', type: 'system', name: '系统', roles: [], departmentId: null };

export function stepActorOf(who: Principal): StepActor {
  return { id: who.accountId, type: who.type, name: who.name, roles: who.roles, departmentId: who.departmentId };
}

/** One step as logged. `from`/`to` may be SQL over the source rows (alias `m`) for set-based steps. */
export interface ActionEntry {
  action: string;
  from: string | null | RawBuilder<unknown>;
  to: string | RawBuilder<unknown>;
  actor: StepActor;
  opinion?: string | null;
  /** Files attached to the step (e.g. 现场照片, an opinion's scan). */
  attachments?: readonly string[];
  /** The deadline in force after the step, when the step set or moved one. */
  dueAt?: Date | null;
  payload?: Record<string, unknown>;
  at: Date;
}

const COLUMNS = (recordColumn: string) => ACTION_LOG_COLUMNS.map((c) => (c === '<record>' ? recordColumn : c)).join(', ');
const expr = (v: string | null | RawBuilder<unknown>) => (v === null || typeof v === 'string' ? sql`${v}` : v);

/** An action log table of the one shape. */
export class ActionLog {
  constructor(
    readonly table: string,
    readonly recordColumn: string,
  ) {}

  /**
   * INSERT … SELECT of the step for every row of `source` (a CTE with `id` and `region_code`,
   * e.g. the `main` of a traced write), so the change and its log row are one statement.
   * `many`: the source may hold several rows (a set-based sweep), so ids are drawn per row;
   * `returning`: what the statement answers (default: the record's id).
   */
  appendFrom(source: string, e: ActionEntry, opts: { many?: boolean; returning?: RawBuilder<unknown> } = {}): RawBuilder<unknown> {
    const id = opts.many ? sql`gen_random_uuid()` : sql`${uuidv7()}::uuid`;
    return sql`INSERT INTO ${sql.raw(this.table)} (${sql.raw(COLUMNS(this.recordColumn))})
      SELECT ${id}, m.id, m.region_code, ${e.action}, ${expr(e.from)}, ${expr(e.to)}, ${e.actor.id}, ${e.actor.type}, ${e.actor.name},
        ${[...e.actor.roles]}::text[], ${e.actor.departmentId}::uuid, ${e.opinion ?? null}, ${[...(e.attachments ?? [])]}::uuid[], ${e.dueAt ?? null}::timestamptz,
        ${JSON.stringify(e.payload ?? {})}::jsonb, ${e.at}
      FROM ${sql.raw(source)} m RETURNING ${opts.returning ?? sql.raw(this.recordColumn)}`;
  }

  /**
   * A RETURNING for `appendFrom` that answers, beside the new step's row, the record as the same
   * statement wrote it (`record`: the source CTE's row, which must return every column) and the
   * steps before this one (`history`, in order), so a caller can show the result without reading
   * it back. Read them with `writtenOf`.
   */
  returningWritten(source: string): RawBuilder<unknown> {
    const t = sql.raw(this.table);
    const c = sql.raw(this.recordColumn);
    return sql`*, (SELECT to_jsonb(m) FROM ${sql.raw(source)} m) AS record,
      (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.at, s.id), '[]'::jsonb) FROM ${t} s WHERE s.${c} = ${t}.${c}) AS history`;
  }

  /** The step as a row to insert with the query builder (bulk loads such as a history import). */
  row(recordId: string, regionCode: string, e: ActionEntry & { from: string | null; to: string }): Record<string, unknown> {
    return {
      id: uuidv7(),
      [this.recordColumn]: recordId,
      region_code: regionCode,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      actor_id: e.actor.id,
      actor_type: e.actor.type,
      actor_name: e.actor.name,
      actor_roles: [...e.actor.roles],
      department_id: e.actor.departmentId,
      opinion: e.opinion ?? null,
      attachments: [...(e.attachments ?? [])],
      due_at: e.dueAt ?? null,
      payload: JSON.stringify(e.payload ?? {}),
      at: e.at,
    };
  }

  /** Appends one step of a record inside the caller's transaction (steps that change no state: 认领, 评价). */
  async append(ex: Executor, recordId: string, regionCode: string, e: ActionEntry & { from: string | null; to: string }): Promise<void> {
    await ex
      .insertInto(this.table)
      .values(this.row(recordId, regionCode, e))
      .execute();
  }

  /** A record's steps in order. */
  history(ex: Executor, recordId: string) {
    return ex.selectFrom(this.table).selectAll().where(this.recordColumn, '=', recordId).orderBy('at').orderBy('id').execute();
  }
}

/** What one step wrote, as `returningWritten` answers it: the record, and its whole history with this step last. */
export interface Written<Row> {
  record: Row;
  history: Record<string, unknown>[];
}

// Times come back from to_jsonb as text; the log's and the records' time columns are named `at` or `…_at`.
const revive = (o: Record<string, unknown>) => {
  for (const [key, v] of Object.entries(o)) if (typeof v === 'string' && (key === 'at' || key.endsWith('_at'))) o[key] = new Date(v);
  return o;
};

/** Reads a row answered with `returningWritten` (the times as Dates, as a plain read gives them). */
export function writtenOf<Row>(r: Record<string, unknown>): Written<Row> {
  const { record, history, ...step } = r as { record: Record<string, unknown>; history: Record<string, unknown>[] } & Record<string, unknown>;
  const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return { record: revive(parse<Record<string, unknown>>(record)) as Row, history: [...parse<Record<string, unknown>[]>(history).map(revive), step] };
}
