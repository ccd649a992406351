import { useCallback, useMemo, useState } from 'react';

export const PANELS = ['services', 'hotline', 'map', 'sharing', 'alerts'] as const;
export type PanelId = (typeof PANELS)[number];
export const REFRESH_CHOICES = [10, 30, 60] as const;

export interface ScreenPrefs {
  /** Every panel, in the order the leader wants them; hidden ones keep their place. */
  order: PanelId[];
  hidden: PanelId[];
  refreshSeconds: number;
}

export const DEFAULT_PREFS: ScreenPrefs = { order: [...PANELS], hidden: [], refreshSeconds: 30 };

const keyOf = (accountId: string) => `yw.screen.${accountId}`;

/** A stored value made safe: unknown panels dropped, panels added since it was saved put at the end. */
function sane(raw: unknown): ScreenPrefs {
  const v = (raw ?? {}) as Partial<ScreenPrefs>;
  const known = (xs: unknown): PanelId[] => (Array.isArray(xs) ? xs.filter((x): x is PanelId => (PANELS as readonly string[]).includes(x)) : []);
  const order = [...new Set(known(v.order))];
  for (const p of PANELS) if (!order.includes(p)) order.push(p);
  const refresh = (REFRESH_CHOICES as readonly number[]).includes(Number(v.refreshSeconds)) ? Number(v.refreshSeconds) : DEFAULT_PREFS.refreshSeconds;
  return { order, hidden: known(v.hidden), refreshSeconds: refresh };
}

/**
 * The leader's choice of panels, their order and the refresh interval, per account. Kept in this
 * browser's localStorage (a wall screen is one browser); a server-side store can replace it later
 * without changing the page.
 */
export function useScreenPrefs(accountId: string | undefined): [ScreenPrefs, (p: ScreenPrefs) => void] {
  // What was chosen in this page for this account; otherwise what the browser kept for it.
  const [chosen, setChosen] = useState<{ accountId: string | undefined; prefs: ScreenPrefs } | null>(null);
  const stored = useMemo((): ScreenPrefs => {
    if (!accountId) return DEFAULT_PREFS;
    try {
      return sane(JSON.parse(localStorage.getItem(keyOf(accountId)) ?? 'null'));
    } catch {
      return DEFAULT_PREFS;
    }
  }, [accountId]);
  const save = useCallback(
    (p: ScreenPrefs) => {
      setChosen({ accountId, prefs: p });
      if (accountId) localStorage.setItem(keyOf(accountId), JSON.stringify(p));
    },
    [accountId],
  );
  return [chosen && chosen.accountId === accountId ? chosen.prefs : stored, save];
}

/** How the visible panels fill the screen: columns, rows, and whether the map takes two rows. */
export function gridOf(visible: PanelId[]): { cols: number; rows: number; mapRows: number } {
  const hasMap = visible.includes('map');
  let cells = visible.length + (hasMap ? 1 : 0);
  const cols = Math.max(1, Math.min(3, cells));
  let rows = Math.max(1, Math.ceil(cells / cols));
  const mapRows = hasMap && rows >= 2 ? 2 : 1;
  if (mapRows === 1) {
    cells = visible.length;
    rows = Math.max(1, Math.ceil(cells / cols));
  }
  return { cols, rows, mapRows };
}
