import { randomBytes } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { keyedDigest, type HashAlg } from './hash.ts';
import type { PlatformKeys } from './keys.ts';
import { sm2Sign, sm2Verify } from './sm2.ts';

export { digest, digestBytes, keyedDigest, canonicalJson, type HashAlg } from './hash.ts';
export { loadOrCreateKeys, generateKeys, type PlatformKeys } from './keys.ts';
export { sm2Sign, sm2Verify, sm2Digest, sm2PublicKeyOf, sm2Implementation, useSm2Implementation, SM2_DEFAULT_ID, type Sm2Implementation } from './sm2.ts';

const PREFIX = 'sm4gcm1';

/** Field encryption (SM4-GCM), blind indexes and SM2 signatures with the platform keys. */
export class PlatformCrypto {
  constructor(
    private readonly keys: PlatformKeys,
    private readonly hashAlg: HashAlg,
  ) {}

  get signPublicKey(): string {
    return this.keys.signPublicKey;
  }

  encryptField(plain: string): string {
    const iv = randomBytes(12).toString('hex');
    const out = sm4.encrypt(plain, this.keys.fieldKey, { mode: 'gcm', iv, outputTag: true });
    return `${PREFIX}:${iv}:${out.output}:${out.tag}`;
  }

  decryptField(sealed: string): string {
    const [prefix, iv, ct, tag] = sealed.split(':');
    if (prefix !== PREFIX || !iv || !ct || !tag) throw new Error('not an encrypted field');
    return sm4.decrypt(ct, this.keys.fieldKey, { mode: 'gcm', iv, tag });
  }

  /** Same input → same output, without revealing the input: for equality lookups on encrypted data. */
  blindIndex(value: string): string {
    return keyedDigest(this.hashAlg, this.keys.indexKey, value);
  }

  /** SM2 with SM3 and the default signer ID, raw r‖s hex (see sm2.ts: OpenSSL signs where it can). */
  sign(message: string): string {
    return sm2Sign(message, this.keys.signPrivateKey);
  }

  static verify(message: string, signature: string, publicKey: string): boolean {
    return sm2Verify(message, signature, publicKey);
  }
}
