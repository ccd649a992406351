import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { App } from '../../kernel/http/app.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { CodeLabel, JsonObject, ProblemSchema } from '../../kernel/http/schemas.ts';
import { handlerProblems, validateDefinition, WorkflowDefinition, type DefinitionProblem } from '../../kernel/workflow/index.ts';
import { ROLES } from '../org/index.ts';
import { APPLICATION_ACTIONS } from './application-steps.ts';
import { INSTANT_WORKFLOW, PROMISED_WORKFLOW } from './default-workflows.ts';
import type { LicenceReferences } from './licence-refs.ts';
import { PREFILL_KEYS, PREFILL_LABELS } from './prefill-keys.ts';

const tags = ['services'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema };
const Problem = Type.Object({ path: Type.String(), message: Type.String() });
const MAX_CHARS = 64 * 1024;

/**
 * Every problem that keeps a draft application workflow from being saved, checked the way saving an
 * item checks it (the kernel's rules and this module's action handlers), all at once with paths.
 */
export function workflowProblems(def: unknown): DefinitionProblem[] {
  if (!Value.Check(WorkflowDefinition, def)) {
    const seen = new Set<string>();
    return [...Value.Errors(WorkflowDefinition, def)]
      .map((e) => ({ path: e.path || '/', message: `${e.message} / 定义格式不正确` }))
      .filter((p) => !seen.has(p.path) && seen.add(p.path))
      .slice(0, 20);
  }
  return [
    ...validateDefinition(
      def,
      ROLES.map((r) => r.code),
    ),
    ...handlerProblems(def, APPLICATION_ACTIONS),
  ];
}

/** What the item editors need from the server: the lists to pick from, and a check of a draft workflow. */
export function serviceEditorRoutes(licences: () => LicenceReferences | null = () => null) {
  return async function (app: App) {
    app.get(
      '/api/services/editor-codes',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '事项编辑器选项（预填来源、流程动作）/ What the item editors offer to pick',
          description: 'Prefill sources: verified identity, the base databases, and `licence.<type>` (the number of a licence of that type the applicant holds).',
          response: { 200: Type.Object({ prefillSources: Type.Array(CodeLabel), workflowActions: Type.Array(CodeLabel) }), ...errors },
        },
      },
      async () => {
        const known = new Map<string, { zh: string; en: string }>();
        for (const a of [...PROMISED_WORKFLOW.actions, ...INSTANT_WORKFLOW.actions]) if (!known.has(a.code)) known.set(a.code, { zh: a.zh, en: a.en });
        return {
          prefillSources: [
            ...PREFILL_KEYS.map((code) => ({ code, zh: PREFILL_LABELS[code][0], en: PREFILL_LABELS[code][1] })),
            ...((await licences()?.types()) ?? []).map((t) => ({ code: `licence.${t.key}`, zh: `${t.zh}编号（电子证照）`, en: `${t.en} number (e-licence)` })),
          ],
          workflowActions: APPLICATION_ACTIONS.map((code) => ({ code, ...(known.get(code) ?? { zh: code, en: code }) })),
        };
      },
    );
    app.post(
      '/api/services/workflows/validate',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '检查事项办理流程草稿 / Check a draft application workflow',
          description: 'Answers every problem saving an item with this workflow would report (paths relative to the workflow); none means it may be saved.',
          body: Type.Object({ workflow: JsonObject }, { additionalProperties: false }),
          response: { 200: Type.Object({ problems: Type.Array(Problem) }), ...errors },
        },
      },
      async (req) => {
        if (JSON.stringify(req.body.workflow).length > MAX_CHARS) throw Errors.tooLarge();
        return { problems: workflowProblems(req.body.workflow) };
      },
    );
  };
}
