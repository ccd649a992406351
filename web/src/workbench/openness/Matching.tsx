import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, ApiError, errorText } from '../../api';
import { useChart } from '../../shell/useChart';
import { useTitle } from '../../shell/useTitle';
import type { Candidate, RuleLine, RulePage, RuleView } from './matching/types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 政策找人: attach a 主动服务 rule to a policy document and see whom it reached. `sub` may name a document to attach to. */
export function MatchingPage(props: { sub: string }) {
  const { t, i18n } = useTranslation();
  useTitle('gkmatch.workbench');
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useInfiniteQuery({
    queryKey: ['gkmatch-rules'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<RulePage>(`/api/openness/matching/rules?limit=50${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
    retry: false,
  });
  const rows = useMemo(() => rules.data?.pages.flatMap((p) => p.items) ?? [], [rules.data]);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['gkmatch-rules'] });
  const run = useMutation({
    mutationFn: (documentId: string) => api<{ matched: number; told: number }>(`/api/openness/documents/${documentId}/rule/run`, { method: 'POST' }),
    onSuccess: (r) => {
      void message.success(t('gkmatch.ran', r));
      refresh();
    },
    onError: (e) => void message.error(errorText(e, i18n.language)),
  });
  const [detaching, setDetaching] = useState<RuleLine | null>(null);
  const chartRef = useChart(
    useMemo(
      () =>
        rows.length
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: rows.map((r) => (en ? r.policyNameEn : r.policyName)), axisLabel: { interval: 0, overflow: 'truncate', width: 120 } },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: t('gkmatch.matched'), data: rows.map((r) => r.matched), itemStyle: { color: '#1d5fa8' } },
                { type: 'bar', name: t('gkmatch.toldShort'), data: rows.map((r) => r.told), itemStyle: { color: '#531dab' } },
                { type: 'bar', name: t('gkmatch.applied'), data: rows.map((r) => r.applied), itemStyle: { color: '#a8071a' } },
              ],
            }
          : null,
      [rows, t, en],
    ),
  );
  const forbidden = rules.error instanceof ApiError && rules.error.status === 403;
  if (forbidden) return <Alert type="info" showIcon message={t('gkmatch.forbidden')} />;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('gkmatch.workbench')}
      </Typography.Title>
      <Typography.Paragraph>{t('gkmatch.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('gkmatch.defineHint')} <Link to="/workbench/proactive/new">{t('gkmatch.define')}</Link>
      </Typography.Paragraph>
      <AttachCard initial={UUID.test(props.sub) ? props.sub : ''} onDone={refresh} />
      {rules.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(rules.error, i18n.language)} />}
      {rows.length > 0 && (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkmatch.chartTitle')}</h3>} style={{ marginBottom: 12 }}>
          <div ref={chartRef} className="yw-chart" role="img" aria-label={t('gkmatch.chartLabel')} style={{ height: 220 }} />
        </Card>
      )}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('gkmatch.listTitle')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={rules.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('gkmatch.empty') }}
        data-testid="gkmatch-rules"
        columns={[
          {
            title: t('gkmatch.colDocument'),
            key: 'doc',
            render: (_: unknown, r: RuleLine) => (
              <>
                <Link to={`/openness/documents/${r.documentId}`}>{r.documentTitle}</Link>
                {r.documentNumber && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {r.documentNumber}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t('gkmatch.colPolicy'), key: 'policy', render: (_: unknown, r: RuleLine) => <Tag color="blue">{en ? r.policyNameEn : r.policyName}</Tag> },
          { title: t('gkmatch.colConditions'), key: 'cond', render: (_: unknown, r: RuleLine) => (en ? r.conditionsEn : r.conditionsZh).join(en ? '; ' : '；') },
          { title: t('gkmatch.colReach'), key: 'reach', render: (_: unknown, r: RuleLine) => `${r.matched} / ${r.told} / ${r.applied}` },
          {
            title: t('gkmatch.colLastRun'),
            key: 'last',
            render: (_: unknown, r: RuleLine) => (r.lastRunAt ? new Date(r.lastRunAt).toLocaleString(en ? 'en' : 'zh-CN') : t('gkmatch.never')),
          },
          {
            title: t('gkmatch.colActions'),
            key: 'act',
            render: (_: unknown, r: RuleLine) =>
              r.canEdit && (
                <Space wrap>
                  <Button size="small" type="primary" loading={run.isPending && run.variables === r.documentId} onClick={() => run.mutate(r.documentId)}>
                    {t('gkmatch.run')}
                  </Button>
                  <Button size="small" danger onClick={() => setDetaching(r)}>
                    {t('gkmatch.detach')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {rules.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void rules.fetchNextPage()} loading={rules.isFetchingNextPage}>
          {t('gkmatch.more')}
        </Button>
      )}
      <DetachModal line={detaching} onClose={() => setDetaching(null)} onDone={refresh} />
    </>
  );
}

/** Pick a document (search the library), then one of the policies it may carry. */
function AttachCard(props: { initial: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const [documentId, setDocumentId] = useState(props.initial);
  const [q, setQ] = useState('');
  const [policyCode, setPolicyCode] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const found = useQuery({
    queryKey: ['gkmatch-docs', q],
    queryFn: () => api<{ results: { id: string; title: string; number: string | null }[] }>(`/api/openness/documents?size=20${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`),
    retry: false,
  });
  const candidates = useQuery({
    queryKey: ['gkmatch-candidates', documentId],
    queryFn: () => api<Candidate[]>(`/api/openness/documents/${documentId}/rule/candidates`),
    enabled: UUID.test(documentId),
    retry: false,
  });
  const current = useQuery({
    queryKey: ['gkmatch-rule', documentId],
    queryFn: () => api<RuleView>(`/api/openness/documents/${documentId}/rule`),
    enabled: UUID.test(documentId),
    retry: false,
  });
  const attach = useMutation({
    mutationFn: () => api<RuleView>(`/api/openness/documents/${documentId}/rule`, { method: 'PUT', json: { policyCode, ...(note.trim() ? { note: note.trim() } : {}) } }),
    onSuccess: () => {
      void message.success(t('gkmatch.attached'));
      setPolicyCode(undefined);
      setNote('');
      void current.refetch();
      void candidates.refetch();
      props.onDone();
    },
  });
  const docOptions = (found.data?.results ?? []).map((d) => ({ value: d.id, label: d.number ? `${d.title}（${d.number}）` : d.title }));
  if (current.data && !docOptions.some((o) => o.value === documentId)) docOptions.unshift({ value: documentId, label: current.data.documentTitle });
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkmatch.attachTitle')}</h3>} style={{ marginBottom: 12 }}>
      <Form layout="vertical" onFinish={() => attach.mutate()}>
        <Row gutter={[12, 0]}>
          <Col xs={24} md={10}>
            <Form.Item label={t('gkmatch.document')} htmlFor="gkmatch-doc">
              <Select
                id="gkmatch-doc"
                showSearch
                filterOption={false}
                placeholder={t('gkmatch.documentSearch')}
                value={documentId || undefined}
                onSearch={setQ}
                onChange={(v: string) => {
                  setDocumentId(v);
                  setPolicyCode(undefined);
                  attach.reset();
                }}
                options={docOptions}
                loading={found.isFetching}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('gkmatch.policyCode')} htmlFor="gkmatch-policy">
              <Select
                id="gkmatch-policy"
                value={policyCode}
                onChange={setPolicyCode}
                disabled={!documentId || !!current.data?.rule}
                loading={candidates.isFetching}
                options={(candidates.data ?? []).map((c) => ({
                  value: c.code,
                  disabled: !c.attachable,
                  label: `${en ? c.nameEn : c.name}（${c.code}）${c.problem ? ` — ${en ? c.problem.en : c.problem.zh}` : ''}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('gkmatch.note')} htmlFor="gkmatch-note">
              <Input id="gkmatch-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        {current.data?.rule && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${t('gkmatch.attached')}：${en ? current.data.rule.policyNameEn : current.data.rule.policyName}`} />}
        {(attach.isError || candidates.isError) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(attach.error ?? candidates.error, i18n.language)} />}
        <Button type="primary" htmlType="submit" disabled={!documentId || !policyCode} loading={attach.isPending}>
          {t('gkmatch.attach')}
        </Button>
      </Form>
    </Card>
  );
}

function DetachModal(props: { line: RuleLine | null; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const detach = useMutation({
    mutationFn: (l: RuleLine) => api<RuleView>(`/api/openness/documents/${l.documentId}/rule/detach`, { method: 'POST', json: { reason: reason.trim() } }),
    onSuccess: () => {
      void message.success(t('gkmatch.detached'));
      setReason('');
      props.onClose();
      props.onDone();
    },
  });
  const l = props.line;
  return (
    <Modal
      open={!!l}
      title={l ? t('gkmatch.detachTitle', { name: i18n.language === 'en' ? l.policyNameEn : l.policyName }) : ''}
      okText={t('gkmatch.detach')}
      cancelText={t('gkmatch.cancel')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: detach.isPending }}
      onOk={() => l && detach.mutate(l)}
      onCancel={() => {
        detach.reset();
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('gkmatch.detachReason')} htmlFor="gkmatch-reason" required>
          <Input.TextArea id="gkmatch-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {detach.isError && <Alert type="error" showIcon message={errorText(detach.error, i18n.language)} />}
    </Modal>
  );
}
