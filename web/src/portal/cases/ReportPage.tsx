import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTitle } from '../../shell/useTitle';
import { ReportForm } from '../../workbench/cases/GridReport';

/** 我要反映: a resident reports a problem with the place and photos; progress under 我的诉求. */
export function ReportPage() {
  const { t } = useTranslation();
  useTitle('cases.reportNew');
  return (
    <>
      <Typography.Title level={1}>{t('cases.reportNew')}</Typography.Title>
      <Typography.Paragraph>{t('cases.reportNewLead')}</Typography.Paragraph>
      <ReportForm channel="web" />
    </>
  );
}
