import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { RELATION_KINDS, type InspectorView, type Page, type RelationKind, type RelationView } from './types';

const BASE = '/api/regulation/relations';
interface Values {
  inspectorId?: string;
  creditCode: string;
  kind: RelationKind;
  note?: string;
}

/**
 * 利害关系申报: an open relation keeps the inspector out of every draw for that entity (回避). A
 * regulator declares for any inspector of the region and sees all; an inspector declares their own.
 */
export function Relations({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const act = useAction('regdir');
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['regdir-relations'], queryFn: () => api<{ items: RelationView[] }>(BASE) });
  const inspectors = useQuery({
    queryKey: ['regdir-inspectors', 'all-active'],
    enabled: manager,
    queryFn: () => api<Page<InspectorView>>('/api/regulation/inspectors?state=active&limit=200'),
  });
  const submit = async (v: Values) => {
    const body = { creditCode: v.creditCode.trim().toUpperCase(), kind: v.kind, ...(v.inspectorId ? { inspectorId: v.inspectorId } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    if (await act(() => api(BASE, { method: 'POST', json: body }), t('regdir.relations.declared'))) form.resetFields();
  };
  const req = [{ required: true, message: t('regdir.required') }];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regdir.relations.declare')}</h3>}>
        <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 520 }}>
          {manager && (
            <Form.Item name="inspectorId" label={t('regdir.relations.inspector')} rules={req}>
              <Select showSearch optionFilterProp="label" options={(inspectors.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName ?? ''} ${i.certificateNo}）` }))} />
            </Form.Item>
          )}
          <Form.Item name="creditCode" label={t('regdir.relations.creditCode')} rules={[...req, { pattern: /^[0-9A-Za-z]{18}$/, message: t('regdir.relations.creditCodeRule') }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="kind" label={t('regdir.relations.kind')} rules={req}>
            <Select options={RELATION_KINDS.map((k) => ({ value: k, label: t(`regdir.relations.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('regdir.relations.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('regdir.relations.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t(manager ? 'regdir.relations.all' : 'regdir.relations.mine')}</h3>}>
        <Table<RelationView>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('regdir.relations.object'),
              key: 'object',
              render: (_, r) => (
                <>
                  <div>{r.objectName ?? r.creditCode}</div>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{r.creditCode}</div>
                </>
              ),
            },
            { title: t('regdir.relations.inspector'), key: 'inspector', render: (_, r) => `${r.inspectorName}（${r.certificateNo}）` },
            { title: t('regdir.relations.kind'), key: 'kind', render: (_, r) => <Tag>{t(`regdir.relations.kinds.${r.kind}`)}</Tag> },
            { title: t('regdir.relations.declaredAt'), key: 'at', responsive: ['md'], render: (_, r) => `${r.declaredAt.slice(0, 10)} ${r.declaredBy}` },
            {
              title: t('regdir.actions'),
              key: 'actions',
              render: (_, r) => (
                <Popconfirm
                  title={t('regdir.relations.withdrawConfirm')}
                  okText={t('regdir.relations.withdraw')}
                  cancelText={t('regdir.cancel')}
                  onConfirm={() => act(() => api(`${BASE}/${r.id}/withdraw`, { method: 'POST' }), t('regdir.relations.withdrawn'))}
                >
                  <Button size="small" aria-label={`${t('regdir.relations.withdraw')} ${r.objectName ?? r.creditCode}`}>
                    {t('regdir.relations.withdraw')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
