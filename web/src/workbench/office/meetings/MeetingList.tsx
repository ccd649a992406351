import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { MeetingForm } from './MeetingForm';
import { cst, type MeetingSummary } from './types';

const STATE_COLOURS = { draft: 'default', notified: 'blue', minuted: 'green' } as const;

/** 会议列表: meetings I organise or am invited to, with the live count of replies. */
export function MeetingList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['office-meetings'], queryFn: () => api<{ items: MeetingSummary[] }>('/api/office/meetings?limit=100') });
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.list')}</h2>}
      extra={
        can(me, 'office.clerk') ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('offmeet.create')}
          </Button>
        ) : null
      }
    >
      <List
        loading={list.isLoading}
        locale={{ emptyText: t('offmeet.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/workbench/office/meetings/${m.id}`}>{m.title}</Link>}
              description={
                <Space wrap size={[8, 4]}>
                  <Tag color={STATE_COLOURS[m.state]}>{t(`offmeet.state.${m.state}`)}</Tag>
                  <Typography.Text>{cst(m.startsAt, i18n.language)}</Typography.Text>
                  <Typography.Text>{m.place}</Typography.Text>
                  {m.units > 0 && <Typography.Text type="secondary">{t('offmeet.counts', { replied: m.replied, units: m.units, attendees: m.attendees })}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {creating && <MeetingForm onClose={() => setCreating(false)} />}
    </Card>
  );
}
