import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../cases/types';
import { usePages } from '../../shell/usePages';
import { useTitle } from '../../shell/useTitle';
import { useCompact } from '../../shell/useCompact';
import { CaseTable } from '../../workbench/cases/CaseTable';
import { CaseCards } from '../home/CaseCards';

/** 我的诉求: what this resident reported, newest first. */
export function MyCases() {
  const { t } = useTranslation();
  useTitle('cases.mine');
  const compact = useCompact();
  const { list, rows } = usePages<CaseSummary>(['case-mine'], '/api/cases', { scope: 'mine' });
  return (
    <>
      <Typography.Title level={1}>{t('cases.mine')}</Typography.Title>
      <Typography.Paragraph>
        {t('cases.mineLead')} <Link to="/cases/new">{t('cases.reportNew')}</Link>
      </Typography.Paragraph>
      {/* Cards on phones and in 长辈模式; the staff table's seven columns are for wide screens. */}
      {compact ? <CaseCards rows={rows} loading={list.isLoading} /> : <CaseTable rows={rows} loading={list.isLoading} base="/cases" />}
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()}>
          {t('cases.more')}
        </Button>
      )}
    </>
  );
}
