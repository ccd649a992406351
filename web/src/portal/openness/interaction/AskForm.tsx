import { Button, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';

interface Values {
  departmentId?: string;
  title: string;
  body: string;
}

/** The ask form: on a document (its issuer answers) or in the 咨询 column (a department may be picked). Signed-in only. */
export function AskForm({ documentId, idPrefix }: { documentId?: string; idPrefix: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const act = useAction('gkqa-');
  const departments = useQuery({
    queryKey: ['gkqa-departments'],
    queryFn: () => api<{ items: { id: string; name: string; office: boolean }[] }>('/api/openness/questions/departments'),
    enabled: !documentId && !!me,
  });
  if (!me)
    return (
      <Typography.Paragraph>
        <a href={signInUrl(location.pathname)}>{t('gkqa.ask.signIn')}</a>
      </Typography.Paragraph>
    );
  const submit = async (v: Values) => {
    const json = documentId ? { documentId, title: v.title, body: v.body } : { departmentId: v.departmentId || null, title: v.title, body: v.body };
    if (await act(() => api('/api/openness/questions', { method: 'POST', json }), t('gkqa.ask.sent'))) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid={`${idPrefix}-ask`}>
      {!documentId && (
        <Form.Item name="departmentId" label={t('gkqa.ask.department')} extra={t('gkqa.ask.departmentHint')} htmlFor={`${idPrefix}-department`}>
          <Select
            id={`${idPrefix}-department`}
            allowClear
            showSearch
            optionFilterProp="label"
            loading={departments.isLoading}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.office ? `${d.name}${t('gkqa.ask.office')}` : d.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('gkqa.ask.title')} rules={[{ required: true, whitespace: true, max: 100 }]} htmlFor={`${idPrefix}-title`}>
        <Input id={`${idPrefix}-title`} maxLength={100} />
      </Form.Item>
      <Form.Item name="body" label={t('gkqa.ask.body')} extra={t('gkqa.ask.bodyHint')} rules={[{ required: true, whitespace: true, max: 2000 }]} htmlFor={`${idPrefix}-body`}>
        <Input.TextArea id={`${idPrefix}-body`} maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('gkqa.ask.submit')}
      </Button>
    </Form>
  );
}
