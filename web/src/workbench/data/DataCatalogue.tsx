import { Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Answer } from '../../api/client';
import { can, useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { ResourceEditor } from './ResourceEditor';

type Summary = Answer<'/api/data/resources'>[number];
type Resource = Answer<'/api/data/resources/{code}'>;
type Item = Resource['items'][number];
type Codes = Answer<'/api/data/codes'>;

/** 申请共享: items, purpose, basis and period; sensitive items may be asked in clear. */
function RequestDialog({ r, onClose }: { r: Resource; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ systemName: string; purpose: string; legalBasis: string; items: string[]; clearItems: string[]; period: [Dayjs, Dayjs] }>();
  const act = useAction('data-');
  const save = async () => {
    const v = await form.validateFields();
    let number = '';
    const ok = await act(async () => {
      number = (await api<Answer<'/api/data/requests', 'post', 201>>('/api/data/requests', { method: 'POST', json: { resourceCode: r.code, systemName: v.systemName, purpose: v.purpose, legalBasis: v.legalBasis, items: v.items, clearItems: (v.clearItems ?? []).filter((c) => v.items.includes(c)), periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD') } })).number;
    }, t('data.submitted', { number: '' }));
    if (ok && number) onClose();
  };
  const sensitive = r.items.filter((i) => i.grade === 'L3' || i.grade === 'L4');
  return (
    <Modal open width={640} title={t('data.requestTitle', { name: r.name })} onOk={save} onCancel={onClose} okText={t('data.submit')}>
      <Form form={form} layout="vertical" initialValues={{ period: [dayjs(), dayjs().add(90, 'day')], items: [], clearItems: [] }}>
        <Form.Item name="systemName" label={t('data.system')} rules={[{ required: true, min: 2, max: 40 }]}><Input maxLength={40} /></Form.Item>
        <Form.Item name="purpose" label={t('data.purpose')} rules={[{ required: true, min: 4, max: 300 }]}><Input.TextArea maxLength={300} /></Form.Item>
        <Form.Item name="legalBasis" label={t('data.legalBasis')} rules={[{ required: true, min: 4, max: 500 }]}><Input.TextArea maxLength={500} /></Form.Item>
        <Form.Item name="items" label={t('data.items')} rules={[{ required: true, type: 'array', min: 1 }]}><Checkbox.Group options={r.items.map((i) => ({ value: i.code, label: `${i.name}（${t(`data.gradeNames.${i.grade}`)}）` }))} /></Form.Item>
        {sensitive.length > 0 && <Form.Item name="clearItems" label={t('data.clearItems')}><Checkbox.Group options={sensitive.map((i) => ({ value: i.code, label: i.name }))} /></Form.Item>}
        <Form.Item name="period" label={t('data.period')} rules={[{ required: true }]}><DatePicker.RangePicker disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(1, 'year'))} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 数据目录: search in Chinese, each resource's items with grade and standard, and asking to share it. */
export function DataCatalogue() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [asking, setAsking] = useState<Resource | null>(null);
  const [registering, setRegistering] = useState(false);
  const codes = useQuery({ queryKey: ['data-codes'], queryFn: () => api<Codes>('/api/data/codes') });
  const list = useQuery({ queryKey: ['data-resources', q], queryFn: () => api<Summary[]>(`/api/data/resources?q=${encodeURIComponent(q)}`) });
  const detail = useQuery({ queryKey: ['data-resource', open], queryFn: () => api<Resource>(`/api/data/resources/${open}`), enabled: !!open });
  const label = (list_: string, code: string) => {
    const c = codes.data?.[list_]?.find((x) => x.code === code);
    return c ? (i18n.language === 'en' ? c.en : c.zh) : code;
  };
  const r = detail.data;
  return (
    <>
      <Typography.Paragraph>{t('data.catalogueLead')}</Typography.Paragraph>
      <Input.Search aria-label={t('data.search')} placeholder={t('data.search')} allowClear onSearch={setQ} style={{ maxWidth: 420, marginBottom: 12, marginRight: 12 }} />
      {can(me, 'data.catalogue') && <Button onClick={() => setRegistering(true)}>{t('data.register')}</Button>}
      <Table<Summary> rowKey="code" size="small" scroll={{ x: true }} loading={list.isLoading} dataSource={list.data ?? []} pagination={false}
        columns={[
          { title: t('data.name'), render: (_, x) => <Button type="link" onClick={() => setOpen(x.code)} style={{ padding: 0 }}>{x.name}</Button> },
          { title: t('data.code'), dataIndex: 'code' },
          { title: t('data.provider'), dataIndex: 'providerName' },
          { title: t('data.category'), render: (_, x) => label('categories', x.category) },
          { title: t('data.sharing'), render: (_, x) => <Tag color={x.sharingType === 'unconditional' ? 'green' : x.sharingType === 'conditional' ? 'blue' : 'default'}>{label('sharingTypes', x.sharingType)}</Tag> },
          { title: t('data.items'), dataIndex: 'items' },
          { title: t('data.frequency'), render: (_, x) => label('frequencies', x.updateFrequency) },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} size="large" title={r?.name}>
        {r && (
          <>
            <Typography.Paragraph>{r.description}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('data.provider')}>{r.providerName}</Descriptions.Item>
              <Descriptions.Item label={t('data.sharing')}>{label('sharingTypes', r.sharingType)}{r.sharingBasis ? `（${r.sharingBasis}）` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('data.open')}>{label('openTypes', r.openType)}{r.openBasis ? `（${r.openBasis}）` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('data.updated')}>{r.lastUpdatedAt ? new Date(r.lastUpdatedAt).toLocaleString(i18n.language) : '—'}</Descriptions.Item>
            </Descriptions>
            <Table<Item> rowKey="code" size="small" style={{ marginTop: 12 }} pagination={false} dataSource={r.items}
              columns={[
                { title: t('data.item'), render: (_, i) => `${i.name}（${i.code}）` },
                { title: t('data.standard'), render: (_, i) => i.standard ?? '—' },
                { title: t('data.grade'), render: (_, i) => <Tag color={i.grade === 'L4' ? 'red' : i.grade === 'L3' ? 'purple' : 'default'}>{t(`data.gradeNames.${i.grade}`)}</Tag> },
                { title: t('data.importance'), render: (_, i) => label('importance', i.importance) },
              ]}
            />
            {can(me, 'data.request') && r.sharingType !== 'none' && <Button type="primary" style={{ marginTop: 12 }} onClick={() => setAsking(r)}>{t('data.request')}</Button>}
          </>
        )}
      </Drawer>
      {asking && <RequestDialog r={asking} onClose={() => setAsking(null)} />}
      {registering && <ResourceEditor onClose={() => setRegistering(false)} />}
    </>
  );
}
