import { Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { DutyTable } from '../../portal/opendata/catalogue/Figures';
import type { Duty, OpenDatasetSummary, SearchAnswer, Vocabularies } from '../../portal/opendata/types';
import { useLocalName } from '../../shell/localName';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';

const STATES = ['any', 'draft', 'published', 'withdrawn'] as const;
const SIZE = 50;

/** 开放目录 for the data bureau: datasets synced from the catalogue, their metadata and publication; the 开放责任清单 and 开放率. */
export function DatasetsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  useTitle('odcat.workbench');
  void sub;
  const local = useLocalName();
  const act = useAction('odcat');
  const [state, setState] = useState<(typeof STATES)[number]>('any');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<OpenDatasetSummary | null>(null);
  const [withdrawing, setWithdrawing] = useState<OpenDatasetSummary | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const params = new URLSearchParams({ state, size: String(SIZE), page: String(page), sort: q ? 'relevance' : 'name' });
  if (q) params.set('q', q);
  const list = useQuery({ queryKey: ['odcat-wb', params.toString()], queryFn: () => api<SearchAnswer>(`/api/opendata/datasets?${params}`) });
  const duty = useQuery({ queryKey: ['odcat-duty'], queryFn: () => api<Duty>('/api/opendata/duty') });
  const [lateDays, setLateDays] = useState<number | null>(null);

  const sync = () => {
    setBusy(true);
    let r: { created: number; updated: number; withdrawn: number } | null = null;
    void act(
      async () => (r = await api('/api/opendata/datasets/sync', { method: 'POST', json: {} })),
      () => t('odcat.wb.syncDone', { created: r?.created ?? 0, updated: r?.updated ?? 0, withdrawn: r?.withdrawn ?? 0 }),
    ).finally(() => setBusy(false));
  };
  const publish = (d: OpenDatasetSummary) => void act(() => api(`/api/opendata/datasets/${encodeURIComponent(d.name)}/publish`, { method: 'POST' }), t('odcat.wb.published'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {t('odcat.wb.datasets')}
        </Typography.Title>
        <Button type="primary" loading={busy} onClick={sync} data-testid="odcat-sync">
          {t('odcat.wb.sync')}
        </Button>
      </Flex>
      <Flex wrap gap={8}>
        <Select
          aria-label={t('odcat.wb.stateFilter')}
          value={state}
          style={{ minWidth: 120 }}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: s === 'any' ? t('odcat.wb.all') : t(`odcat.state.${s}`) }))}
        />
        <Input.Search
          aria-label={t('odcat.searchLabel')}
          placeholder={t('odcat.searchPlaceholder')}
          allowClear
          maxLength={200}
          style={{ flex: '1 1 240px' }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Flex>
      <Table<OpenDatasetSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={list.data?.results ?? []}
        columns={[
          {
            title: t('odcat.figures.dataset'),
            dataIndex: 'title',
            render: (_: string, d) => (
              <Space direction="vertical" size={0}>
                <Link to={`/opendata/datasets/${encodeURIComponent(d.name)}`}>{local.pick(d.title, d.titleEn)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                  {d.name}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('odcat.field.publisher'), dataIndex: 'departmentName', render: (_: string, d) => local.pick(d.departmentName, d.departmentNameEn), responsive: ['md'] },
          { title: t('odcat.field.openType'), dataIndex: 'openType', render: (o: string) => t(`odcat.openType.${o}`) },
          {
            title: t('odcat.wb.stateFilter'),
            dataIndex: 'state',
            render: (s: string, d) => (
              <Space direction="vertical" size={0}>
                <Tag color={s === 'published' ? 'blue' : s === 'withdrawn' ? 'red' : 'default'}>{t(`odcat.state.${s}`)}</Tag>
                {d.withdrawnReason && <Typography.Text style={{ fontSize: 12 }}>{d.withdrawnBy === 'sync' ? t('odcat.wb.withdrawnBySync') : d.withdrawnReason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('odcat.field.modifiedAt'), dataIndex: 'modifiedAt', render: (s: string) => new Date(s).toLocaleDateString(), responsive: ['lg'] },
          {
            title: t('odcat.wb.actions'),
            key: 'actions',
            render: (_, d) => (
              <Flex wrap gap={4}>
                <Button size="small" onClick={() => setEditing(d)}>
                  {t('odcat.wb.describe')}
                </Button>
                {d.state !== 'published' && d.withdrawnBy !== 'sync' && (
                  <Button size="small" type="primary" onClick={() => publish(d)} data-testid="odcat-publish">
                    {t('odcat.wb.publish')}
                  </Button>
                )}
                {d.state === 'published' && (
                  <Button size="small" danger onClick={() => setWithdrawing(d)}>
                    {t('odcat.wb.withdraw')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {(list.data?.count ?? 0) > SIZE && <Pagination current={page} pageSize={SIZE} total={list.data?.count ?? 0} showSizeChanger={false} onChange={setPage} />}
      <DutyTable duty={duty.data} loading={duty.isLoading} />
      <Flex wrap gap={8} align="center">
        <label>
          {t('odcat.wb.lateDays')} <InputNumber aria-label={t('odcat.wb.lateDays')} min={1} max={365} value={lateDays ?? duty.data?.lateDays} onChange={(v) => setLateDays(v)} />
        </label>
        <Button
          disabled={!lateDays}
          onClick={() => void act(() => api('/api/opendata/duty/settings', { method: 'PUT', json: { lateDays } }), t('odcat.wb.lateDaysSaved')).then((ok) => ok && setLateDays(null))}
        >
          {t('odcat.wb.save')}
        </Button>
      </Flex>
      {editing && <DescribeDrawer dataset={editing} onClose={() => setEditing(null)} />}
      <Modal
        open={!!withdrawing}
        title={withdrawing ? `${t('odcat.wb.withdraw')} · ${withdrawing.title}` : ''}
        okText={t('odcat.wb.withdraw')}
        cancelText={t('odcat.wb.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setWithdrawing(null)}
        onOk={() =>
          void act(() => api(`/api/opendata/datasets/${encodeURIComponent(withdrawing!.name)}/withdraw`, { method: 'POST', json: { reason } }), t('odcat.wb.withdrawn')).then((ok) => {
            if (ok) {
              setWithdrawing(null);
              setReason('');
            }
          })
        }
      >
        <label>
          {t('odcat.wb.reason')}
          <Input.TextArea aria-label={t('odcat.wb.reason')} value={reason} maxLength={500} showCount rows={3} onChange={(e) => setReason(e.target.value)} />
        </label>
      </Modal>
    </Space>
  );
}

interface DescribeForm {
  titleEn: string;
  notesEn: string;
  theme: string;
  tags: string[];
  licence: string;
  temporal: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
  spatial: string;
}

/** The bureau's description of one dataset: English words, theme, tags, licence, time and area covered. */
function DescribeDrawer({ dataset: d, onClose }: { dataset: OpenDatasetSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const local = useLocalName();
  const act = useAction('odcat');
  const vocab = useQuery({ queryKey: ['odcat-vocab'], queryFn: () => api<Vocabularies>('/api/opendata/vocabularies'), staleTime: Infinity });
  const [form] = Form.useForm<DescribeForm>();
  const save = async (v: DescribeForm) => {
    const body = {
      titleEn: v.titleEn ?? '',
      notesEn: v.notesEn ?? '',
      theme: v.theme,
      tags: v.tags ?? [],
      licence: v.licence,
      temporalFrom: v.temporal?.[0]?.format('YYYY-MM-DD') ?? null,
      temporalTo: v.temporal?.[1]?.format('YYYY-MM-DD') ?? null,
      spatial: v.spatial,
      expectedVersion: d.version,
    };
    if (await act(() => api(`/api/opendata/datasets/${encodeURIComponent(d.name)}/description`, { method: 'PUT', json: body }), t('odcat.wb.described'))) onClose();
  };
  return (
    <Drawer open title={`${t('odcat.wb.describe')} · ${d.title}`} onClose={onClose} width="min(640px, 100vw)">
      <Form<DescribeForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          titleEn: d.titleEn,
          notesEn: d.notesEn,
          theme: d.theme,
          tags: d.tags,
          licence: d.licence,
          temporal: d.temporalFrom || d.temporalTo ? [d.temporalFrom ? dayjs(d.temporalFrom) : null, d.temporalTo ? dayjs(d.temporalTo) : null] : null,
          spatial: d.spatial,
        }}
      >
        <Form.Item name="titleEn" label={t('odcat.wb.titleEn')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notesEn" label={t('odcat.wb.notesEn')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="theme" label={t('odcat.field.theme')} rules={[{ required: true }]}>
          <Select options={(vocab.data?.themes ?? []).map((x) => ({ value: x.code, label: local.pick(x.name, x.nameEn) }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('odcat.field.tags')} extra={t('odcat.wb.tagsHint')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" maxCount={20} tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
        <Form.Item name="licence" label={t('odcat.field.licence')} rules={[{ required: true }]}>
          <Select options={(vocab.data?.licences ?? []).map((x) => ({ value: x.code, label: local.pick(x.name, x.nameEn) }))} />
        </Form.Item>
        <Form.Item name="temporal" label={t('odcat.field.temporal')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="spatial" label={t('odcat.field.spatial')} extra={t('odcat.wb.spatialHint')} rules={[{ required: true, pattern: /^\d{6}(\d{3}(\d{3})?)?$/ }]}>
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('odcat.wb.save')}
          </Button>
          <Button onClick={onClose}>{t('odcat.wb.cancel')}</Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
