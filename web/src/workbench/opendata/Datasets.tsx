import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 开放目录 for the data bureau: datasets synced from the catalogue, their metadata and publication; the 开放责任清单 and 开放率. */
export function DatasetsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('odcat.workbench')}</Typography.Title>;
}
