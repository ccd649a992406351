// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { sniffMime } from './sniff.ts';

describe('recognising plain text', () => {
  it('takes a short Chinese text that ends on a multi-byte character as text', () => {
    expect(sniffMime(Buffer.from('经办人：员工'))).toBe('text/plain');
  });
  it('takes a head cut in the middle of a character as text', () => {
    expect(sniffMime(Buffer.from('办结通知书').subarray(0, 7))).toBe('text/plain');
  });
  it('refuses bytes that are not UTF-8', () => {
    expect(sniffMime(Buffer.from([0x41, 0xc3, 0x28, 0x41]))).toBeNull();
  });
});
