import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../api';
import { PhoneCodeFields } from '../shell/PhoneCodeFields';
import { useTitle } from '../shell/useTitle';

/** A person registers with their own mobile number (L1); real-name verification follows on the account page. */
export function Register() {
  const { t, i18n } = useTranslation();
  useTitle('register.title');
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const submit = async (v: { phone: string; code: string; password: string; username?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ me: unknown }>('/api/identity/accounts', { method: 'POST', json: { phone: v.phone, code: v.code, password: v.password, ...(v.username ? { username: v.username } : {}) } });
      qc.setQueryData(['me'], r.me);
      navigate('/account');
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('register.lead')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" title={t('sso.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <PhoneCodeFields form={form} purpose="register" />
        <Form.Item label={t('register.password')} name="password" extra={t('register.passwordRule')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('register.username')} name="username" rules={[{ pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: 'a–z 0–9 . _ - (3–32)' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
