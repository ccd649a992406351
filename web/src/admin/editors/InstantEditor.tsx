import { Alert, Form, Input, Radio, Switch, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import type { WfDefinition } from './workflowModel';

export interface InstantSpec {
  rule: Record<string, unknown>;
  subject: 'person' | 'entity';
}

/** The system's step a 秒批 item's workflow starts with (the server refuses a 秒批 item without it). */
export function withInstantStep(wf: WfDefinition, on: boolean): WfDefinition {
  const actions = wf.actions.filter((a) => a.code !== 'instant_approve');
  if (!on) return { ...wf, actions };
  const to = 'completed' in wf.states ? 'completed' : (Object.keys(wf.states).find((s) => wf.states[s].kind === 'end') ?? 'completed');
  const step = { code: 'instant_approve', zh: '秒批（系统自动审批）', en: 'Instant approval (by rule)', from: [wf.initial], to, actor: 'system', outcome: 'approved' };
  return { ...wf, actions: [step as WfDefinition['actions'][number], ...actions] };
}

const START: InstantSpec = { subject: 'person', rule: { and: [{ '>=': [{ var: 'age' }, 80] }] } };

/**
 * 秒批 on an item: the switch, whom the rule is about, the rule (JsonLogic in a text box until the
 * visual rule builder takes its place) and the rule in words as the server reads it, or the
 * server's reason for refusing it. `onChange(spec, ok)`: ok is false while the text is not JSON.
 */
export function InstantEditor({ value, formSchema, onChange }: { value: InstantSpec | null; formSchema: unknown; onChange(v: InstantSpec | null, ok: boolean): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value?.rule ?? START.rule, null, 2));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // A new stored version replaces the text.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (value) setText((cur) => (safeParse(cur) && JSON.stringify(safeParse(cur)) === JSON.stringify(value.rule) ? cur : JSON.stringify(value.rule, null, 2)));
  }, [value]);
  const check = useQuery({
    queryKey: ['svc-instant-check', value?.subject, JSON.stringify(value?.rule), JSON.stringify(formSchema)],
    enabled: !!value,
    retry: false,
    queryFn: () => api<{ zh: string; en: string }>('/api/services/instant-rules/check', { method: 'POST', json: { subject: value!.subject, rule: value!.rule, formSchema } }),
  });
  const facts = useQuery({
    queryKey: ['svc-instant-facts', value?.subject],
    enabled: !!value,
    staleTime: 300_000,
    queryFn: () => api<{ code: string; zh: string; en: string; type: string }[]>(`/api/services/instant-facts?subject=${value!.subject}`),
  });
  const en = i18n.language === 'en';
  return (
    <Form layout="vertical" style={{ maxWidth: 760 }}>
      <Form.Item label={t('inst.enable')} extra={t('inst.enableHelp')}>
        <Switch aria-label={t('inst.enable')} checked={!!value} onChange={(on) => onChange(on ? (value ?? START) : null, true)} />
      </Form.Item>
      {value && (
        <>
          <Alert type="info" showIcon title={t('inst.needsWorkflow')} style={{ marginBottom: 16 }} />
          <Form.Item label={t('inst.subject')}>
            <Radio.Group
              value={value.subject}
              onChange={(e) => onChange({ ...value, subject: e.target.value }, !bad)}
              options={[
                { value: 'person', label: t('inst.person') },
                { value: 'entity', label: t('inst.entity') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('inst.ruleJson')} extra={t('inst.ruleJsonHelp')} validateStatus={bad ? 'error' : undefined} help={bad ? t('inst.badJson') : undefined}>
            <Input.TextArea
              aria-label={t('inst.ruleJson')}
              rows={8}
              value={text}
              style={{ fontFamily: 'monospace' }}
              onChange={(e) => {
                setText(e.target.value);
                const rule = safeParse(e.target.value);
                setBad(!rule);
                onChange(rule ? { ...value, rule } : value, !!rule);
              }}
            />
          </Form.Item>
          <Form.Item label={t('inst.summary')}>
            {check.isFetching ? (
              <Typography.Text type="secondary">{t('inst.checking')}</Typography.Text>
            ) : check.error ? (
              <Alert type="error" showIcon title={errorText(check.error, i18n.language)} />
            ) : check.data ? (
              <Typography.Paragraph style={{ margin: 0 }}>{en ? check.data.en : check.data.zh}</Typography.Paragraph>
            ) : null}
          </Form.Item>
          <Form.Item label={t('inst.facts')}>
            {(facts.data ?? []).map((f) => (
              <Tag key={f.code} style={{ marginBottom: 4 }}>
                {f.code} · {en ? f.en : f.zh}
              </Tag>
            ))}
          </Form.Item>
        </>
      )}
    </Form>
  );
}

function safeParse(s: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
