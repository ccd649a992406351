import { App as AntApp, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { when, type Loan, type PackageSummary } from './types';

const KINDS = ['document', 'incoming', 'application', 'case', 'licence'];

/** 检索: 档号 prefix, words of the 题名, year, 机构 and kind; each package links to its page. */
export function ArchiveSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useQuery({ queryKey: ['offarc-list', query], queryFn: () => api<{ items: PackageSummary[] }>(`/api/office/archives/packages?${query}`) });
  const search = (v: { q?: string; code?: string; year?: number; orgCode?: string; kind?: string }) =>
    setQuery(new URLSearchParams(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && x !== null) as [string, string][]).toString());
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.search')}</h2>}>
      <Form layout="inline" onFinish={search} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="q" label={t('offarc.words')}>
          <Input allowClear maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label={t('offarc.code')}>
          <Input allowClear maxLength={60} />
        </Form.Item>
        <Form.Item name="year" label={t('offarc.year')}>
          <InputNumber min={1949} max={2200} />
        </Form.Item>
        <Form.Item name="orgCode" label={t('offarc.org')}>
          <Input allowClear maxLength={16} />
        </Form.Item>
        <Form.Item name="kind" label={t('offarc.kind')}>
          <Select allowClear style={{ minWidth: 120 }} options={KINDS.map((k) => ({ value: k, label: t(`offarc.kinds.${k}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('offarc.find')}
        </Button>
      </Form>
      <List
        loading={q.isLoading}
        locale={{ emptyText: t('offarc.none') }}
        dataSource={q.data?.items ?? []}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Link key="open" to={`/workbench/office/archives/${p.id}`}>
                {t('offarc.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag>{t(`offarc.kinds.${p.kind}`)}</Tag>
                  {p.lastCheckPassed === false && <Tag color="red">{t('offarc.failed')}</Tag>}
                  <Typography.Text strong>{p.title}</Typography.Text>
                </Space>
              }
              description={`${p.archiveCode} · ${p.responsible} · ${p.date}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 借阅: the archivist decides requests; others see their own. */
export function ArchiveLoans() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const archivist = can(me, 'office.archive');
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const q = useQuery({ queryKey: ['offarc-loans'], queryFn: () => api<{ items: Loan[] }>('/api/office/archives/borrows') });
  const decide = useMutation({
    mutationFn: (v: { id: string; how: 'approve' | 'refuse' }) => api(`/api/office/archives/borrows/${v.id}/${v.how}`, { method: 'POST', json: notes[v.id] ? { note: notes[v.id] } : {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['offarc-loans'] }),
    onError: (e) => message.error(errorText(e, i18n.language)),
  });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.loans')}</h2>}>
      <List
        loading={q.isLoading}
        locale={{ emptyText: t('offarc.none') }}
        dataSource={q.data?.items ?? []}
        renderItem={(l) => (
          <List.Item
            actions={
              archivist && l.state === 'requested'
                ? [
                    <Input key="note" aria-label={t('offarc.note')} placeholder={t('offarc.note')} maxLength={500} onChange={(e) => setNotes({ ...notes, [l.id]: e.target.value })} />,
                    <Button key="a" type="primary" onClick={() => decide.mutate({ id: l.id, how: 'approve' })}>
                      {t('offarc.approve')}
                    </Button>,
                    <Button key="r" danger onClick={() => decide.mutate({ id: l.id, how: 'refuse' })}>
                      {t('offarc.refuse')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag>{t(`offarc.loanStates.${l.state}`)}</Tag>
                  <Link to={`/workbench/office/archives/${l.packageId}`}>{`${l.archiveCode} ${l.title}`}</Link>
                </Space>
              }
              description={`${l.requester} · ${l.reason} · ${t('offarc.daysN', { n: l.days })}${l.expiresAt ? ` · ${t('offarc.until')} ${when(l.expiresAt, en)}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

interface Failure {
  id: string;
  packageId: string | null;
  kind: string;
  recordId: string;
  stage: string;
  at: string;
  report: { passed: boolean; checks?: { code: string; passed: boolean; zh: string; en: string }[]; error?: { zh: string; en: string } };
}

/** 检测失败 and 移交: failures recorded by any stage, and hand-overs with the check on receipt. */
export function ArchiveFailuresAndTransfers() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const failures = useQuery({ queryKey: ['offarc-failures'], queryFn: () => api<{ items: Failure[] }>('/api/office/archives/failures') });
  const transfers = useQuery({
    queryKey: ['offarc-transfers'],
    queryFn: () => api<{ items: { id: string; receiver: string; state: string; packageCount: number; failedCount: number; createdAt: string }[] }>('/api/office/archives/transfers'),
  });
  const ready = useQuery({ queryKey: ['offarc-ready'], queryFn: () => api<{ items: PackageSummary[] }>('/api/office/archives/packages?status=archived&limit=200') });
  const transfer = useMutation({
    mutationFn: (v: { packageIds: string[]; receiver: string }) => api<{ state: string }>('/api/office/archives/transfers', { method: 'POST', json: v }),
    onSuccess: (r) => {
      message[r.state === 'received' ? 'success' : 'error'](t(`offarc.transferStates.${r.state}`));
      void qc.invalidateQueries();
    },
    onError: (e) => message.error(errorText(e, i18n.language)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.transfer')}</h2>}>
        <Form layout="vertical" onFinish={(v: { packageIds: string[]; receiver: string }) => transfer.mutate(v)} initialValues={{ receiver: t('offarc.defaultReceiver') }}>
          <Form.Item name="packageIds" label={t('offarc.packages')} rules={[{ required: true, message: t('offarc.pickPackages') }]}>
            <Select mode="multiple" options={(ready.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.archiveCode} ${p.title}` }))} />
          </Form.Item>
          <Form.Item name="receiver" label={t('offarc.receiver')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={transfer.isPending}>
            {t('offarc.handOver')}
          </Button>
        </Form>
        <List
          style={{ marginTop: 12 }}
          locale={{ emptyText: t('offarc.none') }}
          dataSource={transfers.data?.items ?? []}
          renderItem={(x) => (
            <List.Item>
              <Space wrap>
                <Tag color={x.state === 'received' ? 'green' : 'red'}>{t(`offarc.transferStates.${x.state}`)}</Tag>
                {`${x.receiver} · ${t('offarc.countN', { n: x.packageCount })} · ${when(x.createdAt, en)}`}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.failures')}</h2>}>
        <List
          loading={failures.isLoading}
          locale={{ emptyText: t('offarc.none') }}
          dataSource={failures.data?.items ?? []}
          renderItem={(f) => (
            <List.Item
              actions={
                f.packageId
                  ? [
                      <Link key="o" to={`/workbench/office/archives/${f.packageId}`}>
                        {t('offarc.open')}
                      </Link>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${t(`offarc.stages.${f.stage}`)} · ${t(`offarc.kinds.${f.kind}`)} · ${when(f.at, en)}`}
                description={
                  f.report.error
                    ? en
                      ? f.report.error.en
                      : f.report.error.zh
                    : (f.report.checks ?? [])
                        .filter((c) => !c.passed)
                        .map((c) => `${c.code} ${en ? c.en : c.zh}`)
                        .join('；')
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
