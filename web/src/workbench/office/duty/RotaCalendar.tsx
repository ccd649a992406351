import { Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { lines, type Rota, type Shift } from './types';

const KIND_COLOURS = { workday: 'default', weekend: 'blue', holiday: 'red' } as const;

/** 值班表: the month as a list of days (it reads on a phone), today's shift first, holidays flagged; the desk edits it. */
export function RotaCalendar() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [editing, setEditing] = useState<Shift | null>(null);
  const [filling, setFilling] = useState(false);
  const m = month.format('YYYY-MM');
  const rota = useQuery({ queryKey: ['office-duty-rota', m], queryFn: () => api<Rota>(`/api/office/duty/rota?month=${m}`) });
  const act = useAction('office-duty');
  const today = rota.data?.days.find((d) => d.day === rota.data?.today);
  const generate = async (v: { leaders: string; officers: string }) => {
    let msg = '';
    const ok = await act(
      async () => {
        const r = await api<{ created: number; kept: number }>('/api/office/duty/rota/generate', { method: 'POST', json: { month: m, leaders: lines(v.leaders), officers: lines(v.officers) } });
        msg = t('offduty.generated', r);
      },
      () => msg,
    );
    if (ok) setFilling(false);
  };
  const saveDay = async (v: { leader?: string; officers: string }) => {
    if (!editing) return;
    const ok = await act(() => api(`/api/office/duty/rota/${editing.day}`, { method: 'PUT', json: { leader: v.leader?.trim() || null, officers: lines(v.officers) } }), t('offduty.dayKept'));
    if (ok) setEditing(null);
  };
  const who = (s: Shift) => (s.planned ? [s.leader && `${t('offduty.leader')}：${s.leader}`, `${t('offduty.officers')}：${s.officers.join('、')}`].filter(Boolean).join('　') : t('offduty.unplanned'));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offduty.today')}</h2>}>
        <Typography.Text>{today?.planned ? who(today) : t('offduty.noShift')}</Typography.Text>
      </Card>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offduty.rota')}</h2>}
        extra={
          <Space wrap>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} aria-label={t('offduty.month')} />
            {rota.data?.canEdit && <Button onClick={() => setFilling(true)}>{t('offduty.generate')}</Button>}
          </Space>
        }
      >
        <List
          loading={rota.isLoading}
          dataSource={rota.data?.days ?? []}
          renderItem={(d) => (
            <List.Item
              style={d.day === rota.data?.today ? { background: 'var(--ant-color-primary-bg, #e6f4ff)' } : undefined}
              actions={
                rota.data?.canEdit
                  ? [
                      <Button key="e" size="small" onClick={() => setEditing(d)} aria-label={t('offduty.editDay', { day: d.day })}>
                        {t('offduty.saveDay')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space wrap size={[8, 4]}>
                <Typography.Text strong>{d.day.slice(5)}</Typography.Text>
                <Tag color={KIND_COLOURS[d.kind]}>{t(`offduty.kind.${d.kind}`)}</Tag>
                <Typography.Text type={d.planned ? undefined : 'secondary'}>{who(d)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {filling && (
        <Modal open title={t('offduty.generate')} footer={null} onCancel={() => setFilling(false)} destroyOnHidden>
          <Form layout="vertical" onFinish={generate}>
            <Form.Item name="leaders" label={t('offduty.leaders')} rules={[{ required: true, message: t('offduty.required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="officers" label={t('offduty.officerList')} rules={[{ required: true, message: t('offduty.required') }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('offduty.generate')}
            </Button>
          </Form>
        </Modal>
      )}
      {editing && (
        <Modal open title={t('offduty.editDay', { day: editing.day })} footer={null} onCancel={() => setEditing(null)} destroyOnHidden>
          <Form layout="vertical" onFinish={saveDay} initialValues={{ leader: editing.leader ?? '', officers: editing.officers.join('\n') }}>
            <Form.Item name="leader" label={t('offduty.leader')} rules={editing.kind === 'workday' ? [] : [{ required: true, message: t('offduty.required') }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="officers" label={t('offduty.officerList')} rules={[{ required: true, message: t('offduty.required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('offduty.saveDay')}
            </Button>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
