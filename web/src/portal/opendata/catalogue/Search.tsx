import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 开放目录: search with filters (theme, department, format, 开放类型). */
export function SearchPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odcat.title')}</Typography.Title>;
}
