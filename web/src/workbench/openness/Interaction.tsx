import { Button, Descriptions, Drawer, Empty, Input, List, Segmented, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAction } from '../../shell/useAction';
import { fmtDate } from '../../portal/openness/interaction/DocumentQuestions';
import type { Page, QuestionState, StaffQuestion } from '../../portal/openness/interaction/types';

type Filter = QuestionState | 'all' | 'overdue';
const FILTERS: Filter[] = ['submitted', 'answered', 'published', 'rejected', 'unpublished', 'overdue', 'all'];
const STATE_COLOURS: Record<QuestionState, string | undefined> = { submitted: 'blue', answered: 'geekblue', published: 'purple', rejected: 'red', unpublished: undefined };

/** 政民互动 for editors: questions to answer, answers to review and publish into the shared knowledge base. */
export function InteractionPage(props: { sub: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('submitted');
  const query = filter === 'all' ? '' : filter === 'overdue' ? '&overdue=true' : `&state=${filter}`;
  const inbox = useQuery({ queryKey: ['gkqa-inbox', filter], queryFn: () => api<Page<StaffQuestion> & { total: number }>(`/api/openness/questions/inbox?limit=100${query}`) });
  const open = props.sub || null;
  return (
    <section aria-labelledby="gkqa-bench-title">
      <Typography.Title level={2} id="gkqa-bench-title">
        {t('gkqa.workbench')}
      </Typography.Title>
      <Segmented
        aria-label={t('gkqa.bench.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('gkqa.bench.all') : f === 'overdue' ? t('gkqa.bench.overdue') : t(`gkqa.states.${f}`) }))}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      <Typography.Paragraph type="secondary">{t('gkqa.bench.total', { n: inbox.data?.total ?? 0 })}</Typography.Paragraph>
      <List
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('gkqa.bench.empty')} /> }}
        renderItem={(q) => (
          <List.Item
            data-testid="gkqa-inbox-item"
            actions={[
              <Button key="open" type="link" onClick={() => navigate(`/workbench/openness/interaction/${q.id}`)}>
                {q.title}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={STATE_COLOURS[q.state]}>{t(`gkqa.states.${q.state}`)}</Tag>
                  {q.overdue && <Tag color="red">{t('gkqa.bench.overdue')}</Tag>}
                  <Typography.Text>{q.number}</Typography.Text>
                </Space>
              }
              description={`${q.documentTitle ? `${t('gkqa.bench.document')}：${q.documentTitle}` : t('gkqa.bench.column')} · ${(en && q.departmentNameEn) || q.departmentName} · ${t('gkqa.bench.due', { date: fmtDate(q.dueAt, en) })}`}
            />
          </List.Item>
        )}
      />
      <Drawer open={!!open} onClose={() => navigate('/workbench/openness/interaction')} width={Math.min(640, window.innerWidth)} title={t('gkqa.workbench')} destroyOnHidden>
        {open && <QuestionDetail id={open} />}
      </Drawer>
    </section>
  );
}

function QuestionDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const act = useAction('gkqa-');
  const q = useQuery({ queryKey: ['gkqa-question', id], queryFn: () => api<StaffQuestion>(`/api/openness/questions/${id}`) });
  const [answer, setAnswer] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (!q.data) return null;
  const d = q.data;
  const post = (path: string, json: unknown, done: string) => act(() => api(`/api/openness/questions/${id}/${path}`, { method: 'POST', json }), done);
  const review = (decision: 'publish' | 'reject' | 'return', done: string) => post('review', { decision, ...(decision === 'publish' ? {} : { reason }), expectedVersion: d.version }, done);
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={STATE_COLOURS[d.state]}>{t(`gkqa.states.${d.state}`)}</Tag>
        {d.overdue && <Tag color="red">{t('gkqa.bench.overdue')}</Tag>}
      </Space>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {d.title}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('gkqa.bench.asker')}>{d.askerLabel}</Descriptions.Item>
        <Descriptions.Item label={t('gkqa.ask.department')}>{(en && d.departmentNameEn) || d.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('gkqa.bench.document')}>{d.documentTitle ?? t('gkqa.bench.column')}</Descriptions.Item>
        <Descriptions.Item label={t('gkqa.bench.due', { date: '' })}>{fmtDate(d.dueAt, en)}</Descriptions.Item>
        {d.answer && <Descriptions.Item label={t('gkqa.bench.answer')}>{d.answer}</Descriptions.Item>}
        {d.reason && <Descriptions.Item label={t('gkqa.bench.reason')}>{d.reason}</Descriptions.Item>}
        {d.answeredByName && <Descriptions.Item label={t('gkqa.bench.answeredBy', { name: '' })}>{d.answeredByName}</Descriptions.Item>}
        {d.reviewedByName && <Descriptions.Item label={t('gkqa.bench.reviewedBy', { name: '' })}>{d.reviewedByName}</Descriptions.Item>}
      </Descriptions>
      {d.canAnswer && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Input.TextArea
            aria-label={t('gkqa.bench.answer')}
            placeholder={t('gkqa.bench.answerPlaceholder')}
            value={answer ?? d.answer ?? ''}
            onChange={(e) => setAnswer(e.target.value)}
            maxLength={3000}
            showCount
            autoSize={{ minRows: 4, maxRows: 12 }}
          />
          <Button
            type="primary"
            disabled={!(answer ?? d.answer ?? '').trim()}
            onClick={async () => (await post('answer', { answer: answer ?? d.answer, expectedVersion: d.version }, t('gkqa.bench.answered'))) && setAnswer(null)}
          >
            {t('gkqa.bench.saveAnswer')}
          </Button>
        </Space>
      )}
      {d.canReview && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Input.TextArea
            aria-label={t('gkqa.bench.reason')}
            placeholder={t('gkqa.bench.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2 }}
          />
          <Space wrap>
            {(d.state === 'answered' || d.state === 'unpublished') && (
              <Button type="primary" onClick={() => review('publish', t('gkqa.bench.published'))}>
                {t('gkqa.bench.publish')}
              </Button>
            )}
            {d.state === 'answered' && (
              <Button disabled={!reason.trim()} onClick={() => review('return', t('gkqa.bench.returned'))}>
                {t('gkqa.bench.return')}
              </Button>
            )}
            {(d.state === 'submitted' || d.state === 'answered') && (
              <Button danger disabled={!reason.trim()} onClick={() => review('reject', t('gkqa.bench.rejected'))}>
                {t('gkqa.bench.reject')}
              </Button>
            )}
            {d.state === 'published' && (
              <Button danger disabled={!reason.trim()} onClick={() => post('unpublish', { reason, expectedVersion: d.version }, t('gkqa.bench.unpublished'))}>
                {t('gkqa.bench.unpublish')}
              </Button>
            )}
          </Space>
        </Space>
      )}
      {!!d.history?.length && (
        <>
          <Typography.Title level={4} style={{ fontSize: 16, marginTop: 16 }}>
            {t('gkqa.bench.history')}
          </Typography.Title>
          <Timeline
            items={d.history.map((h) => ({
              children: (
                <>
                  <Typography.Text strong>{t(`gkqa.bench.actions.${h.action}`, { defaultValue: h.action })}</Typography.Text> · {h.actorName} ·{' '}
                  {new Date(h.at).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' })}
                  {h.opinion && <div style={{ whiteSpace: 'pre-wrap' }}>{h.opinion}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}
