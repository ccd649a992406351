import '../../proactive/proactive.css';
import { Alert, Button, Spin, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { useProFormat } from '../../proactive/format';
import { itemsOf, type Page, type PolicyView } from '../../proactive/types';
import { RouteTabs } from '../../shell/RouteTabs';
import { can, useMe } from '../../shell/session';
import { usePolicy } from './api';
import { CheckForm } from './CheckForm';
import { PolicyEditor } from './PolicyEditor';
import { PolicyRuns } from './PolicyRuns';

/** Officers edit and publish; leaders and administrators read. */
export const useCanManage = () => {
  const { data: me } = useMe();
  return can(me, 'proactive.manage');
};

/** 政策兑现 (workbench tab): the policies of the officer's department, or all for a leader, each a way into its page. */
export function PolicyList() {
  const { t } = useTranslation();
  const f = useProFormat();
  const manage = useCanManage();
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: ['pro-policies'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<Page<PolicyView> | PolicyView[]>(`/api/proactive/policies?limit=50${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => (Array.isArray(last) ? undefined : (last.next ?? undefined)),
  });
  const rows = (list.data?.pages ?? []).flatMap((p) => itemsOf(p));
  return (
    <>
      {!manage && <Alert type="info" title={t('pro.readOnly')} style={{ marginBottom: 12 }} />}
      {manage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => navigate('/workbench/proactive/new')}>
          + {t('pro.newPolicy')}
        </Button>
      )}
      {list.error && <Alert type="error" title={t('common.error')} />}
      <Table<PolicyView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('pro.empty') }}
        dataSource={rows}
        columns={[
          { title: t('pro.name'), key: 'name', render: (_, p) => <Link to={`/workbench/proactive/${p.id}`}>{f.pick(p.name, p.nameEn)}</Link> },
          { title: t('pro.code'), dataIndex: 'code' },
          { title: t('pro.mode'), key: 'mode', render: (_, p) => <Tag color={p.mode === 'automatic' ? 'green' : 'blue'}>{t(`pro.modes.${p.mode}`)}</Tag> },
          { title: t('pro.subject'), key: 'subject', render: (_, p) => t(`pro.subjects.${p.subject}`) },
          { title: t('pro.department'), key: 'dept', render: (_, p) => p.departmentName || '—' },
          { title: t('pro.status'), key: 'status', render: (_, p) => (p.status ? <Tag>{t(`pro.statuses.${p.status}`, { defaultValue: p.status })}</Tag> : '—') },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('pro.more')}
        </Button>
      )}
    </>
  );
}

/**
 * One policy's page at /workbench/proactive/:id[/runs|/check]: the editor (read-only for leaders),
 * its runs, and the one-person check; /workbench/proactive/new opens an empty editor.
 */
export function PolicyPage() {
  const { t } = useTranslation();
  const f = useProFormat();
  const params = useParams();
  const navigate = useNavigate();
  const manage = useCanManage();
  const [, id = 'new', sub = ''] = (params['*'] ?? '').split('/');
  const isNew = id === 'new';
  const policy = usePolicy(isNew ? null : id);
  const back = (
    <Link to="/workbench/proactive" style={{ display: 'inline-block', marginBottom: 8 }}>
      ← {t('pro.back')}
    </Link>
  );
  if (isNew)
    return (
      <>
        {back}
        <Typography.Title level={1}>{t('pro.newPolicy')}</Typography.Title>
        <PolicyEditor policy={null} readOnly={!manage} onSaved={(newId) => navigate(`/workbench/proactive/${newId}`, { replace: true })} />
      </>
    );
  if (policy.isLoading) return <Spin aria-label={t('common.loading')} />;
  if (!policy.data)
    return (
      <>
        {back}
        <Alert type="error" title={t('common.error')} />
      </>
    );
  const p = policy.data;
  const tab = sub || 'runs';
  return (
    <>
      {back}
      <Typography.Title level={1}>
        {f.pick(p.name, p.nameEn)}{' '}
        <Tag color={p.mode === 'automatic' ? 'green' : 'blue'} style={{ verticalAlign: 'middle' }}>
          {t(`pro.modes.${p.mode}`)}
        </Tag>
        {p.status && <Tag style={{ verticalAlign: 'middle' }}>{t(`pro.statuses.${p.status}`, { defaultValue: p.status })}</Tag>}
      </Typography.Title>
      <RouteTabs
        label={t('pro.area')}
        activeKey={tab}
        onChange={(k) => navigate(`/workbench/proactive/${p.id}/${k}`)}
        items={[
          { key: 'runs', label: t('pro.runs'), children: <PolicyRuns policy={p} canRun={manage && p.status !== 'draft'} /> },
          {
            key: 'edit',
            label: manage ? t('pro.edit') : t('pro.rule'),
            children: <PolicyEditor key={`${p.id}-${p.publishedVersion ?? ''}`} policy={p} readOnly={!manage} onSaved={() => void policy.refetch()} />,
          },
          { key: 'check', label: t('pro.check'), children: <CheckForm policy={p} /> },
        ]}
      />
    </>
  );
}
