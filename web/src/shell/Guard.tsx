import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { can, useMe } from './session';

/** Signed-in pages: send a visitor to sign-in, show a clear refusal to a user without the permission. */
export function Guard({ permission, children }: { permission?: string; children: ReactNode }) {
  const { data: me, isLoading } = useMe();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  if (isLoading) return <Spin aria-label={t('common.loading')} />;
  if (!me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (permission && !can(me, permission)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} extra={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>} />;
  }
  return <>{children}</>;
}
