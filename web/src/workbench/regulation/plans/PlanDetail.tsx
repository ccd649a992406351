import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Tag, Typography, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { STATE_COLOURS } from '../../../portal/regulation/draws/types';
import { CLASSES, type PlanView } from './types';

/** A plan's page: its parameters, then the one step its state allows (冻结并公布, 录入号码并抽取), and cancel. */
export function PlanDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['regdraw-plan', id], queryFn: () => api<PlanView>(`/api/regulation/plans/${encodeURIComponent(id)}`) });
  const p = q.data;
  if (q.isError) return <Alert type="error" showIcon message={errorText(q.error, i18n.language)} action={<Link to="/workbench/regulation/plans">{t('regdraw.back')}</Link>} />;
  if (!p) return null;
  const dept = (d: { name: string; nameEn: string | null }) => (i18n.language === 'en' ? (d.nameEn ?? d.name) : d.name);
  return (
    <div style={{ maxWidth: 900, overflowWrap: 'anywhere' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <h2 style={{ fontSize: 18, margin: 0 }}>{p.name}</h2>
        <Tag color={STATE_COLOURS[p.state]} data-testid="regdraw-plan-state">
          {t(`regdraw.states.${p.state}`)}
        </Tag>
        <Link to="/workbench/regulation/plans">{t('regdraw.back')}</Link>
        {p.state !== 'draft' && <Link to={`/supervision/draws/${p.id}`}>{t('regdraw.publicPage')}</Link>}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('regdraw.number')}>{p.number}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.checkType')}>{t(`regdraw.checkTypes.${p.checkType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.lead')}>{dept(p.lead)}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.joint')}>{p.joint.map(dept).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.dates')}>
          {p.startsOn} – {p.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('regdraw.perObject')}>{p.inspectorsPerObject}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.scope')}>{[...p.scope.regionCodes, ...(p.scope.entityTypes ?? []), ...(p.scope.industries ?? [])].join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('regdraw.rates')}>{CLASSES.map((c) => `${c} ${p.rates[c].percent}%${p.rates[c].min ? `（≥${p.rates[c].min}）` : ''}`).join(' · ')}</Descriptions.Item>
        {p.candidatesCount != null && <Descriptions.Item label={t('regdraw.candidatesCount')}>{p.candidatesCount}</Descriptions.Item>}
        {p.seedAvailableAt && <Descriptions.Item label={t('regdraw.seedAvailableAt')}>{new Date(p.seedAvailableAt).toLocaleString()}</Descriptions.Item>}
        {p.seedSources && <Descriptions.Item label={t('regdraw.seed')}>{p.seedSources.map((s) => `${s.name}（${s.count}）`).join('；')}</Descriptions.Item>}
        {p.key && (
          <Descriptions.Item label={t('regdraw.key')}>
            <Typography.Text code>{p.key}</Typography.Text>
          </Descriptions.Item>
        )}
        {p.tasks != null && <Descriptions.Item label={t('regdraw.tasks')}>{p.tasks}</Descriptions.Item>}
      </Descriptions>
      {p.state === 'draft' && <CommitForm plan={p} />}
      {p.state === 'committed' && <DrawForm plan={p} />}
      {(p.state === 'draft' || p.state === 'committed') && <CancelForm plan={p} />}
    </div>
  );
}

function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['regdraw-plan', id] });
    void qc.invalidateQueries({ queryKey: ['regdraw-plans'] });
  };
}

/** A local date-time input value as an ISO instant. */
const isoOf = (local: string) => new Date(local).toISOString();

function CommitForm({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(plan.id);
  const [short, setShort] = useState<number | null>(null);
  const commit = useMutation({
    mutationFn: (v: { sources: { name: string; count: number }[]; at: string }) =>
      api<{ candidates: number; inspectors: number; shortOfInspectors: number }>(`/api/regulation/plans/${plan.id}/commit`, {
        method: 'POST',
        json: { seedSources: v.sources, seedAvailableAt: isoOf(v.at) },
      }),
    onSuccess: (r) => {
      void message.success(t('regdraw.committed', { n: r.candidates, m: r.inspectors }));
      setShort(r.shortOfInspectors);
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('regdraw.commit')} style={{ marginTop: 16 }}>
      <Alert type="warning" showIcon message={t('regdraw.commitHelp')} style={{ marginBottom: 12 }} />
      {!!short && <Alert type="warning" message={t('regdraw.shortWarning', { n: short })} />}
      <Form layout="vertical" initialValues={{ sources: [{ name: '', count: 7 }] }} onFinish={(v) => commit.mutate(v)}>
        <Form.List name="sources">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="end">
                  <Form.Item name={[f.name, 'name']} label={t('regdraw.seedName')} rules={[{ required: true, min: 4, max: 200, message: t('regdraw.required') }]} style={{ minWidth: 280 }}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} label={t('regdraw.seedCount')} rules={[{ required: true, message: t('regdraw.required') }]}>
                    <InputNumber min={1} max={20} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>{t('regdraw.removeSource')}</Button>}
                </Space>
              ))}
              {fields.length < 5 && (
                <Button onClick={() => add({ name: '', count: 1 })} style={{ marginBottom: 12 }}>
                  {t('regdraw.addSource')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="at" label={t('regdraw.seedAvailableAt')} rules={[{ required: true, message: t('regdraw.required') }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={commit.isPending}>
          {t('regdraw.commit')}
        </Button>
      </Form>
    </Card>
  );
}

const numbersOf = (s: string) =>
  s
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map(Number);

function DrawForm({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(plan.id);
  const sources = plan.seedSources ?? [];
  const draw = useMutation({
    mutationFn: (v: { values: string[] }) => api<{ objects: number; tasks: number }>(`/api/regulation/plans/${plan.id}/draw`, { method: 'POST', json: { values: v.values.map(numbersOf) } }),
    onSuccess: (r) => {
      void message.success(t('regdraw.drawn', { n: r.objects, m: r.tasks }));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('regdraw.draw')} style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('regdraw.drawHelp', { at: plan.seedAvailableAt ? new Date(plan.seedAvailableAt).toLocaleString() : '—' })}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v) => draw.mutate(v)}>
        {sources.map((s, i) => (
          <Form.Item
            key={s.name}
            name={['values', i]}
            label={`${s.name}（${s.count}）`}
            extra={t('regdraw.valuesHint')}
            rules={[
              { required: true, message: t('regdraw.required') },
              {
                validator: async (_r, v: string) =>
                  numbersOf(v ?? '').length === s.count && numbersOf(v).every((x) => Number.isInteger(x) && x >= 0) ? undefined : Promise.reject(new Error(`${s.count}`)),
              },
            ]}
          >
            <Input inputMode="numeric" data-testid={`regdraw-values-${i}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={draw.isPending} data-testid="regdraw-draw">
          {t('regdraw.draw')}
        </Button>
      </Form>
    </Card>
  );
}

function CancelForm({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(plan.id);
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) => api(`/api/regulation/plans/${plan.id}/cancel`, { method: 'POST', json: v }),
    onSuccess: () => {
      void message.success(t('regdraw.cancelled'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card size="small" title={t('regdraw.cancel')} style={{ marginTop: 16 }}>
      <Form layout="inline" onFinish={(v) => cancel.mutate(v)}>
        <Form.Item name="reason" label={t('regdraw.cancelReason')} rules={[{ required: true, min: 2, max: 500, message: t('regdraw.required') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Button danger htmlType="submit" loading={cancel.isPending}>
          {t('regdraw.cancel')}
        </Button>
      </Form>
    </Card>
  );
}
