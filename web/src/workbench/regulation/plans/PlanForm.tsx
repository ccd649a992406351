import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../api';
import { useMe } from '../../../shell/session';
import { CLASSES } from './types';

interface Values {
  name: string;
  year: number;
  batch: number;
  checkType: 'directed' | 'undirected';
  itemIds: string[];
  regionCodes: string[];
  entityTypes?: string[];
  industries?: string[];
  startsOn: string;
  endsOn: string;
  leadDepartmentId: string;
  jointDepartmentIds?: string[];
  rates: Record<(typeof CLASSES)[number], { percent: number; min?: number }>;
  inspectorsPerObject: number;
}

// The demo rates of issue 21 (A 3 %, B 10 %, C 20 %, D 100 %), as a starting point only.
const DEFAULT_RATES = { A: { percent: 3 }, B: { percent: 10 }, C: { percent: 20 }, D: { percent: 100 } };

/** 制定抽查计划: a draft with its items (随机抽查事项 only), scope, departments, rates per class and dates. */
export function PlanForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>('/api/org/departments?limit=200') });
  const items = useQuery({
    queryKey: ['regdraw-random-items'],
    queryFn: () => api<{ items: { id: string; name: string; code: string; departmentId: string }[] }>('/api/regulation/items?randomCheck=true&active=true&limit=100'),
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      api<{ id: string }>('/api/regulation/plans', {
        method: 'POST',
        json: {
          name: v.name,
          year: v.year,
          batch: v.batch,
          checkType: v.checkType,
          itemIds: v.itemIds,
          scope: { regionCodes: v.regionCodes, entityTypes: v.entityTypes ?? [], industries: v.industries ?? [] },
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          leadDepartmentId: v.leadDepartmentId,
          jointDepartmentIds: v.jointDepartmentIds ?? [],
          rates: Object.fromEntries(CLASSES.map((c) => [c, { percent: v.rates[c].percent, ...(v.rates[c].min ? { min: v.rates[c].min } : {}) }])),
          inspectorsPerObject: v.inspectorsPerObject,
        },
      }),
    onSuccess: ({ id }) => {
      void message.success(t('regdraw.created'));
      void qc.invalidateQueries({ queryKey: ['regdraw-plans'] });
      navigate(`/workbench/regulation/plans/${id}`);
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  const deptOptions = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: i18n.language === 'en' ? (d.nameEn ?? d.name) : d.name }));
  const year = new Date().getFullYear();
  const required = [{ required: true, message: t('regdraw.required') }];
  return (
    <Card title={t('regdraw.create')} style={{ maxWidth: 760 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={{
          year,
          batch: 1,
          checkType: 'undirected',
          inspectorsPerObject: 2,
          rates: DEFAULT_RATES,
          regionCodes: [me?.regionCode || '152201'],
          leadDepartmentId: me?.departmentId ?? undefined,
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
        }}
      >
        <Form.Item name="name" label={t('regdraw.name')} rules={[...required, { min: 2, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t('regdraw.year')} rules={required}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="batch" label={t('regdraw.batch')} rules={required}>
            <InputNumber min={1} max={99} />
          </Form.Item>
          <Form.Item name="inspectorsPerObject" label={t('regdraw.perObject')} rules={required}>
            <InputNumber min={2} max={10} />
          </Form.Item>
        </Space>
        <Form.Item name="checkType" label={t('regdraw.checkType')}>
          <Radio.Group
            options={[
              { value: 'undirected', label: t('regdraw.checkTypes.undirected') },
              { value: 'directed', label: t('regdraw.checkTypes.directed') },
            ]}
          />
        </Form.Item>
        <Form.Item name="leadDepartmentId" label={t('regdraw.lead')} rules={required}>
          <Select showSearch optionFilterProp="label" options={deptOptions} />
        </Form.Item>
        <Form.Item name="jointDepartmentIds" label={t('regdraw.joint')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={deptOptions} />
        </Form.Item>
        <Form.Item name="itemIds" label={t('regdraw.items')} rules={required}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={(items.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))} />
        </Form.Item>
        <Form.Item name="regionCodes" label={`${t('regdraw.scope')} · ${t('regdraw.regions')}`} rules={required}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name="entityTypes" label={t('regdraw.entityTypes')}>
          <Select mode="tags" tokenSeparators={[',']} />
        </Form.Item>
        <Form.Item name="industries" label={t('regdraw.industries')}>
          <Select mode="tags" tokenSeparators={[',']} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t('regdraw.startsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('regdraw.endsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14 }}>{t('regdraw.rates')}</legend>
          {CLASSES.map((c) => (
            <Space key={c} wrap>
              <Form.Item name={['rates', c, 'percent']} label={t('regdraw.rateOf', { c })} rules={required}>
                <InputNumber min={0} max={100} step={0.5} />
              </Form.Item>
              <Form.Item name={['rates', c, 'min']} label={t('regdraw.minOf', { c })}>
                <InputNumber min={0} max={100000} />
              </Form.Item>
            </Space>
          ))}
        </fieldset>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('regdraw.save')}
          </Button>
          <Button onClick={() => navigate('/workbench/regulation/plans')}>{t('regdraw.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
