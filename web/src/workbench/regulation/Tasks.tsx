import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 检查任务: `sub` is the path below /workbench/regulation/tasks/. (Skeleton: written in its own branch.) */
export function TasksPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regtask.title')}</Typography.Title>;
}
