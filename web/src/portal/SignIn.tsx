import { Alert, Button, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { signInUrl } from '../shell/session';
import { useTitle } from '../shell/useTitle';

const ERRORS: Record<string, string> = { denied: 'sso.denied', expired: 'sso.expired', failed: 'sso.failed' };

/**
 * The way in: every sign-in goes through the platform's SSO, as any department system's would.
 * Without an error to show, the page forwards at once.
 */
export function SignIn() {
  const { t } = useTranslation();
  useTitle('sso.signinTitle');
  const [params] = useSearchParams();
  const error = params.get('error');
  const nextParam = params.get('next');
  const next = nextParam && nextParam.startsWith('/') && !nextParam.startsWith('//') ? nextParam : '/';
  useEffect(() => {
    if (!error) window.location.replace(signInUrl(next));
  }, [error, next]);
  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
        {t('sso.signinTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('sso.signinLead')}</Typography.Paragraph>
      {error && <Alert type="warning" role="alert" title={t('sso.failed')} description={t(ERRORS[error] ?? 'sso.failed')} style={{ marginBottom: 16 }} />}
      <Button type="primary" block href={signInUrl(next)}>
        {error ? t('sso.retry') : t('sso.go')}
      </Button>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/register">{t('sso.register')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
