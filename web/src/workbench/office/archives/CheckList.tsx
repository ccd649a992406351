import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from './types';

/** One 四性检测 report: each check with its property, pass or fail, and what failed. */
export function CheckList({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <List
      size="small"
      dataSource={report.checks}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span>
                <Tag color={c.passed ? 'green' : 'red'}>{c.passed ? t('offarc.passed') : t('offarc.failed')}</Tag>
                <Tag>{t(`offarc.props.${c.property}`)}</Tag>
                {c.code} {en ? c.en : c.zh}
              </span>
            }
            description={c.detail ? (en ? c.detail.en : c.detail.zh) : null}
          />
        </List.Item>
      )}
    />
  );
}
