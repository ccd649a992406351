import { createHash, getHashes } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import type { ArchivableRecord } from '../ports.ts';
import type { Retention } from './settings.ts';

/**
 * An archive package (电子档案 of one 件) as a set of named files. Stored as separate kernel files,
 * one office_archive_file row each, plus the manifest and its signature on the package row.
 *   metadata.json   DA/T 46-style items and the 归档章
 *   content/…       the rendered document, attachments and seal-bearing files
 *   actions.json    the 办理过程 (action log)
 *   manifest.json   every other file with its role, size and SM3
 *   manifest.sig    the platform's SM2 signature over manifest.json
 */
export type FileRole = 'metadata' | 'content' | 'attachment' | 'seal' | 'actions' | 'manifest' | 'signature';
export interface PackageFile {
  path: string;
  role: FileRole;
  bytes: Uint8Array;
}
export interface ManifestEntry {
  path: string;
  role: FileRole;
  size: number;
  sm3: string;
}
export interface Manifest {
  format: 'yiwang-archive-package/1';
  archiveCode: string;
  createdAt: string;
  files: ManifestEntry[];
}

export const METADATA = 'metadata.json';
export const ACTIONS = 'actions.json';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

const nativeSm3 = getHashes().includes('sm3');
/** SM3 of bytes, hex (Node's OpenSSL when it has SM3, else the JavaScript one: same output). */
export function sm3Hex(bytes: Uint8Array): string {
  return nativeSm3 ? createHash('sm3').update(bytes).digest('hex') : sm3(bytes);
}

const enc = new TextEncoder();
export const jsonBytes = (v: unknown) => enc.encode(JSON.stringify(v, null, 2));

/** The parts of a 档号 (DA/T 22: 全宗号-门类代码·年度-保管期限-机构代码-件号). */
export interface ArchiveCodeParts {
  fondsCode: string;
  categoryCode: string;
  year: number;
  retention: Retention;
  orgCode: string;
  itemNo: number;
}
export const archiveCodeOf = (p: ArchiveCodeParts) => `${p.fondsCode}-${p.categoryCode}·${p.year}-${p.retention}-${p.orgCode}-${String(p.itemNo).padStart(4, '0')}`;
export const ARCHIVE_CODE = /^([A-Z0-9]{1,8})-([A-Z0-9]{1,8})·(\d{4})-(Y|D30|D10)-([A-Za-z0-9]{1,16})-(\d{4,6})$/;

/** DA/T 46-style metadata, keyed by the standard's Chinese item names so an archivist reads it as is. */
export interface ArchiveMetadata {
  档号: string;
  全宗号: string;
  门类: string;
  年度: number;
  保管期限: Retention;
  机构代码: string;
  件号: number;
  题名: string;
  责任者: string;
  文号: string | null;
  日期: string;
  密级: string | null;
  页数: number;
  归档章: { 全宗号: string; 年度: number; 件号: number; 机构: string; 保管期限: Retention; 页数: number };
  来源: { kind: ArchivableRecord['kind']; id: string };
  归档时间: string;
  扩展: Record<string, unknown>;
}

export function metadataOf(record: ArchivableRecord, code: ArchiveCodeParts, pages: number, archivedAt: Date): ArchiveMetadata {
  return {
    档号: archiveCodeOf(code),
    全宗号: code.fondsCode,
    门类: code.categoryCode,
    年度: code.year,
    保管期限: code.retention,
    机构代码: code.orgCode,
    件号: code.itemNo,
    题名: record.title,
    责任者: record.responsible,
    文号: record.reference,
    日期: record.date,
    密级: record.secrecy,
    页数: pages,
    归档章: { 全宗号: code.fondsCode, 年度: code.year, 件号: code.itemNo, 机构: code.orgCode, 保管期限: code.retention, 页数: pages },
    来源: { kind: record.kind, id: record.id },
    归档时间: archivedAt.toISOString(),
    扩展: record.metadata,
  };
}

/** A content file's path inside the package: its role's folder and a name safe in any file system. */
export function contentPath(role: 'content' | 'attachment' | 'seal', index: number, name: string): string {
  // eslint-disable-next-line no-control-regex -- a package path must carry no control characters
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || 'file';
  return `${role}/${String(index + 1).padStart(2, '0')}-${safe}`;
}

/**
 * Puts the package together: metadata, content, action log, then the manifest over all of them and
 * the signature over the manifest's exact bytes (`sign` is the platform's SM2 key).
 */
export function assemble(
  metadata: ArchiveMetadata,
  contents: { role: 'content' | 'attachment' | 'seal'; name: string; bytes: Uint8Array }[],
  actions: ArchivableRecord['actionLog'],
  createdAt: Date,
  sign: (text: string) => string,
): { files: PackageFile[]; manifest: Manifest; manifestText: string } {
  const files: PackageFile[] = [
    { path: METADATA, role: 'metadata', bytes: jsonBytes(metadata) },
    ...contents.map((c, i) => ({ path: contentPath(c.role, i, c.name), role: c.role, bytes: c.bytes })),
    { path: ACTIONS, role: 'actions', bytes: jsonBytes(actions) },
  ];
  const manifest: Manifest = {
    format: 'yiwang-archive-package/1',
    archiveCode: metadata.档号,
    createdAt: createdAt.toISOString(),
    files: files.map((f) => ({ path: f.path, role: f.role, size: f.bytes.length, sm3: sm3Hex(f.bytes) })),
  };
  const manifestText = JSON.stringify(manifest, null, 2);
  files.push({ path: MANIFEST, role: 'manifest', bytes: enc.encode(manifestText) });
  files.push({ path: SIGNATURE, role: 'signature', bytes: enc.encode(sign(manifestText)) });
  return { files, manifest, manifestText };
}
