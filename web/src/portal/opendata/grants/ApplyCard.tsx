import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetSectionProps } from '../types';
/** On a 有条件开放 dataset page: how to apply, and the form. */
export function ApplyCard(props: DatasetSectionProps) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odgrant.title')}</Typography.Title>;
}
