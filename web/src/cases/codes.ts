import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Category, Code } from './types';

type List = 'kinds' | 'urgencies' | 'channels' | 'states' | 'actions';

/** The case code lists (kinds, urgencies, channels, states) and the category tree, cached for the session. */
export function useCaseCodes() {
  return useQuery({ queryKey: ['case-codes'], staleTime: Infinity, queryFn: () => api<Record<List, Code[]>>('/api/cases/codes') });
}
export function useCategories() {
  return useQuery({ queryKey: ['case-categories'], staleTime: 300_000, queryFn: () => api<Category[]>('/api/cases/categories') });
}

/** A code's label in the current language, e.g. labelOf('states', 'handling') → 办理中. */
export function useCaseLabel() {
  const { i18n } = useTranslation();
  const codes = useCaseCodes();
  return (list: List, code: string | null | undefined) => {
    const c = codes.data?.[list].find((x) => x.code === code);
    return c ? (i18n.language === 'en' ? c.en : c.zh) : (code ?? '—');
  };
}

/** Leaf categories as select options, with their path (城乡建设 / 市容环卫 / 垃圾清运). */
export function useCategoryOptions() {
  const { i18n } = useTranslation();
  const cats = useCategories();
  const byCode = new Map((cats.data ?? []).map((c) => [c.code, c]));
  const name = (c: Category) => (i18n.language === 'en' && c.nameEn ? c.nameEn : c.name);
  return (cats.data ?? [])
    .filter((c) => c.leaf && c.active)
    .map((c) => {
      const path: string[] = [];
      for (let x: Category | undefined = c; x; x = x.parentCode ? byCode.get(x.parentCode) : undefined) path.unshift(name(x));
      return { value: c.code, label: path.join(' / ') };
    });
}
