import { Button, Card, Col, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api';
import { useMe } from '../../../shell/session';
import { useTitle } from '../../../shell/useTitle';
import { AskForm } from './AskForm';
import { fmtDate } from './DocumentQuestions';
import type { MyQuestion, Page, QaHit, QuestionState } from './types';

const STATE_COLOURS: Record<QuestionState, string | undefined> = { submitted: 'blue', answered: 'geekblue', published: 'purple', rejected: 'red', unpublished: undefined };

/** 政民互动 (/openness/qa): search the public Q&A (one knowledge base with 12345), ask in the 咨询 column, and follow one's own questions. */
export function QaPage(props: { sub: string }) {
  void props;
  const { t, i18n } = useTranslation();
  useTitle('gkqa.title');
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const hits = useQuery({ queryKey: ['gkqa-search', q], queryFn: () => api<{ items: QaHit[] }>(`/api/openness/qa?limit=20&q=${encodeURIComponent(q)}`) });
  return (
    <div className="yw-section">
      <Typography.Title level={1}>{t('gkqa.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('gkqa.intro')}</Typography.Paragraph>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(text.trim() ? { q: text.trim() } : {});
        }}
      >
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input aria-label={t('gkqa.search.label')} placeholder={t('gkqa.search.placeholder')} value={text} onChange={(e) => setText(e.target.value)} maxLength={100} allowClear />
          <Button type="primary" htmlType="submit">
            {t('gkqa.search.button')}
          </Button>
        </Space.Compact>
      </form>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={15}>
          <section aria-labelledby="gkqa-results">
            <Typography.Title level={2} id="gkqa-results" style={{ fontSize: 20 }}>
              {q ? t('gkqa.search.results') : t('gkqa.search.latest')}
            </Typography.Title>
            <List
              loading={hits.isLoading}
              dataSource={hits.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('gkqa.search.empty')} /> }}
              renderItem={(h) => (
                <List.Item data-testid="gkqa-hit">
                  <div style={{ width: '100%', overflowWrap: 'anywhere' }}>
                    <Space wrap>
                      <Typography.Text strong>{h.title}</Typography.Text>
                      <Tag color={h.source === 'question' ? 'purple' : 'blue'}>{h.source === 'question' ? t('gkqa.search.fromQuestion') : t('gkqa.search.fromHotline')}</Tag>
                    </Space>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{h.body}</Typography.Paragraph>
                    <Space wrap size="small">
                      {h.documentId && <Link to={`/openness/documents/${h.documentId}`}>{t('gkqa.search.onDocument', { title: h.documentTitle ?? '' })}</Link>}
                      {h.departmentName && <Typography.Text type="secondary">{h.departmentName}</Typography.Text>}
                      <Typography.Text type="secondary">{t('gkqa.search.updated', { date: fmtDate(h.updatedAt, en) })}</Typography.Text>
                    </Space>
                  </div>
                </List.Item>
              )}
            />
          </section>
        </Col>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            title={
              <span role="heading" aria-level={2}>
                {t('gkqa.ask.heading')}
              </span>
            }
          >
            <AskForm idPrefix="gkqa-column" />
          </Card>
          {me && <MyQuestions />}
        </Col>
      </Row>
    </div>
  );
}

function MyQuestions() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const list = useInfiniteQuery({
    queryKey: ['gkqa-mine'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<Page<MyQuestion>>(`/api/openness/questions/mine?limit=10${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      size="small"
      title={
        <span role="heading" aria-level={2}>
          {t('gkqa.mine.heading')}
        </span>
      }
      style={{ marginTop: 16 }}
    >
      <List
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('gkqa.mine.empty')} /> }}
        renderItem={(m) => (
          <List.Item data-testid="gkqa-mine">
            <div style={{ width: '100%', overflowWrap: 'anywhere' }}>
              <Space wrap>
                <Typography.Text strong>{m.title}</Typography.Text>
                <Tag color={STATE_COLOURS[m.state]}>{t(`gkqa.states.${m.state}`)}</Tag>
              </Space>
              <br />
              <Typography.Text type="secondary">
                {t('gkqa.mine.number', { number: m.number })} · {(en && m.departmentNameEn) || m.departmentName} · {fmtDate(m.createdAt, en)}
              </Typography.Text>
              {m.answer && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}>
                  <Typography.Text strong>{t('gkqa.mine.answer')}：</Typography.Text>
                  {m.answer}
                </Typography.Paragraph>
              )}
              {m.reason && (
                <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0 }}>
                  <Typography.Text strong>{t('gkqa.mine.reason')}：</Typography.Text>
                  {m.reason}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('gkqa.more')}</Button>}
    </Card>
  );
}
