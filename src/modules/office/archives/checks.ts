import { PDFDocument } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { PlatformCrypto } from '../../../kernel/crypto/index.ts';
import { sniffMime } from '../../../kernel/files/sniff.ts';
import { ACTIONS, ARCHIVE_CODE, MANIFEST, METADATA, SIGNATURE, sm3Hex, type Manifest, type PackageFile } from './package.ts';
import { RETENTIONS } from './settings.ts';

/** The four properties of DA/T 70-2018 四性检测. */
export type Property = 'authenticity' | 'integrity' | 'usability' | 'safety';
export interface CheckResult {
  code: string;
  property: Property;
  zh: string;
  en: string;
  passed: boolean;
  /** What failed, naming the file or item (both languages); null when passed. */
  detail: { zh: string; en: string } | null;
}
export interface CheckReport {
  passed: boolean;
  checks: CheckResult[];
}

export interface CheckContext {
  /** The platform's SM2 public key (hex) the signature must verify with. */
  publicKey: string;
  /** SM3 of manifest.json as recorded when archived (null at ingest, before it is recorded). */
  recordedManifestSm3: string | null;
  /** Whether the 件号 of the package's group (全宗, 门类, 年度, 期限, 机构) run 1…n without a gap. */
  sequenceGapFree: boolean;
  maxFileBytes: number;
}

/** The checks, in the order DA/T 70 lists them, each with its code and zh/en name. */
export const CHECKS: Record<string, { property: Property; zh: string; en: string }> = {
  'AU-1': { property: 'authenticity', zh: '文件摘要与清单一致（SM3）', en: 'Every file matches its SM3 digest in the manifest' },
  'AU-2': { property: 'authenticity', zh: '清单数字签名有效（SM2）', en: 'The manifest signature verifies (SM2)' },
  'AU-3': { property: 'authenticity', zh: '元数据类型与取值范围正确', en: 'Metadata types and value ranges are valid' },
  'AU-4': { property: 'authenticity', zh: '内容与元数据一致（题名/文号）', en: 'Content agrees with the metadata (title / reference)' },
  'AU-5': { property: 'authenticity', zh: '数据包结构符合要求', en: 'The package structure is as required' },
  'AU-6': { property: 'authenticity', zh: '数据包与归档时一致', en: 'The package is the one that was archived' },
  'IN-1': { property: 'integrity', zh: '必填元数据齐全', en: 'Required metadata is present' },
  'IN-2': { property: 'integrity', zh: '清单所列文件齐全', en: 'Every file in the manifest is present' },
  'IN-3': { property: 'integrity', zh: '无清单外文件', en: 'No file outside the manifest' },
  'IN-4': { property: 'integrity', zh: '件号连续无断号', en: 'Item numbers run without a gap' },
  'IN-5': { property: 'integrity', zh: '办理过程记录完整', en: 'The action log is present and not empty' },
  'US-1': { property: 'usability', zh: '文件格式符合归档要求（PDF/OFD/JSON/图像）', en: 'File formats are allowed (PDF/OFD/JSON/images)' },
  'US-2': { property: 'usability', zh: '文件可正常打开', en: 'Files open' },
  'US-3': { property: 'usability', zh: '无加密或专有压缩', en: 'No encryption or proprietary compression' },
  'SA-1': { property: 'safety', zh: '无可执行程序或脚本', en: 'No executable or script content' },
  'SA-2': { property: 'safety', zh: '文件大小合理', en: 'File sizes are sane' },
};

const REQUIRED = ['档号', '全宗号', '门类', '年度', '保管期限', '机构代码', '件号', '题名', '责任者', '日期', '页数', '归档章'] as const;
const dec = new TextDecoder('utf-8', { fatal: true });
const isJsonName = (p: string) => p.endsWith('.json');

type Finding = { zh: string; en: string };

