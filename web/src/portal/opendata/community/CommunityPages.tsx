import { Button, Card, Col, Descriptions, Drawer, Empty, Flex, Form, Input, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { useCompact } from '../../../shell/useCompact';
import { usePages } from '../../../shell/usePages';
import { useTitle } from '../../../shell/useTitle';
import { DatasetPicker } from './DatasetPicker';
import { APP_KINDS, DEMAND_COLOURS, DEMAND_STATES, type AppView, type DemandState, type DemandView, type ProductView } from './types';

type Section = 'demands' | 'apps' | 'products';

/** 数据需求 (/opendata/demands), 应用展示 (/opendata/apps) and 授权运营 products (/opendata/products): lists, one item (…/<id>), and forms for signed-in users. */
export function CommunityPage({ section, sub }: { section: string; sub: string }) {
  const s = (['demands', 'apps', 'products'].includes(section) ? section : 'demands') as Section;
  return (
    <>
      <Nav active={s} />
      {s === 'demands' && (sub ? <DemandPage id={sub} /> : <Demands />)}
      {s === 'apps' && (sub ? <AppPage id={sub} /> : <Apps />)}
      {s === 'products' && (sub ? <ProductPage id={sub} /> : <Products />)}
    </>
  );
}

function Nav({ active }: { active: Section }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('odcom.section')} style={{ marginBottom: 8 }}>
      <Space wrap>
        {(['demands', 'apps', 'products'] as Section[]).map((s) => (
          <Link key={s} to={`/opendata/${s}`} aria-current={s === active ? 'page' : undefined} style={{ fontWeight: s === active ? 600 : 400 }}>
            {t(`odcom.nav.${s}`)}
          </Link>
        ))}
      </Space>
    </nav>
  );
}

const fmtDate = (iso: string | null | undefined, en: boolean) => (iso ? new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
const datasetLink = (d: { name: string; title: string; titleEn: string }, en: boolean) => (
  <Link key={d.name} to={`/opendata/datasets/${encodeURIComponent(d.name)}`}>
    {en && d.titleEn ? d.titleEn : d.title || d.name}
  </Link>
);

/* ------------------------------------------------------------------ 数据需求 */

function StateTags({ d }: { d: DemandView }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={DEMAND_COLOURS[d.state]}>{t(`odcom.demand.states.${d.state}`)}</Tag>
      {d.overdue && <Tag color="red">{t('odcom.demand.overdue')}</Tag>}
    </>
  );
}

function VoteButton({ d }: { d: DemandView }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const act = useAction('odcom-');
  if (!me)
    return (
      <Typography.Text>
        {t('odcom.demand.fields.votes')}：{d.votes}
      </Typography.Text>
    );
  return (
    <Button size="small" disabled={d.votedByMe} onClick={() => act(() => api(`/api/opendata/demands/${d.id}/votes`, { method: 'POST', json: {} }), t('odcom.demand.votedOk'))} data-testid="odcom-vote">
      {d.votedByMe ? t('odcom.demand.voted') : t('odcom.demand.vote')} · {d.votes}
    </Button>
  );
}

export function DemandAnswer({ d }: { d: DemandView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      {d.plannedDate && d.state === 'accepted' && (
        <div>
          {t('odcom.demand.fields.plannedDate')}：{d.plannedDate}
        </div>
      )}
      {d.dataset && (
        <div>
          {t('odcom.demand.fields.dataset')}：{datasetLink(d.dataset, en)}
        </div>
      )}
      {d.reason && (
        <div>
          {t('odcom.demand.fields.reason')}：{d.reason}
        </div>
      )}
      {d.answer && (
        <div>
          {t('odcom.demand.fields.answer')}：{d.answer}
        </div>
      )}
    </>
  );
}

