// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { validateDefinition, type WorkflowDefinition } from '../../kernel/workflow/index.ts';
import { ALL_DEMO_ITEMS, demoItemContent } from '../../../seed/service-items.ts';
import { fromDefinition, IDENTITY_SOURCES, PREFILL_SOURCES, toDefinition } from '../../../web/src/admin/editors/formModel.ts';
import { clientProblems, type WfDefinition } from '../../../web/src/admin/editors/workflowModel.ts';
import { FACT_KEYS } from '../identity/index.ts';
import { PREFILL_KEYS } from './prefill-keys.ts';
import { ROLES } from '../org/index.ts';
import { APPLICATION_ACTIONS } from './application-steps.ts';
import { INSTANT_WORKFLOW, PROMISED_WORKFLOW } from './default-workflows.ts';

/** The admin editors' page-side models held to what this module accepts. */
const ROLE_CODES = ROLES.map((r) => r.code);

describe('the admin editors agree with the server', () => {
  it('offer exactly the prefill sources the server accepts', () => {
    expect([...PREFILL_SOURCES].sort()).toEqual([...PREFILL_KEYS].sort());
    // The window's form leaves out what identity always answers, and only that.
    expect([...IDENTITY_SOURCES].sort()).toEqual([...FACT_KEYS].sort());
  });

  it('keep every demo item form the same through the form builder', () => {
    for (const d of ALL_DEMO_ITEMS) {
      const form = demoItemContent(d, '00000000-0000-7000-8000-000000000000').form;
      const back = toDefinition(fromDefinition(form as never));
      expect(back.schema).toEqual(form.schema);
      expect(back.prefill).toEqual(form.prefill);
      for (const [k, v] of Object.entries(form.uiSchema ?? {})) expect((back.uiSchema as Record<string, object>)[k]).toMatchObject(v as object);
    }
  });

  it('find nothing wrong in the standard paths, and an unreachable state where the server does', () => {
    for (const wf of [PROMISED_WORKFLOW, INSTANT_WORKFLOW]) expect(clientProblems(wf as WfDefinition, ROLE_CODES, APPLICATION_ACTIONS)).toEqual([]);
    const def = structuredClone(PROMISED_WORKFLOW) as WfDefinition;
    def.states.archive = { zh: '归档', en: 'Archived', kind: 'end' };
    def.actions.push({ code: 'fast_track', zh: '绿色通道', en: 'Fast track', from: ['review'], to: 'decision', actor: 'staff', roles: ['librarian'] });
    const mine = clientProblems(def, ROLE_CODES, APPLICATION_ACTIONS).map((p) => p.path);
    const server = validateDefinition(def as WorkflowDefinition, ROLE_CODES).map((p) => p.path);
    expect(server.every((p) => mine.includes(p))).toBe(true);
    expect(mine).toContain(`/actions/${def.actions.length - 1}/code`);
  });
});
