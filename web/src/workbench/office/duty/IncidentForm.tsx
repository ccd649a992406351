import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { PinPicker, type Pin } from '../../../cases/map/PinPicker';
import { useAction } from '../../../shell/useAction';

interface Values {
  what: string;
  place: string;
  occurredAt: Dayjs;
  casualties: number;
  reporter: string;
}
interface Incident {
  id: string;
  what: string;
  place: string;
  occurredAt: string;
  casualties: number;
  reporter: string;
  caseNumber: string | null;
}

/** 突发事件信息: the report opens a 12345/一网统管 case; the list shows each report's case number once it exists. */
export function IncidentForm({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const act = useAction('office-duty');
  const [form] = Form.useForm<Values>();
  const [pin, setPin] = useState<Pin | null>(null);
  const [noPin, setNoPin] = useState(false);
  const list = useQuery({
    queryKey: ['office-duty-incidents'],
    queryFn: () => api<Incident[]>('/api/office/duty/incidents'),
    refetchInterval: (q) => (q.state.data?.some((i) => !i.caseNumber) ? 3000 : false),
  });
  const submit = async (v: Values) => {
    if (!pin) return setNoPin(true);
    const ok = await act(
      () =>
        api('/api/office/duty/incidents', {
          method: 'POST',
          json: { what: v.what, place: v.place, occurredAt: v.occurredAt.toISOString(), casualties: v.casualties, reporter: v.reporter, lon: pin[0], lat: pin[1] },
        }),
      t('offduty.reported'),
    );
    if (ok) {
      form.resetFields();
      setPin(null);
    }
  };
  const req = [{ required: true, message: t('offduty.required') }];
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offduty.incident')}</h2>}>
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ casualties: 0, occurredAt: dayjs() }}>
          <Form.Item name="what" label={t('offduty.what')} rules={req}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="place" label={t('offduty.place')} rules={req}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('offduty.occurredAt')} rules={req}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="casualties" label={t('offduty.casualties')} rules={req}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reporter" label={t('offduty.reporter')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={t('offduty.location')} required>
            <PinPicker
              pin={pin}
              onChange={(p) => {
                setPin(p);
                setNoPin(false);
              }}
              onAddress={(text) => !form.getFieldValue('place') && form.setFieldValue('place', text)}
              height={240}
            />
            {noPin && <Alert type="error" role="alert" message={t('offduty.pinRequired')} style={{ marginTop: 8 }} />}
          </Form.Item>
          <Button type="primary" danger htmlType="submit">
            {t('offduty.report')}
          </Button>
        </Form>
      )}
      <List
        header={t('offduty.incidents')}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {i.place} {i.caseNumber ? <Tag color="blue">{`${t('offduty.caseNumber')} ${i.caseNumber}`}</Tag> : <Tag>{t('offduty.casePending')}</Tag>}
                </>
              }
              description={i.what}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
