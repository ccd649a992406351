import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { useDepartments } from './useDepartments';

interface Values {
  title: string;
  time: [Dayjs, Dayjs];
  place: string;
  organiserDepartmentId: string;
  invitedDepartmentIds: string[];
  agenda?: string;
  replyDueAt: Dayjs;
}

/** 新建会议: a draft the clerk then sends as one notice to every invited unit. */
export function MeetingForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const depts = useDepartments();
  const localName = useLocalName();
  const act = useAction('office-meetings');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const options = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: localName(d) }));
  const submit = async (v: Values) => {
    setBusy(true);
    let id = '';
    const ok = await act(async () => {
      const r = await api<{ id: string }>('/api/office/meetings', {
        method: 'POST',
        json: {
          title: v.title,
          startsAt: v.time[0].toISOString(),
          endsAt: v.time[1].toISOString(),
          place: v.place,
          organiserDepartmentId: v.organiserDepartmentId,
          invitedDepartmentIds: v.invitedDepartmentIds ?? [],
          agenda: v.agenda ?? '',
          replyDueAt: v.replyDueAt.toISOString(),
        },
      });
      id = r.id;
    }, t('offmeet.saved'));
    setBusy(false);
    if (ok) {
      onClose();
      navigate(`/workbench/office/meetings/${id}`);
    }
  };
  const req = [{ required: true, message: t('offmeet.required') }];
  return (
    <Modal open title={t('offmeet.create')} okText={t('offmeet.save')} onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ organiserDepartmentId: me?.departmentId ?? undefined }}>
        <Form.Item name="title" label={t('offmeet.fTitle')} rules={req}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="time" label={t('offmeet.fTime')} rules={req}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            placeholder={[t('offmeet.fStarts'), t('offmeet.fEnds')]}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="place" label={t('offmeet.fPlace')} rules={req}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="organiserDepartmentId" label={t('offmeet.fOrganiser')} rules={req}>
          <Select options={options} showSearch optionFilterProp="label" loading={depts.isLoading} />
        </Form.Item>
        <Form.Item name="invitedDepartmentIds" label={t('offmeet.fUnits')} rules={req}>
          <Select mode="multiple" options={options} showSearch optionFilterProp="label" loading={depts.isLoading} />
        </Form.Item>
        <Form.Item name="replyDueAt" label={t('offmeet.fReplyDue')} rules={req}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agenda" label={t('offmeet.fAgenda')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
