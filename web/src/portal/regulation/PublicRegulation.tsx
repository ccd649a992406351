import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/**
 * 双随机一公开 for everyone, no sign-in: published plans with the draw check page
 * (/supervision/draws/<id>), and published inspection results (/supervision/results).
 * (Skeleton: the draws and tasks work fill in their pages.)
 */
export function PublicRegulation() {
  const { t } = useTranslation();
  const rest = useParams()['*'] ?? '';
  void rest;
  return <Typography.Title level={1}>{t('reg.publicTitle')}</Typography.Title>;
}
