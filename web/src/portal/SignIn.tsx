import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorText } from '../api';
import { useTitle } from '../shell/useTitle';

/** Staff sign-in with username and password (SSO and other factors arrive with the identity module). */
export function SignIn() {
  const { t, i18n } = useTranslation();
  useTitle('signin.title');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ me: unknown }>('/api/identity/sessions', { method: 'POST', json: v });
      qc.setQueryData(['me'], r.me);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/workbench');
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 420, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>{t('signin.title')}</Typography.Title>
      {error && <Alert type="error" role="alert" title={t('signin.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('signin.username')} name="username" rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('signin.password')} name="password" rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>{t('signin.submit')}</Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('signin.hint')}</Typography.Paragraph>
    </Card>
  );
}
