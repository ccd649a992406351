import { Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { call, client, type Answer } from '../api/client';

export type Profile = Answer<'/api/identity/me/profile'>;

export const useProfile = () => useQuery({ queryKey: ['account-profile'], queryFn: () => call(client.GET('/api/identity/me/profile')) });

/** Account facts (masked) and, below L2, the real-name verification form. */
export function ProfileCard() {
  const { t } = useTranslation();
  const profile = useProfile();
  const act = useAction('account');
  const qc = useQueryClient();
  const p = profile.data;
  const verify = async (v: { name: string; idNumber: string }) => {
    if (await act(() => api('/api/identity/me/real-name', { method: 'POST', json: { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase() } }), t('account.realNameDone'))) {
      await qc.invalidateQueries({ queryKey: ['me'] });
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>
          {t('account.profile')}
        </Typography.Title>
      }
      loading={profile.isLoading}
    >
      {p && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('account.name')}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t('account.username')}>{p.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.phone')}>{p.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.idNumber')}>{p.idNumberMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.level')}>
            <Tag color={p.assuranceLevel >= 2 ? 'green' : 'orange'}>{t(`account.levels.${p.assuranceLevel}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
      {p && p.kind === 'person' && p.assuranceLevel < 2 && (
        <>
          <Typography.Title level={3} style={{ fontSize: '1.05em', marginTop: 16 }}>
            {t('account.realName')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('account.realNameLead')}</Typography.Paragraph>
          <Form layout="vertical" requiredMark={false} onFinish={verify}>
            <Form.Item name="name" label={t('account.name')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="idNumber" label={t('account.idNumber')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('account.idNumberInvalid') }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('account.realNameSubmit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
