import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';

/** 报名回执: the unit's clerk answers for the unit with the names of who will attend. */
export function ReplyForm({ id, departmentId, attendees }: { id: string; departmentId: string; attendees: string[] }) {
  const { t } = useTranslation();
  const act = useAction('office-meeting');
  const [form] = Form.useForm<{ attending: boolean; names: string }>();
  const attending = Form.useWatch('attending', form);
  const submit = (v: { attending: boolean; names?: string }) =>
    act(
      () =>
        api(`/api/office/meetings/${id}/units/${departmentId}/reply`, {
          method: 'PUT',
          json: {
            attending: v.attending,
            attendees: v.attending
              ? (v.names ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean)
              : [],
          },
        }),
      t('offmeet.replied'),
    );
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ attending: true, names: attendees.join('\n') }}>
      <Form.Item name="attending" valuePropName="checked">
        <Checkbox>{t('offmeet.attending')}</Checkbox>
      </Form.Item>
      {attending !== false && (
        <Form.Item name="names" label={t('offmeet.attendeeNames')} rules={[{ required: true, message: t('offmeet.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit">
        {t('offmeet.sendReply')}
      </Button>
    </Form>
  );
}
