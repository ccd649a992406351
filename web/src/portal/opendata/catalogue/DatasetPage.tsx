import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One dataset: metadata, data items, and the sections of the other areas (downloads and API, apply, sandbox, ratings). */
export function DatasetPage(props: { name: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odcat.title')}</Typography.Title>;
}
