import { Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';

interface Handover {
  id: string;
  day: string;
  fromName: string;
  toName: string;
  items: string;
  state: 'open' | 'acknowledged';
  mine: boolean;
}

/** 交接班: the outgoing officer names the incoming one and what is handed over; the incoming one acknowledges. */
export function HandoverCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const act = useAction('office-duty');
  const [form] = Form.useForm<{ toName: string; items: string }>();
  const list = useQuery({ queryKey: ['office-duty-handovers'], queryFn: () => api<Handover[]>('/api/office/duty/handovers') });
  const submit = async (v: { toName: string; items: string }) => {
    if (await act(() => api('/api/office/duty/handovers', { method: 'POST', json: v }), t('offduty.handedOver'))) form.resetFields();
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offduty.handover')}</h2>}>
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="toName" label={t('offduty.handTo')} rules={[{ required: true, message: t('offduty.required') }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="items" label={t('offduty.items')} rules={[{ required: true, message: t('offduty.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit">{t('offduty.handOver')}</Button>
        </Form>
      )}
      <List
        loading={list.isLoading}
        dataSource={list.data ?? []}
        renderItem={(h) => (
          <List.Item
            actions={
              h.mine
                ? [
                    <Button key="a" type="primary" onClick={() => act(() => api(`/api/office/duty/handovers/${h.id}/acknowledge`, { method: 'POST' }), t('offduty.acknowledged'))}>
                      {t('offduty.acknowledge')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  {h.day} {h.fromName} → {h.toName} <Tag color={h.state === 'open' ? 'orange' : 'green'}>{t(`offduty.state.${h.state}`)}</Tag>
                </>
              }
              description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.items}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
