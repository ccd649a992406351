import { canonicalJson, digestBytes, SM2_DEFAULT_ID, sm2Sign, sm2Verify } from '../../../kernel/crypto/index.ts';

/** GM/T 0009 default signer ID, used for the SM2 Z value. */
export const SM2_USER_ID = SM2_DEFAULT_ID;

/** The seal as recorded in the signature (GB/T 38540 印章信息). */
export interface SealInfo {
  id: string;
  code: string;
  name: string;
  unitName: string;
  unitCode: string;
  validFrom: string;
  validTo: string;
  publicKey: string;
}

/**
 * One electronic-seal signature, laid out after GB/T 38540 (电子签章): the seal, the signer, the
 * signing time, the digest of the signed data and the SM2 signature over all of it. The data is the
 * PDF's bytes before the signature (like a PDF ByteRange), hashed with SM3.
 */
export interface SealSignature {
  format: 'yiwang-esig/1';
  structure: 'GB/T 38540';
  seal: SealInfo;
  signer: { id: string; name: string };
  time: string;
  document: string;
  dataHash: { alg: 'SM3'; range: [0, number]; value: string };
  signAlg: 'SM2-with-SM3';
  userId: string;
  signature: string;
}
export type SealSignatureBody = Omit<SealSignature, 'format' | 'structure' | 'dataHash' | 'signAlg' | 'userId' | 'signature'>;

const OBJ = /\n(\d+) 0 obj\n<< \/Type \/YiwangSeal \/Length (\d+) >>\nstream\n/g;

/** The signed text: every field but the signature, keys sorted. */
export const toBeSigned = (s: Omit<SealSignature, 'signature'>) => canonicalJson(s);

/** JSON in ASCII only, so its length in bytes is its length in characters. */
const ascii = (json: string) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The incremental update that carries the signature: one stream object, its xref and a trailer. */
function updateTail(at: number, obj: number, json: string, root: string, info: string | null, prev: number): string {
  const body = `\n${obj} 0 obj\n<< /Type /YiwangSeal /Length ${json.length} >>\nstream\n${json}\nendstream\nendobj\n`;
  return (
    body +
    `xref\n${obj} 1\n${String(at + 1).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${obj + 1} /Root ${root}${info ? ` /Info ${info}` : ''} /Prev ${prev} /YiwangSeal ${obj} 0 R >>\nstartxref\n${at + body.length}\n%%EOF\n`
  );
}

function trailerOf(text: string): { root: string; info: string | null; size: number; prev: number } | null {
  const t = text.lastIndexOf('trailer');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (t < 0 || !sx) return null;
  const tr = text.slice(t);
  const root = /\/Root (\d+ \d+ R)/.exec(tr)?.[1];
  const size = /\/Size (\d+)/.exec(tr)?.[1];
  if (!root || !size) return null;
  return { root, info: /\/Info (\d+ \d+ R)/.exec(tr)?.[1] ?? null, size: Number(size), prev: Number(sx[1]) };
}

/** Signs a rendered PDF with a seal's SM2 key and appends the signature as an incremental update. */
export function sealDocument(pdf: Uint8Array, body: SealSignatureBody, privateKey: string): { bytes: Uint8Array; signature: SealSignature } {
  const base = Buffer.from(pdf);
  const tr = trailerOf(base.toString('latin1', Math.max(0, base.length - 2048)));
  if (!tr) throw new Error('the document has no classic trailer to append to');
  const unsigned: Omit<SealSignature, 'signature'> = {
    format: 'yiwang-esig/1',
    structure: 'GB/T 38540',
    ...body,
    dataHash: { alg: 'SM3', range: [0, base.length], value: digestBytes('sm3', base) },
    signAlg: 'SM2-with-SM3',
    userId: SM2_USER_ID,
  };
  const signature: SealSignature = { ...unsigned, signature: sm2Sign(toBeSigned(unsigned), privateKey, SM2_USER_ID) };
  const tail = updateTail(base.length, tr.size, ascii(JSON.stringify(signature)), tr.root, tr.info, tr.prev);
  return { bytes: Buffer.concat([base, Buffer.from(tail, 'latin1')]), signature };
}

export type SealCheck = { ok: true; signature: SealSignature } | { ok: false; problem: 'no-seal' | 'altered'; signature?: SealSignature };

/**
 * Reads the last seal signature of a PDF and checks that nothing before it changed (SM3 over the
 * signed bytes), that nothing after it was added or changed (the update is rebuilt and compared
 * byte for byte), and that the SM2 signature holds for the given public key (the seal's key as
 * registered, never the one written in the file).
 */
export function checkSeal(pdf: Uint8Array, keyOf: (sig: SealSignature) => string | null): SealCheck {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = buf.toString('latin1');
  const last = [...text.matchAll(OBJ)].pop();
  if (!last || last.index === undefined) return { ok: false, problem: 'no-seal' };
  const at = last.index;
  const start = at + last[0].length;
  let signature: SealSignature;
  try {
    signature = JSON.parse(text.slice(start, start + Number(last[2])));
  } catch {
    return { ok: false, problem: 'altered' };
  }
  if (!signature || typeof signature !== 'object' || signature.format !== 'yiwang-esig/1' || typeof signature.signature !== 'string' || !signature.dataHash || !signature.seal)
    return { ok: false, problem: 'altered' };
  const tail = text.slice(at);
  const root = /\/Root (\d+ \d+ R)/.exec(tail)?.[1];
  const prev = /\/Prev (\d+)/.exec(tail)?.[1];
  const json = ascii(JSON.stringify(signature));
  if (!root || !prev || updateTail(at, Number(last[1]), json, root, /\/Info (\d+ \d+ R)/.exec(tail)?.[1] ?? null, Number(prev)) !== tail || text.slice(start, start + Number(last[2])) !== json)
    return { ok: false, problem: 'altered', signature };
  const signed = buf.subarray(0, at);
  const hash = digestBytes('sm3', signed);
  if (signature.dataHash.range?.[1] !== at || signature.dataHash.value !== hash) return { ok: false, problem: 'altered', signature };
  const key = keyOf(signature);
  const { signature: sig, ...unsigned } = signature;
  const valid = !!key && /^[0-9a-f]{128}$/.test(sig) && sm2Verify(toBeSigned(unsigned), sig, key, SM2_USER_ID);
  return valid ? { ok: true, signature } : { ok: false, problem: 'altered', signature };
}
