import { Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import type { AppView } from '../../../portal/opendata/community/types';
import { useAction } from '../../../shell/useAction';
import { usePages } from '../../../shell/usePages';
import { ReasonModal } from './ReasonModal';

/** 应用审核: submitted apps (or those already listed or turned down), each listed or turned down with a reason. */
export function AppReview() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [state, setState] = useState<AppView['state']>('pending');
  const [rejecting, setRejecting] = useState<AppView | null>(null);
  const act = useAction('odcom-');
  const params = { state, limit: 20 };
  const { list, rows } = usePages<AppView>(['odcom-admin-apps', params], '/api/opendata/apps', params);
  return (
    <>
      <Select
        aria-label={t('odcom.demand.fields.state')}
        style={{ width: 160, marginBottom: 12 }}
        value={state}
        onChange={setState}
        options={(['pending', 'published', 'rejected'] as const).map((s) => ({ value: s, label: t(`odcom.app.states.${s}`) }))}
      />
      <List
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(a) => (
          <List.Item data-testid="odcom-admin-app">
            <Card size="small" style={{ width: '100%' }} title={a.name} extra={<Tag color="blue">{t(`odcom.app.kinds.${a.kind}`)}</Tag>}>
              <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>{a.description}</Typography.Paragraph>
              <div style={{ overflowWrap: 'anywhere' }}>
                {t('odcom.app.fields.developer')}：{a.developer} ·{' '}
                <a href={a.url} target="_blank" rel="noopener noreferrer nofollow">
                  {a.url}
                </a>
              </div>
              <div>
                {t('odcom.app.fields.datasets')}：
                <Space size={4} wrap split="、">
                  {a.datasets.map((d) => (
                    <Link key={d.id} to={`/opendata/datasets/${encodeURIComponent(d.name)}`} target="_blank">
                      {en && d.titleEn ? d.titleEn : d.title}
                    </Link>
                  ))}
                </Space>
              </div>
              {a.reason && <Typography.Paragraph type="secondary">{a.reason}</Typography.Paragraph>}
              {a.state === 'pending' && (
                <Space wrap style={{ marginTop: 8 }}>
                  <Button type="primary" size="small" onClick={() => act(() => api(`/api/opendata/apps/${a.id}/publish`, { method: 'POST', json: {} }), t('odcom.admin.reviewed'))}>
                    {t('odcom.admin.listApp')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(a)}>
                    {t('odcom.admin.rejectApp')}
                  </Button>
                </Space>
              )}
            </Card>
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
      {rejecting && (
        <ReasonModal
          title={t('odcom.admin.rejectApp')}
          label={t('odcom.admin.rejectReason')}
          max={500}
          onClose={() => setRejecting(null)}
          onOk={(reason) => act(() => api(`/api/opendata/apps/${rejecting.id}/reject`, { method: 'POST', json: { reason } }), t('odcom.admin.reviewed'))}
        />
      )}
    </>
  );
}
