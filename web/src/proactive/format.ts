import { useTranslation } from 'react-i18next';
import { fenToYuan } from '../admin/editors/money';
import type { ConditionTrace, Truth } from './types';

/** Money and truth in the page's language: ¥1,200.00 reads "1200.00 元" in Chinese. */
export function useProFormat() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    en,
    yuan: (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : t('pro.yuan', { v: fenToYuan(fen) })),
    truth: (v: Truth) => t(`pro.truth.${String(v)}`),
    held: (v: Truth) => t(`pro.held.${String(v)}`),
    value: (v: ConditionTrace['actual']) => (v === null || v === undefined ? t('pro.unknownValue') : typeof v === 'boolean' ? t(v ? 'pro.yes' : 'pro.no') : String(v)),
    pick: (zh: string | null | undefined, enText: string | null | undefined) => (en && enText ? enText : (zh ?? enText ?? '')),
  };
}

/** ✓ / ✗ / ? for a condition, with the word beside it so it is not read by colour or sign alone. */
export const heldMark = (v: Truth) => (v === true ? '✓' : v === false ? '✗' : '?');
