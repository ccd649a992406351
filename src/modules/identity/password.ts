import { Algorithm, hash, verify } from '@node-rs/argon2';

const COMMON = new Set(['password123', 'qwerty123456', '1234567890a', 'a1234567890', 'admin123456', 'abc1234567', 'woaini1314520', 'password1234', 'zhang123456', 'yiwang123456']);

/** ≥10 characters, letters and digits, not a well-known password, not the username. */
export function passwordAcceptable(password: string, username: string): boolean {
  if (password.length < 10 || password.length > 128) return false;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return false;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return false;
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return false;
  return true;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both cases take the same time. */
export const DUMMY_HASH = await hashPassword('not-a-real-password-0');
