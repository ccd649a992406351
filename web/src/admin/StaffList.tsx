import { Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { can, useMe } from '../shell/session';
import type { Department } from './Departments';
import { call, client, type Answer } from '../api/client';

type Staff = Answer<'/api/org/staff'>['items'][number];

/** Staff register: list, add a staff member with a sign-in account, deactivate / activate. */
export function StaffList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const act = useAction('staff');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [form] = Form.useForm();
  const [rolesForm] = Form.useForm();
  const manage = can(me, 'org.manage');
  const list = useInfiniteQuery({
    queryKey: ['staff'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Staff[]; next: string | null }>(`/api/org/staff?limit=50&includeInactive=true${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => call(client.GET('/api/org/roles')) });
  const depts = useQuery({ queryKey: ['departments-all'], enabled: open, queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
  const roleName = (code: string) => {
    const r = roles.data?.find((x) => x.code === code);
    return r ? (i18n.language === 'en' ? r.en : r.zh) : code;
  };
  const create = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () =>
        api('/api/identity/staff', {
          method: 'POST',
          json: { username: v.username, password: v.password, staff: { departmentId: v.departmentId, name: v.name, employeeNo: v.employeeNo, roles: v.roles, ...(v.phone ? { phone: v.phone } : {}) } },
        }),
      t('admin.created'),
    );
    if (ok) {
      setOpen(false);
      form.resetFields();
    }
  };
  return (
    <>
      {manage && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('admin.addStaff')}
          </Button>
        </Space>
      )}
      <Table<Staff>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('admin.department'), dataIndex: 'departmentName' },
          { title: t('admin.phone'), dataIndex: 'phoneMasked' },
          { title: t('admin.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
          { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('admin.active') : t('admin.inactive')}</Tag> },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, s: Staff) => (
                    <Space wrap>
                      <Button
                        size="small"
                        aria-label={`${t('admin.editRoles')} ${s.name}`}
                        onClick={() => {
                          setEditing(s);
                          rolesForm.setFieldsValue({ roles: s.roles });
                        }}
                      >
                        {t('admin.editRoles')}
                      </Button>
                      <Button
                        size="small"
                        aria-label={`${s.active ? t('admin.deactivate') : t('admin.activate')} ${s.name}`}
                        onClick={() => act(() => api(`/api/org/staff/${s.id}`, { method: 'PATCH', json: { version: s.version, active: !s.active } }), t('admin.saved'))}
                      >
                        {s.active ? t('admin.deactivate') : t('admin.activate')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()}>
          {t('admin.more')}
        </Button>
      )}
      <Modal
        title={`${t('admin.editRoles')} ${editing?.name ?? ''}`}
        open={!!editing}
        okText={t('admin.save')}
        cancelText={t('admin.cancel')}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await rolesForm.validateFields();
          if (editing && (await act(() => api(`/api/org/staff/${editing.id}`, { method: 'PATCH', json: { version: editing.version, roles: v.roles } }), t('admin.saved')))) setEditing(null);
        }}
        destroyOnHidden
      >
        <Form form={rolesForm} layout="vertical">
          <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              mode="multiple"
              options={(roles.data ?? []).filter((r) => r.code !== 'platform_admin' || me?.roles.includes('platform_admin')).map((r) => ({ value: r.code, label: roleName(r.code) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title={t('admin.addStaff')} open={open} onOk={create} onCancel={() => setOpen(false)} okText={t('admin.save')} cancelText={t('admin.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, min: 2, max: 40, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentId" label={t('admin.department')} rules={[{ required: true, message: t('common.required') }]}>
            <Select showSearch optionFilterProp="label" loading={depts.isLoading} options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="employeeNo" label={t('admin.employeeNo')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{2,32}$/, message: 'A–Z 0–9 _ - (2–32)' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              mode="multiple"
              options={(roles.data ?? []).filter((r) => r.code !== 'platform_admin' || me?.roles.includes('platform_admin')).map((r) => ({ value: r.code, label: roleName(r.code) }))}
            />
          </Form.Item>
          <Form.Item name="phone" label={t('admin.phoneInput')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('admin.phoneInvalid') }]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item name="username" label={t('admin.username')} rules={[{ required: true, pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: 'a–z 0–9 . _ - (3–32)' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('admin.initialPassword')} extra={t('admin.passwordRule')} rules={[{ required: true, min: 10, message: t('admin.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
