import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One document: its 政府信息公开目录 metadata, text, attachments, 有效性 and what replaced it, its 解读 (or, for a 解读, its 原文), and below them whom it applies to (matching) and its questions (interaction). */
export function DocumentPage(props: { id: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gklib.document')}</Typography.Title>;
}
