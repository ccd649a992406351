import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetSectionProps } from '../types';
/** On a dataset page: rating and comments. */
export function DatasetCommunity(props: DatasetSectionProps) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odcom.title')}</Typography.Title>;
}
