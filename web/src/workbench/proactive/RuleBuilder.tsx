import 'react-querybuilder/dist/query-builder.css';
import { Switch } from 'antd';
import { QueryBuilder, type ActionProps, type NotToggleProps, type RuleGroupType, type Translations, type ValueEditorProps, type ValueSelectorProps } from 'react-querybuilder';
import { AntDActionElement, AntDValueEditor, AntDValueSelector, QueryBuilderAntD } from '@react-querybuilder/antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProFormat } from '../../proactive/format';
import type { FactDecl } from '../../proactive/types';
import { fieldsOf, OPERATORS, type OperatorName } from './ruleModel';

/** antd's selects take their accessible name from the builder's title (字段, 比较, 组合方式). */
const LabelledSelector = (p: ValueSelectorProps) => <AntDValueSelector {...p} aria-label={p.title} />;
const LabelledAction = (p: ActionProps) => <AntDActionElement {...p} aria-label={p.title} />;
/** 取反 as a switch with its word beside it (antd's own shows "=" when off). */
const LabelledNot = (p: NotToggleProps) => (
  <label className={p.className} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
    <Switch size="small" checked={!!p.checked} disabled={p.disabled} onChange={(v) => p.handleOnChange(v)} />
    {p.label}
  </label>
);
/** …and each value input (both of 介于's) from the value's title. */
const LabelledValue = (p: ValueEditorProps) => <AntDValueEditor {...p} extraProps={{ 'aria-label': p.title }} />;

/**
 * The visual rule builder (react-querybuilder with antd controls) over the declared facts: each
 * field reads "年龄（岁）· 人口基础库" so the officer sees where a value will come from.
 */
export function RuleBuilder({ facts, query, onChange, disabled, label }: { facts: readonly FactDecl[]; query: RuleGroupType; onChange(q: RuleGroupType): void; disabled?: boolean; label: string }) {
  const { t } = useTranslation();
  const f = useProFormat();
  const fields = useMemo(
    () =>
      fieldsOf(
        facts,
        (d) => `${f.pick(d.zh, d.en)}${d.unit ? `（${f.pick(d.unit.zh, d.unit.en)}）` : ''} · ${f.pick(d.source.zh, d.source.en)}`,
        (op: OperatorName) => t(`pro.qb.ops.${op}`),
        [t('pro.yes'), t('pro.no')],
      ),
    [facts, f, t],
  );
  const translations = useMemo<Partial<Translations>>(
    () => ({
      fields: { title: t('pro.qb.field'), placeholderLabel: t('pro.qb.field'), placeholderGroupLabel: t('pro.qb.field') },
      operators: { title: t('pro.qb.operator'), placeholderLabel: t('pro.qb.operator'), placeholderGroupLabel: t('pro.qb.operator') },
      values: { title: t('pro.qb.value'), placeholderLabel: t('pro.qb.value'), placeholderGroupLabel: t('pro.qb.value') },
      value: { title: t('pro.qb.value') },
      combinators: { title: t('pro.qb.combinator') },
      addRule: { label: `+ ${t('pro.qb.addRule')}`, title: t('pro.qb.addRule') },
      addGroup: { label: `+ ${t('pro.qb.addGroup')}`, title: t('pro.qb.addGroup') },
      removeRule: { label: '⨯', title: t('pro.qb.remove') },
      removeGroup: { label: '⨯', title: t('pro.qb.removeGroup') },
      notToggle: { label: t('pro.qb.not'), title: t('pro.qb.not') },
    }),
    [t],
  );
  return (
    <div className="yw-pro-qb" role="group" aria-label={label}>
      <QueryBuilderAntD>
        <QueryBuilder
          fields={fields}
          query={query}
          onQueryChange={onChange}
          operators={OPERATORS.map((name) => ({ name, value: name, label: t(`pro.qb.ops.${name}`) }))}
          combinators={[
            { name: 'and', value: 'and', label: t('pro.qb.and') },
            { name: 'or', value: 'or', label: t('pro.qb.or') },
          ]}
          translations={translations}
          controlElements={{
            valueEditor: LabelledValue,
            notToggle: LabelledNot,
            valueSelector: LabelledSelector,
            fieldSelector: LabelledSelector,
            operatorSelector: LabelledSelector,
            combinatorSelector: LabelledSelector,
            actionElement: LabelledAction,
          }}
          parseNumbers="strict-limited"
          listsAsArrays
          showNotToggle
          resetOnFieldChange
          enableMountQueryChange={false}
          disabled={disabled}
        />
      </QueryBuilderAntD>
    </div>
  );
}
