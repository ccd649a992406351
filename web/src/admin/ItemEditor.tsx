import { Checkbox, Drawer, Form, Grid, Input, InputNumber, Radio, Select, Button, Space, Tabs, App } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../api';
import { useCodes, useLabel } from '../svc/labels';
import type { ItemContent, ItemDetail, Material } from '../svc/types';
import { useMe } from '../shell/session';
import { FormBuilder } from './editors/FormBuilder';
import type { FormDefinition } from './editors/formModel';
import { fieldProblems, fromDefinition } from './editors/formModel';
import { JsonView } from './editors/JsonView';
import { MaterialsEditor, materialProblems } from './editors/MaterialsEditor';
import { fenToYuan, parseYuan } from './editors/money';
import { WorkflowDesigner, type Labelled } from './editors/WorkflowDesigner';
import { clientProblems, type WfDefinition } from './editors/workflowModel';
import { YuanInput, yuanRule } from './editors/YuanInput';
import { useQueryClient } from '@tanstack/react-query';
import { InstantEditor, withInstantStep, type InstantSpec } from './editors/InstantEditor';

/** A starting point for a new item: one material and a two-field form filled by the platform. */
const TEMPLATE = {
  materials: [{ code: 'm1', name: '居民身份证', nameEn: 'Resident ID card', required: true, form: 'electronic', replaceableBy: { kind: 'data', ref: 'population' } }] as Material[],
  form: {
    schema: { type: 'object', required: ['applicantName', 'idNumber'], properties: { applicantName: { type: 'string', title: '申请人姓名' }, idNumber: { type: 'string', title: '公民身份号码' } } },
    uiSchema: {},
    prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' },
  } as FormDefinition,
};

type Tab = 'basics' | 'materials' | 'form' | 'workflow' | 'instant';

/**
 * Authoring one item: its elements in a form (the fee in 元), then the materials editor, the form
 * builder and the workflow designer — no JSON to type; each shows what it makes read-only under
 * "advanced". The server checks everything again on save; saving makes a new version.
 */
