import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useAction } from '../../../shell/useAction';
import { useDepartments } from './useDepartments';

interface Values {
  text: string;
  decisions?: { text: string; leadDepartmentId: string; helperDepartmentIds?: string[]; due: Dayjs }[];
}

/** 纪要 with its 议定事项: saving turns each decision into a 督办 task (lead unit, helpers, a working-day deadline). */
export function MinutesEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const depts = useDepartments();
  const act = useAction('office-meeting');
  const options = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: localName(d) }));
  const req = [{ required: true, message: t('offmeet.required') }];
  const submit = (v: Values) =>
    act(
      () =>
        api(`/api/office/meetings/${id}/minutes`, {
          method: 'POST',
          json: {
            text: v.text,
            decisions: (v.decisions ?? []).map((d) => ({ text: d.text, leadDepartmentId: d.leadDepartmentId, helperDepartmentIds: d.helperDepartmentIds ?? [], dueDate: d.due.format('YYYY-MM-DD') })),
          },
        }),
      t('offmeet.minutesSaved'),
    );
  return (
    <Form layout="vertical" onFinish={submit}>
      <Form.Item name="text" label={t('offmeet.minutesText')} rules={req}>
        <Input.TextArea rows={5} maxLength={20000} />
      </Form.Item>
      <Form.List name="decisions">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={`${t('offmeet.decision')} ${i + 1}`} extra={<Button onClick={() => remove(f.name)}>{t('offmeet.remove')}</Button>}>
                <Form.Item name={[f.name, 'text']} label={t('offmeet.decision')} rules={req}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Form.Item name={[f.name, 'leadDepartmentId']} label={t('offmeet.lead')} rules={req}>
                  <Select options={options} showSearch optionFilterProp="label" />
                </Form.Item>
                <Form.Item name={[f.name, 'helperDepartmentIds']} label={t('offmeet.helpers')}>
                  <Select mode="multiple" options={options} showSearch optionFilterProp="label" />
                </Form.Item>
                <Form.Item name={[f.name, 'due']} label={t('offmeet.due')} rules={req}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Card>
            ))}
            <Button onClick={() => add()}>{t('offmeet.addDecision')}</Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
        {t('offmeet.saveMinutes')}
      </Button>
    </Form>
  );
}
