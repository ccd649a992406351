import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 有条件开放: the applicant's applications, the 数据利用协议 to sign, and credentials once approved. */
export function MyApplicationsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odgrant.title')}</Typography.Title>;
}
