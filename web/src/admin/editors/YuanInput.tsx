import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { parseYuan } from './money';

/** A fee typed in 元 (the form holds the text; the page turns it into 分 on save). */
export function YuanInput(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return <Input {...props} prefix="¥" inputMode="decimal" style={{ width: 160 }} onChange={(e) => props.onChange?.(e.target.value)} />;
}

/** The form rule of a fee in 元: non-negative, at most two decimals, within the server's limit. */
export const yuanRule = (t: TFunction): Rule => ({
  validator: (_: unknown, v: string) => {
    const r = parseYuan(v);
    return 'problem' in r ? Promise.reject(new Error(t(`ed.fee.${r.problem}`))) : Promise.resolve();
  },
});
