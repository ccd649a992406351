import { Alert, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { acceptLanguage, api, errorText } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useTitle } from '../../../shell/useTitle';
import { apiBase, type ApiDataset, type KeyView } from './types';

const KEY_FORMAT = /^od_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/;

/** The open API: documentation with a try-it call, and the signed-in user's API keys. */
export function ApiDocsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  useTitle('odacc.docs.title');
  const [params] = useSearchParams();
  const [newKey, setNewKey] = useState<string>('');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('odacc.docs.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('odacc.docs.intro', { header: 'X-API-Key' })}</Typography.Paragraph>
      </div>
      <Docs />
      <MyKeys onCreated={setNewKey} />
      <TryIt initialKey={newKey} initialDataset={params.get('dataset') ?? ''} />
    </Space>
  );
}

function Docs() {
  const { t } = useTranslation();
  const base = apiBase();
  const code = (s: string) => (
    <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: '#f5f5f5', color: '#1f1f1f', padding: 12, borderRadius: 6, margin: 0 }}>
      <code>{s}</code>
    </pre>
  );
  return (
    <section aria-labelledby="odacc-docs-endpoints">
      <Typography.Title level={2} id="odacc-docs-endpoints" style={{ fontSize: 20 }}>
        {t('odacc.docs.endpoints')}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('odacc.docs.listDatasets')}</h3>}>
          {code(`GET ${base}/datasets\nX-API-Key: YOUR_API_KEY`)}
        </Card>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('odacc.docs.rows')}</h3>}>
          {code(`GET ${base}/datasets/{name}/rows?limit=100&after={next}&{item}={value}\nX-API-Key: YOUR_API_KEY`)}
          <Table
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            rowKey="p"
            scroll={{ x: 'max-content' }}
            aria-label={t('odacc.docs.params')}
            dataSource={[
              { p: 'limit', m: t('odacc.docs.limit') },
              { p: 'after', m: t('odacc.docs.after', { next: 'next' }) },
              { p: '{item}', m: t('odacc.docs.filter', { example: 'item=value' }) },
            ]}
            columns={[
              { title: t('odacc.docs.param'), dataIndex: 'p', render: (p: string) => <code>{p}</code> },
              { title: t('odacc.docs.meaning'), dataIndex: 'm' },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <strong>{t('odacc.docs.answer')}</strong> {t('odacc.docs.answerText', { dataset: 'dataset', items: 'items', rows: 'rows', next: 'next' })}
          </Typography.Paragraph>
          {code(`{ "dataset": "…", "items": [{ "code": "…", "name": "…", "dataType": "…" }], "rows": [{ … }], "next": "…" }`)}
        </Card>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('odacc.docs.errors')}</h3>}>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {(['400', '401', '403', '429'] as const).map((s) => (
              <li key={s}>
                <code>{s}</code> {t(`odacc.docs.err${s}`, { header: 'Retry-After' })}
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('odacc.docs.errorFormat', { rfc: 'RFC 9457' })}
          </Typography.Paragraph>
        </Card>
      </Space>
    </section>
  );
}

