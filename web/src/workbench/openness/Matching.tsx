import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 政策找人: attach a 主动服务 rule to a policy document and see whom it reached. */
export function MatchingPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gkmatch.workbench')}</Typography.Title>;
}
