import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { can, useMe } from '../../shell/session';

export interface TodoItem {
  kind: 'document' | 'incoming' | 'supervision' | 'meeting' | 'duty' | 'archive';
  id: string;
  title: string;
  actionZh: string;
  actionEn: string;
  state: string;
  dueAt: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  signature: boolean;
  link: string;
  since: string;
}

const LIGHT_COLOURS = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** 我的待办: one list across 发文, 收文, 督办, 会议, 值班 and 档案; a leader can narrow it to what awaits a signature. */
export function Todos() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [only, setOnly] = useState<'all' | 'signature'>('all');
  const list = useQuery({
    queryKey: ['office-todos', only],
    queryFn: () => api<{ items: TodoItem[] }>(`/api/office/todos${only === 'signature' ? '?signature=true' : ''}`),
  });
  const en = i18n.language === 'en';
  const date = (iso: string) => new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('off.todos')}</h2>}
      extra={
        can(me, 'office.sign') ? (
          <Segmented
            aria-label={t('off.todos')}
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'signature')}
            options={[
              { value: 'all', label: t('off.all') },
              { value: 'signature', label: t('off.signature') },
            ]}
          />
        ) : null
      }
    >
      <List
        loading={list.isLoading}
        locale={{ emptyText: t('off.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Link key="open" to={item.link}>
                <Button type="primary">{t('off.open')}</Button>
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag>{t(`off.kinds.${item.kind}`)}</Tag>
                  {item.light && <Tag color={LIGHT_COLOURS[item.light]}>{t(`off.lights.${item.light}`)}</Tag>}
                  <Typography.Text strong>{item.title}</Typography.Text>
                </Space>
              }
              description={
                <Space wrap>
                  <span>
                    {t('off.action')}：{en ? item.actionEn : item.actionZh}
                  </span>
                  {item.dueAt && (
                    <span>
                      {t('off.due')}：{date(item.dueAt)}
                    </span>
                  )}
                  <span>
                    {t('off.since')}：{date(item.since)}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
