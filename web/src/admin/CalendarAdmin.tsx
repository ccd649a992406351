import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { can, useMe } from '../shell/session';
import { call, client, type Answer } from '../api/client';

type Day = Answer<'/api/kernel/calendar'>[number];

/** Working-day calendar: holidays and make-up workdays per year, with a warning when next year is missing. */
export function CalendarAdmin() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const status = useQuery({ queryKey: ['calendar-status'], queryFn: () => call(client.GET('/api/kernel/calendar/status')) });
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const days = useQuery({ queryKey: ['calendar', year], queryFn: () => api<Day[]>(`/api/kernel/calendar?year=${year}`) });
  const manage = can(me, 'calendar.manage');
  const run = useAction('calendar');
  const act = (fn: () => Promise<unknown>) => run(fn, t('admin.saved'));
  const s = status.data;
  const years = Array.from(new Set([...(s?.years ?? []), year, (s?.currentYear ?? year) + 1])).sort();
  return (
    <>
      {s && !s.nextYearLoaded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('admin.nextYearMissing', { year: s.currentYear + 1 })}${s.nextYearPublished ? '' : ` ${t('admin.nextYearUnpublished')}`}`}
          action={
            manage && s.nextYearPublished ? (
              <Button size="small" onClick={() => act(() => api(`/api/kernel/calendar/years/${s.currentYear + 1}/load`, { method: 'POST' }))}>
                {t('admin.loadYear', { year: s.currentYear + 1 })}
              </Button>
            ) : undefined
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="cal-year">{t('admin.year')}</label>
        <Select id="cal-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
      </Space>
      {manage && (
        <Form
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v: { day: { format(f: string): string }; kind: string; name: string }) =>
            act(() => api(`/api/kernel/calendar/days/${v.day.format('YYYY-MM-DD')}`, { method: 'PUT', json: { kind: v.kind, name: v.name } }))
          }
        >
          <Form.Item name="day" label={t('admin.day')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.kind')} initialValue="holiday">
            <Select
              style={{ width: 140 }}
              options={[
                { value: 'holiday', label: t('admin.holiday') },
                { value: 'workday', label: t('admin.workday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('admin.setDay')}
          </Button>
        </Form>
      )}
      <Table<Day>
        rowKey="day"
        size="small"
        loading={days.isLoading}
        dataSource={days.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('admin.day'), dataIndex: 'day' },
          { title: t('admin.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{k === 'holiday' ? t('admin.holiday') : t('admin.workday')}</Tag> },
          { title: t('admin.name'), dataIndex: 'name' },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'x',
                  render: (_: unknown, d: Day) => (
                    <Button size="small" onClick={() => act(() => api(`/api/kernel/calendar/days/${d.day}`, { method: 'DELETE' }))}>
                      {t('admin.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
