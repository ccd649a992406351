import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 依申请公开 for the answering unit: the inbox with clocks and lights, 补正, third-party consultation, extension, answer and the sealed 告知书; 督办 across units (openness.manage). */
export function RequestsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gkreq.workbench')}</Typography.Title>;
}
