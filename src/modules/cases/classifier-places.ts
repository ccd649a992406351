/** A place name of the gazetteer and the street or town it lies in. */
export interface PlaceName {
  name: string;
  streetCode: string;
  kind: 'street' | 'estate' | 'road' | 'village' | 'landmark';
}

export interface StreetGuess {
  code: string;
  name: string;
  confidence: number;
}

/** How much a name says about the street: a road runs through several, an estate lies in one. */
const STRENGTH: Record<PlaceName['kind'] | 'bare', number> = { street: 1, estate: 0.9, village: 0.9, landmark: 0.8, bare: 0.7, road: 0.5 };
const SUFFIX = /(街道办事处|街道办|街道|镇|苏木|乡)$/;
/** A bare street name followed by one of these is part of another name (兴安盟, 和平路, 五一北路). */
const NOT_AFTER_BARE = new Set([...'盟路街大南北东西巷道里村']);

interface Entry {
  name: string;
  kind: PlaceName['kind'] | 'bare';
  streets: string[];
}

/**
 * Names the street (属地) of a call from its words: the streets and towns of the region (with and
 * without 街道/镇/苏木), plus the estates, villages and roads stored for each street. The longest
 * name wins where names overlap (和平路 over 和平); each street's evidence is summed and the
 * confidence is its share, scaled by how strong the best name is.
 */
export class Gazetteer {
  private readonly entries: Entry[];
  constructor(
    private readonly streetNames: Map<string, string>,
    places: PlaceName[],
  ) {
    const byName = new Map<string, Entry>();
    const add = (name: string, kind: Entry['kind'], street: string) => {
      if (name.length < 2) return;
      const e = byName.get(name);
      if (!e) byName.set(name, { name, kind, streets: [street] });
      else if (!e.streets.includes(street)) e.streets.push(street);
    };
    for (const [code, name] of streetNames) {
      add(name, 'street', code);
      const bare = name.replace(SUFFIX, '');
      if (bare !== name) add(bare, 'bare', code);
    }
    for (const p of places) add(p.name, p.kind, p.streetCode);
    this.entries = [...byName.values()].sort((a, b) => b.name.length - a.name.length);
  }

  find(text: string): StreetGuess | null {
    const covered: [number, number][] = [];
    const score = new Map<string, number>();
    let strongest = 0;
    for (const e of this.entries) {
      for (let at = text.indexOf(e.name); at >= 0; at = text.indexOf(e.name, at + 1)) {
        const end = at + e.name.length;
        if (covered.some(([a, b]) => at < b && end > a)) continue;
        if (e.kind === 'bare' && NOT_AFTER_BARE.has(text[end] ?? '')) continue;
        covered.push([at, end]);
        const w = STRENGTH[e.kind];
        strongest = Math.max(strongest, w / e.streets.length);
        for (const s of e.streets) score.set(s, (score.get(s) ?? 0) + w / e.streets.length);
        break;
      }
    }
    if (!score.size) return null;
    const [best, bestScore] = [...score].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const total = [...score.values()].reduce((a, b) => a + b, 0);
    const confidence = (bestScore / total) * Math.min(0.95, 0.45 + 0.5 * Math.min(1, Math.max(strongest, bestScore)));
    return { code: best, name: this.streetNames.get(best) ?? best, confidence: Math.round(confidence * 1000) / 1000 };
  }
}
