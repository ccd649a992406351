import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';

/** Window staff raise a person to L3 after checking their ID card in person. */
export function VerifyPerson() {
  const { t } = useTranslation();
  const act = useAction('verify');
  const [form] = Form.useForm();
  const verify = async (v: { name: string; idNumber: string }) => {
    if (await act(() => api('/api/identity/accounts/verify-in-person', { method: 'POST', json: { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase() } }), t('account.verified')))
      form.resetFields();
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('account.verifyTitle')}</h2>} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('account.verifyLead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={verify}>
        <Form.Item name="name" label={t('account.name')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('account.idNumber')} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('account.idNumberInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('account.verifyBtn')}
        </Button>
      </Form>
    </Card>
  );
}
