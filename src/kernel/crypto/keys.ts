import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** The platform's own secrets. Kept in a file outside the database, so a database copy alone can
 *  neither read personal data nor re-sign an altered audit chain. */
export interface PlatformKeys {
  /** SM2 key pair that signs audit checkpoints. */
  signPublicKey: string;
  signPrivateKey: string;
  /** SM4 key (128 bit, hex) for personal data at rest. */
  fieldKey: string;
  /** HMAC key (hex) for blind indexes, so encrypted identifiers can still be looked up. */
  indexKey: string;
}

export function generateKeys(): PlatformKeys {
  const pair = sm2.generateKeyPairHex();
  return {
    signPublicKey: pair.publicKey,
    signPrivateKey: pair.privateKey,
    fieldKey: randomBytes(16).toString('hex'),
    indexKey: randomBytes(32).toString('hex'),
  };
}

/** Loads `keys.json` from the data folder, creating it (mode 0600) on first start. */
export function loadOrCreateKeys(dataDir: string): PlatformKeys {
  const file = path.join(dataDir, 'keys.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformKeys;
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = generateKeys();
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
    return keys;
  } catch {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformKeys;
  }
}
