import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../api';
import { SmsCodeButton } from '../shell/SmsCodeButton';
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
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>{t('register.title')}</Typography.Title>
      <Typography.Paragraph>{t('register.lead')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" title={t('sso.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item label={t('sso.phone')} name="phone" rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('register.phoneInvalid') }]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t('sso.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('register.codeInvalid') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" aria-label={t('sso.code')} />
            </Form.Item>
            <SmsCodeButton purpose="register" phone={() => form.getFieldValue('phone')} />
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('register.password')} name="password" extra={t('register.passwordRule')} rules={[{ required: true, min: 10, message: t('register.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('register.username')} name="username" rules={[{ pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: 'a–z 0–9 . _ - (3–32)' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>{t('register.submit')}</Button>
      </Form>
    </Card>
  );
}
