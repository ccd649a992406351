import { Button, Card, Col, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { useChart } from '../../../shell/useChart';
import { SUGGESTED_INDUSTRIES, type Counts, type ObjectView, type Page, type SyncRun } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const BASE = '/api/regulation/objects';
type State = 'active' | 'inactive' | 'all';

/** 检查对象名录库: counts by type (chart and figures), the sync from the entity base, and the searchable list. */
export function Objects() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [entityType, setEntityType] = useState<string | undefined>();
  const [industry, setIndustry] = useState<string | undefined>();
  const [state, setState] = useState<State>('active');
  // Keyset paging: the cursors of the pages before this one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const [tagging, setTagging] = useState<ObjectView | null>(null);
  const params = new URLSearchParams({ limit: '20', state, ...(q ? { q } : {}), ...(entityType ? { entityType } : {}), ...(industry ? { industry } : {}), ...(after ? { after } : {}) });
  const list = useQuery({ queryKey: ['regdir-objects', params.toString()], queryFn: () => api<Page<ObjectView>>(`${BASE}?${params}`) });
  const counts = useQuery({ queryKey: ['regdir-counts'], queryFn: () => api<Counts>(`${BASE}/counts`) });
  const reset = () => setCursors([undefined]);
  const typeName = (x: string | null) => x ?? t('regdir.objects.noType');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <TypeChart counts={counts.data} />
        </Col>
        <Col xs={24} lg={8}>
          <SyncCard counts={counts.data} />
        </Col>
      </Row>
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regdir.objects.list')}</h3>}>
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input.Search
            aria-label={t('regdir.objects.search')}
            placeholder={t('regdir.objects.search')}
            allowClear
            maxLength={60}
            style={{ width: 260, maxWidth: '100%' }}
            onSearch={(v) => {
              setQ(v.trim());
              reset();
            }}
          />
          <Select
            aria-label={t('regdir.objects.type')}
            allowClear
            placeholder={t('regdir.objects.allTypes')}
            style={{ minWidth: 160 }}
            value={entityType}
            onChange={(v) => {
              setEntityType(v);
              reset();
            }}
            options={(counts.data?.byType ?? []).filter((x) => x.entityType).map((x) => ({ value: x.entityType!, label: `${x.entityType}（${x.active}）` }))}
          />
          <Input.Search
            aria-label={t('regdir.objects.industry')}
            placeholder={t('regdir.objects.industry')}
            allowClear
            maxLength={30}
            style={{ width: 160 }}
            onSearch={(v) => {
              setIndustry(v.trim() || undefined);
              reset();
            }}
          />
          <Select<State>
            aria-label={t('regdir.objects.state')}
            style={{ minWidth: 120 }}
            value={state}
            onChange={(v) => {
              setState(v);
              reset();
            }}
            options={(['active', 'inactive', 'all'] as const).map((s) => ({ value: s, label: t(`regdir.objects.states.${s}`) }))}
          />
        </Space>
        <Table<ObjectView>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('regdir.objects.name'),
              key: 'name',
              render: (_, o) => (
                <>
                  <div>{o.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: o.creditCode }}>
                    {o.creditCode}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('regdir.objects.type'), key: 'type', responsive: ['md'], render: (_, o) => typeName(o.entityType) },
            {
              title: t('regdir.objects.industries'),
              key: 'industries',
              responsive: ['sm'],
              render: (_, o) => o.industries.map((i) => <Tag key={i}>{i}</Tag>),
            },
            {
              title: t('regdir.objects.status'),
              key: 'status',
              render: (_, o) => <Tag color={o.active ? 'green' : 'default'}>{o.goneAt ? t('regdir.objects.gone') : (o.status ?? t(`regdir.objects.sources.${o.source}`))}</Tag>,
            },
            {
              title: t('regdir.actions'),
              key: 'actions',
              render: (_, o) => (
                <Button size="small" onClick={() => setTagging(o)} aria-label={`${t('regdir.objects.tag')} ${o.name}`}>
                  {t('regdir.objects.tag')}
                </Button>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('regdir.prev')}
          </Button>
          <Button disabled={!list.data?.next} onClick={() => setCursors([...cursors, list.data!.next!])}>
            {t('regdir.next')}
          </Button>
        </Space>
      </Card>
      {tagging && <TagModal object={tagging} onClose={() => setTagging(null)} />}
    </Space>
  );
}

