import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId as uuidv7 } from '../ids/index.ts';
import { Type } from '@sinclair/typebox';
import { FakeClock } from '../clock/index.ts';
import { loadConfig } from '../config/index.ts';
import { generateKeys } from '../crypto/index.ts';
import { openTestDatabase, runMigrations, type Database } from '../db/index.ts';
import { createKernel, kernelMigrations, type Kernel } from '../index.ts';
import { createLogger } from '../log/index.ts';
import type { Principal } from '../policy/index.ts';
import { ActionLog, actionLogTableSql, act, handlerProblems, noEffect, validateDefinition, type ActionHandlers, type RecordKind, type StateRow, type WorkflowDefinition } from './index.ts';

/**
 * The action engine on the kernel alone, with a record kind made up for the test (a ticket), so
 * what is checked is the engine's rule, not any module's.
 */
const TICKET_WORKFLOW: WorkflowDefinition = {
  initial: 'open',
  states: { open: { zh: '待办', en: 'Open' }, taken: { zh: '办理中', en: 'Taken' }, closed: { zh: '已办结', en: 'Closed', kind: 'end' } },
  actions: [
    { code: 'take', zh: '认领', en: 'Take', from: ['open'], to: 'taken', actor: 'staff', roles: ['clerk'], unit: 'region' },
    { code: 'close', zh: '办结', en: 'Close', from: ['taken'], to: 'closed', actor: 'staff', roles: ['clerk'], unit: 'region', requires: ['reason'] },
  ],
};
type Ticket = StateRow & { note: string | null };
type Input = { action: string; reason?: string; expectedVersion?: number };

let db: Database;
let k: Kernel;
const clerk = (name: string): Principal => ({
  accountId: `clerk-${name}`,
  type: 'staff',
  name,
  regionCode: '152201',
  departmentId: null,
  roles: ['clerk'],
  permissions: new Set(['ticket.handle']),
  sessionId: null,
});
const log = new ActionLog('test_ticket_action', 'ticket_id');

function kindWith(handlers: ActionHandlers<Ticket, Input>, def: WorkflowDefinition = TICKET_WORKFLOW): RecordKind<Ticket, Input> {
  return {
    objectType: 'test.ticket',
    table: 'test_ticket',
    log,
    topic: 'test.ticket.stepped',
    handlers,
    load: async (_who, id) => (await k.db.selectFrom('test_ticket').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Ticket,
    actorOf: (who) => ({ kind: 'staff', roles: who.roles, departmentId: who.departmentId }),
    definition: async () => def,
    units: () => null,
    opinionOf: (input) => input.reason ?? null,
  };
}
const handlers: ActionHandlers<Ticket, Input> = { take: noEffect, close: ({ input }) => ({ set: { note: input.reason } }) };

async function newTicket(): Promise<string> {
  const id = uuidv7();
  await k.db.insertInto('test_ticket').values({ id, region_code: '152201', state: 'open', version: 1, updated_at: new Date() }).execute();
  return id;
}
const stateOf = async (id: string) => k.db.selectFrom('test_ticket').select(['state', 'version', 'note']).where('id', '=', id).executeTakeFirstOrThrow();
const stepsOf = async (id: string) => (await log.history(k.db, id)).map((r) => `${r.action}:${r.from_state}->${r.to_state}`);
const auditOf = async (id: string) => (await k.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', id).execute()).map((r) => r.action);

beforeAll(async () => {
  const dataDir = `/tmp/yw-act-${process.pid}`;
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false, workers: false }, dataDir);
  db = await openTestDatabase(4);
  k = createKernel({ config, database: db, log: createLogger('silent'), clock: new FakeClock('2026-03-02T09:00:00+08:00'), keys: generateKeys(), sink: { send: async () => {} } });
  k.events.declare('test.ticket.stepped', Type.Object({ id: Type.String(), action: Type.String(), from: Type.String(), to: Type.String() }));
  await runMigrations(db.db, [
    ...kernelMigrations,
    {
      name: '9000_test_ticket',
      sql: `CREATE TABLE test_ticket (id uuid PRIMARY KEY, region_code text NOT NULL, state text NOT NULL, version integer NOT NULL, note text, updated_at timestamptz NOT NULL);
        ${actionLogTableSql('test_ticket_action', 'ticket_id', 'test_ticket')}`,
    },
  ]);
});
afterAll(async () => db.close());

