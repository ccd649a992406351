import { Button, Card, Empty, List, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { AskForm } from './AskForm';
import type { Page, PublicQuestion } from './types';

export const fmtDate = (iso: string | null | undefined, en: boolean) => (iso ? new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

/** One published Q&A: the question (numbers masked) and the department's answer. */
export function QaItem({ q }: { q: PublicQuestion }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <List.Item data-testid="gkqa-item">
      <div style={{ width: '100%', overflowWrap: 'anywhere' }}>
        <Typography.Text strong>
          {t('gkqa.doc.question')}：{q.title}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{q.body}</Typography.Paragraph>
        <div style={{ borderLeft: '3px solid #1f5fbf', paddingLeft: 8 }}>
          <Typography.Text strong>{t('gkqa.doc.answer')}：</Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{q.answer}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('gkqa.doc.by', { department: (en && q.departmentNameEn) || q.departmentName || '', date: fmtDate(q.publishedAt, en) })}</Typography.Text>
        </div>
      </div>
    </List.Item>
  );
}

/** 政民互动 on a document page: the published questions and answers on this policy, and a form to ask one. */
export function DocumentQuestions(props: { documentId: string }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['gkqa-doc', props.documentId],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<Page<PublicQuestion>>(`/api/openness/questions?document=${encodeURIComponent(props.documentId)}&limit=10${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="gkqa-doc-heading" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="gkqa-doc-heading" style={{ fontSize: 20 }}>
        {t('gkqa.doc.heading')}
      </Typography.Title>
      <List loading={list.isLoading} dataSource={rows} locale={{ emptyText: <Empty description={t('gkqa.doc.empty')} /> }} renderItem={(q) => <QaItem q={q} />} />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('gkqa.more')}</Button>}
      <Card
        size="small"
        title={
          <span role="heading" aria-level={3}>
            {t('gkqa.ask.headingDocument')}
          </span>
        }
        style={{ marginTop: 12 }}
      >
        <AskForm documentId={props.documentId} idPrefix="gkqa-doc" />
      </Card>
    </section>
  );
}
