import { Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { can, useMe } from '../shell/session';
import { usePages } from '../shell/usePages';
import type { Answer } from '../api/client';

export type Department = Answer<'/api/org/departments/{id}'>;

/** Departments register: list with keyset paging, add, deactivate / activate. */
export function Departments() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const act = useAction('departments');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Department | null>(null);
  const [form] = Form.useForm();
  const { list, rows } = usePages<Department>(['departments', q], '/api/org/departments', { limit: 50, includeInactive: true, q });
  const manage = can(me, 'org.manage');
  const openForm = (d: Department | null) => {
    setEditing(d);
    form.setFieldsValue(d ? { name: d.name, nameEn: d.nameEn ?? '', code: d.code, regionCode: d.regionCode } : { name: '', nameEn: '', code: '', regionCode: me?.regionCode || '152201' });
    setOpen(true);
  };
  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        editing
          ? api(`/api/org/departments/${editing.id}`, { method: 'PATCH', json: { version: editing.version, name: v.name, nameEn: v.nameEn ?? '' } })
          : api('/api/org/departments', { method: 'POST', json: { ...v, nameEn: v.nameEn || undefined } }),
      editing ? t('admin.saved') : t('admin.created'),
    );
    if (ok) {
      setOpen(false);
      form.resetFields();
    }
  };
  const toggle = (d: Department) => act(() => api(`/api/org/departments/${d.id}`, { method: 'PATCH', json: { version: d.version, active: !d.active } }), t('admin.saved'));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('admin.search')} aria-label={t('admin.search')} onSearch={setQ} style={{ maxWidth: 280 }} />
        {manage && (
          <Button type="primary" onClick={() => openForm(null)}>
            {t('admin.add')}
          </Button>
        )}
      </Space>
      <Table<Department>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('admin.name'), dataIndex: i18n.language === 'en' ? 'nameEn' : 'name', render: (_v, d) => (i18n.language === 'en' && d.nameEn) || d.name },
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.region'), dataIndex: 'regionName' },
          { title: t('admin.staffCount'), dataIndex: 'staffCount' },
          { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('admin.active') : t('admin.inactive')}</Tag> },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, d: Department) => (
                    <Space wrap>
                      <Button size="small" onClick={() => openForm(d)} aria-label={`${t('admin.edit')} ${d.name}`}>
                        {t('admin.edit')}
                      </Button>
                      <Button size="small" onClick={() => toggle(d)} aria-label={`${d.active ? t('admin.deactivate') : t('admin.activate')} ${d.name}`}>
                        {d.active ? t('admin.deactivate') : t('admin.activate')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('admin.more')}
        </Button>
      )}
      <Modal title={editing ? t('admin.editDept') : t('admin.add')} open={open} onOk={save} onCancel={() => setOpen(false)} okText={t('admin.save')} cancelText={t('admin.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, min: 2, max: 60, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('admin.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{2,32}$/, message: 'A–Z 0–9 _ - (2–32)' }]}>
            <Input disabled={!!editing} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('admin.region')} rules={[{ required: true, pattern: /^\d{6}(\d{3}(\d{3})?)?$/, message: 'GB/T 2260' }]}>
            <Input inputMode="numeric" disabled={!!editing} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
