/** Recognises a file's real type from its first bytes, so a renamed executable is not a "PDF". */
export function sniffMime(head: Buffer): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  // OFD (GB/T 33190) documents are ZIP containers.
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/ofd';
  if (head.length > 0 && !head.includes(0) && isUtf8(head)) return 'text/plain';
  return null;
}

function isUtf8(buf: Buffer): boolean {
  try {
    // The head may cut a multi-byte character at its end: stream mode leaves an incomplete last
    // sequence pending instead of failing, while any invalid byte before it still throws.
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}
