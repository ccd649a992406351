import { Button, Card, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { useAction } from '../shell/useAction';

interface Session { id: string; createdAt: string; userAgent: string | null; amr: string[]; current: boolean; via: string | null }

/** Where I am signed in; end one, or all of them (SSO sessions and grants of department systems too). */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const sessions = useQuery({ queryKey: ['account-sessions'], queryFn: () => api<Session[]>('/api/identity/me/sessions') });
  const act = useAction('account');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const endAll = async () => {
    if (await act(() => api('/api/identity/me/sessions', { method: 'DELETE' }), t('account.ended'))) {
      qc.setQueryData(['me'], null);
      navigate('/');
    }
  };
  return (
    <Card
      title={<Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>{t('account.sessions')}</Typography.Title>}
      extra={<Button danger onClick={endAll}>{t('account.endAll')}</Button>}
    >
      <Table<Session>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sessions.isLoading}
        dataSource={sessions.data ?? []}
        scroll={{ x: 480 }}
        columns={[
          { title: t('account.created'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString(i18n.language) },
          { title: t('account.device'), dataIndex: 'userAgent', render: (v: string | null, s) => <>{(v ?? '—').slice(0, 40)} {s.current && <Tag color="blue">{t('account.current')}</Tag>}</> },
          { title: t('account.factors'), dataIndex: 'amr', render: (v: string[]) => v.join(' + ') },
          {
            title: '',
            key: 'end',
            render: (_: unknown, s) => !s.current && <Button size="small" onClick={() => act(() => api(`/api/identity/me/sessions/${s.id}`, { method: 'DELETE' }), t('account.ended'))}>{t('account.end')}</Button>,
          },
        ]}
      />
    </Card>
  );
}