function MyKeys({ onCreated }: { onCreated: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data: me, isLoading: meLoading } = useMe();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<KeyView | null>(null);
  const keys = useQuery({ queryKey: ['odacc-keys'], queryFn: () => api<{ items: KeyView[] }>('/api/opendata/keys'), enabled: !!me });
  const create = useMutation({
    mutationFn: () => api<KeyView>('/api/opendata/keys', { method: 'POST', json: { name: name.trim() } }),
    onSuccess: (k) => {
      setCreated(k);
      setName('');
      if (k.key) onCreated(k.key);
      void qc.invalidateQueries({ queryKey: ['odacc-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<KeyView>(`/api/opendata/keys/${id}/revoke`, { method: 'POST', json: {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['odacc-keys'] }),
  });
  const when = (s: string | null) => (s ? new Date(s).toLocaleString() : t('odacc.keys.never'));
  return (
    <section aria-labelledby="odacc-keys-title">
      <Typography.Title level={2} id="odacc-keys-title" style={{ fontSize: 20 }}>
        {t('odacc.keys.title')}
      </Typography.Title>
      {!meLoading && !me && (
        <Alert
          type="info"
          showIcon
          message={t('odacc.keys.signIn')}
          action={
            <Button type="primary" href={signInUrl('/opendata/api')}>
              {t('odacc.keys.signInLink')}
            </Button>
          }
        />
      )}
      {me && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Form layout="vertical" onFinish={() => create.mutate()} style={{ maxWidth: 560 }}>
            <Form.Item label={t('odacc.keys.name')} htmlFor="odacc-key-name" extra={t('odacc.keys.max')}>
              <Space.Compact style={{ width: '100%' }}>
                <Input id="odacc-key-name" value={name} maxLength={60} placeholder={t('odacc.keys.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
                <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!name.trim()}>
                  {t('odacc.keys.create')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
          {create.error && <Alert type="error" showIcon message={errorText(create.error, i18n.language)} />}
          {revoke.error && <Alert type="error" showIcon message={errorText(revoke.error, i18n.language)} />}
          {created?.key && (
            <Alert
              type="warning"
              showIcon
              closable
              onClose={() => setCreated(null)}
              message={t('odacc.keys.created')}
              description={
                <>
                  <Typography.Paragraph>{t('odacc.keys.onlyOnce')}</Typography.Paragraph>
                  <Typography.Text code copyable={{ text: created.key, tooltips: [t('odacc.keys.copy'), t('odacc.keys.copied')] }} style={{ overflowWrap: 'anywhere' }} data-testid="odacc-new-key">
                    {created.key}
                  </Typography.Text>
                </>
              }
            />
          )}
          <Table
            size="small"
            rowKey="id"
            loading={keys.isLoading}
            dataSource={keys.data?.items ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('odacc.keys.empty') }}
            aria-label={t('odacc.keys.title')}
            columns={[
              { title: t('odacc.keys.name'), dataIndex: 'name' },
              { title: t('odacc.keys.prefix'), dataIndex: 'prefix', render: (p: string) => <code>od_{p}_…</code> },
              { title: t('odacc.keys.createdAt'), dataIndex: 'createdAt', render: (s: string) => when(s) },
              { title: t('odacc.keys.lastUsed'), dataIndex: 'lastUsedAt', render: (s: string | null) => when(s) },
              { title: t('odacc.keys.calls'), dataIndex: 'calls', render: (n: number) => n.toLocaleString() },
              { title: t('odacc.keys.rate'), dataIndex: 'ratePerMinute' },
              {
                title: t('odacc.keys.state'),
                key: 'state',
                render: (_: unknown, k: KeyView) => (k.revokedAt ? <Tag>{t('odacc.keys.revoked')}</Tag> : <Tag color="blue">{t('odacc.keys.live')}</Tag>),
              },
              {
                title: t('odacc.keys.revoke'),
                key: 'revoke',
                render: (_: unknown, k: KeyView) =>
                  !k.revokedAt && (
                    <Popconfirm title={t('odacc.keys.revokeConfirm')} onConfirm={() => revoke.mutate(k.id)}>
                      <Button size="small" danger aria-label={`${t('odacc.keys.revoke')} ${k.name}`}>
                        {t('odacc.keys.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Space>
      )}
    </section>
  );
}

function TryIt({ initialKey, initialDataset }: { initialKey: string; initialDataset: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const key = (typedKey ?? initialKey).trim();
  const [dataset, setDataset] = useState<string | null>(null);
  const [limit, setLimit] = useState(5);
  const [filter, setFilter] = useState('');
  const [answer, setAnswer] = useState<{ status: number; body: string; retryAfter: string | null } | null>(null);
  const validKey = KEY_FORMAT.test(key);
  const datasets = useQuery({
    queryKey: ['odacc-try-datasets', key],
    queryFn: () => api<{ items: ApiDataset[] }>('/api/opendata/v1/datasets', { headers: { 'x-api-key': key } }),
    enabled: validKey,
    retry: false,
  });
  const chosen = dataset ?? (datasets.data?.items.some((d) => d.name === initialDataset) ? initialDataset : null);
  const send = useMutation({
    mutationFn: async () => {
      const q = new URLSearchParams({ limit: String(limit) });
      const [item, ...value] = filter.split('=');
      if (item.trim() && value.length) q.set(item.trim(), value.join('='));
      const res = await fetch(`/api/opendata/v1/datasets/${encodeURIComponent(chosen ?? '')}/rows?${q}`, { headers: { 'x-api-key': key, 'accept-language': acceptLanguage() } });
      const text = await res.text();
      let body = text;
      try {
        body = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: shown as it came
      }
      return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
    },
    onSuccess: setAnswer,
  });
  return (
    <section aria-labelledby="odacc-try-title">
      <Typography.Title level={2} id="odacc-try-title" style={{ fontSize: 20 }}>
        {t('odacc.tryIt.title')}
      </Typography.Title>
      <Form layout="vertical" onFinish={() => send.mutate()}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('odacc.tryIt.key')} htmlFor="odacc-try-key">
              <Input.Password id="odacc-try-key" value={key} autoComplete="off" placeholder={t('odacc.tryIt.keyPlaceholder')} onChange={(e) => setTypedKey(e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('odacc.tryIt.dataset')} htmlFor="odacc-try-dataset">
              <Select
                id="odacc-try-dataset"
                value={chosen ?? undefined}
                onChange={setDataset}
                disabled={!validKey}
                loading={datasets.isFetching}
                placeholder={t('odacc.tryIt.datasetPlaceholder')}
                options={(datasets.data?.items ?? []).map((d) => ({ value: d.name, label: `${en ? d.titleEn || d.title : d.title} (${d.name})` }))}
                showSearch
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('odacc.tryIt.limit')} htmlFor="odacc-try-limit">
              <InputNumber id="odacc-try-limit" min={1} max={1000} value={limit} onChange={(v) => setLimit(v ?? 5)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('odacc.tryIt.filter')} htmlFor="odacc-try-filter">
              <Input id="odacc-try-filter" value={filter} maxLength={200} placeholder={t('odacc.tryIt.filterPlaceholder', { example: 'item=value' })} onChange={(e) => setFilter(e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        {datasets.error && <Alert type="error" showIcon message={errorText(datasets.error, i18n.language)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" disabled={!validKey || !chosen} loading={send.isPending}>
          {t('odacc.tryIt.send')}
        </Button>
      </Form>
      {answer && (
        <Card size="small" style={{ marginTop: 12 }} title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('odacc.tryIt.response')}</h3>}>
          <Space wrap>
            <span>{t('odacc.tryIt.status')}</span>
            <Tag color={answer.status === 200 ? 'blue' : 'red'} data-testid="odacc-try-status">
              {answer.status}
            </Tag>
            {answer.retryAfter && <span>{t('odacc.tryIt.retryAfter', { s: answer.retryAfter })}</span>}
          </Space>
          <pre style={{ maxHeight: 400, overflow: 'auto', background: '#f5f5f5', color: '#1f1f1f', padding: 12, borderRadius: 6, marginTop: 8 }} tabIndex={0}>
            <code>{answer.body}</code>
          </pre>
        </Card>
      )}
    </section>
  );
}
