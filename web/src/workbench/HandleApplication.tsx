import { MaterialList } from '../svc/MaterialList';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api';
import { History } from '../svc/History';
import { FormCard } from '../svc/FormCard';
import { TimeTag, useCodes, useLabel, when } from '../svc/labels';
import type { ApplicationDetail } from '../svc/types';
import { useAction } from '../shell/useAction';
import { useTitle } from '../shell/useTitle';
import { EvaluationCard } from '../portal/EvaluationCard';
import { InstantCard } from '../svc/InstantCard';

/** One application at the desk: form, materials, history, claim, and the actions this person may take. */
export function HandleApplication() {
  // Reached as /workbench/services/:id inside the workbench's own `*` route.
  const id = useParams()['*']?.split('/')[1];
  const { t, i18n } = useTranslation();
  useTitle('svc.act');
  const label = useLabel();
  const codes = useCodes();
  const act = useAction('svc-');
  const [pending, setPending] = useState<ApplicationDetail['actions'][number] | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['svc-handle', id], queryFn: () => api<ApplicationDetail>(`/api/services/applications/${id}`) });
  const a = q.data;
  if (q.error) return <Alert type="error" title={String((q.error as Error).message)} />;
  if (!a) return null;
  const run = async () => {
    const v = await form.validateFields();
    const body = {
      action: pending!.code,
      expectedVersion: a.version,
      opinion: v.opinion || undefined,
      reason: v.reason || undefined,
      items: v.items
        ? String(v.items)
            .split('\n')
            .map((s: string) => s.trim())
            .filter(Boolean)
        : undefined,
      delivery: v.delivery || undefined,
    };
    if (await act(() => api(`/api/services/applications/${a.id}/actions`, { method: 'POST', json: body }), t('svc.done'))) {
      setPending(null);
      form.resetFields();
    }
  };
  const needs = (r: string) => pending?.requires.includes(r);
  return (
    <>
      <Typography.Title level={1}>
        {a.itemName} · {a.number}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 3 }}>
        <Descriptions.Item label={t('svc.applicant')}>{a.enterpriseName ? `${a.enterpriseName}（${a.applicantName}）` : a.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('svc.state')}>
          {label(a.stateName)} <TimeTag status={a.timeStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.dueAt')}>{when(a.dueAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.stepDue')}>{when(a.stepDueAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.channel')}>{t(`svc.channels.${a.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.assignee')}>{a.assigneeName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <InstantCard app={a} staff />
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.actions')}</h2>} size="small" style={{ marginTop: 16 }}>
        <Space wrap>
          {/* 认领 / 释放 only when the server says this person may: never on a closed application. */}
          {a.myActions?.some((x) => x.code === 'claim' || x.code === 'release') && (
            <Button onClick={() => act(() => api(`/api/services/applications/${a.id}/claim`, { method: 'POST', json: a.assigneeName ? { release: true } : {} }), t('svc.claimed'))}>
              {a.assigneeName ? t('svc.release') : t('svc.claim')}
            </Button>
          )}
          {a.actions.length === 0 && <span>{t('svc.noActions')}</span>}
          {a.actions.map((x) => (
            <Button key={x.code} type={x.requires.includes('reason') ? 'default' : 'primary'} danger={x.code === 'reject' || x.code === 'deny'} onClick={() => setPending(x)}>
              {label(x)}
            </Button>
          ))}
        </Space>
      </Card>
      {a.channel === 'window' && a.outcome && <EvaluationCard app={a} />}
      <FormCard app={a} />
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.materialsGiven')}</h2>} size="small" style={{ marginTop: 16 }}>
        <MaterialList app={a} />
        {a.resultFileId && (
          <a href={`/api/services/applications/${a.id}/decision`} download>
            {t('res.downloadDecision')}
          </a>
        )}
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.history')}</h2>} size="small" style={{ marginTop: 16 }}>
        <History rows={a.history} />
      </Card>
      <Modal open={!!pending} title={pending ? label(pending) : ''} onOk={run} onCancel={() => setPending(null)} okText={t('svc.act')} destroyOnHidden>
        <Form form={form} layout="vertical">
          {needs('reason') && (
            <Form.Item name="reason" label={t('svc.reason')} rules={[{ required: true }]}>
              <Input.TextArea maxLength={1000} />
            </Form.Item>
          )}
          {needs('items') && (
            <Form.Item name="items" label={t('svc.items')} rules={[{ required: true }]}>
              <Input.TextArea maxLength={2000} />
            </Form.Item>
          )}
          {needs('delivery') && (
            <Form.Item name="delivery" label={t('svc.deliveryMethod')} rules={[{ required: true }]}>
              <Select options={(codes.data?.deliveryMethods ?? []).map((c) => ({ value: String(c.code), label: label(c) }))} />
            </Form.Item>
          )}
          <Form.Item name="opinion" label={t('svc.opinion')}>
            <Input.TextArea maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
