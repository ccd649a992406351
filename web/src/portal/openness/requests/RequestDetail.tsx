import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Tag, Timeline, Typography, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { LightTag, StateTag, dayOf, when, type RequestDetailData } from './shared';

export function useRefreshRequest(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['gkreq', id] });
    void qc.invalidateQueries({ queryKey: ['gkreq-list'] });
  };
}

/**
 * One request for whoever may see it: what was asked, the clock (received, started, due, paused,
 * extended), the answer, the sealed notices to download, the steps, and what the viewer may do
 * now (the applicant's correction here; the department's steps come in through `steps`).
 */
export function RequestDetail({ id, backTo, heading = 2, steps }: { id: string; backTo: string; heading?: 1 | 2; steps?: (r: RequestDetailData) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['gkreq', id], queryFn: () => api<RequestDetailData>(`/api/openness/requests/${encodeURIComponent(id)}`) });
  const r = q.data;
  if (q.isError) return <Alert type="error" showIcon message={errorText(q.error, i18n.language)} action={<Link to={backTo}>{t('gkreq.detail.back')}</Link>} />;
  if (!r) return null;
  const paused = r.state === 'correcting' || r.state === 'consulting';
  return (
    <div style={{ maxWidth: 960, overflowWrap: 'anywhere' }}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={heading} style={{ fontSize: 20, margin: 0 }}>
          {t('gkreq.detail.number')} {r.number}
        </Typography.Title>
        <StateTag state={r.state} />
        <LightTag light={r.light} />
        {r.supervised && <Tag color="red">{t('gkreq.detail.supervision')}</Tag>}
        <Link to={backTo}>{t('gkreq.detail.back')}</Link>
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('gkreq.detail.description')} span={2}>
          <span data-testid="gkreq-description">{r.description}</span>
        </Descriptions.Item>
        {r.purpose && (
          <Descriptions.Item label={t('gkreq.detail.purpose')} span={2}>
            {r.purpose}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('gkreq.detail.department')}>{r.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('gkreq.detail.applicant')}>
          {r.applicantFullName ?? r.applicantName}（{t(`gkreq.kinds.${r.applicantKind}`)}）{r.applicantCode ? ` · ${r.applicantCode}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('gkreq.detail.formDelivery')}>
          {t(`gkreq.forms.${r.form}`)} · {t(`gkreq.deliveries.${r.delivery}`)}
        </Descriptions.Item>
        {r.contact && <Descriptions.Item label={t('gkreq.detail.contact')}>{[r.contact.phone, r.contact.email, r.contact.address].filter(Boolean).join(' · ')}</Descriptions.Item>}
        <Descriptions.Item label={t('gkreq.detail.received')}>{r.receivedOn}</Descriptions.Item>
        {r.clockStartedOn !== r.receivedOn && <Descriptions.Item label={t('gkreq.detail.clockStarted')}>{r.clockStartedOn}</Descriptions.Item>}
        <Descriptions.Item label={t('gkreq.detail.due')}>
          <span data-testid="gkreq-due">{paused ? t('gkreq.detail.paused') : r.state === 'processing' ? dayOf(r.dueAt) : '—'}</span>
          {r.overdue && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('gkreq.list.overdue')}
            </Tag>
          )}
        </Descriptions.Item>
        {r.state === 'correcting' && (
          <>
            <Descriptions.Item label={t('gkreq.detail.correctionDue')}>{dayOf(r.correctionDueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('gkreq.detail.correctionRequest')} span={2}>
              {r.correctionRequest}
            </Descriptions.Item>
          </>
        )}
        {r.consultDays > 0 && <Descriptions.Item label={t('gkreq.detail.consultDays')}>{r.consultDays}</Descriptions.Item>}
        {r.extensionDays != null && (
          <Descriptions.Item label={t('gkreq.detail.extension')}>
            {t(`gkreq.actions.${r.extensionState === 'approved' ? 'approve_extension' : r.extensionState === 'refused' ? 'refuse_extension' : 'ask_extension'}`)} ·{' '}
            {t('gkreq.detail.extensionLine', { days: r.extensionDays, reason: r.extensionReason ?? '' })}
          </Descriptions.Item>
        )}
        {r.answerType && (
          <Descriptions.Item label={t('gkreq.detail.answer')} span={2}>
            <span data-testid="gkreq-answer">
              {t(`gkreq.answerTypes.${r.answerType}`)}
              {r.answerReason ? ` · ${t(`gkreq.reasons.${r.answerReason}`, { defaultValue: r.answerReason })}` : ''}
            </span>
            {r.answerText && <div>{r.answerText}</div>}
            {r.rightBody && (
              <div>
                {t('gkreq.detail.rightBody')}：{r.rightBody}
              </div>
            )}
            {r.libraryDocument && (
              <div>
                {t('gkreq.detail.libraryDocument')}：<Link to={`/openness/documents/${r.libraryDocument.id}`}>{r.libraryDocument.title}</Link>
                {r.libraryDocument.number ? `（${r.libraryDocument.number}）` : ''}
              </div>
            )}
            {r.answerFiles.length > 0 && (
              <div>
                {t('gkreq.detail.files')}：
                {r.answerFiles.map((f) => (
                  <a key={f.fileId} href={`/api/openness/requests/${r.id}/files/${f.fileId}`} download style={{ marginInlineEnd: 12 }}>
                    {f.name}
                  </a>
                ))}
              </div>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>

      {r.notices.length > 0 && (
        <Card title={t('gkreq.detail.notices')} size="small" style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={r.notices}
            renderItem={(n) => (
              <List.Item
                actions={[
                  <a key="d" href={`/api/openness/requests/${r.id}/notices/${n.id}`} download data-testid={`gkreq-notice-${n.kind}`}>
                    {t('gkreq.detail.download')} {t(`gkreq.notices.${n.kind}`, { defaultValue: n.title })}
                  </a>,
                ]}
              >
                <span style={{ overflowWrap: 'anywhere' }}>
                  {t(`gkreq.notices.${n.kind}`, { defaultValue: n.title })} · {when(n.createdAt, i18n.language)} · <Typography.Text code>{n.identifier}</Typography.Text>
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}

      {r.actions.includes('correct') && <CorrectForm r={r} />}
      {steps?.(r)}

      <Card title={t('gkreq.detail.steps')} size="small" style={{ marginTop: 16 }}>
        <Timeline
          items={r.steps.map((s) => ({
            children: (
              <span>
                <strong>{t(`gkreq.actions.${s.action}`, { defaultValue: s.action })}</strong>
                {s.actorName ? ` · ${s.actorName}` : ''} · {when(s.at, i18n.language)}
                {s.opinion ? ` · ${s.opinion}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </div>
  );
}

function CorrectForm({ r }: { r: RequestDetailData }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshRequest(r.id);
  const m = useMutation({
    mutationFn: (v: { description: string }) => api(`/api/openness/requests/${r.id}/correction`, { method: 'POST', json: { description: v.description, expectedVersion: r.version } }),
    onSuccess: () => {
      void message.success(t('gkreq.steps.done'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('gkreq.steps.correct')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('gkreq.steps.correctHelp')}</Typography.Paragraph>
      <Form layout="vertical" initialValues={{ description: r.description }} onFinish={(v: { description: string }) => m.mutate(v)}>
        <Form.Item name="description" label={t('gkreq.form.description')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending}>
          {t('gkreq.steps.correct')}
        </Button>
      </Form>
    </Card>
  );
}