describe('the action engine', () => {
  it('writes the new state, the action row, the audit entry and the event of a step together', async () => {
    const id = await newTicket();
    const done = await act(k, kindWith(handlers), clerk('甲'), id, { action: 'take' });
    expect(done.to).toBe('taken');
    expect(await stateOf(id)).toMatchObject({ state: 'taken', version: 2 });
    const [row] = await log.history(k.db, id);
    expect(row).toMatchObject({ action: 'take', from_state: 'open', to_state: 'taken', actor_name: '甲', actor_roles: ['clerk'] });
    expect(await auditOf(id)).toEqual(['take']);
    const events = await k.db.selectFrom('kernel_outbox').select(['topic', 'payload']).where('topic', '=', 'test.ticket.stepped').execute();
    expect(events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload))).toContainEqual(expect.objectContaining({ id, action: 'take', from: 'open', to: 'taken' }));
  });

  it('lets exactly one of two clerks acting at once win; the other gets a 409 and writes nothing', async () => {
    const id = await newTicket();
    // Both handlers run only once both clerks have read the ticket, so both decide on version 1.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const racing = kindWith({ ...handlers, take: async () => (++arrived === 2 && release(), await bothRead, {}) });
    const results = await Promise.allSettled([act(k, racing, clerk('甲'), id, { action: 'take' }), act(k, racing, clerk('乙'), id, { action: 'take' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'WORKFLOW_STATE_CHANGED', status: 409 });
    expect(await stateOf(id)).toMatchObject({ state: 'taken', version: 2 });
    expect(await stepsOf(id)).toEqual(['take:open->taken']);
    expect(await auditOf(id)).toEqual(['take']);
  });

  it('refuses an action the workflow does not name, and one from the wrong state', async () => {
    const id = await newTicket();
    await expect(act(k, kindWith(handlers), clerk('甲'), id, { action: 'teleport' })).rejects.toMatchObject({ code: 'WORKFLOW_UNKNOWN_ACTION', status: 400 });
    await expect(act(k, kindWith(handlers), clerk('甲'), id, { action: 'close', reason: '好了' })).rejects.toMatchObject({ code: 'WORKFLOW_NOT_IN_STATE', status: 409 });
    expect(await stateOf(id)).toMatchObject({ state: 'open', version: 1 });
    expect(await stepsOf(id)).toEqual([]);
  });

  it('refuses an action the workflow names but no handler implements, rather than moving the state bare', async () => {
    const id = await newTicket();
    await expect(act(k, kindWith({ close: handlers.close }), clerk('甲'), id, { action: 'take' })).rejects.toMatchObject({ code: 'WORKFLOW_ACTION_NOT_IMPLEMENTED', status: 409 });
    expect(await stateOf(id)).toMatchObject({ state: 'open', version: 1 });
    expect(await auditOf(id)).toEqual([]);
  });

  it('asks for what an action requires, and refuses a stale view of the record', async () => {
    const id = await newTicket();
    await act(k, kindWith(handlers), clerk('甲'), id, { action: 'take' });
    await expect(act(k, kindWith(handlers), clerk('甲'), id, { action: 'close', reason: '  ' })).rejects.toMatchObject({ code: 'WORKFLOW_INPUT_MISSING', zh: '此操作须填写：理由' });
    await expect(act(k, kindWith(handlers), clerk('甲'), id, { action: 'close', reason: '已处理', expectedVersion: 1 })).rejects.toMatchObject({ code: 'WORKFLOW_STATE_CHANGED' });
    await act(k, kindWith(handlers), clerk('甲'), id, { action: 'close', reason: '已处理', expectedVersion: 2 });
    expect(await stateOf(id)).toMatchObject({ state: 'closed', version: 3, note: '已处理' });
    expect((await log.history(k.db, id)).at(-1)).toMatchObject({ action: 'close', opinion: '已处理' });
  });

  it('writes nothing of a step whose work in the transaction fails', async () => {
    const id = await newTicket();
    const failing = kindWith({ ...handlers, take: () => ({ set: { note: '半截' }, after: async () => Promise.reject(new Error('disk full')) }) });
    await expect(act(k, failing, clerk('甲'), id, { action: 'take' })).rejects.toThrow('disk full');
    expect(await stateOf(id)).toMatchObject({ state: 'open', version: 1, note: null });
    expect(await stepsOf(id)).toEqual([]);
    expect(await auditOf(id)).toEqual([]);
  });
});

describe('saving a workflow definition', () => {
  it('names every action without a handler', () => {
    const def = structuredClone(TICKET_WORKFLOW);
    def.actions.push({ code: 'reopen', zh: '重办', en: 'Reopen', from: ['taken'], to: 'open', actor: 'staff', roles: ['clerk'] });
    expect(handlerProblems(def, handlers)).toEqual([{ path: '/actions/2/code', message: expect.stringContaining('reopen') }]);
    expect(handlerProblems(TICKET_WORKFLOW, handlers)).toEqual([]);
  });

  it('refuses a cycle with no way out', () => {
    const def = structuredClone(TICKET_WORKFLOW);
    def.states.loop = { zh: '循环', en: 'Loop' };
    def.actions.push({ code: 'spin', zh: '转', en: 'Spin', from: ['taken'], to: 'loop', actor: 'staff', roles: ['clerk'] });
    def.actions.push({ code: 'again', zh: '再转', en: 'Again', from: ['loop'], to: 'loop', actor: 'staff', roles: ['clerk'] });
    expect(validateDefinition(def, ['clerk'])).toContainEqual({ path: '/states/loop', message: expect.stringContaining('never finish') });
  });
});
