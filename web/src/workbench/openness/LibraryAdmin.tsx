import { Button, Card, Checkbox, Drawer, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { VALIDITY_COLOR, type HistoryItem, type StaffDocument, type Theme } from '../../portal/openness/library/types';
import { can, useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';

/** The published library for editors: documents of the unit, 有效性, history of each (who, when, why); the theme list (openness.manage). */
export function LibraryAdminPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  useTitle('gklib.workbench');
  const { data: me } = useMe();
  const manage = can(me, 'openness.manage');
  const act = useAction('gklib');
  const [state, setState] = useState<'' | 'published' | 'withdrawn'>('');
  const [q, setQ] = useState('');
  const [history, setHistory] = useState<StaffDocument | null>(null);
  const [marking, setMarking] = useState<StaffDocument | null>(null);
  const [reason, setReason] = useState('');
  const params = new URLSearchParams({ limit: '50' });
  if (state) params.set('state', state);
  if (q) params.set('q', q);
  const list = useInfiniteQuery({
    queryKey: ['gklib-wb', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: StaffDocument[]; next: string | null }>(`/api/openness/library/documents?${params}${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hist = useQuery({
    queryKey: ['gklib-history', history?.id],
    enabled: !!history,
    queryFn: () => api<{ items: HistoryItem[] }>(`/api/openness/documents/${history!.id}/history`),
  });
  const setValidity = (d: StaffDocument, validity: 'valid' | 'expired') =>
    act(() => api(`/api/openness/documents/${d.id}/validity`, { method: 'POST', json: { validity, reason: reason.trim(), expectedVersion: d.version } }), t('gklib.wb.validitySaved')).then((ok) => {
      if (ok) {
        setMarking(null);
        setReason('');
      }
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {t('gklib.wb.title')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <Input.Search aria-label={t('gklib.wb.search')} placeholder={t('gklib.wb.search')} allowClear style={{ maxWidth: 320 }} onSearch={(v) => setQ(v.trim())} maxLength={200} />
        <Select
          aria-label={t('gklib.wb.state')}
          value={state}
          style={{ minWidth: 120 }}
          onChange={setState}
          options={[
            { value: '', label: t('gklib.wb.stateAll') },
            { value: 'published', label: t('gklib.wb.published') },
            { value: 'withdrawn', label: t('gklib.wb.withdrawnState') },
          ]}
        />
      </Flex>
      <Table<StaffDocument>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('gklib.wb.cols.title'),
            dataIndex: 'title',
            render: (title: string, d) => (
              <Space direction="vertical" size={0}>
                <Link to={`/openness/documents/${d.id}`}>{title}</Link>
                <span style={{ color: 'rgba(0,0,0,0.75)', fontSize: 12 }}>
                  {d.indexNo} · {t(`gklib.kind.${d.kind}`)} · {t(`gklib.wb.origin.${d.origin}`)}
                </span>
              </Space>
            ),
          },
          { title: t('gklib.wb.cols.number'), dataIndex: 'number', responsive: ['md'], render: (n: string | null) => n ?? '—' },
          { title: t('gklib.wb.cols.publishedOn'), dataIndex: 'publishedOn', responsive: ['sm'] },
          { title: t('gklib.wb.cols.validity'), dataIndex: 'validity', render: (v: StaffDocument['validity']) => <Tag color={VALIDITY_COLOR[v]}>{t(`gklib.validity.${v}`)}</Tag> },
          { title: t('gklib.wb.cols.state'), dataIndex: 'state', render: (s: string) => (s === 'published' ? t('gklib.wb.published') : <Tag color="red">{t('gklib.wb.withdrawnState')}</Tag>) },
          {
            title: t('gklib.wb.cols.actions'),
            key: 'actions',
            render: (_: unknown, d) => (
              <Flex wrap gap={4}>
                <Button size="small" onClick={() => setHistory(d)}>
                  {t('gklib.wb.history')}
                </Button>
                {d.state === 'published' && d.kind !== 'interpretation' && (d.validity === 'valid' || d.validity === 'expired') && (
                  <Button size="small" onClick={() => setMarking(d)} data-testid="gklib-mark">
                    {d.validity === 'valid' ? t('gklib.wb.markExpired') : t('gklib.wb.markValid')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('gklib.wb.more')}
        </Button>
      )}
      <Modal
        open={!!marking}
        title={marking ? (marking.validity === 'valid' ? t('gklib.wb.markExpired') : t('gklib.wb.markValid')) : ''}
        okText={t('gklib.wb.save')}
        cancelText={t('gklib.wb.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setMarking(null)}
        onOk={() => marking && void setValidity(marking, marking.validity === 'valid' ? 'expired' : 'valid')}
      >
        <Typography.Paragraph>{marking?.title}</Typography.Paragraph>
        <label>
          {t('gklib.wb.reason')}
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} aria-label={t('gklib.wb.reason')} placeholder={t('gklib.wb.reasonRequired')} />
        </label>
      </Modal>
      <Drawer open={!!history} onClose={() => setHistory(null)} width={720} title={history ? t('gklib.wb.historyTitle', { title: history.title }) : ''}>
        <Table<HistoryItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={hist.isLoading}
          dataSource={hist.data?.items ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('gklib.wb.historyCols.at'), dataIndex: 'at', render: (x: string) => new Date(x).toLocaleString() },
            { title: t('gklib.wb.historyCols.action'), dataIndex: 'action', render: (x: HistoryItem['action']) => t(`gklib.wb.action.${x}`) },
            { title: t('gklib.wb.historyCols.actor'), dataIndex: 'actorName' },
            { title: t('gklib.wb.historyCols.reason'), dataIndex: 'reason', render: (x: string | null) => x ?? '—' },
            { title: t('gklib.wb.historyCols.validity'), dataIndex: 'validity', render: (v: HistoryItem['validity']) => t(`gklib.validity.${v}`) },
            { title: t('gklib.wb.historyCols.version'), dataIndex: 'version' },
          ]}
        />
      </Drawer>
      {manage && <ThemesCard />}
    </Space>
  );
}

/** The 主题分类 list, edited as a whole (a code in use can be deactivated, not removed). */
function ThemesCard() {
  const { t } = useTranslation();
  const act = useAction('gklib-themes');
  const themes = useQuery({ queryKey: ['gklib-themes'], queryFn: () => api<{ themes: Theme[] }>('/api/openness/themes?all=true') });
  const [edited, setEdited] = useState<Theme[] | null>(null);
  const rows = edited ?? themes.data?.themes ?? [];
  const set = (i: number, patch: Partial<Theme>) => setEdited(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gklib.wb.themes')}</h3>}>
      <Table<Theme & { i: number }>
        rowKey="i"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows.map((r, i) => ({ ...r, i }))}
        columns={[
          {
            title: t('gklib.wb.themeCode'),
            dataIndex: 'code',
            width: 110,
            render: (c: string, r) => <Input value={c} aria-label={t('gklib.wb.themeCode')} maxLength={20} onChange={(e) => set(r.i, { code: e.target.value })} />,
          },
          {
            title: t('gklib.wb.themeName'),
            dataIndex: 'name',
            render: (c: string, r) => <Input value={c} aria-label={t('gklib.wb.themeName')} maxLength={100} onChange={(e) => set(r.i, { name: e.target.value })} />,
          },
          {
            title: t('gklib.wb.themeNameEn'),
            dataIndex: 'nameEn',
            responsive: ['md'],
            render: (c: string, r) => <Input value={c} aria-label={t('gklib.wb.themeNameEn')} maxLength={200} onChange={(e) => set(r.i, { nameEn: e.target.value })} />,
          },
          {
            title: t('gklib.wb.themeActive'),
            dataIndex: 'active',
            width: 80,
            render: (a: boolean, r) => <Checkbox checked={a} aria-label={`${t('gklib.wb.themeActive')} ${r.name}`} onChange={(e) => set(r.i, { active: e.target.checked })} />,
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 8 }} wrap>
        <Button onClick={() => setEdited([...rows, { code: String(rows.length + 1).padStart(2, '0'), name: '', nameEn: '', active: true }])}>{t('gklib.wb.addTheme')}</Button>
        <Button type="primary" onClick={() => void act(() => api('/api/openness/themes', { method: 'PUT', json: { themes: rows } }), t('gklib.wb.themesSaved')).then((ok) => ok && setEdited(null))}>
          {t('gklib.wb.saveThemes')}
        </Button>
      </Flex>
    </Card>
  );
}
