import { sql } from 'kysely';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { compact, queryTokens } from '../../kernel/search/index.ts';
import type { Grids } from './grids.ts';
import { cityopsDb } from './tables.ts';

/** One standard address as a GIS import or the seed gives it; street and grid are found from the point. */
export interface AddressInput {
  id: string;
  community?: string | null;
  road: string;
  /** As written on the door plate, e.g. 12号. */
  houseNumber: string;
  building?: string | null;
  lon: number;
  lat: number;
}

/** A search hit: what a person reads (full address, street and grid by name) and where it is. */
export interface AddressHit {
  id: string;
  fullText: string;
  road: string;
  houseNumber: string;
  building: string | null;
  community: string | null;
  lon: number;
  lat: number;
  streetCode: string;
  streetName: string;
  gridCode: string | null;
  gridName: string | null;
}

export const ADDRESS_QUERY_MAX = 50;
export const ADDRESS_LIMIT_MAX = 20;

/** LIKE treats % and _ as wildcards; a query's own are matched as themselves. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * 标准地址库: the region's standard addresses (road, door number, building), each placed in its
 * street and grid when saved, so a search hit names them without a map lookup.
 */
export class Addresses {
  constructor(
    private readonly k: Kernel,
    private readonly grids: Grids,
  ) {}

  /**
   * Addresses matching a query: each word of it (jieba's precise cut, the kernel's query words)
   * must occur in the address, its building, community, street or grid name. Hits that start with
   * the query (a road, a building), then those holding it whole, come first; shorter addresses
   * before longer ones, so 12号 precedes 120号.
   */
  async search(query: string, limit = 10): Promise<AddressHit[]> {
    const q = compact(query).toLowerCase();
    const words = queryTokens(q).filter((w) => w.length > 0);
    if (!q || words.length === 0) throw Errors.validation([{ path: '/q', message: 'a word to search for is required / 请输入要查找的地址' }]);
    const whole = `%${likeEscape(q)}%`;
    const prefix = `${likeEscape(q)}%`;
    let query$ = cityopsDb(this.k.db).selectFrom('cityops_address').selectAll().where('region_code', '=', this.k.config.regionCode);
    for (const w of words) query$ = query$.where(sql<boolean>`search_text LIKE ${`%${likeEscape(w)}%`}`);
    const rows = await query$
      .orderBy(sql`CASE WHEN road || house_number LIKE ${prefix} OR coalesce(building, '') LIKE ${prefix} THEN 0 WHEN search_text LIKE ${whole} THEN 1 ELSE 2 END`)
      .orderBy(sql`length(full_text)`)
      .orderBy('full_text')
      .limit(Math.min(Math.max(1, limit), ADDRESS_LIMIT_MAX))
      .execute();
    const names = await this.grids.names();
    return rows.map((r) => ({
      id: r.id,
      fullText: r.full_text,
      road: r.road,
      houseNumber: r.house_number,
      building: r.building,
      community: r.community,
      lon: r.lon,
      lat: r.lat,
      streetCode: r.street_code,
      streetName: names.get(r.street_code) ?? r.street_code,
      gridCode: r.grid_code,
      gridName: r.grid_code ? (names.get(r.grid_code) ?? null) : null,
    }));
  }

  /**
   * Saves addresses (insert or replace by id) with one audit entry. Each is placed in its street
   * and grid; one outside every street is refused, so the library never holds an address the
   * region does not answer for. `locality` (the city's name) begins every full address.
   */
  async save(trx: Executor, actor: Actor, regionCode: string, items: AddressInput[], locality = ''): Promise<void> {
    if (items.length === 0) return;
    const now = this.k.clock.now();
    const names = await this.grids.names();
    const rows = [];
    for (const a of items) {
      const place = await this.grids.locate(a.lon, a.lat);
      if (!place) throw Errors.validation([{ path: `/${a.id}`, message: 'the point lies outside every street / 坐标不在本区域任何街道内' }]);
      const fullText = `${locality}${place.streetName}${a.road}${a.houseNumber}${a.building ? a.building : ''}`;
      const gridName = place.gridCode ? (names.get(place.gridCode) ?? '') : '';
      rows.push({
        id: a.id,
        region_code: regionCode,
        street_code: place.streetCode,
        community: a.community ?? null,
        road: a.road,
        house_number: a.houseNumber,
        building: a.building ?? null,
        full_text: fullText,
        search_text: compact(`${fullText} ${a.community ?? ''} ${gridName}`).toLowerCase(),
        lon: a.lon,
        lat: a.lat,
        grid_code: place.gridCode,
        updated_at: now,
      });
    }
    // In slices: one statement's parameters stay well under PostgreSQL's limit of 65,535.
    for (let i = 0; i < rows.length; i += 1000) {
      await cityopsDb(trx)
        .insertInto('cityops_address')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            street_code: eb.ref('excluded.street_code'),
            community: eb.ref('excluded.community'),
            road: eb.ref('excluded.road'),
            house_number: eb.ref('excluded.house_number'),
            building: eb.ref('excluded.building'),
            full_text: eb.ref('excluded.full_text'),
            search_text: eb.ref('excluded.search_text'),
            lon: eb.ref('excluded.lon'),
            lat: eb.ref('excluded.lat'),
            grid_code: eb.ref('excluded.grid_code'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    await this.k.recordChange(trx, {
      actor,
      action: 'addresses-saved',
      objectType: 'cityops.address',
      objectId: regionCode,
      regionCode,
      change: { count: items.length, first: items[0].id, last: items[items.length - 1].id },
      summary: { count: items.length },
    });
  }
}
