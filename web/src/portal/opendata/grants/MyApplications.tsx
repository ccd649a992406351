import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInUrl, useMe } from '../../../shell/session';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplicationList } from './ApplicationList';

/** 有条件开放: the applicant's applications, the 数据利用协议 to sign, and credentials once approved. */
export function MyApplicationsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const { data: me, isLoading } = useMe();
  if (isLoading) return null;
  if (!me)
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('odgrant.mine')}
        </Typography.Title>
        <Button type="primary" href={signInUrl(`/opendata/applications${sub ? `/${sub}` : ''}`)}>
          {t('odgrant.apply.signIn')}
        </Button>
      </>
    );
  if (sub) return <ApplicationDetail id={sub} backTo="/opendata/applications" heading={1} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('odgrant.mine')}
      </Typography.Title>
      {me.type === 'staff' ? <Alert type="info" showIcon message={t('odgrant.apply.staff')} /> : <ApplicationList mine linkBase="/opendata/applications" />}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/opendata/datasets">{t('odgrant.list.browse')}</Link>
      </Typography.Paragraph>
    </>
  );
}
