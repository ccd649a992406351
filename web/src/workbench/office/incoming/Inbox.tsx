import { Button, Card, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { RegisterForm } from './RegisterForm';
import { STATE_COLOURS, when, type IncomingItem } from './types';

const STATES = ['received', 'signed', 'registered', 'reviewed', 'suggested', 'instructed', 'handling', 'completed', 'returned'];
type Box = 'unit' | 'undertaking' | 'reading';

/** 收文箱: the unit's inbox, what it leads or helps with, or what was circulated to me; state tags, due dates, urgency. */
export function IncomingInbox() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const en = i18n.language === 'en';
  const [box, setBox] = useState<Box>('unit');
  const [state, setState] = useState<string | undefined>();
  const [registering, setRegistering] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ['offin-list', box, state],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<{ items: IncomingItem[]; next: string | null }>(`/api/office/incoming?${new URLSearchParams({ box, ...(state ? { state } : {}), ...(pageParam ? { after: pageParam } : {}) })}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offin.title')}</h2>}
      extra={
        can(me, 'office.clerk') ? (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('offin.register')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('offin.boxLabel')}
          value={box}
          onChange={(v) => setBox(v as Box)}
          options={(['unit', 'undertaking', 'reading'] as const).map((b) => ({ value: b, label: t(`offin.boxes.${b}`) }))}
        />
        <Select
          aria-label={t('offin.stateFilter')}
          style={{ minWidth: 140 }}
          allowClear
          placeholder={t('offin.allStates')}
          value={state}
          onChange={(v) => setState(v)}
          options={STATES.map((s) => ({ value: s, label: t(`offin.states.${s}`) }))}
        />
      </Space>
      <List
        loading={list.isLoading}
        locale={{ emptyText: t('offin.empty') }}
        dataSource={items}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Link key="open" to={`/workbench/office/incoming/${item.id}`} aria-label={`${t('offin.open')}：${item.title}`}>
                {t('offin.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={STATE_COLOURS[item.state]}>{t(`offin.states.${item.state}`)}</Tag>
                  {item.urgency && <Tag color="red">{item.urgency}</Tag>}
                  {item.secrecy && <Tag color="volcano">{item.secrecy}</Tag>}
                  {item.recipientKind === 'cc' && <Tag>{t('offin.cc')}</Tag>}
                  {item.source === 'paper' && <Tag>{t('offin.paper')}</Tag>}
                  {item.overdue && <Tag color="red">{t('offin.overdue')}</Tag>}
                  <Typography.Text strong>{item.title}</Typography.Text>
                </Space>
              }
              description={
                <Space wrap size={12}>
                  <span>{item.senderName}</span>
                  {item.docNumber && <span>{item.docNumber}</span>}
                  <span>
                    {t('offin.received')}：{when(item.receivedAt, en, false)}
                  </span>
                  {item.dueAt && (
                    <span>
                      {t('offin.due')}：{when(item.dueAt, en, false)}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && (
        <Button block onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('offin.more')}
        </Button>
      )}
      <RegisterForm open={registering} onClose={() => setRegistering(false)} />
    </Card>
  );
}
