import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { JsonObject, ProblemSchema } from '../../kernel/http/schemas.ts';
import { describeRule, parseRule } from '../../kernel/rules/index.ts';
import type { InstantApproval } from './instant.ts';

const tags = ['services'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema };
const Subject = Type.Union([Type.Literal('person'), Type.Literal('entity')]);
const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const MAX_CHARS = 32 * 1024;

const FactView = Type.Object({
  code: Type.String(),
  type: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  unit: Type.Optional(Label),
  values: Type.Optional(Type.Array(Type.String())),
  source: Type.Object({ resource: Type.String(), item: Type.String(), zh: Type.String(), en: Type.String() }),
});

/** What the item editor needs for 秒批: the facts a rule may name, and a check of a draft rule in words. */
export function instantRoutes(instant: InstantApproval) {
  return async function (app: App) {
    app.get(
      '/api/services/instant-facts',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '秒批规则可用的事实 / Facts a 秒批 rule may name',
          description: "The base data's facts for the subject, and the form's fields (`form.<field>`) when a form schema is posted to the check.",
          querystring: Type.Object({ subject: Subject }, { additionalProperties: false }),
          response: { 200: Type.Array(FactView), ...errors },
        },
      },
      async (req) => [...instant.catalogOf({ form: { schema: {} } }, req.query.subject).values()].map(({ subject: _s, ...f }) => ({ ...f, values: f.values ? [...f.values] : undefined })),
    );
    app.post(
      '/api/services/instant-rules/check',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '检查秒批规则草稿 / Check a draft 秒批 rule',
          description: 'Checks the rule as saving the item would (422 RULE_* with the place) and says it in words (申报条件).',
          body: Type.Object({ subject: Subject, rule: JsonObject, formSchema: Type.Optional(JsonObject) }, { additionalProperties: false }),
          response: { 200: Type.Object({ zh: Type.String(), en: Type.String(), facts: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (req) => {
        if (JSON.stringify(req.body).length > MAX_CHARS) throw Errors.tooLarge();
        const { node, facts } = parseRule(req.body.rule, instant.catalogOf({ form: { schema: req.body.formSchema ?? {} } }, req.body.subject));
        return { zh: describeRule(node, 'zh'), en: describeRule(node, 'en'), facts };
      },
    );
  };
}
