import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 政民互动 for editors: questions to answer, answers to review and publish into the shared knowledge base. */
export function InteractionPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gkqa.workbench')}</Typography.Title>;
}
