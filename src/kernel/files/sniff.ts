/**
 * Recognises a file's claimed type from its first bytes, so a renamed executable is not a "PDF".
 * This is only the first look: `inspect.ts` then checks the whole structure of that type.
 */
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

/**
 * Markup a browser would take for HTML or XML (the WHATWG MIME-sniffing signatures, plus the tags
 * that run script). Text materials are shown and downloaded by staff: none of them needs markup, and
 * a "text" file carrying it is an attack on whoever opens it.
 */
const MARKUP = /<(?:!doctype\s+html|html|head|script|iframe|frame|frameset|object|embed|svg|math|h1|div|font|table|a|style|title|b|body|br|p|meta|link|img|form|input|base)(?=[\s/>])|<!--|<\?xml/i;

export const looksLikeMarkup = (text: string): boolean => MARKUP.test(text);
