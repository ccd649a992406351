import { Type } from '@sinclair/typebox';
import type { App } from '../kernel/http/app.ts';
import { ProblemSchema } from '../kernel/http/schemas.ts';
import type { Kernel } from '../kernel/index.ts';
import { screenSummary, type ScreenSources } from './screen-summary.ts';

const tags = ['screen'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: '0–1; null when nothing to measure' });
const Series = Type.Array(Type.Integer({ minimum: 0 }), { description: 'one value per day of `days`' });
const orNull = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()], { description: 'null when the viewer may not see these figures' });

export const ScreenSummary = Type.Object({
  asOf: Type.String({ format: 'date-time' }),
  today: Type.String({ format: 'date', description: 'today in Beijing time' }),
  days: Type.Array(Type.String({ format: 'date' })),
  services: orNull(
    Type.Object({
      today: Type.Integer(),
      todayOnline: Type.Integer(),
      onlineShare: Rate,
      periodOnlineShare: Rate,
      completed: Type.Integer(),
      onTimeRate: Rate,
      evaluations: Type.Integer(),
      goodShare: Rate,
      badShare: Rate,
      overdue: Type.Integer(),
      trend: Series,
      trendOnline: Series,
    }),
  ),
  hotline: orNull(
    Type.Object({
      today: Type.Integer(),
      closedToday: Type.Integer(),
      completed: Type.Integer(),
      onTimeRate: Rate,
      rated: Type.Integer(),
      satisfaction: Rate,
      open: Type.Integer(),
      overdue: Type.Integer(),
      supervised: Type.Integer(),
      trend: Series,
      hot: Type.Array(Type.Object({ categoryCode: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), count: Type.Integer() })),
      // A plain array of numbers, not a 2020-12 tuple: the serializer picks a branch of `orNull` by
      // validating it with a draft-07 validator, which reads `items: false` as "no items".
      heat: Type.Array(Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }), { description: '[lat, lon, cases]' }),
    }),
  ),
  sharing: orNull(Type.Object({ today: Type.Integer(), refusedToday: Type.Integer(), trend: Series, overdueRequests: Type.Integer() })),
  licences: orNull(Type.Object({ today: Type.Integer(), valid: Type.Integer(), total: Type.Integer(), trend: Series })),
  city: orNull(Type.Object({ devices: Type.Integer(), openAlarms: Type.Integer(), alarmsToday: Type.Integer() })),
});

/** GET /api/screen/summary: the command screen's figures in one read-only call (role screen.view). */
export function screenRoutes(k: Kernel, sources: ScreenSources) {
  return async function (app: App) {
    app.get(
      '/api/screen/summary',
      {
        config: { permission: 'screen.view' },
        schema: {
          tags,
          summary: '一屏统览指标 / Command screen figures',
          querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 7, maximum: 90, default: 30, description: 'length of the trends in days' })) }, { additionalProperties: false }),
          response: { 200: ScreenSummary, ...errors },
        },
      },
      async (req) => screenSummary(k, sources, req.principal!, req.query.days ?? 30),
    );
  };
}
