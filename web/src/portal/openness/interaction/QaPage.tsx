import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 政民互动: the public Q&A (shared with 12345), the 咨询 column and asking a question. */
export function QaPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gkqa.title')}</Typography.Title>;
}
