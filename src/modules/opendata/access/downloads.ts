import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { DatasetItem } from '../ports.ts';
import { countAccess } from './counts.ts';
import { AccessErrors } from './errors.ts';
import { cellText, openDataset, pick } from './open-dataset.ts';
import { accessDb } from './tables.ts';

export type DownloadFormat = 'csv' | 'json' | 'xlsx';

/** Rows read from the source per page: the most a download ever holds in memory at once. */
export const DOWNLOAD_PAGE = 1_000;

const CONTENT_TYPE: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Cells a spreadsheet would run as a formula (CSV injection): shown as text with a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(v: unknown): string {
  let s = cellText(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `Content-Disposition` with an ASCII fallback and the real name per RFC 5987/6266. */
export function attachment(asciiName: string, name: string): string {
  const clean = name.replace(/[\p{Cc}/\\]/gu, '').slice(0, 120) || asciiName;
  const enc = encodeURIComponent(clean).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${enc}`;
}

/** Resolves once the stream takes more, or has closed (a client gone never drains). */
function roomIn(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** How the rows become bytes, one page at a time. */
interface FileWriter {
  page(rows: Record<string, unknown>[]): Promise<void>;
  /** Writes the end of the file and ends the stream. */
  finish(): Promise<void>;
}

function csvWriter(out: PassThrough, items: DatasetItem[]): FileWriter {
  // The BOM lets Excel read the file as UTF-8 (Chinese text otherwise comes out garbled).
  out.write(`\uFEFF${items.map((i) => csvField(i.code)).join(',')}\r\n`);
  return {
    async page(rows) {
      let chunk = '';
      for (const r of rows) chunk += `${items.map((i) => csvField(r[i.code])).join(',')}\r\n`;
      out.write(chunk);
      await roomIn(out);
    },
    async finish() {
      out.end();
    },
  };
}

function jsonWriter(out: PassThrough): FileWriter {
  let first = true;
  out.write('[');
  return {
    async page(rows) {
      let chunk = '';
      for (const r of rows) {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(r)}`;
        first = false;
      }
      out.write(chunk);
      await roomIn(out);
    },
    async finish() {
      out.end(first ? ']' : '\n]\n');
    },
  };
}

function xlsxWriter(out: PassThrough, items: DatasetItem[], title: string): FileWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = 'Yiwang 公共数据开放';
  const ws = wb.addWorksheet(title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'data');
  ws.addRow(items.map((i) => i.code)).commit();
  const numeric = items.map((i) => i.dataType === 'integer' || i.dataType === 'number');
  return {
    async page(rows) {
      for (const r of rows) {
        // Numbers stay numbers; everything else is a text cell (a text cell is never run as a formula).
        ws.addRow(items.map((i, n) => (numeric[n] && typeof r[i.code] === 'number' ? r[i.code] : r[i.code] == null ? null : cellText(r[i.code])))).commit();
      }
      await roomIn(out);
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}

export interface DownloadStart {
  stream: PassThrough;
  contentType: string;
  disposition: string;
}

/**
 * 下载: a published 无条件开放 dataset's published items as CSV, JSON or XLSX, streamed page by
 * page on the source's keyset. A client that goes away stops the reading. Each download leaves a
 * trace (who, format, rows, completed or interrupted); a completed one counts for the day.
 */
export class Downloads {
  constructor(private readonly ctx: OpendataContext) {}

  async start(who: Principal | null, name: string, format: DownloadFormat): Promise<DownloadStart> {
    const { ds, items } = await openDataset(this.ctx, name);
    const source = need(this.ctx, 'source');
    const res = await source.resource(ds.resourceCode);
    if (!res || !res.readable) throw AccessErrors.notReadable();
    const out = new PassThrough();
    const startedAt = this.ctx.k.clock.now();
    const codes = items.map((i) => i.code);
    const writer = format === 'csv' ? csvWriter(out, items) : format === 'json' ? jsonWriter(out) : xlsxWriter(out, items, ds.title);

    const trace = async (rows: number, outcome: 'completed' | 'interrupted' | 'failed') => {
      const endedAt = this.ctx.k.clock.now();
      await this.ctx.k.db.transaction().execute(async (trx) => {
        await accessDb(trx)
          .insertInto('opendata_download')
          .values({ id: uuidv7(), dataset_id: ds.id, region_code: ds.regionCode, account_id: who?.accountId ?? null, format, row_count: rows, outcome, started_at: startedAt, ended_at: endedAt })
          .execute();
        if (outcome === 'completed') await countAccess(trx, { datasetId: ds.id, regionCode: ds.regionCode, at: startedAt, kind: 'download', rows });
      });
    };

    const run = async () => {
      let rows = 0;
      try {
        let after: string | null = null;
        do {
          const page = await source.rows(ds.resourceCode, codes, { after, limit: DOWNLOAD_PAGE });
          if (out.destroyed) break;
          await writer.page(page.rows.map((r) => pick(r, items)));
          rows += page.rows.length;
          after = page.next;
        } while (after && !out.destroyed);
        if (out.destroyed) return await trace(rows, 'interrupted');
        // The trace is committed before the file's last bytes go, so a finished download is always counted.
        await trace(rows, 'completed');
        await writer.finish();
      } catch (err) {
        const gone = out.destroyed;
        if (!gone) this.ctx.k.log.error({ err, dataset: ds.name, format }, 'download failed');
        out.destroy(gone ? undefined : (err as Error));
        await trace(rows, gone ? 'interrupted' : 'failed').catch((e) => this.ctx.k.log.error({ err: e }, 'download trace not written'));
      }
    };
    void run();
    return { stream: out, contentType: CONTENT_TYPE[format], disposition: attachment(`${ds.name}.${format}`, `${ds.title}.${format}`) };
  }
}
