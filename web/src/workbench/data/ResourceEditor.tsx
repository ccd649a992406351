import { Alert, Button, Card, Col, Form, Input, Modal, Row, Select, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Answer } from '../../api/client';
import { JsonView } from '../../admin/editors/JsonView';
import { useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';

type Codes = Answer<'/api/data/codes'>;
type StorageKind = 'column' | 'encrypted' | 'field';
interface ItemRow {
  code: string;
  name: string;
  dataType: string;
  standard?: string;
  grade: string;
  importance: string;
  element?: string;
  storageKind: StorageKind;
  column?: string;
  encrypted?: string;
  index?: string;
  masked?: string;
  field?: string;
}
interface Values {
  code: string;
  name: string;
  description?: string;
  providerDepartmentId: string;
  regionCode: string;
  category: string;
  backing: 'table' | 'http';
  backingRef: string;
  keyItem?: string;
  sharingType: string;
  sharingBasis?: string;
  openType: string;
  openBasis?: string;
  updateFrequency: string;
  items: ItemRow[];
}

/** What a masked value of the item looks like when it leaves the gateway (see the data module's masking). */
const maskExample = (dataType: string, code: string) =>
  dataType === 'date' ? '1990-**-**' : dataType !== 'string' ? '***' : /id/i.test(code) ? '152201********0012' : /phone|mobile/i.test(code) ? '138****0000' : /name/i.test(code) ? '张**' : '内蒙古乌兰****';

/** The request body the server accepts (ResourceInput), from the editor's values. */
export function resourceBody(v: Values) {
  const opt = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return {
    code: (v.code ?? '').trim(),
    name: (v.name ?? '').trim(),
    ...(opt(v.description) ? { description: opt(v.description) } : {}),
    providerDepartmentId: v.providerDepartmentId,
    regionCode: v.regionCode,
    category: v.category,
    backing: v.backing,
    backingRef: (v.backingRef ?? '').trim(),
    ...(v.keyItem ? { keyItem: v.keyItem } : {}),
    sharingType: v.sharingType,
    ...(opt(v.sharingBasis) ? { sharingBasis: opt(v.sharingBasis) } : {}),
    openType: v.openType,
    ...(opt(v.openBasis) ? { openBasis: opt(v.openBasis) } : {}),
    updateFrequency: v.updateFrequency,
    items: (v.items ?? []).filter(Boolean).map((i) => ({
      code: (i?.code ?? '').trim(),
      name: (i?.name ?? '').trim(),
      dataType: i.dataType,
      ...(opt(i.standard) ? { standard: opt(i.standard) } : {}),
      grade: i.grade,
      importance: i.importance,
      ...(opt(i.element) ? { element: opt(i.element) } : {}),
      storage:
        i.storageKind === 'encrypted'
          ? { encrypted: i.encrypted ?? '', index: i.index ?? '', masked: i.masked ?? '' }
          : i.storageKind === 'field'
            ? { field: i.field ?? i.code }
            : { column: i.column ?? '' },
    })),
  };
}

/**
 * 登记数据资源: the resource and its data items one by one — names, type, grade per item (L1–L4,
 * which decides masking when shared), importance, standard and where each is stored. No JSON to
 * type; the server checks the backing, the columns and one source per element (一数一源).
 */
export function ResourceEditor({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const act = useAction('data-');
  const codes = useQuery({ queryKey: ['data-codes'], queryFn: () => api<Codes>('/api/data/codes') });
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string }[] }>('/api/org/departments?limit=200') });
  const values = Form.useWatch([], form) as Values | undefined;
  const opts = (list: string) => (codes.data?.[list] ?? []).map((c) => ({ value: String(c.code), label: i18n.language === 'en' ? c.en : c.zh }));
  const backing = values?.backing ?? 'table';
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => api('/api/data/resources', { method: 'POST', json: resourceBody(v) }), t('data.registered'))) onClose();
  };
  const required = [{ required: true }];
  return (
    <Modal open width="min(1100px, 100vw)" title={t('ed.data.register')} onOk={save} onCancel={onClose} okText={t('data.register')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: me?.regionCode || '152201',
          providerDepartmentId: me?.departmentId ?? undefined,
          category: 'department',
          backing: 'table',
          sharingType: 'conditional',
          openType: 'none',
          updateFrequency: 'daily',
          items: [{ code: '', name: '', dataType: 'string', grade: 'L2', importance: 'general', storageKind: 'column' }],
        }}
      >
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('ed.data.basics')}
        </Typography.Title>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('ed.data.code')} rules={[{ required: true, pattern: /^[A-Z0-9][A-Z0-9-]{3,39}$/ }]}>
              <Input maxLength={40} placeholder="BM-EXAMPLE" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('ed.data.name')} rules={[{ required: true, min: 2, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('ed.data.description')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="providerDepartmentId" label={t('ed.data.provider')} rules={required}>
              <Select showSearch optionFilterProp="label" options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="regionCode" label={t('ed.data.region')} rules={[{ required: true, pattern: /^[0-9]{6,12}$/ }]}>
              <Input maxLength={12} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="category" label={t('ed.data.category')} rules={required}>
              <Select options={opts('categories')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="backing" label={t('ed.data.backing')} rules={required}>
              <Select options={(['table', 'http'] as const).map((b) => ({ value: b, label: t(`ed.data.backings.${b}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="backingRef" label={t('ed.data.backingRef')} rules={[{ required: true, max: 300 }]}>
              <Input maxLength={300} placeholder={backing === 'table' ? 'data_example' : 'https://'} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="sharingType" label={t('ed.data.sharingType')} rules={required}>
              <Select options={opts('sharingTypes')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="sharingBasis" label={t('ed.data.sharingBasis')} rules={[{ required: values?.sharingType !== 'unconditional', max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="openType" label={t('ed.data.openType')} rules={required}>
              <Select options={opts('openTypes')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="openBasis" label={t('ed.data.openBasis')} rules={[{ required: values?.openType !== 'open', max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="updateFrequency" label={t('ed.data.frequency')} rules={required}>
              <Select options={opts('frequencies')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="keyItem" label={t('ed.data.keyItem')}>
              <Select allowClear options={(values?.items ?? []).filter((i) => i?.code).map((i) => ({ value: i.code, label: `${i.name || i.code}（${i.code}）` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('ed.data.items')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('ed.data.maskingHelp')}</Typography.Paragraph>
        <Form.List name="items" rules={[{ validator: async (_, items?: unknown[]) => (items && items.length ? undefined : Promise.reject(new Error(t('ed.data.noItems')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, n) => {
                const row = values?.items?.[f.name];
                const masked = row?.grade === 'L3' || row?.grade === 'L4';
                const kind = row?.storageKind ?? 'column';
                return (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={`${t('ed.data.itemN', { n: n + 1 })} ${row?.name ?? ''}`}
                    extra={
                      <Button size="small" danger onClick={() => remove(f.name)}>
                        {t('ed.remove')}
                      </Button>
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'code']} label={t('ed.data.itemCode')} rules={[{ required: true, pattern: /^[a-z][a-zA-Z0-9_]{0,39}$/ }]}>
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'name']} label={t('ed.data.itemName')} rules={[{ required: true, max: 40 }]}>
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'dataType']} label={t('ed.data.dataType')} rules={required}>
                          <Select options={opts('dataTypes')} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'standard']} label={t('ed.data.standard')} rules={[{ max: 60 }]}>
                          <Input maxLength={60} placeholder={t('ed.data.standardHelp')} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'grade']} label={t('ed.data.grade')} rules={required}>
                          <Select options={(codes.data?.grades ?? []).map((g) => ({ value: String(g.code), label: `${g.code} ${i18n.language === 'en' ? g.en : g.zh}` }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[f.name, 'importance']} label={t('ed.data.importance')} rules={required}>
                          <Select options={opts('importance')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <div style={{ marginBottom: 4 }}>{t('ed.data.masking')}</div>
                        <Tag color={masked ? 'purple' : 'default'} style={{ marginBottom: 16 }}>
                          {masked ? `${t('ed.data.masked')} · ${t('ed.data.example')} ${maskExample(row?.dataType ?? 'string', row?.code ?? '')}` : t('ed.data.clear')}
                        </Tag>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item name={[f.name, 'element']} label={t('ed.data.element')} rules={[{ pattern: /^[a-z][a-zA-Z0-9_.]{1,59}$/ }]}>
                          <Input maxLength={60} placeholder="person.name" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item name={[f.name, 'storageKind']} label={t('ed.data.storage')} rules={required}>
                          <Select options={(['column', 'encrypted', 'field'] as const).map((s) => ({ value: s, label: t(`ed.data.storages.${s}`) }))} />
                        </Form.Item>
                      </Col>
                      {kind === 'column' && (
                        <Col xs={24} md={6}>
                          <Form.Item name={[f.name, 'column']} label={t('ed.data.column')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,62}$/ }]}>
                            <Input maxLength={63} />
                          </Form.Item>
                        </Col>
                      )}
                      {kind === 'encrypted' &&
                        (['encrypted', 'index', 'masked'] as const).map((c) => (
                          <Col xs={24} md={6} key={c}>
                            <Form.Item name={[f.name, c]} label={t(`ed.data.${c === 'masked' ? 'maskedColumn' : c}`)} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,62}$/ }]}>
                              <Input maxLength={63} />
                            </Form.Item>
                          </Col>
                        ))}
                      {kind === 'field' && (
                        <Col xs={24} md={6}>
                          <Form.Item name={[f.name, 'field']} label={t('ed.data.field')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,62}$/ }]}>
                            <Input maxLength={63} />
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({ code: '', name: '', dataType: 'string', grade: 'L2', importance: 'general', storageKind: backing === 'http' ? 'field' : 'column' })}>{t('ed.data.addItem')}</Button>
            </>
          )}
        </Form.List>
        {values && values.items && <JsonView id="res-json" value={resourceBody(values)} />}
        {values?.items?.some((i) => i?.grade === 'L4') && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('ed.data.maskingHelp')} />}
      </Form>
    </Modal>
  );
}
