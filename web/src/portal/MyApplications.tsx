import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TimeTag, useLabel, when } from '../svc/labels';
import type { ApplicationView } from '../svc/types';
import { usePages } from '../shell/usePages';
import { useCompact } from '../shell/useCompact';
import { ApplicationCards } from './home/ApplicationCards';
import { useTitle } from '../shell/useTitle';

/** 我的办件: everything the applicant (or the enterprise they act for) has applied for. */
export function MyApplications() {
  const { t, i18n } = useTranslation();
  useTitle('svc.mine');
  const label = useLabel();
  const compact = useCompact();
  const { list, rows } = usePages<ApplicationView>(['svc-mine'], '/api/services/applications/mine', { limit: 20 });
  return (
    <>
      <Typography.Title level={1}>{t('svc.mine')}</Typography.Title>
      {/* Phones (and 长辈模式) get cards: a five-column table squeezes names to one character a line. */}
      {compact ? (
        <ApplicationCards rows={rows} loading={list.isLoading} />
      ) : (
        <Table<ApplicationView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('svc.item'), dataIndex: 'itemName', className: 'yw-nowrap-cell', render: (v: string, r) => <Link to={`/applications/${r.id}`}>{v}</Link> },
            { title: t('svc.number'), dataIndex: 'number' },
            { title: t('svc.state'), dataIndex: 'stateName', render: (_: unknown, r) => label(r.stateName) },
            { title: t('svc.progress'), dataIndex: 'timeStatus', render: (_: unknown, r) => <TimeTag status={r.timeStatus} /> },
            { title: t('svc.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => when(v, i18n.language) },
          ]}
        />
      )}
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('svc.more')}</Button>}
    </>
  );
}