/** What a file really is, by its bytes: the kernel's sniffing, told JSON apart from other text. */
function formatOf(f: PackageFile): 'pdf' | 'ofd' | 'png' | 'jpeg' | 'json' | 'sig' | null {
  const mime = sniffMime(Buffer.from(f.bytes.subarray(0, 512)));
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'application/ofd') return 'ofd';
  if (mime === 'image/png') return 'png';
  if (mime === 'image/jpeg') return 'jpeg';
  if (mime === 'text/plain' && f.role === 'signature') return /^[0-9a-f]+$/i.test(textOf(f) ?? '') ? 'sig' : null;
  if (mime === 'text/plain' && (isJsonName(f.path) || f.role === 'content' || f.role === 'attachment')) return jsonOf(f) === undefined ? null : 'json';
  return null;
}

function textOf(f: PackageFile): string | null {
  try {
    return dec.decode(f.bytes);
  } catch {
    return null;
  }
}
function jsonOf(f: PackageFile | undefined): unknown {
  if (!f) return undefined;
  const t = textOf(f);
  if (t === null) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

// Executables by their magic numbers: PE (MZ), ELF, Mach-O, Java class; scripts by a shebang or
// embedded script in a PDF (/JavaScript, /JS, /Launch) or JSON text (<script, javascript:).
const EXEC_MAGIC = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];
const PDF_SCRIPT = /\/(JavaScript|JS|Launch)\b/;
const TEXT_SCRIPT = /<script\b|javascript:/i;

function executableIn(f: PackageFile, format: ReturnType<typeof formatOf>): boolean {
  if (EXEC_MAGIC.some((m) => m.every((b, i) => f.bytes[i] === b))) return true;
  if (format === 'pdf') return PDF_SCRIPT.test(Buffer.from(f.bytes).toString('latin1'));
  if (format === 'json') return TEXT_SCRIPT.test(textOf(f) ?? '');
  return false;
}

async function opens(f: PackageFile, format: ReturnType<typeof formatOf>): Promise<{ ok: boolean; encrypted: boolean; title: string | null }> {
  try {
    if (format === 'pdf') {
      const doc = await PDFDocument.load(f.bytes, { updateMetadata: false, throwOnInvalidObject: false });
      return { ok: doc.getPageCount() > 0, encrypted: doc.isEncrypted, title: doc.getTitle() ?? null };
    }
    if (format === 'ofd') {
      // An OFD is a ZIP: it must unpack (no entry encrypted: general-purpose bit 0) and hold OFD.xml.
      const encrypted = zipEncrypted(f.bytes);
      if (encrypted) return { ok: false, encrypted, title: null };
      const entries = unzipSync(f.bytes, { filter: (e) => e.name === 'OFD.xml' });
      return { ok: !!entries['OFD.xml'], encrypted: false, title: null };
    }
    if (format === 'json' || format === 'sig' || format === 'png' || format === 'jpeg') return { ok: true, encrypted: false, title: null };
  } catch {
    // Falls through: it does not open.
  }
  return { ok: false, encrypted: false, title: null };
}

function zipEncrypted(b: Uint8Array): boolean {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 8 <= b.length;) {
    if (v.getUint32(i, true) !== 0x04034b50) break;
    if (v.getUint16(i + 6, true) & 1) return true;
    const size = v.getUint32(i + 18, true);
    i += 30 + v.getUint16(i + 26, true) + v.getUint16(i + 28, true) + size;
  }
  return false;
}

