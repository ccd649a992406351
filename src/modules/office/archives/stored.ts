import type { Readable } from 'node:stream';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import type { FileRole, PackageFile } from './package.ts';
import { archivesDb } from './tables.ts';

/** Reads a stream to its end (package files are bounded by the file store's size limit). */
export async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The bytes of kernel files by id, read through `ex` (a job's transaction on PGlite cannot wait for
 * another connection). A file whose row or blob is gone is simply absent from the answer.
 */
export async function readKernelFiles(k: Kernel, ex: Executor, ids: string[]): Promise<Map<string, { name: string; mime: string; bytes: Uint8Array }>> {
  const out = new Map<string, { name: string; mime: string; bytes: Uint8Array }>();
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (!valid.length) return out;
  const rows = (await ex.selectFrom('kernel_file').select(['id', 'name', 'mime', 'storage_key']).where('id', 'in', valid).execute()) as {
    id: string;
    name: string;
    mime: string;
    storage_key: string;
  }[];
  for (const r of rows) {
    try {
      out.set(r.id, { name: r.name, mime: r.mime, bytes: await bytesOf(await k.files.open({ storageKey: r.storage_key })) });
    } catch {
      // A blob that is gone is reported by the check that looks for it, not here.
    }
  }
  return out;
}

/** The files of a stored package as they are now (what 四性检测 looks at). */
export async function storedPackageFiles(k: Kernel, ex: Executor, packageId: string): Promise<PackageFile[]> {
  const rows = await archivesDb(ex).selectFrom('office_archive_file').selectAll().where('package_id', '=', packageId).orderBy('path').execute();
  const blobs = await readKernelFiles(
    k,
    ex,
    rows.map((r) => r.file_id),
  );
  return rows.flatMap((r) => {
    const b = blobs.get(r.file_id);
    return b ? [{ path: r.path, role: r.role as FileRole, bytes: b.bytes }] : [];
  });
}

/** Whether the 件号 of a group run 1…n with no gap (DA/T 70 完整性). */
export async function sequenceGapFree(ex: Executor, g: { fonds_code: string; category_code: string; year: number; retention: string; org_code: string }): Promise<boolean> {
  const r = await archivesDb(ex)
    .selectFrom('office_archive_package')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('item_no').as('m')])
    .where('fonds_code', '=', g.fonds_code)
    .where('category_code', '=', g.category_code)
    .where('year', '=', g.year)
    .where('retention', '=', g.retention)
    .where('org_code', '=', g.org_code)
    .executeTakeFirstOrThrow();
  return Number(r.n) === Number(r.m ?? 0);
}
