import { Button, Card, Form, Input, List, Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';

type Kind = 'call' | 'document' | 'incident' | 'other';
interface Entry {
  id: string;
  at: string;
  kind: Kind;
  text: string;
  authorName: string;
}

/** 值班日志 of today: 来电, 来文, 突发事件, 其他. */
export function DutyLog({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const act = useAction('office-duty');
  const [form] = Form.useForm<{ kind: Kind; text: string }>();
  const list = useQuery({ queryKey: ['office-duty-logs'], queryFn: () => api<Entry[]>('/api/office/duty/logs') });
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  const submit = async (v: { kind: Kind; text: string }) => {
    if (await act(() => api('/api/office/duty/logs', { method: 'POST', json: v }), t('offduty.logged'))) form.resetFields(['text']);
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offduty.log')}</h2>}>
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'call' }}>
          <Form.Item name="kind" label={t('offduty.logKindLabel')}>
            <Select options={(['call', 'document', 'incident', 'other'] as const).map((k) => ({ value: k, label: t(`offduty.logKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="text" label={t('offduty.logText')} rules={[{ required: true, message: t('offduty.required') }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit">{t('offduty.addLog')}</Button>
        </Form>
      )}
      <List
        loading={list.isLoading}
        locale={{ emptyText: t('offduty.noLog') }}
        dataSource={list.data ?? []}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {time(e.at)} <Tag>{t(`offduty.logKind.${e.kind}`)}</Tag> {e.authorName}
                </>
              }
              description={e.text}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
