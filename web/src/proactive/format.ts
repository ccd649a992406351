import { useTranslation } from 'react-i18next';
import { fenToYuan } from '../admin/editors/money';
import type { ConditionTrace, Truth } from './types';

const OPS = { '==': 'eq', '!=': 'ne', '>=': 'ge', '<=': 'le', '>': 'gt', '<': 'lt' } as const;

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
    /** The rule's own words for a condition (`>= 80`, `in 低保,特困`, `between 80..89`) as a person reads them. */
    test: (text: string) => {
      const m = /^(==|!=|>=|<=|>|<) (.*)$/.exec(text);
      if (m) {
        const v = m[2] === 'true' ? t('pro.yes') : m[2] === 'false' ? t('pro.no') : m[2];
        return `${t(`pro.testOps.${OPS[m[1] as keyof typeof OPS]}`)} ${v}`;
      }
      const inList = /^in (.*)$/.exec(text);
      if (inList) return `${t('pro.testOps.in')} ${inList[1].split(',').join(en ? ', ' : '、')}`;
      const between = /^between (.+)\.\.(.+?)( \(exclusive\))?$/.exec(text);
      if (between) return t(between[3] ? 'pro.testOps.betweenX' : 'pro.testOps.between', { lo: between[1], hi: between[2] });
      if (text === 'recorded') return t('pro.testOps.recorded');
      if (text === 'not recorded') return t('pro.testOps.notRecorded');
      return text;
    },
    pick: (zh: string | null | undefined, enText: string | null | undefined) => (en && enText ? enText : (zh ?? enText ?? '')),
  };
}

/** ✓ / ✗ / ? for a condition, with the word beside it so it is not read by colour or sign alone. */
export const heldMark = (v: Truth) => (v === true ? '✓' : v === false ? '✗' : '?');
