import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 依申请公开: the online application form (applicant, description, form and way wanted). */
export function ApplyPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gkreq.apply')}</Typography.Title>;
}
