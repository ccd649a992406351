// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { availableActions, decide, strandedStates, validateDefinition, type WorkflowDefinition } from './index.ts';

const roles = ['window_staff', 'approver'];
const def: WorkflowDefinition = {
  initial: 'submitted',
  states: {
    submitted: { zh: '待受理', en: 'Submitted' },
    supplement: { zh: '待补正', en: 'Supplement', kind: 'paused' },
    review: { zh: '审查', en: 'Review', limitDays: 5 },
    done: { zh: '办结', en: 'Done', kind: 'end' },
    rejected: { zh: '不予受理', en: 'Rejected', kind: 'end' },
  },
  actions: [
    { code: 'accept', zh: '受理', en: 'Accept', from: ['submitted'], to: 'review', actor: 'staff', roles: ['window_staff'], unit: 'region' },
    { code: 'reject', zh: '不予受理', en: 'Reject', from: ['submitted'], to: 'rejected', actor: 'staff', roles: ['window_staff'], requires: ['reason'] },
    { code: 'ask', zh: '补正', en: 'Ask', from: ['submitted'], to: 'supplement', actor: 'staff', roles: ['window_staff'], requires: ['items'] },
    { code: 'answer', zh: '提交补正', en: 'Answer', from: ['supplement'], to: 'submitted', actor: 'applicant' },
    { code: 'approve', zh: '批准', en: 'Approve', from: ['review'], to: 'done', actor: 'staff', roles: ['approver'], unit: 'department', outcome: 'approved' },
  ],
};
const clone = () => structuredClone(def);
const approverOf = (dept: string) => ({ kind: 'staff' as const, roles: ['approver'], departmentId: dept });

describe('workflow definitions', () => {
  it('accepts a sound definition', () => {
    expect(validateDefinition(def, roles)).toEqual([]);
  });
  it('refuses a state that cannot be reached', () => {
    const d = clone();
    d.states.orphan = { zh: '孤立', en: 'Orphan' };
    d.actions.push({ code: 'out', zh: '出', en: 'Out', from: ['orphan'], to: 'done', actor: 'system' });
    expect(validateDefinition(d, roles).map((p) => p.path)).toContain('/states/orphan');
  });
  it('refuses a dead state that can never finish', () => {
    const d = clone();
    d.states.limbo = { zh: '搁置', en: 'Limbo' };
    d.actions.push({ code: 'park', zh: '搁置', en: 'Park', from: ['review'], to: 'limbo', actor: 'system' });
    d.actions.push({ code: 'loop', zh: '循环', en: 'Loop', from: ['limbo'], to: 'limbo', actor: 'system' });
    const problems = validateDefinition(d, roles);
    expect(problems.find((p) => p.path === '/states/limbo')?.message).toMatch(/never finish/);
  });
  it('refuses unknown roles, unknown states and actions out of an end state', () => {
    const d = clone();
    d.actions[0].roles = ['wizard'];
    d.actions[1].to = 'nowhere';
    d.actions.push({ code: 'reopen', zh: '重开', en: 'Reopen', from: ['done'], to: 'review', actor: 'system' });
    const paths = validateDefinition(d, roles).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/actions/0/roles/0', '/actions/1/to', '/actions/5/from/0']));
  });
  it('refuses a definition without any end state', () => {
    const d = clone();
    for (const s of Object.values(d.states)) delete s.kind;
    expect(validateDefinition(d, roles).map((p) => p.path)).toContain('/states');
  });
});

describe('deciding a step', () => {
  it('moves a record along an allowed action', () => {
    expect(decide(def, 'submitted', 'accept', { kind: 'staff', roles: ['window_staff'], departmentId: 'front' }, 'market').to).toBe('review');
  });
  it('refuses an action not allowed in the current state', () => {
    expect(() => decide(def, 'review', 'accept', { kind: 'staff', roles: ['window_staff'], departmentId: null }, 'market')).toThrow(/current state/);
  });
  it('refuses an approver of another department', () => {
    expect(() => decide(def, 'review', 'approve', approverOf('health'), 'market')).toThrow(expect.objectContaining({ code: 'WORKFLOW_ACTOR_NOT_ALLOWED' }));
    expect(decide(def, 'review', 'approve', approverOf('market'), 'market').outcome).toBe('approved');
  });
  it('refuses an applicant taking a staff action and a missing reason', () => {
    expect(() => decide(def, 'submitted', 'accept', { kind: 'applicant', roles: [], departmentId: null }, 'market')).toThrow(expect.objectContaining({ code: 'WORKFLOW_ACTOR_NOT_ALLOWED' }));
    expect(() => decide(def, 'submitted', 'reject', { kind: 'staff', roles: ['window_staff'], departmentId: null }, 'market', { reason: '  ' })).toThrow(
      expect.objectContaining({ code: 'WORKFLOW_INPUT_MISSING' }),
    );
  });
  it('leaves a dispatcher-bound action to the unit that sent the record down', () => {
    const d = clone();
    d.actions.push({ code: 'take_back', zh: '收回', en: 'Take back', from: ['review'], to: 'submitted', actor: 'staff', roles: ['approver'], unit: 'dispatcher' });
    const units = { handling: 'street', dispatcher: 'market' };
    expect(() => decide(d, 'review', 'take_back', approverOf('street'), units)).toThrow(expect.objectContaining({ code: 'WORKFLOW_ACTOR_NOT_ALLOWED' }));
    expect(decide(d, 'review', 'take_back', approverOf('market'), units).to).toBe('submitted');
  });
  it('lists the actions an actor can take', () => {
    expect(availableActions(def, 'submitted', { kind: 'staff', roles: ['window_staff'], departmentId: null }, 'market').map((a) => a.code)).toEqual(['accept', 'reject', 'ask']);
    expect(availableActions(def, 'review', approverOf('health'), 'market')).toEqual([]);
  });
});

describe('editing a definition with records in flight', () => {
  it('names the states a new definition would strand', () => {
    const d = clone();
    delete d.states.supplement;
    d.actions = d.actions.filter((a) => a.code !== 'ask' && a.code !== 'answer');
    expect(strandedStates(d, ['submitted', 'supplement', 'review'])).toEqual(['supplement']);
    expect(strandedStates(def, ['submitted', 'supplement'])).toEqual([]);
  });
});
