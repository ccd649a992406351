import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Toneless pinyin syllables of a run of Chinese characters, read in context (重庆 → chong qing); ü as v. */
export function syllables(text: string): string[] {
  if (!text) return [];
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

let known: Set<string> | null = null;
let longest = 0;

/** Every syllable the converter knows, read once from the basic CJK block. */
function syllableSet(): Set<string> {
  if (!known) {
    let all = '';
    for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
    known = new Set(syllables(all).filter((s) => /^[a-z]+$/.test(s)));
    for (const s of known) longest = Math.max(longest, s.length);
  }
  return known;
}

/**
 * Splits a string of Latin letters into pinyin syllables (shebaoka → she bao ka), or null when it is
 * not pinyin. Prefers the split with the fewest syllables, so xian reads as one syllable.
 */
export function splitPinyin(latin: string): string[] | null {
  const s = latin.toLowerCase();
  if (!/^[a-z]{2,60}$/.test(s)) return null;
  const set = syllableSet();
  const best: (string[] | null)[] = new Array(s.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < s.length; i++) {
    const here = best[i];
    if (!here) continue;
    for (let len = 1; len <= longest && i + len <= s.length; len++) {
      const piece = s.slice(i, i + len);
      if (!set.has(piece)) continue;
      const next = best[i + len];
      if (!next || next.length > here.length + 1) best[i + len] = [...here, piece];
    }
  }
  return best[s.length];
}

/** A text's sound: its Chinese characters as toneless pinyin, Latin letters and digits as they are. */
export function soundKey(text: string): string {
  let out = '';
  let run = '';
  const flush = () => {
    if (run) out += syllables(run).join('');
    run = '';
  };
  for (const ch of text.toLowerCase()) {
    if (HAN.test(ch)) run += ch;
    else {
      flush();
      if (/[a-z0-9]/.test(ch)) out += ch;
    }
  }
  flush();
  return out;
}
