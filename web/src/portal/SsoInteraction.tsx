import { Alert, Button, Card, Form, Input, List, Radio, Space, Spin, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, errorText } from '../api';
import { PhoneCodeFields } from '../shell/PhoneCodeFields';
import { useTitle } from '../shell/useTitle';
import type { Answer } from '../api/client';

type Details = Answer<'/signin/interaction/{uid}/details'>;
type Next = { redirectTo?: string; mfaRequired?: boolean; challenge?: string };

/**
 * The sign-in and consent screens of one SSO request (for the platform's own pages and for any
 * department system alike): password or SMS code, then the second factor when the account has one.
 */
export function SsoInteraction() {
  const { t, i18n } = useTranslation();
  useTitle('sso.title');
  const { uid } = useParams();
  const base = `/signin/interaction/${uid}`;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [actingFor, setActingFor] = useState<string>('');
  const [smsForm] = Form.useForm();
  const details = useQuery({ queryKey: ['interaction', uid], queryFn: () => api<Details>(`${base}/details`) });
  const en = i18n.language === 'en';

  const step = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Next>(`${base}/${path}`, { method: 'POST', json: body });
      if (r.mfaRequired && r.challenge) setChallenge(r.challenge);
      else if (r.redirectTo) window.location.assign(r.redirectTo);
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  if (details.isLoading) return <Spin aria-label={t('common.loading')} />;
  if (details.error || !details.data) {
    const gone = details.error instanceof ApiError && details.error.status === 410;
    return <Alert type="warning" role="alert" style={{ maxWidth: 480, margin: '24px auto' }} title={t('sso.failed')} description={gone ? t('sso.expired') : errorText(details.error, i18n.language)} />;
  }
  const d = details.data;
  const appName = en && d.client.nameEn ? d.client.nameEn : d.client.name;
  const alert = error && <Alert type="error" role="alert" title={t('sso.failed')} description={error} style={{ marginBottom: 16 }} />;

  let body;
  if (d.prompt === 'consent') {
    body = (
      <>
        <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
          {t('sso.consentTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('sso.consentLead', { name: appName })}</Typography.Paragraph>
        <List bordered dataSource={d.scopes} renderItem={(s) => <List.Item>{en ? s.en : s.zh}</List.Item>} style={{ marginBottom: 16 }} />
        {d.enterprises.length > 0 && (
          <fieldset style={{ border: 0, padding: 0, marginBottom: 16 }}>
            <legend>{t('sso.actAs')}</legend>
            <Radio.Group value={actingFor} onChange={(e) => setActingFor(e.target.value)}>
              <Space direction="vertical">
                <Radio value="">{t('sso.asSelf')}</Radio>
                {d.enterprises.map((e) => (
                  <Radio key={e.enterpriseId} value={e.enterpriseId}>
                    {e.name}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </fieldset>
        )}
        {alert}
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => step('consent', { actingFor: actingFor || null })}>
            {t('sso.allow')}
          </Button>
          <Button onClick={() => step('abort', undefined)}>{t('sso.deny')}</Button>
        </Space>
      </>
    );
  } else if (challenge) {
    body = (
      <>
        <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
          {t('sso.mfaTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('sso.mfaLead')}</Typography.Paragraph>
        {alert}
        <Form layout="vertical" requiredMark={false} onFinish={(v: { code: string }) => step('mfa', { challenge, code: v.code.trim() })}>
          <Form.Item label={t('sso.mfaCode')} name="code" rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="one-time-code" inputMode="text" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('sso.verify')}
          </Button>
        </Form>
      </>
    );
  } else {
    body = (
      <>
        {alert}
        <Tabs
          items={[
            {
              key: 'password',
              label: t('sso.password'),
              children: (
                <Form layout="vertical" requiredMark={false} onFinish={(v: { username: string; password: string }) => step('password', v)}>
                  <Form.Item label={t('sso.identifier')} name="username" rules={[{ required: true, message: t('common.required') }]}>
                    <Input autoComplete="username" />
                  </Form.Item>
                  <Form.Item label={t('sso.passwordLabel')} name="password" rules={[{ required: true, message: t('common.required') }]}>
                    <Input.Password autoComplete="current-password" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} block>
                    {t('sso.submit')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'sms',
              label: t('sso.sms'),
              children: (
                <Form form={smsForm} layout="vertical" requiredMark={false} onFinish={(v: { phone: string; code: string }) => step('sms', v)}>
                  <PhoneCodeFields form={smsForm} purpose="sign-in" />
                  <Button type="primary" htmlType="submit" loading={busy} block>
                    {t('sso.submit')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }} wrap>
          <Link to="/register">{t('sso.register')}</Link>
          <Button type="link" onClick={() => step('abort', undefined)}>
            {t('sso.cancel')}
          </Button>
        </Space>
      </>
    );
  }
  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
        {t('sso.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{d.client.firstParty ? t('sso.lead') : t('sso.toApp', { name: appName })}</Typography.Paragraph>
      {body}
    </Card>
  );
}
