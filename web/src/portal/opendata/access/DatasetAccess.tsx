import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetSectionProps } from '../types';
/** On a dataset page: preview (first rows, charts of numeric columns), downloads and the API call. */
export function DatasetAccess(props: DatasetSectionProps) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odacc.title')}</Typography.Title>;
}
