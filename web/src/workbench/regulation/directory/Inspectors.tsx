import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import type { InspectorView, Page } from './types';

const BASE = '/api/regulation/inspectors';
interface Values {
  name: string;
  certificateNo: string;
  departmentId: string;
  specialities: string[];
}

/** 执法检查人员名录库: the list of the region, add and edit (执法证 unique), deactivate and reactivate. */
export function Inspectors() {
  const { t, i18n } = useTranslation();
  const act = useAction('regdir');
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const [editing, setEditing] = useState<InspectorView | 'new' | null>(null);
  const params = new URLSearchParams({ limit: '50', ...(departmentId ? { departmentId } : {}), ...(q ? { q } : {}), ...(after ? { after } : {}) });
  const list = useQuery({ queryKey: ['regdir-inspectors', params.toString()], queryFn: () => api<Page<InspectorView>>(`${BASE}?${params}`) });
  const depts = useQuery({
    queryKey: ['departments-all'],
    staleTime: 300_000,
    queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>('/api/org/departments?limit=200'),
  });
  const deptOptions = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: i18n.language === 'en' && d.nameEn ? d.nameEn : d.name }));
  const reset = () => setCursors([undefined]);
  const toggle = (i: InspectorView) =>
    act(() => api(`${BASE}/${i.id}/${i.active ? 'deactivate' : 'activate'}`, { method: 'POST' }), t(i.active ? 'regdir.inspectors.deactivated' : 'regdir.inspectors.activated'));

  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regdir.inspectors.title')}</h3>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('regdir.inspectors.department')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('regdir.inspectors.allDepartments')}
          style={{ minWidth: 200, maxWidth: '100%' }}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v);
            reset();
          }}
          options={deptOptions}
        />
        <Input.Search
          aria-label={t('regdir.inspectors.search')}
          placeholder={t('regdir.inspectors.search')}
          allowClear
          maxLength={60}
          style={{ width: 220, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
        />
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('regdir.inspectors.add')}
        </Button>
      </Space>
      <Table<InspectorView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('regdir.inspectors.name'),
            key: 'name',
            render: (_, i) => (
              <>
                <div>
                  {i.name} {!i.active && <Tag>{t('regdir.inspectors.inactive')}</Tag>}
                </div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{`${t('regdir.inspectors.certificateNo')} ${i.certificateNo}`}</div>
              </>
            ),
          },
          { title: t('regdir.inspectors.department'), key: 'dept', responsive: ['sm'], render: (_, i) => i.departmentName },
          { title: t('regdir.inspectors.specialities'), key: 'sp', responsive: ['md'], render: (_, i) => i.specialities.map((s) => <Tag key={s}>{s}</Tag>) },
          {
            title: t('regdir.actions'),
            key: 'actions',
            render: (_, i) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setEditing(i)} aria-label={`${t('regdir.edit')} ${i.name}`}>
                  {t('regdir.edit')}
                </Button>
                <Button size="small" danger={i.active} onClick={() => toggle(i)} aria-label={`${t(i.active ? 'regdir.inspectors.deactivate' : 'regdir.inspectors.activate')} ${i.name}`}>
                  {t(i.active ? 'regdir.inspectors.deactivate' : 'regdir.inspectors.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('regdir.prev')}
        </Button>
        <Button disabled={!list.data?.next} onClick={() => setCursors([...cursors, list.data!.next!])}>
          {t('regdir.next')}
        </Button>
      </Space>
      {editing && <InspectorForm inspector={editing === 'new' ? null : editing} departments={deptOptions} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function InspectorForm({ inspector, departments, onClose }: { inspector: InspectorView | null; departments: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useAction('regdir');
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    const body = { name: v.name.trim(), certificateNo: v.certificateNo.trim(), departmentId: v.departmentId, specialities: v.specialities ?? [] };
    const ok = await act(
      () => (inspector ? api(`${BASE}/${inspector.id}`, { method: 'PATCH', json: { ...body, expectedVersion: inspector.version } }) : api(BASE, { method: 'POST', json: body })),
      t('regdir.inspectors.saved'),
    );
    if (ok) onClose();
  };
  const req = [{ required: true, message: t('regdir.required') }];
  return (
    <Modal
      open
      title={inspector ? `${t('regdir.edit')} · ${inspector.name}` : t('regdir.inspectors.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('regdir.save')}
      cancelText={t('regdir.cancel')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={inspector ? { name: inspector.name, certificateNo: inspector.certificateNo, departmentId: inspector.departmentId, specialities: inspector.specialities } : { specialities: [] }}
      >
        <Form.Item name="name" label={t('regdir.inspectors.name')} rules={[...req, { min: 2, max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('regdir.inspectors.certificateNo')} rules={[...req, { pattern: /^[0-9A-Za-z-]{4,32}$/, message: t('regdir.inspectors.certificateRule') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('regdir.inspectors.department')} rules={req}>
          <Select showSearch optionFilterProp="label" options={departments} />
        </Form.Item>
        <Form.Item name="specialities" label={t('regdir.inspectors.specialities')}>
          <Select mode="tags" maxCount={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