function Demands() {
  const { t, i18n } = useTranslation();
  useTitle('odcom.demand.title');
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const [state, setState] = useState<DemandState>();
  const [adding, setAdding] = useState(false);
  const params = { state, limit: 20 };
  const { list, rows } = usePages<DemandView>(['odcom-demands', params, me?.accountId ?? ''], '/api/opendata/demands', params);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odcom.demand.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odcom.demand.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('odcom.demand.fields.state')}
          allowClear
          placeholder={t('odcom.demand.allStates')}
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={DEMAND_STATES.map((s) => ({ value: s, label: t(`odcom.demand.states.${s}`) }))}
        />
        {me ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('odcom.demand.new')}
          </Button>
        ) : (
          <a href={signInUrl('/opendata/demands')}>{t('odcom.signIn')}</a>
        )}
      </Space>
      <List
        aria-label={t('odcom.demand.title')}
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(d) => (
          <List.Item data-testid="odcom-demand" actions={[<VoteButton key="v" d={d} />]}>
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <Link to={`/opendata/demands/${d.id}`}>{d.title}</Link>
                  <StateTags d={d} />
                </Flex>
              }
              description={
                <div style={{ overflowWrap: 'anywhere' }}>
                  <div>
                    {d.authorName} · {fmtDate(d.createdAt, en)}
                    {d.departmentName && ` · ${en && d.departmentNameEn ? d.departmentNameEn : d.departmentName}`}
                    {d.state === 'submitted' && ` · ${t('odcom.demand.fields.dueAt')} ${fmtDate(d.dueAt, en)}`}
                  </div>
                  <DemandAnswer d={d} />
                </div>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
      {adding && <DemandForm onClose={() => setAdding(false)} />}
    </>
  );
}

