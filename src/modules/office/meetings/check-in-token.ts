import { PlatformCrypto } from '../../../kernel/crypto/index.ts';
import { MeetingErrors } from './errors.ts';

/** How long a shown QR code stays good: long enough to queue at the door, short enough that a photo of it soon stops working. */
export const CHECK_IN_TOKEN_MS = 2 * 3600_000;

const PREFIX = 'mtg1';

/**
 * 签到码: `mtg1.<meetingId>.<expires ms>.<SM2 signature>` signed with the platform key, so any app
 * node can check it without a table and a changed meeting id or time breaks the signature.
 */
export function issueCheckInToken(crypto: PlatformCrypto, meetingId: string, expiresAt: Date): string {
  const message = `${PREFIX}.${meetingId}.${expiresAt.getTime()}`;
  return `${message}.${crypto.sign(message)}`;
}

/** Refuses a forged, expired or other meeting's token, each with its own clear problem. */
export function checkCheckInToken(crypto: PlatformCrypto, token: string, meetingId: string, now: Date): void {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^\d{1,15}$/.test(parts[2]) || !/^[0-9a-f]{1,256}$/i.test(parts[3])) throw MeetingErrors.tokenInvalid();
  const [, id, expires, signature] = parts;
  if (!PlatformCrypto.verify(`${PREFIX}.${id}.${expires}`, signature, crypto.signPublicKey)) throw MeetingErrors.tokenInvalid();
  if (id !== meetingId) throw MeetingErrors.tokenOtherMeeting();
  if (Number(expires) < now.getTime()) throw MeetingErrors.tokenExpired();
}
