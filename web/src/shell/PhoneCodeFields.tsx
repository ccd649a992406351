import { App, Button, Form, Input, Space, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api';

/** Sends an SMS code to the number in the form and counts down before a resend is allowed. */
export function SmsCodeButton({ phone, purpose }: { phone: () => string | undefined; purpose: 'register' | 'sign-in' }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);
  const send = async () => {
    const to = phone();
    if (!to || !/^1[3-9]\d{9}$/.test(to)) {
      message.error(t('register.phoneInvalid'));
      return;
    }
    setBusy(true);
    try {
      await api('/api/identity/sms-codes', { method: 'POST', json: { phone: to, purpose } });
      message.success(t('sso.codeSent'));
      setWait(60);
    } catch (err) {
      message.error(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={send} loading={busy} disabled={wait > 0}>
      {wait > 0 ? t('sso.resend', { s: wait }) : t('sso.sendCode')}
    </Button>
  );
}

/** Mobile number and SMS code fields (with the send button), as registration and SMS sign-in ask for them. */
export function PhoneCodeFields({ form, purpose }: { form: FormInstance; purpose: 'register' | 'sign-in' }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('sso.phone')} name="phone" rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('register.phoneInvalid') }]}>
        <Input inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t('sso.code')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: t('register.codeInvalid') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" aria-label={t('sso.code')} />
          </Form.Item>
          <SmsCodeButton purpose={purpose} phone={() => form.getFieldValue('phone')} />
        </Space.Compact>
      </Form.Item>
    </>
  );
}
