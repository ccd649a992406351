import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../kernel/http/errors.ts';

/** The most data rows one import takes; a larger list is split into several files. */
export const IMPORT_MAX_ROWS = 5000;

export const ImportErrors = {
  unsupportedType: () => new DomainError('IMPORT_FILE_TYPE', 415, '只支持 XLSX 或 CSV 格式的实施清单', 'Only an implementation list in XLSX or CSV format can be imported'),
  unreadable: (zh: string, en: string) => new DomainError('IMPORT_FILE_UNREADABLE', 400, `无法读取表格：${zh}`, `The spreadsheet cannot be read: ${en}`),
  empty: () => new DomainError('IMPORT_FILE_EMPTY', 400, '表格中没有事项', 'The spreadsheet holds no items'),
  tooManyRows: (n: number) =>
    new DomainError('IMPORT_TOO_MANY_ROWS', 400, `一次最多导入 ${IMPORT_MAX_ROWS} 行，本文件有 ${n} 行`, `At most ${IMPORT_MAX_ROWS} rows can be imported at once; this file has ${n}`),
  columnsMissing: (missing: string[]) =>
    new DomainError(
      'IMPORT_COLUMNS_MISSING',
      400,
      `缺少必需的列：${missing.join('、')}`,
      `Required columns are missing: ${missing.join(', ')}`,
      missing.map((m) => ({ path: '/file/header', message: `${m} required / 缺少列` })),
    ),
  unpacksTooLarge: () => new DomainError('FILE_UNPACKED_TOO_LARGE', 413, '表格解压后超过上限', 'The spreadsheet would unpack to more than the limit'),
};

/** A sheet as text: the spreadsheet's row number (as Excel shows it) and its cells. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'utf-16le' | 'gb18030' | null;
  rows: SheetRow[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Kinds a CSV is never: PDF, PNG, JPEG, GIF, legacy Excel (OLE2), gzip, 7z, RAR. */
const BINARY = ['%PDF', '\x89PNG', '\xff\xd8\xff', 'GIF8', '\xd0\xcf\x11\xe0', '\x1f\x8b', '7z\xbc\xaf', 'Rar!'].map((s) => Buffer.from(s, 'latin1'));
/** Browsers on Windows send a .csv as application/vnd.ms-excel. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];
const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'application/zip', ''];

export interface ArchiveBounds {
  maxUnpackedBytes: number;
  maxEntries: number;
}

/**
 * Reads an uploaded list: XLSX by its ZIP signature, CSV by its name or declared type (UTF-8 with
 * or without BOM, or GB18030 as Excel in China saves it). Anything else is refused with 415.
 */
export async function readSheet(bytes: Buffer, name: string, declaredMime: string, bounds: ArchiveBounds, isList: (rows: SheetRow[]) => boolean = () => true): Promise<Sheet> {
  const mime = declaredMime.split(';')[0].trim().toLowerCase();
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (bytes.subarray(0, 4).equals(ZIP)) {
    if (!(ext === 'xlsx' || XLSX_TYPES.includes(mime))) throw ImportErrors.unsupportedType();
    return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes, bounds, isList) };
  }
  if (BINARY.some((b) => bytes.subarray(0, b.length).equals(b))) throw ImportErrors.unsupportedType();
  if (!(ext === 'csv' || ext === 'txt' || (ext !== 'xlsx' && CSV_TYPES.includes(mime)))) throw ImportErrors.unsupportedType();
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: readCsv(text) };
}

/** UTF-16 by its byte-order mark; UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); else GB18030. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'utf-16le' | 'gb18030' } {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw ImportErrors.unreadable('文本既不是 UTF-8 也不是 GB18030 编码', 'the text is neither UTF-8 nor GB18030');
    }
  }
}

function readCsv(text: string): SheetRow[] {
  // Excel's "Unicode text" export separates with tabs; its CSV with commas.
  const first = text.slice(0, 8000).split(/\r?\n/, 10).join('\n');
  const delimiter = (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, max_record_size: 200_000 }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw ImportErrors.unreadable(`CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}`, `malformed CSV${line ? ` (near line ${line})` : ''}`);
  }
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? '') }));
}

/**
 * The first worksheet that holds the list (an export may open with a sheet of instructions), as
 * text. The ZIP's central directory is read first, so a file that would unpack beyond the limit
 * (a "zip bomb") is refused before it is inflated.
 */
async function readXlsx(bytes: Buffer, bounds: ArchiveBounds, isList: (rows: SheetRow[]) => boolean): Promise<SheetRow[]> {
  checkZipBounds(bytes, bounds);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw ImportErrors.unreadable('不是有效的 XLSX 文件', 'not a valid XLSX file');
  }
  if (!wb.worksheets.length) throw ImportErrors.empty();
  const sheets = wb.worksheets.map((ws) => () => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      if (rows.length > IMPORT_MAX_ROWS + 20) return;
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (c, col) => {
        cells[col - 1] = cellText(c);
      });
      rows.push({ row: n, cells: Array.from(cells, (c) => c ?? '') });
    });
    return rows;
  });
  for (const read of sheets) {
    const rows = read();
    if (isList(rows)) return rows;
  }
  return sheets[0]();
}

function cellText(c: ExcelJS.Cell): string {
  const v = c.value;
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return v.result == null ? '' : String(v.result);
    if ('text' in v) return String(v.text);
  }
  return c.text ?? '';
}

function checkZipBounds(bytes: Buffer, bounds: ArchiveBounds): void {
  const bad = () => ImportErrors.unreadable('不是有效的 XLSX 文件', 'not a valid XLSX file');
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let at = -1;
  for (let i = bytes.length - 22; i >= from; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      at = i;
      break;
    }
  if (at < 0) throw bad();
  const count = bytes.readUInt16LE(at + 10);
  const cdOffset = bytes.readUInt32LE(at + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || count > bounds.maxEntries) throw ImportErrors.unpacksTooLarge();
  let total = 0;
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw bad();
    total += bytes.readUInt32LE(p + 24);
    if (total > bounds.maxUnpackedBytes) throw ImportErrors.unpacksTooLarge();
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
}
