import { Checkbox, Drawer, Form, Input, InputNumber, Radio, Select, Button, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCodes, useLabel } from '../svc/labels';
import type { ItemDetail } from '../svc/types';
import { useAction } from '../shell/useAction';
import { useMe } from '../shell/session';

const JSON_FIELDS = ['materials', 'schema', 'uiSchema', 'prefill', 'workflow'] as const;
const pretty = (v: unknown) => JSON.stringify(v ?? {}, null, 2);

/** A starting point for a new item: the standard 承诺件 path, one material, a two-field form. */
const TEMPLATE = {
  materials: [{ code: 'm1', name: '居民身份证', required: true, form: 'electronic', replaceableBy: { kind: 'data', ref: 'population' } }],
  schema: { type: 'object', required: ['applicantName', 'idNumber'], properties: { applicantName: { type: 'string', title: '申请人姓名' }, idNumber: { type: 'string', title: '公民身份号码' } } },
  uiSchema: {},
  prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' },
};

/**
 * Authoring one item. The elements are form fields; materials, the form (JSON Schema + UI hints),
 * the prefill map and the workflow are JSON, checked by the server on save (the answer names the
 * offending path). Saving makes a new version.
 */
export function ItemEditor({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const codes = useCodes();
  const { data: me } = useMe();
  const act = useAction('svc-');
  const [form] = Form.useForm();
  const item = useQuery({ queryKey: ['svc-item', id], enabled: !!id, queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string }[] }>('/api/org/departments?limit=200') });
  const template = useQuery({
    queryKey: ['svc-template'],
    enabled: !id,
    queryFn: () => api<{ items: { id: string }[] }>('/api/services/items?limit=1').then((r) => (r.items[0] ? api<ItemDetail>(`/api/services/items/${r.items[0].id}`) : null)),
  });

  useEffect(() => {
    const d = item.data;
    if (d) {
      const c = d.content;
      form.setFieldsValue({
        ...c,
        code: d.code,
        materials: pretty(c.materials),
        schema: pretty(c.form.schema),
        uiSchema: pretty(c.form.uiSchema),
        prefill: pretty(c.form.prefill),
        workflow: pretty(c.workflow),
        aliases: c.aliases ?? [],
        examples: (c.examples ?? []).join('\n'),
        separationOfDuties: c.separationOfDuties ?? c.itemType === 'licensing',
      });
    } else if (!id) {
      form.setFieldsValue({
        itemType: 'public_service',
        applicantTypes: ['person'],
        assuranceLevel: 2,
        statutoryDays: 20,
        promisedDays: 10,
        handling: 'promised',
        feeFen: 0,
        visits: 0,
        deliveryMethods: ['online'],
        lifeEvents: [],
        enterpriseEvents: [],
        aliases: [],
        examples: '',
        materials: pretty(TEMPLATE.materials),
        schema: pretty(TEMPLATE.schema),
        uiSchema: pretty(TEMPLATE.uiSchema),
        prefill: pretty(TEMPLATE.prefill),
        workflow: pretty(template.data?.content.workflow ?? {}),
      });
    }
  }, [item.data, template.data, id, form]);

  const jsonRule = {
    validator: (_: unknown, v: string) => {
      try {
        JSON.parse(v);
        return Promise.resolve();
      } catch {
        return Promise.reject(new Error(t('svc.jsonInvalid')));
      }
    },
  };
  const save = async () => {
    const v = await form.validateFields();
    const [materials, schema, uiSchema, prefill, workflow] = JSON_FIELDS.map((f) => JSON.parse(v[f]));
    const content = {
      name: v.name,
      ...(v.nameEn ? { nameEn: v.nameEn } : {}),
      itemType: v.itemType,
      departmentId: v.departmentId,
      legalBasis: v.legalBasis,
      applicantTypes: v.applicantTypes,
      assuranceLevel: v.assuranceLevel,
      statutoryDays: v.statutoryDays,
      promisedDays: v.promisedDays,
      handling: v.handling,
      separationOfDuties: v.separationOfDuties ?? v.itemType === 'licensing',
      feeFen: v.feeFen,
      visits: v.visits,
      materials,
      conditions: v.conditions,
      deliveryMethods: v.deliveryMethods,
      lifeEvents: v.lifeEvents,
      enterpriseEvents: v.enterpriseEvents,
      form: { schema, uiSchema, prefill },
      workflow,
      aliases: [...new Set(((v.aliases ?? []) as string[]).map((a) => a.trim()).filter(Boolean))],
      examples: [
        ...new Set(
          String(v.examples ?? '')
            .split('\n')
            .map((e) => e.trim())
            .filter(Boolean),
        ),
      ],
    };
    const ok = await act(
      () =>
        id
          ? api(`/api/services/items/${id}`, { method: 'PUT', json: { baseVersion: item.data!.version, content, note: v.note || undefined, migrateRunning: !!v.migrate } })
          : api('/api/services/items', { method: 'POST', json: { code: v.code, regionCode: me?.regionCode || '152201', content } }),
      t('svc.saved'),
    );
    if (ok) onClose();
  };
  const opts = (list?: { code: string | number; zh: string; en: string }[]) => (list ?? []).map((c) => ({ value: String(c.code), label: label(c) }));
  return (
    <Drawer
      open
      width={760}
      title={id ? item.data?.name : t('svc.add')}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={save}>
          {id ? t('svc.save') : t('svc.create')}
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('svc.name')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('svc.nameEn')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="aliases"
          label={t('svc.aliases')}
          extra={t('svc.aliasesHelp')}
          rules={[
            { type: 'array', max: 20 },
            { validator: (_: unknown, v?: string[]) => ((v ?? []).every((a) => a.trim().length <= 30) ? Promise.resolve() : Promise.reject(new Error(t('svc.aliasesHelp')))) },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} aria-label={t('svc.aliases')} />
        </Form.Item>
        <Form.Item
          name="examples"
          label={t('svc.examples')}
          extra={t('svc.examplesHelp')}
          rules={[
            {
              validator: (_: unknown, v?: string) => {
                const lines = String(v ?? '')
                  .split('\n')
                  .map((l) => l.trim())
                  .filter(Boolean);
                return lines.length <= 20 && lines.every((l) => l.length <= 100) ? Promise.resolve() : Promise.reject(new Error(t('svc.examplesHelp')));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="code" label={t('svc.code')} rules={[{ required: true, pattern: /^[0-9A-Za-z-]{4,40}$/ }]}>
          <Input disabled={!!id} />
        </Form.Item>
        <Form.Item name="itemType" label={t('svc.itemTypes')} rules={[{ required: true }]}>
          <Select options={opts(codes.data?.itemTypes)} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('svc.department')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="applicantTypes" label={t('svc.applicants')} rules={[{ required: true }]}>
          <Checkbox.Group
            options={[
              { value: 'person', label: t('svc.person') },
              { value: 'enterprise', label: t('svc.enterprise') },
            ]}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="assuranceLevel" label={t('svc.level')}>
            <InputNumber min={1} max={3} />
          </Form.Item>
          <Form.Item name="statutoryDays" label={t('svc.statutory')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
          <Form.Item name="promisedDays" label={t('svc.promised')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
          <Form.Item name="visits" label={t('svc.visits')}>
            <InputNumber min={0} max={5} />
          </Form.Item>
          <Form.Item name="feeFen" label={t('svc.feeFen')}>
            <InputNumber min={0} max={100000000} />
          </Form.Item>
        </Space>
        <Form.Item name="handling" label={t('svc.handling')}>
          <Radio.Group
            options={[
              { value: 'promised', label: t('svc.promisedKind') },
              { value: 'instant', label: t('svc.instant') },
            ]}
          />
        </Form.Item>
        <Form.Item name="separationOfDuties" valuePropName="checked" extra={t('queue.separationHelp')}>
          <Checkbox>{t('queue.separation')}</Checkbox>
        </Form.Item>
        <Form.Item name="deliveryMethods" label={t('svc.delivery')} rules={[{ required: true }]}>
          <Checkbox.Group options={opts(codes.data?.deliveryMethods)} />
        </Form.Item>
        <Form.Item name="lifeEvents" label={t('svc.lifeEvents')}>
          <Select mode="multiple" options={opts(codes.data?.lifeEvents)} />
        </Form.Item>
        <Form.Item name="enterpriseEvents" label={t('svc.enterpriseEvents')}>
          <Select mode="multiple" options={opts(codes.data?.enterpriseEvents)} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('svc.basis')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="conditions" label={t('svc.conditions')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="materials" label={t('svc.materialsJson')} rules={[jsonRule]}>
          <Input.TextArea rows={6} className="yw-code" />
        </Form.Item>
        <Form.Item name="schema" label={t('svc.formSchema')} rules={[jsonRule]}>
          <Input.TextArea rows={8} className="yw-code" />
        </Form.Item>
        <Form.Item name="uiSchema" label={t('svc.uiSchema')} rules={[jsonRule]}>
          <Input.TextArea rows={3} className="yw-code" />
        </Form.Item>
        <Form.Item name="prefill" label={t('svc.prefill')} rules={[jsonRule]}>
          <Input.TextArea rows={3} className="yw-code" />
        </Form.Item>
        <Form.Item name="workflow" label={t('svc.workflow')} rules={[jsonRule]}>
          <Input.TextArea rows={10} className="yw-code" />
        </Form.Item>
        {id && (
          <Form.Item name="note" label={t('svc.note')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {id && (
          <Form.Item name="migrate" valuePropName="checked">
            <Checkbox>{t('svc.migrate')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
