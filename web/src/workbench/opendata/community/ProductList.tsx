import { Button, Drawer, Empty, Flex, Form, Input, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { DatasetPicker } from '../../../portal/opendata/community/DatasetPicker';
import type { ProductView } from '../../../portal/opendata/community/types';
import { useAction } from '../../../shell/useAction';
import { useCompact } from '../../../shell/useCompact';
import { usePages } from '../../../shell/usePages';
import { ReasonModal } from './ReasonModal';

/** 授权运营 products the bureau discloses: list, add, change, withdraw with a reason. */
export function ProductList() {
  const { t } = useTranslation();
  const [state, setState] = useState<ProductView['state']>('listed');
  const [open, setOpen] = useState<ProductView | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<ProductView | null>(null);
  const act = useAction('odcom-');
  const params = { state, limit: 20 };
  const { list, rows } = usePages<ProductView>(['odcom-admin-products', params], '/api/opendata/products', params);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('odcom.demand.fields.state')}
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={(['listed', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`odcom.product.states.${s}`) }))}
        />
        <Button type="primary" onClick={() => setOpen('new')}>
          {t('odcom.admin.newProduct')}
        </Button>
      </Space>
      <List
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(p) => (
          <List.Item
            data-testid="odcom-admin-product"
            actions={
              p.state === 'listed'
                ? [
                    <Button key="e" size="small" onClick={() => setOpen(p)}>
                      {t('odcom.admin.editProduct')}
                    </Button>,
                    <Button key="w" size="small" danger onClick={() => setWithdrawing(p)}>
                      {t('odcom.admin.withdraw')}
                    </Button>,
                  ]
                : [<Tag key="s">{t('odcom.product.states.withdrawn')}</Tag>]
            }
          >
            <List.Item.Meta title={p.name} description={`${t('odcom.product.fields.operator')}：${p.operator} · ${p.validFrom} – ${p.validTo}`} />
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
      {open && <ProductDrawer product={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
      {withdrawing && (
        <ReasonModal
          title={t('odcom.admin.withdraw')}
          label={t('odcom.admin.withdrawReason')}
          max={500}
          onClose={() => setWithdrawing(null)}
          onOk={(reason) => act(() => api(`/api/opendata/products/${withdrawing.id}/withdraw`, { method: 'POST', json: { reason } }), t('odcom.admin.withdrawn'))}
        />
      )}
    </>
  );
}

function ProductDrawer({ product, onClose }: { product: ProductView | null; onClose(): void }) {
  const { t } = useTranslation();
  const compact = useCompact();
  const act = useAction('odcom-');
  const [form] = Form.useForm();
  const f = (k: string) => t(`odcom.product.fields.${k}`);
  const req = (k: string) => [{ required: true, whitespace: true, message: t('odcom.required', { what: f(k) }) }];
  const save = async () => {
    const v = await form.validateFields();
    const json = { ...v, url: v.url?.trim() || undefined, ...(product ? { expectedVersion: product.version } : {}) };
    const ok = await act(() => (product ? api(`/api/opendata/products/${product.id}`, { method: 'PUT', json }) : api('/api/opendata/products', { method: 'POST', json })), t('odcom.admin.saved'));
    if (ok) onClose();
  };
  const initial = product ? { ...product, datasets: product.datasets.map((d) => d.name), url: product.url ?? '' } : { services: [{ name: '', description: '' }], datasets: [] };
  return (
    <Drawer
      open
      onClose={onClose}
      width={compact ? '100%' : 720}
      title={product ? t('odcom.admin.editProduct') : t('odcom.admin.newProduct')}
      extra={
        <Button type="primary" onClick={save}>
          {t('odcom.dataset.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={f('name')} rules={req('name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={f('description')} rules={req('description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="implementer" label={f('implementer')} rules={req('implementer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="operator" label={f('operator')} rules={req('operator')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="datasets" label={f('datasets')} rules={[{ required: true, type: 'array', min: 1, message: t('odcom.required', { what: f('datasets') }) }]}>
          <DatasetPicker />
        </Form.Item>
        <Form.List name="services">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14 }}>{f('services')}</legend>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'name']} label={f('serviceName')} rules={req('serviceName')} style={{ flex: '1 1 200px' }}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={f('serviceDescription')} rules={req('serviceDescription')} style={{ flex: '2 1 260px' }}>
                    <Input maxLength={1000} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button aria-label={t('odcom.product.removeService')} onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      {t('odcom.product.removeService')}
                    </Button>
                  )}
                </Flex>
              ))}
              <Button onClick={() => add({ name: '', description: '' })} style={{ marginBottom: 16 }}>
                {t('odcom.product.addService')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="pricing" label={f('pricing')} rules={req('pricing')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="validFrom" label={f('validFrom')} rules={req('validFrom')} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validTo" label={f('validTo')} rules={req('validTo')} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item name="terms" label={f('terms')} rules={req('terms')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="url" label={f('url')}>
          <Input maxLength={500} inputMode="url" placeholder="https://" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