const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function metadataProblems(m: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const bad = (item: string, why: string, whyEn: string) => out.push({ zh: `${item}：${why}`, en: `${item}: ${whyEn}` });
  const str = (k: string, max: number) =>
    m[k] === undefined || (typeof m[k] === 'string' && (m[k] as string).length <= max) || bad(k, `应为不超过 ${max} 字的文本`, `must be text of at most ${max} characters`);
  str('题名', 500);
  str('责任者', 200);
  if (m['文号'] !== undefined && m['文号'] !== null) str('文号', 100);
  if (m['密级'] !== undefined && m['密级'] !== null && !['秘密', '机密', '绝密', '内部'].includes(m['密级'] as string)) bad('密级', '取值不在范围内', 'not an allowed value');
  if (m['日期'] !== undefined && !isDate(m['日期'])) bad('日期', '应为有效日期 YYYY-MM-DD', 'must be a valid date YYYY-MM-DD');
  if (m['年度'] !== undefined && !(Number.isInteger(m['年度']) && (m['年度'] as number) >= 1949 && (m['年度'] as number) <= 2200))
    bad('年度', '应为 1949–2200 的整数', 'must be a whole year 1949–2200');
  if (m['件号'] !== undefined && !(Number.isInteger(m['件号']) && (m['件号'] as number) >= 1)) bad('件号', '应为正整数', 'must be a positive whole number');
  if (m['页数'] !== undefined && !(Number.isInteger(m['页数']) && (m['页数'] as number) >= 0 && (m['页数'] as number) <= 100_000))
    bad('页数', '应为 0–100000 的整数', 'must be a whole number 0–100000');
  if (m['保管期限'] !== undefined && !RETENTIONS.includes(m['保管期限'] as never)) bad('保管期限', '应为 Y、D30 或 D10', 'must be Y, D30 or D10');
  const code = typeof m['档号'] === 'string' ? ARCHIVE_CODE.exec(m['档号']) : null;
  if (m['档号'] !== undefined && !code) bad('档号', '格式应为 全宗号-门类·年度-保管期限-机构代码-件号', 'must read fonds-category·year-retention-org-item');
  if (code) {
    const parts: [string, unknown][] = [
      ['全宗号', code[1]],
      ['门类', code[2]],
      ['年度', Number(code[3])],
      ['保管期限', code[4]],
      ['机构代码', code[5]],
      ['件号', Number(code[6])],
    ];
    for (const [k, v] of parts) if (m[k] !== undefined && m[k] !== v) bad(k, '与档号不一致', 'disagrees with the archive code');
  }
  const stamp = m['归档章'] as Record<string, unknown> | undefined;
  if (stamp !== undefined && (typeof stamp !== 'object' || stamp === null || stamp['件号'] !== m['件号'] || stamp['全宗号'] !== m['全宗号'] || stamp['年度'] !== m['年度']))
    bad('归档章', '与元数据不一致', 'disagrees with the metadata');
  return out;
}

/**
 * 四性检测 (DA/T 70-2018) of one package, on its files as they are now. Pure: the caller reads the
 * stored files (or passes the package being built) and says what only the database knows.
 */
