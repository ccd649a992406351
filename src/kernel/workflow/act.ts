import type { Tx } from '../db/index.ts';
import type { DomainError } from '../http/errors.ts';
import type { Kernel } from '../index.ts';
import type { Actor } from '../audit/index.ts';
import { actorOf, type Principal } from '../policy/index.ts';
import { stepActorOf, writtenOf, type ActionLog, type StepActor, type Written } from './action-log.ts';
import type { WorkflowAction, WorkflowDefinition } from './definition.ts';
import { WorkflowErrors, decide, isEnd, type ActionInput, type Units, type WorkflowActor } from './engine.ts';

/** What every record that moves through states has. */
export interface StateRow {
  id: string;
  state: string;
  version: number;
  region_code: string;
}

/** Everything a handler knows about the step being taken. */
export interface Step<Row extends StateRow, Input> {
  who: Principal;
  actor: WorkflowActor;
  row: Row;
  input: Input;
  action: WorkflowAction;
  def: WorkflowDefinition;
  /** The record's state after the step. */
  to: string;
  ended: boolean;
  now: Date;
}

/** What a handler makes of a step, beyond the new state (which the engine writes). */
export interface StepEffect {
  /** Columns of the record to set. */
  set?: Record<string, unknown>;
  /** What the step recorded: kept on the action row and in the audit entry. */
  payload?: Record<string, unknown>;
  /** Extra fields for the step's event. */
  event?: Record<string, unknown>;
  /** What the audit entry says in the clear beside the change's digest (e.g. why the system decided). */
  summary?: Record<string, unknown>;
  opinion?: string | null;
  attachments?: readonly string[];
  /** The deadline in force after the step, when the step set or moved one. */
  dueAt?: Date | null;
  /** Work inside the step's transaction before the write (e.g. store a 决定书); may add columns to set. */
  before?: (trx: Tx) => Promise<Record<string, unknown> | void>;
  /** Work inside the step's transaction after the write (e.g. count a duplicate on its master case). */
  after?: (trx: Tx) => Promise<void>;
}

/** One handler per action code. A step with no effect beyond its state says so with `noEffect`. */
export type ActionHandler<Row extends StateRow, Input> = (step: Step<Row, Input>) => StepEffect | Promise<StepEffect>;
export type ActionHandlers<Row extends StateRow, Input> = Readonly<Record<string, ActionHandler<Row, Input>>>;
export const noEffect = (): StepEffect => ({});

/**
 * A kind of record that moves through states (办件, 工单, 共享申请, 公文 …): where it lives, how it
 * is read and who may act on it, and the handler of each action its workflows may name.
 */
export interface RecordKind<Row extends StateRow, Input extends ActionInput & { expectedVersion?: number }> {
  /** The audit object type, e.g. `services.application`. */
  objectType: string;
  table: string;
  log: ActionLog;
  /** The event every step publishes, e.g. `services.application.stepped`. */
  topic: string;
  handlers: ActionHandlers<Row, Input>;
  /** Loads the record and checks the caller may see it (404/403 otherwise). */
  load(who: Principal, id: string): Promise<Row>;
  /** The policy point: whether and as whom the caller may act on this record at all. */
  actorOf(who: Principal, row: Row): WorkflowActor | Promise<WorkflowActor>;
  /** The definition the record runs under (the version it was made under). */
  definition(row: Row): Promise<WorkflowDefinition>;
  units(row: Row): Units;
  /**
   * Rules of the record kind beyond its definition (e.g. 审批分离: the reviewer may not decide),
   * checked after the definition allows the step and before anything is written: throws to refuse.
   */
  guard?(who: Principal, row: Row, action: WorkflowAction, def: WorkflowDefinition): void | Promise<void>;
  /** Columns every step sets from the step alone (e.g. `open`, `closed_at`, clocks). */
  stepColumns?(step: Step<Row, Input>): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** What every step records (on the action row and in the audit entry), before the handler's own payload. */
  payloadOf?(step: Step<Row, Input>, set: Record<string, unknown>): Record<string, unknown>;
  /** The opinion kept on the action row when the handler gives none. */
  opinionOf?(input: Input): string | null;
  /** The step's event payload beyond id, action, from and to. */
  eventOf?(step: Step<Row, Input>, set: Record<string, unknown>): Record<string, unknown>;
  /**
   * Who the audit entry and the action row name as the step's actor (default: the caller). A step
   * the platform takes by rule (秒批) names the system, not the account it runs under.
   */
  namedActor?(who: Principal, row: Row): { audit: Actor; step: StepActor };
  /** The module's own codes for the neutral errors, so a page can say "办件" or "工单". */
  errors?: { notInState?: () => DomainError; stateChanged?: () => DomainError };
}

