import { Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useMe } from '../shell/session';
import { useAction } from '../shell/useAction';
import { AgentsPanel } from './AgentsPanel';
import { call, client, type Answer } from '../api/client';

export type EnterpriseLink = Answer<'/api/identity/me/enterprises'>[number];

/** The enterprises I represent or act for, which one I act as now, and claiming one as its legal representative. */
export function EnterprisesCard() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links = useQuery({ queryKey: ['account-enterprises'], queryFn: () => call(client.GET('/api/identity/me/enterprises')) });
  const act = useAction('account');
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const actAs = async (enterpriseId: string | null) => {
    if (await act(() => api('/api/identity/me/acting-for', { method: 'PUT', json: { enterpriseId } }), t('account.switched'))) await qc.invalidateQueries({ queryKey: ['me'] });
  };
  const claim = async (v: { creditCode: string }) => {
    if (await act(() => api('/api/identity/me/enterprises', { method: 'POST', json: { creditCode: v.creditCode.trim().toUpperCase() } }), t('account.claimed'))) form.resetFields();
  };
  const acting = me?.actingFor?.enterpriseId ?? null;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>
          {t('account.enterprises')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        {t('account.actingAs')}: <Tag color="blue">{me?.actingFor ? me.actingFor.name : t('account.self')}</Tag>
        {acting && (
          <Button size="small" onClick={() => actAs(null)}>
            {t('account.self')}
          </Button>
        )}
      </Typography.Paragraph>
      <List
        loading={links.isLoading}
        locale={{ emptyText: t('account.noEnterprises') }}
        dataSource={links.data ?? []}
        renderItem={(e) => (
          <List.Item
            actions={
              e.enterpriseId === acting
                ? []
                : [
                    <Button key="act" size="small" aria-label={`${t('account.switchTo')} ${e.name}`} onClick={() => actAs(e.enterpriseId)}>
                      {t('account.switchTo')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={e.name}
              description={
                <Space wrap>
                  <span>{e.creditCode}</span>
                  <Tag>{e.role === 'legal_rep' ? t('account.legalRep') : t('account.agent')}</Tag>
                  {e.scopes.map((s) => (
                    <Tag key={s}>{t(`account.scopeNames.${s}`)}</Tag>
                  ))}
                  {e.expiresAt && (
                    <span>
                      {t('account.expires')} {e.expiresAt.slice(0, 10)}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {(links.data ?? [])
        .filter((e) => e.role === 'legal_rep')
        .map((e) => (
          <AgentsPanel key={e.enterpriseId} enterprise={e} />
        ))}
      <Typography.Title level={3} style={{ fontSize: '1.05em', marginTop: 16 }}>
        {t('account.claim')}
      </Typography.Title>
      <Form form={form} layout="inline" requiredMark={false} onFinish={claim}>
        <Form.Item name="creditCode" label={t('account.creditCode')} rules={[{ required: true, pattern: /^[0-9A-Za-z]{18}$/, message: t('common.required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit">{t('account.claimBtn')}</Button>
      </Form>
    </Card>
  );
}
