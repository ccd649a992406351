import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { useProfile } from './ProfileCard';

/** The TOTP second factor: set up with a QR code, confirm with a first code, see recovery codes once. */
export function TotpCard() {
  const { t } = useTranslation();
  const profile = useProfile();
  const act = useAction('account');
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const p = profile.data;
  const begin = () => act(async () => setSetup(await api<{ secret: string; qr: string }>('/api/identity/me/totp', { method: 'POST', json: {} })), t('account.totpScan'));
  const confirm = async (v: { code: string }) => {
    await act(async () => {
      const r = await api<{ recoveryCodes: string[] }>('/api/identity/me/totp/confirm', { method: 'POST', json: { code: v.code.trim() } });
      setSetup(null);
      setCodes(r.recoveryCodes);
    }, t('account.totpEnabled'));
  };
  const disable = (v: { code: string }) => act(() => api('/api/identity/me/totp/disable', { method: 'POST', json: { code: v.code.trim() } }), t('account.totpDisabled'));
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>
          {t('account.totp')}
        </Typography.Title>
      }
      loading={profile.isLoading}
    >
      {codes && (
        <Alert
          type="success"
          style={{ marginBottom: 16 }}
          title={t('account.recovery')}
          description={
            <ul className="yw-codes">
              {codes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {p && !p.totpEnabled && !setup && (
        <>
          <Typography.Paragraph>{t('account.totpOff')}</Typography.Paragraph>
          <Button onClick={begin}>{t('account.totpStart')}</Button>
        </>
      )}
      {setup && (
        <>
          <Typography.Paragraph>{t('account.totpScan')}</Typography.Paragraph>
          <Space direction="vertical">
            <img src={setup.qr} alt="otpauth QR" width={180} height={180} />
            <code aria-label="TOTP key">{setup.secret}</code>
          </Space>
          <Form layout="vertical" requiredMark={false} onFinish={confirm} style={{ marginTop: 12 }}>
            <Form.Item name="code" label={t('account.totpConfirm')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('register.codeInvalid') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('account.totpConfirmBtn')}
            </Button>
          </Form>
        </>
      )}
      {p?.totpEnabled && (
        <>
          <Typography.Paragraph>{t('account.totpOn', { n: p.recoveryCodesLeft })}</Typography.Paragraph>
          <Form layout="inline" requiredMark={false} onFinish={disable}>
            <Form.Item name="code" label={t('sso.mfaCode')} rules={[{ required: true, message: t('common.required') }]}>
              <Input autoComplete="one-time-code" />
            </Form.Item>
            <Button danger htmlType="submit">
              {t('account.totpDisable')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
