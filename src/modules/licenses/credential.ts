import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey } from 'node:crypto';
import bs58 from 'bs58';
import canonicalize from 'canonicalize';
import type { Kernel } from '../../kernel/index.ts';
import { licensesDb } from './tables.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const SUITE = 'ecdsa-jcs-2019';
const KEY_ID = 'key-1';

export type Credential = Record<string, unknown> & { '@context': unknown; proof?: Record<string, unknown> };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const jcs = (v: unknown) => {
  const out = canonicalize(v);
  if (out === undefined) throw new Error('cannot canonicalise');
  return out;
};

/**
 * W3C Verifiable Credentials 2.0 for licences taken outside the platform, secured with a Data
 * Integrity proof of the standard `ecdsa-jcs-2019` cryptosuite (P-256, JCS canonical form), so any
 * conforming verifier can check it against the key published at `issuerId`. National SM2 has no
 * registered cryptosuite yet; inside the platform the sealed PDF carries the SM2 seal.
 */
export class CredentialIssuer {
  private key: { privateKey: ReturnType<typeof createPrivateKey>; publicJwk: JsonWebKey } | null = null;
  constructor(
    private readonly k: Kernel,
    readonly issuerId: string,
  ) {}

  get verificationMethod() {
    return `${this.issuerId}#${KEY_ID}`;
  }

  private async keys() {
    if (this.key) return this.key;
    let row = await licensesDb(this.k.db).selectFrom('licenses_vc_key').selectAll().where('id', '=', KEY_ID).executeTakeFirst();
    if (!row) {
      const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const values = {
        id: KEY_ID,
        public_jwk: JSON.stringify(pair.publicKey.export({ format: 'jwk' })),
        private_enc: this.k.crypto.encryptField(JSON.stringify(pair.privateKey.export({ format: 'jwk' }))),
        created_at: this.k.clock.now(),
      };
      await licensesDb(this.k.db)
        .insertInto('licenses_vc_key')
        .values(values)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      row = await licensesDb(this.k.db).selectFrom('licenses_vc_key').selectAll().where('id', '=', KEY_ID).executeTakeFirstOrThrow();
    }
    const privateKey = createPrivateKey({ key: JSON.parse(this.k.crypto.decryptField(row.private_enc)), format: 'jwk' });
    this.key = { privateKey, publicJwk: row.public_jwk as JsonWebKey };
    return this.key;
  }

  /** The controller document verifiers fetch from `issuerId`. */
  async controllerDocument() {
    const { publicJwk } = await this.keys();
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
      id: this.issuerId,
      verificationMethod: [{ id: this.verificationMethod, type: 'JsonWebKey', controller: this.issuerId, publicKeyJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y } }],
      assertionMethod: [this.verificationMethod],
    };
  }

  private hashData(config: Record<string, unknown>, unsecured: Record<string, unknown>): Buffer {
    return Buffer.concat([sha256(jcs(config)), sha256(jcs(unsecured))]);
  }

  async secure(unsecured: Credential): Promise<Credential> {
    const { privateKey } = await this.keys();
    const config = {
      '@context': unsecured['@context'],
      type: 'DataIntegrityProof',
      cryptosuite: SUITE,
      created: this.k.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      verificationMethod: this.verificationMethod,
      proofPurpose: 'assertionMethod',
    };
    const signature = sign('sha256', this.hashData(config, unsecured), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return { ...unsecured, proof: { ...config, proofValue: `z${bs58.encode(signature)}` } };
  }

  /** Checks a proof made with this platform's key: the document and proof options must be exactly as signed. */
  async check(doc: Credential): Promise<{ ok: boolean; problem?: string }> {
    const proof = doc.proof;
    if (!proof || typeof proof !== 'object') return { ok: false, problem: 'no proof / 没有证明' };
    const { proofValue, ...config } = proof as Record<string, unknown>;
    if (config.type !== 'DataIntegrityProof' || config.cryptosuite !== SUITE || config.proofPurpose !== 'assertionMethod') return { ok: false, problem: 'unsupported proof / 不支持的证明类型' };
    if (config.verificationMethod !== this.verificationMethod) return { ok: false, problem: 'not issued by this platform / 非本平台签发' };
    if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return { ok: false, problem: 'malformed proofValue / 证明值格式错误' };
    if (jcs(config['@context']) !== jcs(doc['@context'])) return { ok: false, problem: 'context mismatch / 上下文不一致' };
    const { proof: _p, ...unsecured } = doc;
    let sig: Uint8Array;
    try {
      sig = bs58.decode(proofValue.slice(1));
    } catch {
      return { ok: false, problem: 'malformed proofValue / 证明值格式错误' };
    }
    const { publicJwk } = await this.keys();
    const ok = sig.length === 64 && verify('sha256', this.hashData(config, unsecured), { key: createPublicKey({ key: publicJwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, sig);
    return ok ? { ok } : { ok, problem: 'signature does not match / 签名不符' };
  }
}
