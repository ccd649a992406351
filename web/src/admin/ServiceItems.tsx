import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import type { ItemSummary } from '../svc/types';
import { usePages } from '../shell/usePages';
import { useAction } from '../shell/useAction';
import { ItemEditor } from './ItemEditor';

/** The implementation list for authors: every item with its version, on or off the catalogue. */
export function ServiceItems() {
  const { t } = useTranslation();
  const act = useAction('svc-');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  // A county's list runs to hundreds of items: authors find one by searching, as citizens do.
  const [q, setQ] = useState('');
  const { list, rows } = usePages<ItemSummary>(['svc-admin-items', q], '/api/services/items', { limit: 100, includeInactive: true, q: q.trim() || undefined });
  return (
    <>
      <Typography.Paragraph>{t('svc.adminLead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('svc.add')}
        </Button>
        <Link to="/admin/services-import">{t('svc.importLink')}</Link>
        <Input.Search role="searchbox" aria-label={t('svc.search')} placeholder={t('svc.searchPlaceholder')} allowClear maxLength={100} onSearch={(v) => setQ(v)} style={{ width: 280 }} />
      </Space>
      <Table<ItemSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('svc.name'), dataIndex: 'name' },
          { title: t('svc.code'), dataIndex: 'code' },
          { title: t('svc.department'), dataIndex: 'departmentName' },
          { title: t('svc.version'), dataIndex: 'version' },
          { title: t('admin.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('svc.active')}</Tag> : <Tag>{t('svc.inactive')}</Tag>) },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r.id)}>
                  {t('svc.edit')}
                </Button>
                <Button size="small" onClick={() => act(() => api(`/api/services/items/${r.id}`, { method: 'PATCH', json: { active: !r.active } }), t('svc.saved'))}>
                  {r.active ? t('svc.deactivate') : t('svc.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('svc.more')}</Button>}
      {editing && <ItemEditor id={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