export function ItemEditor({ id, onClose }: { id: string | null; onClose(): void }) {
  const screens = Grid.useBreakpoint();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const label = useLabel();
  const codes = useCodes();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const [tab, setTab] = useState<Tab>('basics');
  const [materials, setMaterials] = useState<Material[] | null>(null);
  const [formDef, setFormDef] = useState<FormDefinition | null>(null);
  const [formOk, setFormOk] = useState(true);
  const [workflow, setWorkflow] = useState<WfDefinition | null>(null);
  const [instant, setInstant] = useState<InstantSpec | null>(null);
  const [instantOk, setInstantOk] = useState(true);
  const [savedProblems, setSavedProblems] = useState<{ path: string; message: string }[] | undefined>();
  const item = useQuery({ queryKey: ['svc-item', id], enabled: !!id, queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string }[] }>('/api/org/departments?limit=200') });
  const roles = useQuery({ queryKey: ['org-roles'], staleTime: 300_000, queryFn: () => api<Labelled[]>('/api/org/roles') });
  const editorCodes = useQuery({ queryKey: ['svc-editor-codes'], staleTime: 300_000, queryFn: () => api<{ prefillSources: Labelled[]; workflowActions: Labelled[] }>('/api/services/editor-codes') });
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
        feeYuan: fenToYuan(c.feeFen),
        aliases: c.aliases ?? [],
        examples: (c.examples ?? []).join('\n'),
        separationOfDuties: c.separationOfDuties ?? c.itemType === 'licensing',
      });
      // The editors start from the stored version each time one arrives.
      /* eslint-disable react-hooks/set-state-in-effect */
      setMaterials(structuredClone(c.materials));
      setFormDef(structuredClone(c.form) as FormDefinition);
      setWorkflow(structuredClone(c.workflow) as WfDefinition);
      setInstant((c.instant as InstantSpec | undefined) ?? null);
      /* eslint-enable react-hooks/set-state-in-effect */
    } else if (!id && template.isFetched) {
      form.setFieldsValue({
        itemType: 'public_service',
        applicantTypes: ['person'],
        assuranceLevel: 2,
        statutoryDays: 20,
        promisedDays: 10,
        handling: 'promised',
        feeYuan: '0.00',
        visits: 0,
        deliveryMethods: ['online'],
        lifeEvents: [],
        enterpriseEvents: [],
        aliases: [],
        examples: '',
      });
      setMaterials(structuredClone(TEMPLATE.materials));
      setFormDef(structuredClone(TEMPLATE.form));
      setWorkflow(structuredClone((template.data?.content.workflow ?? { initial: 'submitted', states: {}, actions: [] }) as WfDefinition));
    }
  }, [item.data, template.data, template.isFetched, id, form]);

  const roleCodes = (roles.data ?? []).map((r) => r.code);
  const knownActions = editorCodes.data?.workflowActions.map((a) => a.code);
  const save = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      setTab('basics');
      return;
    }
    if (!materials || !formDef || !workflow) return;
    if (materialProblems(materials).length) return setTab('materials');
    if (!formOk || fieldProblems(fromDefinition(formDef)).length) return setTab('form');
    if (roles.data && clientProblems(workflow, roleCodes, knownActions).length) return setTab('workflow');
    if (!instantOk) return setTab('instant');
    const fee = parseYuan(v.feeYuan as string);
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
      feeFen: 'fen' in fee ? fee.fen : 0,
      visits: v.visits,
      materials,
      conditions: v.conditions,
      deliveryMethods: v.deliveryMethods,
      lifeEvents: v.lifeEvents,
      enterpriseEvents: v.enterpriseEvents,
      form: formDef,
      workflow,
      ...(instant ? { instant } : {}),
      aliases: [...new Set(((v.aliases ?? []) as string[]).map((a) => a.trim()).filter(Boolean))],
      examples: [
        ...new Set(
          String(v.examples ?? '')
            .split('\n')
            .map((e) => e.trim())
            .filter(Boolean),
        ),
      ],
    } as unknown as ItemContent;
    try {
      if (id) await api(`/api/services/items/${id}`, { method: 'PUT', json: { baseVersion: item.data!.version, content, note: v.note || undefined, migrateRunning: !!v.migrate } });
      else await api('/api/services/items', { method: 'POST', json: { code: v.code, regionCode: me?.regionCode || '152201', content } });
      message.success(t('svc.saved'));
      await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('svc-') });
      onClose();
    } catch (err) {
      message.error(errorText(err, i18n.language));
      // The server names the part of the workflow it refuses: shown on the drawing.
      if (err instanceof ApiError && err.code.startsWith('RULE_')) setTab('instant');
      if (err instanceof ApiError && err.code === 'WORKFLOW_INVALID') {
        setSavedProblems(err.errors.map((e) => ({ path: e.path.replace(/^\/content\/workflow/, ''), message: e.message })));
        setTab('workflow');
      }
    }
  };
  const opts = (list?: { code: string | number; zh: string; en: string }[]) => (list ?? []).map((c) => ({ value: String(c.code), label: label(c) }));
  const ready = materials && formDef && workflow;
  return (
    <Drawer
      open
      width="min(1240px, 100vw)"
      title={id ? item.data?.name : t('svc.add')}
      onClose={onClose}
      extra={
        <Button type="primary" onClick={save} disabled={!ready}>
          {id ? t('svc.save') : t('svc.create')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        // Five tabs fit a 390 px phone only with narrow gaps; otherwise antd hides the last ones in a menu.
        tabBarGutter={screens.md ? undefined : 12}
        items={[
          {
            key: 'basics',
            label: t('ed.tabs.basics'),
            forceRender: true,
            children: (
              <Form form={form} layout="vertical" style={{ maxWidth: 760 }}>
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
                  <Form.Item name="feeYuan" label={t('ed.fee.label')} extra={t('ed.fee.help')} rules={[yuanRule(t)]}>
                    <YuanInput />
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
            ),
          },
          {
            key: 'materials',
            label: t('ed.tabs.materials'),
            children: materials && (
              <>
                <MaterialsEditor value={materials} onChange={setMaterials} />
                <JsonView id="mat-json" value={materials} />
              </>
            ),
          },
          {
            key: 'form',
            label: t('ed.tabs.form'),
            children: formDef && <FormBuilder key={id ?? 'new'} value={formDef} sources={editorCodes.data?.prefillSources} onChange={(d, ok) => (setFormDef(d), setFormOk(ok))} />,
          },
          {
            key: 'workflow',
            label: t('ed.tabs.workflow'),
            children: workflow && (
              <WorkflowDesigner
                value={workflow}
                onChange={(d) => (setWorkflow(d), setSavedProblems(undefined))}
                roles={roles.data ?? []}
                actions={editorCodes.data?.workflowActions}
                saved={savedProblems}
                validate={async (d) => (await api<{ problems: { path: string; message: string }[] }>('/api/services/workflows/validate', { method: 'POST', json: { workflow: d } })).problems}
              />
            ),
          },
          {
            key: 'instant',
            label: t('inst.tab'),
            children: workflow && formDef && (
              <InstantEditor
                value={instant}
                formSchema={formDef.schema}
                onChange={(v, ok) => {
                  setInstantOk(ok);
                  if (!!v !== !!instant) setWorkflow(withInstantStep(workflow, !!v));
                  setInstant(v);
                }}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