/** Counts by entity type as a bar chart (active objects), with the totals beside it for screen readers. */
function TypeChart({ counts }: { counts: Counts | undefined }) {
  const { t } = useTranslation();
  const chartRef = useChart(
    useMemo(() => {
      if (!counts) return null;
      const rows = [...counts.byType].reverse();
      return {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((x) => x.entityType ?? t('regdir.objects.noType')) },
        series: [{ type: 'bar', name: t('regdir.objects.activeCount'), data: rows.map((x) => x.active), itemStyle: { color: '#0b4fa8' } }],
      };
    }, [counts, t]),
  );
  const label = counts ? t('regdir.objects.chartLabel', { summary: counts.byType.map((x) => `${x.entityType ?? t('regdir.objects.noType')} ${x.active}`).join('，') }) : t('regdir.objects.chart');
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regdir.objects.chart')}</h3>}>
      <Space wrap size={24} style={{ marginBottom: 8 }}>
        <Statistic title={t('regdir.objects.active')} value={counts?.active ?? 0} />
        <Statistic title={t('regdir.objects.inactive')} value={(counts?.total ?? 0) - (counts?.active ?? 0)} />
      </Space>
      <div ref={chartRef} className="yw-chart" role="img" aria-label={label} style={{ height: 220, width: '100%' }} />
    </Card>
  );
}

/** The last sync from the entity base, and a button to start one (it runs as a job; the card follows its progress). */
function SyncCard({ counts }: { counts: Counts | undefined }) {
  const { t } = useTranslation();
  const act = useAction('regdir');
  const latest = useQuery({
    queryKey: ['regdir-sync'],
    queryFn: () => api<SyncRun | null>(`${BASE}/sync/latest`),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'queued' || q.state.data.state === 'running') ? 2000 : false),
  });
  const run = latest.data;
  const open = run && (run.state === 'queued' || run.state === 'running');
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regdir.sync.title')}</h3>}>
      <Typography.Paragraph type="secondary">{t('regdir.sync.help')}</Typography.Paragraph>
      {run ? (
        <div aria-live="polite">
          <Tag color={run.state === 'done' ? 'green' : run.state === 'failed' ? 'red' : 'blue'}>{t(`regdir.sync.states.${run.state}`)}</Tag>
          {run.state === 'done' && t('regdir.sync.result', { seen: run.seen, inserted: run.inserted, updated: run.updated, closed: run.closed, gone: run.gone })}
          {open && t('regdir.sync.progress', { seen: run.seen })}
          {run.failure && <Typography.Text type="danger">{run.failure}</Typography.Text>}
        </div>
      ) : (
        <Typography.Text>{t('regdir.sync.never')}</Typography.Text>
      )}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={!!open}
        disabled={!counts && latest.isLoading}
        onClick={() => act(() => api(`${BASE}/sync`, { method: 'POST', json: {} }), t('regdir.sync.queued'))}
      >
        {t('regdir.sync.start')}
      </Button>
    </Card>
  );
}

/** 标注行业领域: the tags plans are scoped by. */
function TagModal({ object, onClose }: { object: ObjectView; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useAction('regdir');
  const [tags, setTags] = useState<string[]>(object.industries);
  const save = async () => {
    const ok = await act(() => api(`${BASE}/${object.creditCode}/industries`, { method: 'PUT', json: { industries: tags, expectedVersion: object.version } }), t('regdir.objects.tagged'));
    if (ok) onClose();
  };
  return (
    <Modal open title={`${t('regdir.objects.tag')} · ${object.name}`} onOk={save} onCancel={onClose} okText={t('regdir.save')} cancelText={t('regdir.cancel')}>
      <Select
        mode="tags"
        aria-label={t('regdir.objects.industries')}
        style={{ width: '100%' }}
        value={tags}
        onChange={(v) =>
          setTags(
            v
              .map((x) => x.trim())
              .filter((x) => x && x.length <= 30)
              .slice(0, 20),
          )
        }
        options={SUGGESTED_INDUSTRIES.map((v) => ({ value: v, label: v }))}
      />
    </Modal>
  );
}