function DemandForm({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const compact = useCompact();
  const act = useAction('odcom-');
  const [form] = Form.useForm();
  const depts = useQuery({
    queryKey: ['odcom-publishers'],
    staleTime: 300_000,
    queryFn: () => api<{ items: { id: string; name: string; nameEn: string }[] }>('/api/opendata/community/departments').catch(() => ({ items: [] })),
  });
  const f = (k: string) => t(`odcom.demand.fields.${k}`);
  const req = (k: string) => [{ required: true, whitespace: true, message: t('odcom.required', { what: f(k) }) }];
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => api('/api/opendata/demands', { method: 'POST', json: { ...v, departmentId: v.departmentId || undefined } }), t('odcom.demand.created'))) onClose();
  };
  return (
    <Drawer
      open
      onClose={onClose}
      width={compact ? '100%' : 560}
      title={t('odcom.demand.new')}
      extra={
        <Button type="primary" onClick={save}>
          {t('odcom.submit')}
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={f('title')} rules={req('title')}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={f('description')} rules={req('description')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="dataWanted" label={f('dataWanted')} rules={req('dataWanted')}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="purpose" label={f('purpose')} rules={req('purpose')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        {!!depts.data?.items.length && (
          <Form.Item name="departmentId" label={f('department')}>
            <Select allowClear showSearch optionFilterProp="label" options={depts.data.items.map((d) => ({ value: d.id, label: en && d.nameEn ? d.nameEn : d.name }))} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

function DemandPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  useTitle('odcom.demand.title');
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const q = useQuery({ queryKey: ['odcom-demand', id, me?.accountId ?? ''], queryFn: () => api<DemandView>(`/api/opendata/demands/${encodeURIComponent(id)}`) });
  const d = q.data;
  const f = (k: string) => t(`odcom.demand.fields.${k}`);
  if (q.isError) return <Empty description={t('odcom.empty')} />;
  if (!d) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {d.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StateTags d={d} />
        <VoteButton d={d} />
      </Space>
      <Descriptions bordered size="small" column={1} style={{ overflowWrap: 'anywhere' }}>
        <Descriptions.Item label={f('description')}>{d.description}</Descriptions.Item>
        <Descriptions.Item label={f('dataWanted')}>{d.dataWanted}</Descriptions.Item>
        <Descriptions.Item label={f('purpose')}>{d.purpose}</Descriptions.Item>
        {d.departmentName && <Descriptions.Item label={f('department')}>{en && d.departmentNameEn ? d.departmentNameEn : d.departmentName}</Descriptions.Item>}
        <Descriptions.Item label={f('submittedBy')}>{d.authorName}</Descriptions.Item>
        <Descriptions.Item label={f('createdAt')}>{fmtDate(d.createdAt, en)}</Descriptions.Item>
        <Descriptions.Item label={f('dueAt')}>{fmtDate(d.dueAt, en)}</Descriptions.Item>
        <Descriptions.Item label={f('votes')}>{d.votes}</Descriptions.Item>
        {d.state !== 'submitted' && (
          <Descriptions.Item label={f('answer')}>
            <DemandAnswer d={d} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Link to="/opendata/demands" style={{ display: 'inline-block', marginTop: 12 }}>
        {t('odcom.back')}
      </Link>
    </>
  );
}

/* ------------------------------------------------------------------ 应用展示 */

function Apps() {
  const { t, i18n } = useTranslation();
  useTitle('odcom.app.title');
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const [adding, setAdding] = useState(false);
  const params = { limit: 24 };
  const { list, rows } = usePages<AppView>(['odcom-apps', params], '/api/opendata/apps', params);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odcom.app.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odcom.app.intro')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        {me ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('odcom.app.new')}
          </Button>
        ) : (
          <a href={signInUrl('/opendata/apps')}>{t('odcom.signIn')}</a>
        )}
      </div>
      {!list.isLoading && rows.length === 0 && <Empty description={t('odcom.empty')} />}
      <Row gutter={[16, 16]}>
        {rows.map((a) => (
          <Col key={a.id} xs={24} md={12} lg={8}>
            <Card size="small" title={<Link to={`/opendata/apps/${a.id}`}>{a.name}</Link>} extra={<Tag color="blue">{t(`odcom.app.kinds.${a.kind}`)}</Tag>} data-testid="odcom-app">
              <Typography.Paragraph ellipsis={{ rows: 3 }}>{a.description}</Typography.Paragraph>
              <Typography.Text type="secondary">{a.developer}</Typography.Text>
              <div style={{ overflowWrap: 'anywhere' }}>
                {t('odcom.app.fields.datasets')}：
                <Space size={4} wrap split="、">
                  {a.datasets.map((d) => datasetLink(d, en))}
                </Space>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()}>
          {t('odcom.more')}
        </Button>
      )}
      {adding && <AppForm onClose={() => setAdding(false)} />}
    </>
  );
}

function AppForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const compact = useCompact();
  const act = useAction('odcom-');
  const [form] = Form.useForm();
  const f = (k: string) => t(`odcom.app.fields.${k}`);
  const req = (k: string) => [{ required: true, whitespace: true, message: t('odcom.required', { what: f(k) }) }];
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => api('/api/opendata/apps', { method: 'POST', json: v }), t('odcom.app.created'))) onClose();
  };
  return (
    <Drawer
      open
      onClose={onClose}
      width={compact ? '100%' : 560}
      title={t('odcom.app.new')}
      extra={
        <Button type="primary" onClick={save}>
          {t('odcom.submit')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'web', datasets: [] }}>
        <Form.Item name="name" label={f('name')} rules={req('name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
          <Select options={APP_KINDS.map((k) => ({ value: k, label: t(`odcom.app.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="url" label={f('url')} rules={[...req('url'), { type: 'url', message: t('odcom.required', { what: f('url') }) }]}>
          <Input maxLength={500} inputMode="url" placeholder="https://" />
        </Form.Item>
        <Form.Item name="developer" label={f('developer')} rules={req('developer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={f('description')} rules={req('description')}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="datasets" label={f('datasets')} rules={[{ required: true, type: 'array', min: 1, message: t('odcom.required', { what: f('datasets') }) }]}>
          <DatasetPicker />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function AppPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  useTitle('odcom.app.title');
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const q = useQuery({ queryKey: ['odcom-app', id, me?.accountId ?? ''], queryFn: () => api<AppView>(`/api/opendata/apps/${encodeURIComponent(id)}`) });
  const a = q.data;
  const f = (k: string) => t(`odcom.app.fields.${k}`);
  if (q.isError) return <Empty description={t('odcom.empty')} />;
  if (!a) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {a.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{t(`odcom.app.kinds.${a.kind}`)}</Tag>
        {a.state !== 'published' && <Tag>{t(`odcom.app.states.${a.state}`)}</Tag>}
      </Space>
      <Descriptions bordered size="small" column={1} style={{ overflowWrap: 'anywhere' }}>
        <Descriptions.Item label={f('description')}>{a.description}</Descriptions.Item>
        <Descriptions.Item label={f('developer')}>{a.developer}</Descriptions.Item>
        <Descriptions.Item label={f('url')}>
          <a href={a.url} target="_blank" rel="noopener noreferrer nofollow">
            {a.url}
          </a>
        </Descriptions.Item>
        <Descriptions.Item label={f('datasets')}>
          <Space size={4} wrap split="、">
            {a.datasets.map((d) => datasetLink(d, en))}
          </Space>
        </Descriptions.Item>
        {a.reason && <Descriptions.Item label={t('odcom.admin.rejectReason')}>{a.reason}</Descriptions.Item>}
      </Descriptions>
      <Link to="/opendata/apps" style={{ display: 'inline-block', marginTop: 12 }}>
        {t('odcom.back')}
      </Link>
    </>
  );
}

/* ------------------------------------------------------------------ 授权运营 products */

function Products() {
  const { t, i18n } = useTranslation();
  useTitle('odcom.product.title');
  const en = i18n.language === 'en';
  const params = { limit: 20 };
  const { list, rows } = usePages<ProductView>(['odcom-products', params], '/api/opendata/products', params);
  const f = (k: string) => t(`odcom.product.fields.${k}`);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odcom.product.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odcom.product.intro')}</Typography.Paragraph>
      <List
        aria-label={t('odcom.product.title')}
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(p) => (
          <List.Item data-testid="odcom-product">
            <List.Item.Meta
              title={<Link to={`/opendata/products/${p.id}`}>{p.name}</Link>}
              description={
                <div style={{ overflowWrap: 'anywhere' }}>
                  <div>
                    {f('operator')}：{p.operator} · {f('implementer')}：{p.implementer}
                  </div>
                  <div>
                    {f('datasets')}：
                    <Space size={4} wrap split="、">
                      {p.datasets.map((d) => datasetLink(d, en))}
                    </Space>
                  </div>
                  <div>
                    {f('period')}：{p.validFrom} – {p.validTo}
                  </div>
                </div>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
    </>
  );
}

export function ProductDetails({ p }: { p: ProductView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const compact = useCompact();
  const f = (k: string) => t(`odcom.product.fields.${k}`);
  return (
    <Descriptions bordered size="small" column={1} layout={compact ? 'vertical' : 'horizontal'} style={{ overflowWrap: 'anywhere' }}>
      <Descriptions.Item label={f('description')}>{p.description}</Descriptions.Item>
      <Descriptions.Item label={f('implementer')}>{p.implementer}</Descriptions.Item>
      <Descriptions.Item label={f('operator')}>{p.operator}</Descriptions.Item>
      <Descriptions.Item label={f('datasets')}>
        <Space size={4} wrap split="、">
          {p.datasets.map((d) => datasetLink(d, en))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f('services')}>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={p.services}
          columns={[
            { title: f('serviceName'), dataIndex: 'name' },
            { title: f('serviceDescription'), dataIndex: 'description' },
          ]}
        />
      </Descriptions.Item>
      <Descriptions.Item label={f('pricing')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.pricing}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f('period')}>
        {p.validFrom} – {p.validTo}
      </Descriptions.Item>
      <Descriptions.Item label={f('terms')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.terms}</span>
      </Descriptions.Item>
      {p.url && (
        <Descriptions.Item label={f('url')}>
          <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
            {p.url}
          </a>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function ProductPage({ id }: { id: string }) {
  const { t } = useTranslation();
  useTitle('odcom.product.title');
  const q = useQuery({ queryKey: ['odcom-product', id], queryFn: () => api<ProductView>(`/api/opendata/products/${encodeURIComponent(id)}`) });
  const p = q.data;
  if (q.isError) return <Empty description={t('odcom.empty')} />;
  if (!p) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {p.name}
      </Typography.Title>
      {p.state === 'withdrawn' && <Tag style={{ marginBottom: 12 }}>{t('odcom.product.states.withdrawn')}</Tag>}
      <ProductDetails p={p} />
      <Link to="/opendata/products" style={{ display: 'inline-block', marginTop: 12 }}>
        {t('odcom.back')}
      </Link>
    </>
  );
}
