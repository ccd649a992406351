import { crc32, deflateSync } from 'node:zlib';

/**
 * A round red seal as a PNG (ring and five-pointed star on a transparent ground), for OFD output,
 * where the seal is an image object. The PDF gets the licences module's vector mark instead, with
 * the unit's name; this raster carries no lettering, so it stands for the seal's place only.
 */
export function sealImagePng(px = 240, rgb: [number, number, number] = [255, 51, 51]): Uint8Array {
  const c = px / 2;
  const r = px / 2 - 2;
  const ring = px * 0.035;
  const star = starContains(c, c, r * 0.32);
  const rows: Buffer[] = [];
  for (let y = 0; y < px; y++) {
    const row = Buffer.alloc(1 + px * 4);
    for (let x = 0; x < px; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      // Anti-aliased by coverage of the ring's edges; the star is hard-edged at this size.
      const inRing = Math.max(0, Math.min(1, r - d + 0.5, d - (r - ring) + 0.5));
      const a = star(x + 0.5, y + 0.5) ? 1 : inRing;
      if (a > 0) row.set([...rgb, Math.round(a * 230)], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Point-in-star test for a five-pointed star, point up, centred at (cx, cy) (y down, as in images). */
function starContains(cx: number, cy: number, outer: number): (x: number, y: number) => boolean {
  const pts = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const len = i % 2 === 0 ? outer : outer * 0.382;
    return [cx + len * Math.cos(a), cy + len * Math.sin(a)] as const;
  });
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i];
      const [xj, yj] = pts[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
