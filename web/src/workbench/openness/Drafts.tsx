import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../api';
import { can, useMe } from '../../shell/session';
import { useTitle } from '../../shell/useTitle';
import { DraftDetail } from './review/DraftDetail';
import { DraftEditor } from './review/DraftEditor';
import { LexiconEditor } from './review/Lexicon';
import type { DraftSummary, Page } from './review/types';

type Box = 'mine' | 'secrecy' | 'approval' | 'department';
export const CHECK_COLOURS: Record<string, string> = { clear: 'blue', review: 'purple', blocked: 'red', unchecked: 'default' };

/** 发布审核: drafts, their content-check findings, 保密审查 and the leader's approval; changes and withdrawals; the sensitive-word list (openness.manage). */
export function DraftsPage(props: { sub: string }) {
  const [first, second] = props.sub.split('/');
  if (first === 'new') return <DraftEditor />;
  if (first === 'lexicon') return <LexiconEditor />;
  if (first && second === 'edit') return <DraftEditor id={first} />;
  if (first) return <DraftDetail id={first} />;
  return <DraftList />;
}

function DraftList() {
  const { t, i18n } = useTranslation();
  useTitle('gkrev.title');
  const { data: me } = useMe();
  const navigate = useNavigate();
  const roles = me?.roles ?? [];
  const initial: Box = roles.includes('secrecy_reviewer') ? 'secrecy' : roles.includes('leader') ? 'approval' : 'mine';
  const [box, setBox] = useState<Box>(initial);
  const list = useInfiniteQuery({
    queryKey: ['gkrev-drafts', box],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<Page<DraftSummary>>(`/api/openness/drafts?box=${box}&limit=50${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
    retry: false,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const en = i18n.language === 'en';
  const forbidden = list.error instanceof ApiError && list.error.status === 403;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('gkrev.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('gkrev.intro')}</Typography.Paragraph>
      {forbidden ? (
        <Alert type="info" showIcon message={t('gkrev.forbidden')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented
              aria-label={t('gkrev.title')}
              value={box}
              onChange={(v) => setBox(v as Box)}
              options={(['mine', 'secrecy', 'approval', 'department'] as const).map((b) => ({ value: b, label: t(`gkrev.boxes.${b}`) }))}
            />
            {can(me, 'openness.edit') && (
              <Button type="primary" onClick={() => navigate('/workbench/openness/drafts/new')}>
                {t('gkrev.newDraft')}
              </Button>
            )}
            {can(me, 'openness.manage') && <Button onClick={() => navigate('/workbench/openness/drafts/lexicon')}>{t('gkrev.lexicon')}</Button>}
          </Space>
          {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(list.error, i18n.language)} />}
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            loading={list.isLoading}
            dataSource={rows}
            data-testid="gkrev-drafts"
            locale={{ emptyText: t('gkrev.empty') }}
            columns={[
              { title: t('gkrev.col.title'), key: 'title', render: (_: unknown, d: DraftSummary) => <Link to={`/workbench/openness/drafts/${d.id}`}>{d.title}</Link> },
              { title: t('gkrev.col.purpose'), key: 'purpose', render: (_: unknown, d: DraftSummary) => t(`gkrev.purposes.${d.purpose}`) },
              { title: t('gkrev.col.kind'), key: 'kind', render: (_: unknown, d: DraftSummary) => t(`gkrev.kinds.${d.kind}`, { defaultValue: d.kind }) },
              { title: t('gkrev.col.state'), key: 'state', render: (_: unknown, d: DraftSummary) => <Tag color="geekblue">{en ? d.stateEn : d.stateZh}</Tag> },
              {
                title: t('gkrev.col.check'),
                key: 'check',
                render: (_: unknown, d: DraftSummary) => (
                  <>
                    <Tag color={CHECK_COLOURS[d.checkState]}>{t(`gkrev.checks.${d.checkState}`)}</Tag>
                    {d.openFindings > 0 && t('gkrev.findingsOpen', { n: d.openFindings })}
                  </>
                ),
              },
              { title: t('gkrev.col.drafter'), key: 'drafter', render: (_: unknown, d: DraftSummary) => `${d.drafter.name}（${d.department.name}）` },
              { title: t('gkrev.col.updated'), key: 'updated', render: (_: unknown, d: DraftSummary) => new Date(d.updatedAt).toLocaleString(en ? 'en' : 'zh-CN') },
            ]}
          />
          {list.hasNextPage && (
            <Button style={{ marginTop: 8 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('gkrev.more')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
