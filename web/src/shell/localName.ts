import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Anything the server names in Chinese and, where it knows one, in English. */
export interface Named {
  name: string;
  nameEn?: string | null;
}

/**
 * Picks the name to show in the page's language: the English name in English mode, and the
 * Chinese name when there is no English one (so a page never goes blank, and the gap is visible).
 * `localName(x)` for objects with `name`/`nameEn`, `localName.pick(zh, en)` for other pairs.
 */
export function useLocalName() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useMemo(
    () =>
      Object.assign((x: Named | null | undefined, fallback = ''): string => (!x ? fallback : english && x.nameEn ? x.nameEn : x.name), {
        pick: (zh: string | null | undefined, en: string | null | undefined): string => (english && en ? en : (zh ?? en ?? '')),
        english,
      }),
    [english],
  );
}
