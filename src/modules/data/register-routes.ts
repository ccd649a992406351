import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { DISABILITY_CATEGORIES, type Registers } from './facts/registers.ts';

const tags = ['data'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const IdNumber = Type.String({ minLength: 18, maxLength: 18 });
const Day = Type.String({ format: 'date' });
const count = (max: number) => Type.Integer({ minimum: 0, maximum: max });
const done = { 204: Type.Null(), ...errors };

/**
 * Entries into the registers the rules read, for the data bureau to record what a department
 * reports (补录) until that department's system pushes them itself. Each entry is audited and
 * announced (`data.base.changed`), so benefits over it are re-checked at once.
 */
export function registerRoutes(r: Registers) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const config = { permission: 'data.catalogue' };
    app.post('/api/data/registers/deaths', { config, schema: { tags, summary: '登记死亡信息 / Record a death', body: Type.Object({ idNumber: IdNumber, diedOn: Day }, { additionalProperties: false }), response: done } }, async (req, reply) => {
      await r.recordDeath(me(req), req.body);
      return reply.status(204).send(null);
    });
    app.put(
      '/api/data/registers/disabilities',
      { config, schema: { tags, summary: '登记残疾人信息 / Record a disability', body: Type.Object({ idNumber: IdNumber, grade: Type.Integer({ minimum: 1, maximum: 4 }), category: Type.Union(DISABILITY_CATEGORIES.map((c) => Type.Literal(c))) }, { additionalProperties: false }), response: done } },
      async (req, reply) => {
        await r.setDisability(me(req), req.body);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/data/registers/assistance',
      {
        config,
        schema: {
          tags,
          summary: '登记社会救助对象 / Record social assistance',
          body: Type.Object({ idNumber: IdNumber, kind: Type.Union([Type.Literal('低保'), Type.Literal('特困')]), householdSize: Type.Integer({ minimum: 1, maximum: 30 }), status: Type.Union([Type.Literal('在保'), Type.Literal('退出')]) }, { additionalProperties: false }),
          response: done,
        },
      },
      async (req, reply) => {
        await r.setAssistance(me(req), req.body);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/data/registers/employer-insurance',
      {
        config,
        schema: {
          tags,
          summary: '登记单位参保信息 / Record an employer’s insurance',
          body: Type.Object(
            {
              creditCode: Type.String({ minLength: 18, maxLength: 18 }),
              size: Type.Union([Type.Literal('大型'), Type.Literal('中型'), Type.Literal('小型'), Type.Literal('微型')]),
              insuredAvg: count(1_000_000),
              monthsPaid: count(1200),
              lastYearContributionFen: count(1e13),
              newClaimants: count(1_000_000),
            },
            { additionalProperties: false },
          ),
          response: done,
        },
      },
      async (req, reply) => {
        await r.setEmployerInsurance(me(req), req.body);
        return reply.status(204).send(null);
      },
    );
  };
}