export interface Acted<Row> {
  row: Row;
  action: WorkflowAction;
  from: string;
  to: string;
  /** With `opts.written`: the record as the step wrote it and its history, answered by the write itself. */
  written?: Written<Row>;
}

/**
 * Takes one action on a record: load → policy point → the action allowed from this state by the
 * record's workflow version → the action's handler → new state, action row, audit entry and
 * event written in one transaction.
 *
 * The concurrency rule, stated once for every record kind: a step is decided on the version it
 * read, and its write applies only while the record still has that version. Of two clerks acting
 * at once exactly one write finds the row; the other finds none and gets 409 (the kind's
 * `stateChanged`), with nothing of its step written. A caller may also send the version it showed
 * its user (`expectedVersion`) to be refused before deciding when someone acted in between.
 */
export async function act<Row extends StateRow, Input extends ActionInput & { action: string; expectedVersion?: number }>(
  k: Kernel,
  kind: RecordKind<Row, Input>,
  who: Principal,
  id: string,
  input: Input,
  requestId?: string,
  /** `written`: the write also answers the record as it left it and its history (see Acted.written), so a caller need not read them back. */
  opts: { written?: boolean } = {},
): Promise<Acted<Row>> {
  const stateChanged = kind.errors?.stateChanged ?? WorkflowErrors.stateChanged;
  const row = await kind.load(who, id);
  const actor = await kind.actorOf(who, row);
  const def = await kind.definition(row);
  let action: WorkflowAction;
  try {
    action = decide(def, row.state, input.action, actor, kind.units(row), input);
  } catch (err) {
    if (kind.errors?.notInState && (err as DomainError).code === 'WORKFLOW_NOT_IN_STATE') throw kind.errors.notInState();
    throw err;
  }
  await kind.guard?.(who, row, action, def);
  // An action the definition names but no code handles is refused, never taken as a bare move.
  const handler = Object.prototype.hasOwnProperty.call(kind.handlers, action.code) ? kind.handlers[action.code] : undefined;
  if (!handler) throw WorkflowErrors.notImplemented(action.code);
  if (input.expectedVersion && input.expectedVersion !== row.version) throw stateChanged();
  const now = k.clock.now();
  const step: Step<Row, Input> = { who, actor, row, input, action, def, to: action.to, ended: isEnd(def, action.to), now };
  const effect = await handler(step);
  const common = (await kind.stepColumns?.(step)) ?? {};
  const named = kind.namedActor?.(who, row) ?? { audit: actorOf(who), step: stepActorOf(who) };
  let written: Written<Row> | undefined;
  await k.db.transaction().execute(async (trx) => {
    const set = { ...common, ...effect.set, ...((await effect.before?.(trx)) ?? {}) };
    const payload = { ...kind.payloadOf?.(step, set), ...effect.payload };
    const update = trx
      .updateTable(kind.table)
      .set({ ...set, state: action.to, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version);
    const main = opts.written ? update.returningAll() : update.returning(['id', 'region_code']);
    const done = await k.tracedWrite(
      trx,
      main,
      {
        actor: named.audit,
        action: action.code,
        objectType: kind.objectType,
        objectId: row.id,
        regionCode: row.region_code,
        change: { from: row.state, to: action.to, ...payload },
        ...(effect.summary ? { summary: effect.summary } : {}),
        event: { topic: kind.topic, payload: { id: row.id, action: action.code, from: row.state, to: action.to, ...(kind.eventOf?.(step, set) ?? {}), ...effect.event } },
        requestId,
      },
      kind.log.appendFrom(
        'main',
        {
          action: action.code,
          from: row.state,
          to: action.to,
          actor: named.step,
          opinion: effect.opinion !== undefined ? effect.opinion : (kind.opinionOf?.(input) ?? null),
          attachments: effect.attachments,
          dueAt: effect.dueAt,
          payload,
          at: now,
        },
        opts.written ? { returning: kind.log.returningWritten('main') } : {},
      ),
    );
    if (done.length === 0) throw stateChanged();
    if (opts.written) written = writtenOf<Row>(done[0] as Record<string, unknown>);
    await effect.after?.(trx);
  });
  return { row, action, from: row.state, to: action.to, ...(written ? { written } : {}) };
}
