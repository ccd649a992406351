import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAction } from '../../shell/useAction';
import type { LicenceSummary } from '../../licences/types';

interface Values {
  departmentId: string;
  scopes: string[];
  purpose: string;
  until: dayjs.Dayjs;
}

/** 授权用证: the holder lets one department use a licence, for a purpose, until a day (at most a year). */
export function GrantDialog({ licence, onClose }: { licence: LicenceSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const act = useAction('lic-');
  const depts = useQuery({ queryKey: ['svc-departments'], queryFn: () => api<{ id: string; name: string }[]>('/api/services/departments') });
  const save = async () => {
    const v = await form.validateFields();
    const ok = await act(
      () => api(`/api/licenses/${licence.id}/grants`, { method: 'POST', json: { departmentId: v.departmentId, scopes: v.scopes, purpose: v.purpose, expiresAt: v.until.endOf('day').toISOString() } }),
      t('lic.grantDone'),
    );
    if (ok) onClose();
  };
  return (
    <Modal open title={t('lic.grantTitle', { name: licence.name })} onOk={save} onCancel={onClose} okText={t('lic.grant')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ scopes: ['view'], until: dayjs().add(30, 'day') }}>
        <Form.Item name="departmentId" label={t('lic.department')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="scopes" label={t('lic.scopes')} rules={[{ required: true }]}>
          <Checkbox.Group options={(['view', 'download'] as const).map((s) => ({ value: s, label: t(`lic.scopeNames.${s}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('lic.purpose')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="until" label={t('lic.expires')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(1, 'year'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
