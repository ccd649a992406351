import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { RegulationContext } from '../area.ts';
import { CreditErrors } from './errors.ts';
import type { CreditRuns } from './runs.ts';
import { Distribution, DistributionQuery, EntityCredit, EntityParams, IndicatorsInput, IndicatorsView, RegionQuery, Run, RunInput, RunParams } from './schema.ts';
import { CREDIT_SETTINGS_KEY, FACTS, type CreditSettings } from './settings.ts';
import { currentOf, distribution, historyOf } from './store.ts';

const tags = ['regulation'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/regulation/credit';

/** 信用风险分类 over HTTP: one entity's class and history, the distribution, the indicators, the runs. */
export function creditRoutes(ctx: RegulationContext, runs: CreditRuns) {
  const { k, policy } = ctx;
  const me = (req: { principal?: Principal | null }) => req.principal!;
  /** The region asked for, else the caller's own (else the installation's). */
  const regionOf = (who: Principal, asked?: string) => asked ?? (who.regionCode || k.config.regionCode);

  return async function (app: App) {
    app.get(
      `${BASE}/entities/:creditCode`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '市场主体的信用风险分类、理由与历史 / An entity’s credit class, reasons and history', params: EntityParams, response: { 200: EntityCredit, ...errors } },
      },
      async (req) => {
        const code = req.params.creditCode;
        const current = await currentOf(k.db, code);
        const regionCode = current?.regionCode ?? (ctx.ports.objects ? (await ctx.ports.objects.get(k.db, code))?.regionCode : undefined);
        if (!regionCode) throw CreditErrors.notClassified();
        assertAllowed(policy, me(req), 'regulation.read', { regionCode });
        return { creditCode: code, current, history: await historyOf(k.db, code) };
      },
    );
    app.get(
      `${BASE}/distribution`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '各类别市场主体数量 / Entities per class (by county or entity type)', querystring: DistributionQuery, response: { 200: Distribution, ...errors } },
      },
      async (req) => {
        const regionCode = regionOf(me(req), req.query.regionCode);
        assertAllowed(policy, me(req), 'regulation.read', { regionCode });
        return { regionCode, ...(await distribution(k.db, regionCode, req.query.by ?? null)) };
      },
    );
    app.get(
      `${BASE}/indicators`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '信用分类指标与分数线 / Indicators and class thresholds', querystring: RegionQuery, response: { 200: IndicatorsView, ...errors } },
      },
      async (req) => {
        const regionCode = regionOf(me(req), req.query.regionCode);
        assertAllowed(policy, me(req), 'regulation.read', { regionCode });
        return indicatorsView(regionCode);
      },
    );
    app.put(
      `${BASE}/indicators`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '保存本地区的信用分类指标（新版本）/ Save the region’s indicators as a new version', body: IndicatorsInput, response: { 200: IndicatorsView, ...errors } },
      },
      async (req) => {
        const who = me(req);
        const regionCode = regionOf(who, req.body.regionCode);
        assertAllowed(policy, who, 'regulation.manage', { regionCode });
        // Checked here first, so the refusal names each field in this area's words; nothing is saved.
        const problems = await k.settings.problems(CREDIT_SETTINGS_KEY, regionCode, req.body.value);
        if (problems.length) throw CreditErrors.badIndicators(problems);
        await k.settings.save(actorOf(who), CREDIT_SETTINGS_KEY, regionCode, req.body.value, req.body.reason.trim(), String(req.id));
        return indicatorsView(regionCode);
      },
    );
    app.post(
      `${BASE}/runs`,
      {
        config: { permission: 'regulation.manage' },
        schema: {
          tags,
          summary: '对本地区重新分类（后台运行）/ Classify the region again (runs in the background)',
          body: RunInput,
          response: { 200: Run, 202: Run, ...errors },
        },
      },
      async (req, reply) => {
        const who = me(req);
        const regionCode = regionOf(who, req.body.regionCode);
        assertAllowed(policy, who, 'regulation.manage', { regionCode });
        const queued = await k.db.transaction().execute((trx) => runs.queue(trx, regionCode, 'manual', actorOf(who), String(req.id)));
        // A run already open for the region is the answer (asking twice does not classify twice).
        const id = queued ?? (await runs.openRun(regionCode));
        if (!id) throw CreditErrors.runNotFound();
        return reply.status(queued ? 202 : 200).send(await runs.view(id));
      },
    );
    app.get(
      `${BASE}/runs`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '最近的分类运行 / Recent classification runs', querystring: RegionQuery, response: { 200: Type.Object({ items: Type.Array(Run) }), ...errors } },
      },
      async (req) => {
        const regionCode = regionOf(me(req), req.query.regionCode);
        assertAllowed(policy, me(req), 'regulation.read', { regionCode });
        return { items: await runs.latest(regionCode, 10) };
      },
    );
    app.get(
      `${BASE}/runs/:id`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '分类运行的进度 / A run and its progress', params: RunParams, response: { 200: Run, ...errors } } },
      async (req) => {
        const run = await runs.view(req.params.id);
        assertAllowed(policy, me(req), 'regulation.read', { regionCode: run.regionCode });
        return run;
      },
    );
  };

  async function indicatorsView(regionCode: string) {
    const r = await k.settings.resolve<CreditSettings>(CREDIT_SETTINGS_KEY, regionCode);
    return {
      regionCode,
      value: r.value,
      version: r.own?.version ?? null,
      savedAt: r.own?.savedAt ?? null,
      facts: Object.entries(FACTS).map(([name, kind]) => ({ name, kind })),
    };
  }
}
