import { Alert, Button, Card, Col, Form, Input, Row, Select, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { useTitle } from '../../../shell/useTitle';
import type { Page, Term, TermChange } from './types';

const CATEGORIES = ['classification', 'bureau', 'other'] as const;

/** 敏感词库 (openness.manage): add a term, switch one off or on; every change is kept. */
export function LexiconEditor() {
  const { t, i18n } = useTranslation();
  useTitle('gkrev.lex.title');
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const [form] = Form.useForm<{ term: string; category: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const terms = useQuery({ queryKey: ['gkrev-lexicon'], queryFn: () => api<Page<Term>>('/api/openness/lexicon?limit=200'), retry: false });
  const changes = useQuery({ queryKey: ['gkrev-lexicon-changes'], queryFn: () => api<Page<TermChange>>('/api/openness/lexicon/changes?limit=50'), retry: false });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['gkrev-lexicon'] });
    void qc.invalidateQueries({ queryKey: ['gkrev-lexicon-changes'] });
  };
  const add = useMutation({
    mutationFn: (v: { term: string; category: string; note?: string }) =>
      api<Term>('/api/openness/lexicon', { method: 'POST', json: { term: v.term, category: v.category, ...(v.note ? { note: v.note } : {}) } }),
    onSuccess: () => {
      form.resetFields();
      setError(null);
      refresh();
    },
    onError: (e) => setError(errorText(e, i18n.language)),
  });
  const toggle = useMutation({
    mutationFn: (v: Term) => api<Term>(`/api/openness/lexicon/${v.id}`, { method: 'PUT', json: { expectedVersion: v.version, active: !v.active } }),
    onSuccess: refresh,
    onError: (e) => setError(errorText(e, i18n.language)),
  });
  return (
    <>
      <Link to="/workbench/openness/drafts">{t('gkrev.back')}</Link>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('gkrev.lex.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('gkrev.lex.intro')}</Typography.Paragraph>
      {(error || terms.isError) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error ?? errorText(terms.error, i18n.language)} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ category: 'bureau' }} onFinish={(v) => add.mutate(v)}>
        <Row gutter={[12, 0]} align="bottom">
          <Col xs={24} sm={8}>
            <Form.Item name="term" label={t('gkrev.lex.term')} rules={[{ required: true, whitespace: true, message: t('gkrev.editor.required') }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="category" label={t('gkrev.lex.category')}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`gkrev.lex.categories.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="note" label={t('gkrev.lex.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={4}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending} block>
                {t('gkrev.lex.add')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        loading={terms.isLoading}
        dataSource={terms.data?.items ?? []}
        data-testid="gkrev-lexicon"
        columns={[
          { title: t('gkrev.lex.term'), dataIndex: 'term' },
          { title: t('gkrev.lex.category'), key: 'category', render: (_: unknown, x: Term) => t(`gkrev.lex.categories.${x.category}`, { defaultValue: x.category }) },
          { title: t('gkrev.lex.note'), key: 'note', render: (_: unknown, x: Term) => x.note ?? '' },
          {
            title: t('gkrev.lex.active'),
            key: 'active',
            render: (_: unknown, x: Term) => (
              <Switch
                checked={x.active}
                aria-label={`${x.term} ${t('gkrev.lex.active')}`}
                checkedChildren={t('gkrev.lex.on')}
                unCheckedChildren={t('gkrev.lex.off')}
                onChange={() => toggle.mutate(x)}
              />
            ),
          },
        ]}
      />
      <Card size="small" style={{ marginTop: 12 }} title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrev.lex.changes')}</h3>}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={changes.data?.items ?? []}
          columns={[
            { title: t('gkrev.lex.at'), key: 'at', render: (_: unknown, c: TermChange) => new Date(c.at).toLocaleString(en ? 'en' : 'zh-CN') },
            { title: t('gkrev.lex.action'), key: 'action', render: (_: unknown, c: TermChange) => t(`gkrev.lex.actions.${c.action}`, { defaultValue: c.action }) },
            { title: t('gkrev.lex.term'), dataIndex: 'term' },
            { title: t('gkrev.lex.by'), dataIndex: 'by' },
          ]}
        />
      </Card>
    </>
  );
}
