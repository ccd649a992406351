import { Button, Card, Empty, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { useCompact } from '../../../shell/useCompact';
import { usePages } from '../../../shell/usePages';
import { ItemDrawer } from './ItemDrawer';
import { LEVEL_COLOURS, LEVELS, type ItemList as ItemListAnswer, type ItemView, type Level } from './types';

type Department = { id: string; name: string; nameEn?: string | null };

/** The departments of the region, for filters and the drawer (org.read is held by every regulation role). */
export function useDepartments() {
  return useQuery({ queryKey: ['departments-all'], staleTime: 300_000, queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
}

/**
 * 监管事项清单: filters (text, department, level, random or not, active or not), pages of 20, a
 * table on a wide screen and cards on a phone; a regulator opens an item to change it.
 */
export function ItemList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const compact = useCompact();
  const manage = can(me, 'regulation.manage');
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string>();
  const [level, setLevel] = useState<Level>();
  const [randomCheck, setRandomCheck] = useState<string>();
  const [active, setActive] = useState<string>('true');
  const [open, setOpen] = useState<ItemView | 'new' | null>(null);
  const depts = useDepartments();
  const params = { q: q.trim(), department, level, randomCheck, active, limit: 20 };
  const { list, rows } = usePages<ItemView>(['regitem-list', params], '/api/regulation/items', params);
  const total = (list.data?.pages[0] as ItemListAnswer | undefined)?.total;
  const yesNo = [
    { value: 'true', label: t('regitem.yes') },
    { value: 'false', label: t('regitem.no') },
  ];
  const level$ = (l: Level) => <Tag color={LEVEL_COLOURS[l]}>{t(`regitem.levels.${l}`)}</Tag>;
  const methods$ = (x: ItemView) => x.methods.map((m) => t(`regitem.methods.${m}`)).join('、');
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear aria-label={t('regitem.search')} placeholder={t('regitem.search')} onSearch={setQ} maxLength={100} style={{ width: 260, maxWidth: '100%' }} />
        <Select
          aria-label={t('regitem.fields.department')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('regitem.allDepartments')}
          style={{ width: 220, maxWidth: '100%' }}
          value={department}
          onChange={setDepartment}
          options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          aria-label={t('regitem.fields.level')}
          allowClear
          placeholder={t('regitem.allLevels')}
          style={{ width: 120 }}
          value={level}
          onChange={setLevel}
          options={LEVELS.map((l) => ({ value: l, label: t(`regitem.levels.${l}`) }))}
        />
        <Select aria-label={t('regitem.fields.randomCheck')} allowClear placeholder={t('regitem.randomAny')} style={{ width: 150 }} value={randomCheck} onChange={setRandomCheck} options={yesNo} />
        <Select
          aria-label={t('regitem.fields.active')}
          allowClear
          placeholder={t('regitem.activeAny')}
          style={{ width: 130 }}
          value={active}
          onChange={setActive}
          options={[
            { value: 'true', label: t('regitem.activeState') },
            { value: 'false', label: t('regitem.inactiveState') },
          ]}
        />
        {manage && (
          <Button type="primary" onClick={() => setOpen('new')}>
            {t('regitem.add')}
          </Button>
        )}
      </Space>
      {total !== undefined && <Typography.Paragraph type="secondary">{t('regitem.total', { n: total })}</Typography.Paragraph>}
      {compact ? (
        <List
          loading={list.isLoading}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('regitem.empty')} /> }}
          renderItem={(x) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="regitem-card">
                <Typography.Text strong>
                  <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(x)}>
                    {x.name}
                  </Button>
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">{x.code}</Typography.Text> · {x.departmentName}
                </div>
                <div>
                  {level$(x.level)}
                  {x.randomCheck && <Tag color="green">{t('regitem.random')}</Tag>}
                  {!x.active && <Tag>{t('regitem.inactiveState')}</Tag>}
                </div>
                <div style={{ overflowWrap: 'anywhere' }}>
                  {t('regitem.fields.methods')}：{methods$(x)}
                </div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<ItemView>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('regitem.empty')} /> }}
          onRow={(x) => ({ onClick: () => setOpen(x), style: { cursor: 'pointer', opacity: x.active ? 1 : 0.6 } })}
          columns={[
            { title: t('regitem.fields.code'), dataIndex: 'code', width: 140 },
            {
              title: t('regitem.fields.name'),
              key: 'name',
              render: (_, x) => (
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(x)}>
                  {x.name}
                </Button>
              ),
            },
            { title: t('regitem.fields.department'), dataIndex: 'departmentName' },
            { title: t('regitem.fields.level'), key: 'level', render: (_, x) => level$(x.level) },
            { title: t('regitem.fields.methods'), key: 'methods', render: (_, x) => methods$(x) },
            { title: t('regitem.random'), key: 'random', render: (_, x) => (x.randomCheck ? t('regitem.yes') : t('regitem.no')) },
            { title: t('regitem.fields.commitmentDays'), key: 'days', render: (_, x) => (x.commitmentVerifyDays ? t('regitem.days', { n: x.commitmentVerifyDays }) : t('regitem.none')) },
            { title: t('regitem.fields.active'), key: 'active', render: (_, x) => (x.active ? t('regitem.activeState') : <Tag>{t('regitem.inactiveState')}</Tag>) },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()}>
          {t('regitem.more')}
        </Button>
      )}
      {open && <ItemDrawer item={open === 'new' ? null : open} manage={manage} myDepartment={me?.departmentId ?? undefined} onClose={() => setOpen(null)} />}
    </>
  );
}
