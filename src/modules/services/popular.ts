import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import { ItemSummary } from './schema.ts';
import { servicesDb } from './tables.ts';

const DAY_MS = 86_400_000;
/** The window the portal's 热门服务 counts applications over. */
export const POPULAR_DAYS = 30;

export const PopularQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    applicantType: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('enterprise')])),
  },
  { additionalProperties: false },
);
export type PopularQuery = Static<typeof PopularQuery>;

/**
 * 热门服务: the active items most applied for over the last 30 days. Items nobody applied for follow
 * in the order the catalogue was loaded (ids are time-ordered), so a new region's home still shows the
 * seeded list's first items, which are the everyday ones. Only counts leave the module, never who applied.
 */
export class PopularItems {
  constructor(
    private readonly k: Kernel,
    private readonly names: DepartmentNames,
  ) {}

  async list(q: PopularQuery): Promise<ItemSummary[]> {
    const db = servicesDb(this.k.db);
    const since = new Date(this.k.clock.now().getTime() - POPULAR_DAYS * DAY_MS);
    let counts = db
      .selectFrom('services_application')
      .select(['item_id', sql<number>`count(*)::int`.as('n')])
      .where('submitted_at', '>=', since);
    if (q.regionCode) counts = counts.where('region_code', 'like', `${q.regionCode}%`);
    let items = db
      .selectFrom('services_item as i')
      .leftJoin(counts.groupBy('item_id').as('c'), 'c.item_id', 'i.id')
      .select([
        'i.id',
        'i.code',
        'i.region_code',
        'i.name',
        'i.name_en',
        'i.item_type',
        'i.department_id',
        'i.applicant_types',
        'i.promised_days',
        'i.visits',
        'i.handling',
        'i.current_version',
        'i.active',
      ])
      .where('i.active', '=', true);
    if (q.regionCode) items = items.where('i.region_code', 'like', `${q.regionCode}%`);
    if (q.applicantType) items = items.where(sql<boolean>`i.applicant_types @> ARRAY[${q.applicantType}]::text[]`);
    const rows = await items
      .orderBy(sql`coalesce(c.n, 0) desc`)
      .orderBy('i.id')
      .limit(q.limit ?? 8)
      .execute();
    const depts = await this.names.of(rows.map((r) => r.department_id));
    const deptsEn = await this.names.ofEn(rows.map((r) => r.department_id));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      regionCode: r.region_code,
      name: r.name,
      nameEn: r.name_en,
      itemType: r.item_type,
      departmentId: r.department_id,
      departmentName: depts.get(r.department_id) ?? '',
      departmentNameEn: deptsEn.get(r.department_id) ?? null,
      applicantTypes: r.applicant_types,
      promisedDays: Number(r.promised_days),
      visits: Number(r.visits),
      handling: r.handling,
      fullyOnline: Number(r.visits) === 0,
      version: Number(r.current_version),
      active: Boolean(r.active),
    }));
  }
}

/** The public route of the portal home's 热门服务. */
export function popularRoutes(popular: PopularItems) {
  return async function (app: App) {
    app.get(
      '/api/services/popular-items',
      {
        config: { public: true },
        schema: {
          tags: ['services'],
          summary: '热门服务（近30天申请最多）/ Most applied-for items of the last 30 days',
          description: 'Active items ordered by applications submitted in the last 30 days; items with none follow in catalogue order.',
          querystring: PopularQuery,
          response: { 200: Type.Array(ItemSummary), 400: ProblemSchema },
        },
      },
      async (req) => popular.list(req.query),
    );
  };
}
