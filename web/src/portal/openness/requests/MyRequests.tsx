import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInUrl, useMe } from '../../../shell/session';
import { RequestDetail } from './RequestDetail';
import { RequestList } from './RequestList';

/** The signed-in applicant's requests: state, clock, notices (补正, extension) and the sealed 告知书. */
export function MyRequestsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const { data: me, isLoading } = useMe();
  if (isLoading) return null;
  if (!me)
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('gkreq.mine')}
        </Typography.Title>
        <Button type="primary" href={signInUrl(`/openness/requests${sub ? `/${sub}` : ''}`)}>
          {t('gkreq.signIn')}
        </Button>
      </>
    );
  if (sub) return <RequestDetail id={sub} backTo="/openness/requests" heading={1} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('gkreq.mine')}
      </Typography.Title>
      {me.type === 'staff' ? <Alert type="info" showIcon message={t('gkreq.staffNote')} /> : <RequestList mine linkBase="/openness/requests" />}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/openness/apply">{t('gkreq.apply')}</Link>
      </Typography.Paragraph>
    </>
  );
}
