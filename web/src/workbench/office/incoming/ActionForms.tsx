import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useAction } from '../../../shell/useAction';
import type { IncomingDetail } from './types';

/** Actions that need nothing typed (an optional opinion at most). */
const PLAIN = new Set(['sign', 'register', 'read']);
/** Workflow actions go to /steps; the others have their own endpoints. */
const STEP = new Set(['sign', 'register', 'pass', 'return', 'suggest', 'instruct', 'undertake', 'complete']);
const ENDPOINT: Record<string, string> = { circulate: 'circulations', read: 'read', assist: 'assists', remind: 'reminders', reply: 'reply' };

type Values = Record<string, unknown> & { limitBy?: 'days' | 'date'; dueDate?: Dayjs };

/** The buttons for what the caller may do now, each with its form (批办: units, time limit, 督办). */
export function ActionForms({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const act = useAction('offin-');
  const localName = useLocalName();
  const depts = useQuery({
    queryKey: ['departments-all'],
    enabled: open === 'instruct',
    queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>('/api/org/departments?limit=200'),
  });
  const staff = useQuery({
    queryKey: ['offin-staff'],
    enabled: open === 'circulate',
    queryFn: () => api<{ items: { id: string; name: string; departmentName: string; active: boolean }[] }>('/api/org/staff?limit=200'),
  });
  const send = (action: string, v: Values) => {
    const base = `/api/office/incoming/${doc.id}`;
    if (STEP.has(action)) {
      const { limitBy, dueDate, limitDays, ...rest } = v;
      const body: Record<string, unknown> = { action, expectedVersion: doc.version, ...rest };
      if (action === 'instruct') {
        if (limitBy === 'date' && dueDate) body.dueDate = dueDate.format('YYYY-MM-DD');
        else body.limitDays = limitDays;
      }
      return api(`${base}/steps`, { method: 'POST', json: Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== '')) });
    }
    return api(`${base}/${ENDPOINT[action]}`, { method: 'POST', ...(action === 'read' ? {} : { json: Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) }) });
  };
  const run = async (action: string, v: Values = {}) => {
    if (await act(() => send(action, v), t('offin.done'))) {
      setOpen(null);
      form.resetFields();
    }
  };
  const text = (name: string, max: number, required: boolean, rows = 3) => (
    <Form.Item name={name} label={t(`offin.f.${name}`)} rules={[{ required, whitespace: true, message: t('offin.required') }, { max }]}>
      <Input.TextArea rows={rows} maxLength={max} showCount />
    </Form.Item>
  );
  const limitBy = Form.useWatch('limitBy', form) ?? 'days';
  const fields: Record<string, React.ReactNode> = {
    pass: text('opinion', 500, false),
    undertake: text('opinion', 1000, false),
    return: text('reason', 500, true),
    suggest: text('suggestion', 1000, true),
    complete: text('summary', 2000, true),
    assist: text('opinion', 2000, true),
    remind: (
      <Form.Item name="note" label={t('offin.f.remindNote')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    ),
    reply: (
      <Form.Item name="text" label={t('offin.f.reply')} rules={[{ required: true, whitespace: true, message: t('offin.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    ),
    circulate: (
      <>
        <Form.Item name="staffIds" label={t('offin.f.readers')} rules={[{ required: true, message: t('offin.required') }]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={staff.isLoading}
            options={(staff.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.name}（${s.departmentName}）` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('offin.f.note')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
      </>
    ),
    instruct: (
      <>
        {text('instruction', 1000, true)}
        <Form.Item name="leadDepartmentId" label={t('offin.f.lead')} rules={[{ required: true, message: t('offin.required') }]}>
          <Select showSearch optionFilterProp="label" loading={depts.isLoading} options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: localName(d) }))} />
        </Form.Item>
        <Form.Item name="helperDepartmentIds" label={t('offin.f.helpers')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: localName(d) }))} />
        </Form.Item>
        <Form.Item name="limitBy" label={t('offin.f.limitBy')} initialValue="days">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'days', label: t('offin.f.byDays') },
              { value: 'date', label: t('offin.f.byDate') },
            ]}
          />
        </Form.Item>
        {limitBy === 'days' ? (
          <Form.Item name="limitDays" label={t('offin.f.limitDays')} initialValue={5} rules={[{ required: true, message: t('offin.required') }]}>
            <InputNumber min={1} max={120} precision={0} />
          </Form.Item>
        ) : (
          <Form.Item name="dueDate" label={t('offin.f.dueDate')} rules={[{ required: true, message: t('offin.required') }]}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        )}
        <Form.Item name="supervise" label={t('offin.f.supervise')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
  };
  if (doc.actions.length === 0) return <span>{t('offin.noActions')}</span>;
  return (
    <>
      <Space wrap>
        {doc.actions.map((a) => (
          <Button key={a} type={a === doc.actions[0] ? 'primary' : 'default'} danger={a === 'return'} onClick={() => (PLAIN.has(a) ? run(a) : setOpen(a))}>
            {t(`offin.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? t(`offin.actions.${open}`) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t('offin.submit')}
        cancelText={t('offin.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => open && run(open, v)} preserve={false}>
          {open ? fields[open] : null}
        </Form>
      </Modal>
    </>
  );
}
