import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, shares and times in the reader's language; a missing figure shows as a dash. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useMemo(() => {
    const num = new Intl.NumberFormat(lang);
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const time = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    const day = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    return {
      lang,
      n: (v: number | null | undefined) => (v == null ? '—' : num.format(v)),
      pct: (v: number | null | undefined) => (v == null ? '—' : pct.format(v)),
      time: (d: Date | number) => time.format(d),
      /** A `YYYY-MM-DD` day as a short axis label (3/2, 3月2日 style per language). */
      day: (d: string) => day.format(new Date(`${d}T00:00:00Z`)),
    };
  }, [lang]);
}
