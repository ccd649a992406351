import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 有条件开放 applications to decide (provider 数据专员, then the data bureau). */
export function ApplicationsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('odgrant.workbench')}</Typography.Title>;
}
