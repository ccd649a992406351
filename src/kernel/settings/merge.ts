/**
 * The one-way merge of region configuration (DESIGN: "Region defaults merge one way"): the national
 * default from code, then each stored level from the widest region to the narrowest. A level
 * overrides the keys it sets, key by key into nested objects; arrays and scalars are replaced whole.
 * No level's record is ever changed by a level below it: the merge builds a new value.
 */
export type Plain = Record<string, unknown>;

export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over === undefined ? base : over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeOver(base[k], v) : v;
  return out;
}

/**
 * Where each leaf of the merged value comes from: JSON-pointer path → the region code that set it
 * ('' for the national default in code). The admin page shows it beside every field.
 */
export function sourcesOf(levels: { regionCode: string; value: unknown }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, at: string, region: string) => {
    if (isPlain(v)) for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k}`, region);
    else {
      // A level that replaces a subtree also owns every leaf the subtree had before.
      for (const p of Object.keys(out)) if (p.startsWith(`${at}/`)) delete out[p];
      out[at || '/'] = region;
    }
  };
  for (const l of levels) walk(l.value, '', l.regionCode);
  return out;
}
