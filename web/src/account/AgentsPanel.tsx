import { Button, Checkbox, DatePicker, Form, Input, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import type { EnterpriseLink } from './EnterprisesCard';
import type { Answer } from '../api/client';

type Authorisation = Answer<'/api/identity/enterprises/{id}/authorisations'>[number];
const SCOPES = ['services.apply', 'licences.use', 'cases.submit', 'evaluation.submit'];

/** A legal representative's agents (经办人): who, for what, until when; grant and revoke. */
export function AgentsPanel({ enterprise }: { enterprise: EnterpriseLink }) {
  const { t } = useTranslation();
  const url = `/api/identity/enterprises/${enterprise.enterpriseId}/authorisations`;
  const list = useQuery({ queryKey: ['account-agents', enterprise.enterpriseId], queryFn: () => api<Authorisation[]>(url) });
  const act = useAction('account');
  const [form] = Form.useForm();
  const grant = async (v: { agentName: string; agentIdNumber: string; scopes: string[]; expiresAt: Dayjs }) => {
    const ok = await act(
      () =>
        api(url, { method: 'POST', json: { agentName: v.agentName.trim(), agentIdNumber: v.agentIdNumber.trim().toUpperCase(), scopes: v.scopes, expiresAt: v.expiresAt.endOf('day').toISOString() } }),
      t('account.granted'),
    );
    if (ok) form.resetFields();
  };
  return (
    <section aria-label={`${t('account.agents')} ${enterprise.name}`} style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: '1.05em' }}>
        {t('account.agents')} · {enterprise.name}
      </Typography.Title>
      <List<Authorisation>
        loading={list.isLoading}
        dataSource={list.data ?? []}
        renderItem={(a) => (
          <List.Item
            actions={
              a.active
                ? [
                    <Button
                      key="x"
                      size="small"
                      danger
                      aria-label={`${t('account.revoke')} ${a.agentName}`}
                      onClick={() => act(() => api(`${url}/${a.id}`, { method: 'DELETE' }), t('account.revoked'))}
                    >
                      {t('account.revoke')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  {a.agentName} · {a.agentIdNumberMasked} <Tag color={a.active ? 'green' : 'default'}>{a.active ? t('account.valid') : a.revokedAt ? t('account.revoked') : t('account.invalid')}</Tag>
                </>
              }
              description={
                <>
                  {a.scopes.map((x) => (
                    <Tag key={x}>{t(`account.scopeNames.${x}`)}</Tag>
                  ))}{' '}
                  {t('account.expires')} {a.expiresAt.slice(0, 10)}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={grant} style={{ marginTop: 12 }} aria-label={t('account.grant')}>
        <Form.Item name="agentName" label={t('account.agentName')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="agentIdNumber" label={t('account.agentId')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('account.idNumberInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="scopes" label={t('account.scopes')} rules={[{ required: true, message: t('common.required') }]}>
          <Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: t(`account.scopeNames.${s}`) }))} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('account.expires')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('account.grant')}
        </Button>
      </Form>
    </section>
  );
}
