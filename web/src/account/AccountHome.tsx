import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import { ProfileCard } from './ProfileCard';
import { TotpCard } from './TotpCard';
import { SessionsCard } from './SessionsCard';
import { EnterprisesCard } from './EnterprisesCard';

/** 账号与安全: who I am and how sure the platform is of it, my factors, my sessions, my enterprises. */
export function AccountHome() {
  const { t } = useTranslation();
  useTitle('account.title');
  const { data: me } = useMe();
  return (
    <>
      <Typography.Title level={1}>{t('account.title')}</Typography.Title>
      <div className="yw-cards">
        <ProfileCard />
        <TotpCard />
        <SessionsCard />
        {me?.type === 'person' && <EnterprisesCard />}
      </div>
    </>
  );
}
