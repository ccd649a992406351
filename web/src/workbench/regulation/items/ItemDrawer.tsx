import { Button, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Switch, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useCompact } from '../../../shell/useCompact';
import { useAction } from '../../../shell/useAction';
import { useDepartments } from './ItemList';
import { LEVEL_COLOURS, LEVELS, METHODS, type Coverage, type ItemBody, type ItemView } from './types';

type FormValues = Omit<ItemBody, 'commitmentVerifyDays'> & { commitmentVerifyDays?: number | null };

/**
 * One 监管事项: its fields for anyone who reads the list; for regulation.manage a form to add or
 * change it (with the version it was read at, so a change made meanwhile is not written over) and
 * 停用 / 重新启用. The 行政许可 to follow are picked from the catalogue, as coverage lists them.
 */
export function ItemDrawer({ item, manage, myDepartment, onClose }: { item: ItemView | null; manage: boolean; myDepartment?: string; onClose(): void }) {
  const { t } = useTranslation();
  const compact = useCompact();
  const [form] = Form.useForm<FormValues>();
  const act = useAction('regitem-');
  const depts = useDepartments();
  const licensing = useQuery({
    queryKey: ['regitem-coverage', 'options'],
    enabled: manage,
    staleTime: 60_000,
    queryFn: () => api<Coverage>('/api/regulation/items/coverage'),
  });
  const title = item ? (manage ? t('regitem.edit') : item.name) : t('regitem.add');
  const save = async () => {
    const v = await form.validateFields();
    // Absent means "no verification"; the API takes no null here.
    const body: ItemBody = { ...v, commitmentVerifyDays: v.commitmentVerifyDays ?? undefined, entityTypes: v.entityTypes ?? [], licensingItemCodes: v.licensingItemCodes ?? [] };
    const ok = await act(
      () => (item ? api(`/api/regulation/items/${item.id}`, { method: 'PUT', json: { ...body, expectedVersion: item.version } }) : api('/api/regulation/items', { method: 'POST', json: body })),
      t('regitem.saved'),
    );
    if (ok) onClose();
  };
  const toggle = async () => {
    if (!item) return;
    const path = `/api/regulation/items/${item.id}/${item.active ? 'deactivate' : 'activate'}`;
    const ok = await act(() => api(path, { method: 'POST', json: { expectedVersion: item.version } }), item.active ? t('regitem.deactivated') : t('regitem.activated'));
    if (ok) onClose();
  };
  const initial: Partial<FormValues> = item
    ? {
        code: item.code,
        name: item.name,
        basis: item.basis,
        departmentId: item.departmentId,
        level: item.level,
        methods: item.methods,
        entityTypes: item.entityTypes,
        content: item.content,
        randomCheck: item.randomCheck,
        licensingItemCodes: item.licensingItemCodes,
        commitmentVerifyDays: item.commitmentVerifyDays,
      }
    : { level: 'general', methods: ['onsite'], randomCheck: true, departmentId: myDepartment, entityTypes: [], licensingItemCodes: [] };
  const req = (what: string) => [{ required: true, message: t('regitem.required', { what }) }];
  const f = (k: string) => t(`regitem.fields.${k}`);
  return (
    <Drawer
      open
      onClose={onClose}
      width={compact ? '100%' : 640}
      title={title}
      extra={
        manage && (
          <Space wrap>
            {item && (
              <Popconfirm title={item.active ? t('regitem.deactivateConfirm') : t('regitem.activate')} onConfirm={toggle} okText={t('regitem.yes')} cancelText={t('regitem.no')}>
                <Button danger={item.active}>{item.active ? t('regitem.deactivate') : t('regitem.activate')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" onClick={save}>
              {t('regitem.save')}
            </Button>
          </Space>
        )
      }
    >
      {!manage && item ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={f('code')}>{item.code}</Descriptions.Item>
          <Descriptions.Item label={f('department')}>{item.departmentName}</Descriptions.Item>
          <Descriptions.Item label={f('basis')}>{item.basis}</Descriptions.Item>
          <Descriptions.Item label={f('level')}>
            <Tag color={LEVEL_COLOURS[item.level]}>{t(`regitem.levels.${item.level}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={f('methods')}>{item.methods.map((m) => t(`regitem.methods.${m}`)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={f('entityTypes')}>{item.entityTypes.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={f('content')}>{item.content || '—'}</Descriptions.Item>
          <Descriptions.Item label={f('randomCheck')}>{item.randomCheck ? t('regitem.yes') : t('regitem.no')}</Descriptions.Item>
          <Descriptions.Item label={f('licensing')}>{item.licensingItemCodes.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={f('commitmentDays')}>{item.commitmentVerifyDays ? t('regitem.days', { n: item.commitmentVerifyDays }) : t('regitem.none')}</Descriptions.Item>
          <Descriptions.Item label={f('active')}>{item.active ? t('regitem.activeState') : t('regitem.inactiveState')}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Form form={form} layout="vertical" initialValues={initial} requiredMark>
          <Form.Item name="code" label={f('code')} extra={t('regitem.hints.code')} rules={[...req(f('code')), { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, message: t('regitem.hints.code') }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={f('name')} rules={[...req(f('name')), { min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="departmentId" label={f('department')} rules={req(f('department'))}>
            <Select showSearch optionFilterProp="label" options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="basis" label={f('basis')} rules={[...req(f('basis')), { min: 2 }]}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="level" label={f('level')} rules={req(f('level'))}>
            <Radio.Group options={LEVELS.map((l) => ({ value: l, label: t(`regitem.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="methods" label={f('methods')} rules={req(f('methods'))}>
            <Checkbox.Group options={METHODS.map((m) => ({ value: m, label: t(`regitem.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="entityTypes" label={f('entityTypes')} extra={t('regitem.hints.entityTypes')}>
            <Select mode="tags" maxCount={20} open={false} suffixIcon={null} aria-label={f('entityTypes')} />
          </Form.Item>
          <Form.Item name="content" label={f('content')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item name="randomCheck" label={f('randomCheck')} valuePropName="checked">
            <Switch aria-label={f('randomCheck')} />
          </Form.Item>
          <Form.Item name="licensingItemCodes" label={f('licensing')} extra={t('regitem.hints.licensing')}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              maxCount={50}
              loading={licensing.isLoading}
              options={(licensing.data?.items ?? []).map((l) => ({ value: l.code, label: `${l.name}（${l.code}）` }))}
            />
          </Form.Item>
          <Form.Item name="commitmentVerifyDays" label={f('commitmentDays')} extra={t('regitem.hints.commitmentDays')}>
            <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