export async function checkPackage(files: PackageFile[], ctx: CheckContext): Promise<CheckReport> {
  const found = new Map<string, Finding[]>(Object.keys(CHECKS).map((c) => [c, []]));
  const fail = (code: string, zh: string, en: string) => found.get(code)!.push({ zh, en });
  const byPath = new Map<string, PackageFile>();
  for (const f of files) {
    if (byPath.has(f.path)) fail('AU-5', `重复的文件 ${f.path}`, `duplicate file ${f.path}`);
    byPath.set(f.path, f);
  }

  // Structure: the four fixed files, content under its folders, at least one content file.
  for (const p of [METADATA, ACTIONS, MANIFEST, SIGNATURE]) if (!byPath.has(p)) fail('AU-5', `缺少 ${p}`, `${p} is missing`);
  for (const f of files) {
    if (f.path.includes('..') || f.path.startsWith('/') || !/^(metadata\.json|actions\.json|manifest\.json|manifest\.sig|(content|attachment|seal)\/[^/]+)$/.test(f.path))
      fail('AU-5', `不允许的路径 ${f.path}`, `path not allowed: ${f.path}`);
  }
  if (!files.some((f) => f.role === 'content')) fail('AU-5', '没有正文文件', 'no content file');

  // The manifest: its signature, its digest as recorded, and each file against it.
  const manifestFile = byPath.get(MANIFEST);
  const manifestText = manifestFile ? textOf(manifestFile) : null;
  const manifest = jsonOf(manifestFile) as Manifest | undefined;
  const sig = byPath.get(SIGNATURE);
  if (!manifestText || !manifest || !Array.isArray(manifest.files)) fail('AU-2', 'manifest.json 无法读取', 'manifest.json cannot be read');
  else if (!sig || !PlatformCrypto.verify(manifestText, (textOf(sig) ?? '').trim(), ctx.publicKey))
    fail('AU-2', 'manifest.sig 与清单不符或非平台签名', 'manifest.sig does not verify with the platform key');
  if (manifestFile && ctx.recordedManifestSm3 !== null && sm3Hex(manifestFile.bytes) !== ctx.recordedManifestSm3)
    fail('AU-6', 'manifest.json 与归档时登记的摘要不一致', 'manifest.json differs from the digest recorded at archiving');
  const listed = new Set<string>();
  if (manifest && Array.isArray(manifest.files)) {
    for (const e of manifest.files) {
      listed.add(e.path);
      const f = byPath.get(e.path);
      if (!f) {
        fail('IN-2', `缺少文件 ${e.path}`, `${e.path} is missing`);
        continue;
      }
      if (f.bytes.length !== e.size || sm3Hex(f.bytes) !== e.sm3) fail('AU-1', `${e.path} 的 SM3 摘要与清单不一致（已被改动）`, `${e.path} does not match its SM3 digest in the manifest (altered)`);
      if (f.role !== e.role) fail('AU-5', `${e.path} 的角色与清单不一致`, `${e.path} has another role than the manifest says`);
    }
    for (const f of files) if (f.path !== MANIFEST && f.path !== SIGNATURE && !listed.has(f.path)) fail('IN-3', `清单外的文件 ${f.path}`, `${f.path} is not in the manifest`);
  }

  // Metadata: present, typed, in range; required items; content agrees.
  const meta = jsonOf(byPath.get(METADATA)) as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== 'object') fail('AU-3', 'metadata.json 无法读取', 'metadata.json cannot be read');
  else {
    for (const p of metadataProblems(meta)) fail('AU-3', p.zh, p.en);
    for (const k of REQUIRED) if (meta[k] === undefined || meta[k] === null || meta[k] === '') fail('IN-1', `缺少元数据项 ${k}`, `metadata item ${k} is missing`);
  }
  if (!ctx.sequenceGapFree) fail('IN-4', '同一全宗、门类、年度、期限、机构下件号有断号', 'the item numbers of this group have a gap');
  const log = jsonOf(byPath.get(ACTIONS));
  if (!Array.isArray(log) || log.length === 0) fail('IN-5', '办理过程记录缺失或为空', 'the action log is missing or empty');

  // Each file: format, opens, not encrypted, nothing executable, size sane.
  const needles = meta ? [meta['题名'], meta['文号']].filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
  let agreeing = 0;
  let checkable = 0;
  for (const f of files) {
    const format = formatOf(f);
    if (!format) fail('US-1', `${f.path} 的格式不在允许范围内`, `${f.path} is not in an allowed format`);
    if (f.bytes.length === 0 || f.bytes.length > ctx.maxFileBytes) fail('SA-2', `${f.path} 大小异常（${f.bytes.length} 字节）`, `${f.path} has an abnormal size (${f.bytes.length} bytes)`);
    if (executableIn(f, format)) fail('SA-1', `${f.path} 含可执行程序或脚本`, `${f.path} holds executable or script content`);
    if (!format) continue;
    const o = await opens(f, format);
    if (o.encrypted) fail('US-3', `${f.path} 已加密`, `${f.path} is encrypted`);
    else if (!o.ok) fail('US-2', `${f.path} 无法打开`, `${f.path} does not open`);
    if (f.role === 'content' && needles.length) {
      const text = format === 'json' ? textOf(f) : format === 'pdf' ? o.title : null;
      if (text !== null) {
        checkable++;
        if (needles.some((n) => text.includes(n))) agreeing++;
      }
    }
  }
  if (checkable > 0 && agreeing === 0) fail('AU-4', '正文中找不到题名或文号', 'neither the title nor the reference appears in the content');

  const checks = Object.entries(CHECKS).map(([code, c]) => {
    const f = found.get(code)!;
    return { code, ...c, passed: f.length === 0, detail: f.length ? { zh: f.map((x) => x.zh).join('；'), en: f.map((x) => x.en).join('; ') } : null };
  });
  return { passed: checks.every((c) => c.passed), checks };
}
