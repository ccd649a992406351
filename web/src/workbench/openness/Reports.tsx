import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 年度报告 for the 政务公开办: generate, check and publish a year's report. */
export function ReportsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gkrpt.workbench')}</Typography.Title>;
}
