import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** Nulls become empty elements in XML and stay null in JSON, as GeoReport v2 clients expect. */
function forXml(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v)]));
  return value;
}

/**
 * One GeoReport v2 answer in either format: JSON is the list (or object) itself; XML wraps it in the
 * spec's root and item elements, e.g. <service_requests><request>…</request></service_requests>.
 */
export function render(format: Format, root: string, item: string | null, body: unknown): { type: string; payload: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
  const inner = item ? { [item]: forXml(body) } : forXml(body);
  return { type: 'text/xml; charset=utf-8', payload: `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: inner })}` };
}

/** GeoReport v2 times: ISO 8601 with the offset spelt out (China Standard Time). */
export function w3cTime(d: Date | string | null): string | null {
  if (!d) return null;
  const t = new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${t}+08:00`;
}
