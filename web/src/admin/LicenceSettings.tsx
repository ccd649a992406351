import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import type { LicenceType, Seal } from '../licences/types';
import { call, client } from '../api/client';

/** Edits one licence type as JSON; the server checks the field schema, codes and template on save. */
function TypeEditor({ type, onClose }: { type: LicenceType | null; onClose(): void }) {
  const { t } = useTranslation();
  const act = useAction('lic-');
  const [key, setKey] = useState(type?.key ?? '');
  const [text, setText] = useState(() =>
    JSON.stringify(
      type?.definition ?? {
        name: '',
        typeCode: '',
        authority: '',
        holderType: 'entity',
        fields: { type: 'object', properties: {} },
        validity: { years: 5, months: 0 },
        template: { numberPrefix: '', rows: [], sealPurpose: '证照专用章' },
        issuers: [],
        items: [],
      },
      null,
      2,
    ),
  );
  const save = async () => {
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch {
      definition = text;
    }
    if (await act(() => api('/api/licenses/types', { method: 'POST', json: { key, ...(type ? { baseVersion: type.version } : {}), definition } }), t('lic.savedType'))) onClose();
  };
  return (
    <Modal open width={760} title={type ? `${t('lic.editType')}：${type.definition.name}` : t('lic.newType')} onOk={save} onCancel={onClose} okText={t('lic.saveType')}>
      <Form layout="vertical">
        <Form.Item label={t('lic.key')}>
          <Input value={key} disabled={!!type} onChange={(e) => setKey(e.target.value)} maxLength={40} />
        </Form.Item>
        <Form.Item label={t('lic.definition')}>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SealValues {
  departmentId: string;
  name: string;
  unitName: string;
  unitCode: string;
  purpose: string;
  validity: [Dayjs, Dayjs];
  users: string[];
  automatic: boolean;
}

function SealMaker({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SealValues>();
  const act = useAction('lic-');
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string }[] }>('/api/org/departments?limit=200') });
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      departmentId: v.departmentId,
      name: v.name,
      unitName: v.unitName,
      unitCode: v.unitCode.trim().toUpperCase(),
      purpose: v.purpose,
      validFrom: v.validity[0].format('YYYY-MM-DD'),
      validTo: v.validity[1].format('YYYY-MM-DD'),
      users: [],
      automatic: v.automatic,
    };
    if (await act(() => api('/api/licenses/seals', { method: 'POST', json: body }), t('lic.madeSeal'))) onClose();
  };
  return (
    <Modal open title={t('lic.newSeal')} onOk={save} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ purpose: '证照专用章', automatic: true }}>
        <Form.Item name="departmentId" label={t('lic.department')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            onChange={(_, o) => form.setFieldsValue({ unitName: (o as { label: string }).label })}
          />
        </Form.Item>
        <Form.Item name="unitName" label={t('lic.unitName')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('lic.unitCode')} rules={[{ required: true, len: 18 }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="name" label={t('lic.sealName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="purpose" label={t('lic.sealPurpose')} rules={[{ required: true }]}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="validity" label={t('lic.validity')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="automatic" label={t('lic.automatic')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 证照与印章: licence types and the departments' e-seals. */
export function LicenceSettings() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<LicenceType | null | 'new'>(null);
  const [making, setMaking] = useState(false);
  const types = useQuery({ queryKey: ['lic-types'], queryFn: () => call(client.GET('/api/licenses/types')) });
  const seals = useQuery({ queryKey: ['lic-seals'], queryFn: () => call(client.GET('/api/licenses/seals')) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('lic.adminLead')}</Typography.Paragraph>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('lic.types')}</h2>} extra={<Button onClick={() => setEditing('new')}>{t('lic.newType')}</Button>}>
        <Table<LicenceType>
          rowKey="key"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={types.data ?? []}
          columns={[
            { title: t('lic.type'), render: (_, x) => x.definition.name },
            { title: t('lic.key'), dataIndex: 'key' },
            { title: t('lic.typeCode'), render: (_, x) => <code>{x.definition.typeCode}</code> },
            { title: t('lic.authority'), render: (_, x) => x.definition.authority },
            { title: t('lic.holderType'), render: (_, x) => t(`lic.holderTypes.${x.definition.holderType}`) },
            { title: t('lic.version'), dataIndex: 'version' },
            {
              title: '',
              render: (_, x) => (
                <Button size="small" onClick={() => setEditing(x)}>
                  {t('lic.editType')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('lic.seals')}</h2>} extra={<Button onClick={() => setMaking(true)}>{t('lic.newSeal')}</Button>}>
        <Table<Seal>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={seals.data ?? []}
          columns={[
            { title: t('lic.sealName'), dataIndex: 'name' },
            { title: t('lic.unitCode'), render: (_, s) => <code>{s.unitCode}</code> },
            { title: t('lic.validity'), render: (_, s) => `${s.validFrom} — ${s.validTo}` },
            { title: t('lic.automatic'), render: (_, s) => <Tag color={s.automatic ? 'blue' : 'default'}>{s.automatic ? '✓' : '—'}</Tag> },
            { title: t('lic.users'), render: (_, s) => s.users.length },
            { title: t('lic.uses_'), dataIndex: 'uses' },
          ]}
        />
      </Card>
      {editing && <TypeEditor type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {making && <SealMaker onClose={() => setMaking(false)} />}
    </Space>
  );
}
