import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { need, type OpendataContext } from '../area.ts';
import type { DatasetItem, SourceCondition } from '../ports.ts';
import { countAccess } from './counts.ts';
import { AccessErrors } from './errors.ts';
import type { KeyHolder, Keys } from './keys.ts';
import { decodeCursor, encodeCursor, openDataset, pick } from './open-dataset.ts';
import { accessDb } from './tables.ts';

export const API_MAX_LIMIT = 1_000;
export const API_DEFAULT_LIMIT = 100;
const MAX_FILTERS = 10;

export interface RowsAnswer {
  dataset: string;
  items: { code: string; name: string; dataType: string }[];
  rows: Record<string, unknown>[];
  next: string | null;
}

export interface ApiDatasetView {
  name: string;
  title: string;
  titleEn: string;
  departmentName: string;
  departmentNameEn: string;
  theme: string;
  frequency: string;
  modifiedAt: string;
  rowCount: number | null;
  items: { code: string; name: string; dataType: string }[];
  rowsUrl: string;
}

/** A filter value as its item's type: integers and numbers as numbers, booleans as booleans; text as given. */
function typed(item: DatasetItem, raw: string): unknown {
  switch (item.dataType) {
    case 'integer':
      if (!/^-?\d{1,15}$/.test(raw)) throw AccessErrors.badFilterValue(item.code, 'integer');
      return Number(raw);
    case 'number':
      if (!/^-?\d{1,15}(\.\d{1,10})?$/.test(raw)) throw AccessErrors.badFilterValue(item.code, 'number');
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw AccessErrors.badFilterValue(item.code, 'boolean');
      return raw === 'true';
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw AccessErrors.badFilterValue(item.code, 'date');
      return raw;
    default:
      return raw;
  }
}

/**
 * 开放接口: rows of a published 无条件开放 dataset for a caller with an API key, with keyset paging
 * and equality filters on published items. Every call that got past the key is traced (status,
 * rows) per key like a gateway call; a served call counts for the dataset's day and the key.
 */
export class OpenApi {
  constructor(
    private readonly ctx: OpendataContext,
    private readonly keys: Keys,
  ) {}

  private async trace(key: KeyHolder, c: { datasetId: string | null; regionCode: string; operation: string; status: number; rows: number }): Promise<void> {
    const at = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      await accessDb(trx)
        .insertInto('opendata_api_call')
        .values({ id: uuidv7(), key_id: key.id, dataset_id: c.datasetId, region_code: c.regionCode, operation: c.operation, status: c.status, row_count: c.rows, at })
        .execute();
      if (c.status !== 200) return;
      await accessDb(trx)
        .updateTable('opendata_api_key')
        .set({ calls: sql`calls + 1`, last_used_at: at })
        .where('id', '=', key.id)
        .execute();
      if (c.datasetId) await countAccess(trx, { datasetId: c.datasetId, regionCode: c.regionCode, at, kind: 'call', rows: c.rows });
    });
  }

  /** Runs a call under a key: admitted by its rate, then traced whatever its outcome. */
  private async call<T>(header: string | string[] | undefined, operation: string, body: (note: (datasetId: string, regionCode: string) => void) => Promise<{ answer: T; rows: number }>): Promise<T> {
    const key = await this.keys.authenticate(header);
    let datasetId: string | null = null;
    let regionCode = this.ctx.k.config.regionCode;
    const note = (id: string, region: string) => {
      datasetId = id;
      regionCode = region;
    };
    try {
      await this.keys.admit(key);
      const { answer, rows } = await body(note);
      await this.trace(key, { datasetId, regionCode, operation, status: 200, rows });
      return answer;
    } catch (err) {
      const status = err instanceof DomainError ? err.status : 500;
      await this.trace(key, { datasetId, regionCode, operation, status, rows: 0 }).catch((e) => this.ctx.k.log.error({ err: e }, 'open API call trace not written'));
      throw err;
    }
  }

  async rows(header: string | string[] | undefined, name: string, query: Record<string, unknown>): Promise<RowsAnswer> {
    return this.call(header, 'rows', async (note) => {
      const { ds, items } = await openDataset(this.ctx, name);
      note(ds.id, ds.regionCode);
      const limit = query.limit === undefined ? API_DEFAULT_LIMIT : Number(query.limit);
      const after = decodeCursor(ds.id, query.after === undefined ? undefined : String(query.after));
      const where: SourceCondition[] = [];
      for (const [k, v] of Object.entries(query)) {
        if (k === 'limit' || k === 'after') continue;
        const item = items.find((i) => i.code === k);
        if (!item) throw AccessErrors.unknownFilter(k.slice(0, 60));
        if (typeof v !== 'string') throw AccessErrors.badFilterValue(item.code, item.dataType);
        where.push({ item: item.code, op: 'eq', value: typed(item, v) });
      }
      if (where.length > MAX_FILTERS) throw AccessErrors.tooManyFilters();
      const page = await need(this.ctx, 'source').rows(
        ds.resourceCode,
        items.map((i) => i.code),
        { after, limit, where },
      );
      const rows = page.rows.map((r) => pick(r, items));
      return {
        answer: { dataset: ds.name, items: items.map((i) => ({ code: i.code, name: i.name, dataType: i.dataType })), rows, next: encodeCursor(ds.id, page.next) },
        rows: rows.length,
      };
    });
  }

  async datasets(header: string | string[] | undefined): Promise<{ items: ApiDatasetView[] }> {
    return this.call(header, 'datasets', async () => {
      const all = await need(this.ctx, 'catalogue').published();
      const items = all
        .filter((d) => d.openType === 'open' && d.items.some((i) => i.published))
        .map((d) => ({
          name: d.name,
          title: d.title,
          titleEn: d.titleEn,
          departmentName: d.departmentName,
          departmentNameEn: d.departmentNameEn,
          theme: d.theme,
          frequency: d.frequency,
          modifiedAt: d.modifiedAt,
          rowCount: d.rowCount,
          items: d.items.filter((i) => i.published).map((i) => ({ code: i.code, name: i.name, dataType: i.dataType })),
          rowsUrl: `/api/opendata/v1/datasets/${d.name}/rows`,
        }));
      return { answer: { items }, rows: items.length };
    });
  }
}
