import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 发布审核: drafts, their content-check findings, 保密审查 and the leader's approval; changes and withdrawals; the sensitive-word list (openness.manage). */
export function DraftsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gkrev.workbench')}</Typography.Title>;
}
