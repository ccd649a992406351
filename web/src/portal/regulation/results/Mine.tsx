import { Alert, Button, Card, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { useTitle } from '../../../shell/useTitle';
import { chinaDay, isProblem, type Objection, type Penalty } from '../../../workbench/regulation/tasks/types';

interface MineItem {
  id: string;
  number: string;
  kind: string;
  objectName: string;
  items: string[];
  departments: string[];
  inspectedOn: string;
  conclusion: string;
  findings: string | null;
  publishedAt: string;
  correction: { previousConclusion: string; at: string } | null;
  objection: Objection | null;
  objectBy: string;
  canObject: boolean;
}

/** The enterprise's own results (signed in, acting for it): the findings too, and 异议 within the time allowed. */
export function Mine() {
  const { t } = useTranslation();
  useTitle('regtask.ent.title');
  const { data: me, isLoading } = useMe();
  const acting = !!me?.actingFor;
  const mine = useQuery({
    queryKey: ['regtask-mine'],
    queryFn: () => api<{ creditCode: string; name: string; items: MineItem[]; penalties: Penalty[] }>('/api/regulation/mine/results'),
    enabled: acting,
  });
  if (isLoading) return null;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('regtask.ent.title')}
      </Typography.Title>
      {!acting && <Alert type="info" showIcon message={t('regtask.ent.notActing')} action={!me ? <Button href={signInUrl('/supervision/mine')}>{t('regtask.ent.signIn')}</Button> : undefined} />}
      {mine.data && (
        <>
          <Typography.Paragraph>
            {mine.data.name} · {mine.data.creditCode}
          </Typography.Paragraph>
          {mine.data.items.length === 0 && <Empty description={t('regtask.ent.empty')} />}
          <Space direction="vertical" style={{ width: '100%' }}>
            {mine.data.items.map((r) => (
              <ResultCard key={r.id} r={r} />
            ))}
          </Space>
        </>
      )}
    </>
  );
}

function ResultCard({ r }: { r: MineItem }) {
  const { t } = useTranslation();
  const act = useAction('regtask-mine');
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" data-testid="regtask-mine-result">
      <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
        {r.items.join('；')}
      </Typography.Text>
      <div>
        {t('regtask.departments')}：{r.departments.join('、')}
      </div>
      <div>
        {t('regtask.inspectedOn')}：{r.inspectedOn}
      </div>
      <div>
        {t('regtask.conclusion')}：<Typography.Text strong>{t(`regtask.conclusions.${r.conclusion}`)}</Typography.Text> {isProblem(r.conclusion) && <Tag color="orange">{t('regtask.problemTag')}</Tag>}
      </div>
      {r.correction && <div role="note">{t('regtask.correction', { was: t(`regtask.conclusions.${r.correction.previousConclusion}`), at: chinaDay(r.correction.at) })}</div>}
      {r.findings && (
        <div style={{ overflowWrap: 'anywhere' }}>
          {t('regtask.findings')}：{r.findings}
        </div>
      )}
      {r.objection && (
        <Alert
          style={{ marginTop: 8 }}
          type={r.objection.state === 'pending' ? 'info' : 'success'}
          message={`${t('regtask.objection')}：${t(`regtask.objectionStates.${r.objection.state}`)}`}
          description={
            <>
              <div>{r.objection.reason}</div>
              {r.objection.answer && (
                <div>
                  {t('regtask.ent.answer')}：{r.objection.answer}
                </div>
              )}
            </>
          }
        />
      )}
      {r.canObject && !open && (
        <div style={{ marginTop: 8 }}>
          <Button size="large" onClick={() => setOpen(true)}>
            {t('regtask.ent.object')}
          </Button>{' '}
          <span style={{ color: '#595959' }}>
            {t('regtask.ent.objectBy')} {chinaDay(r.objectBy)}
          </span>
        </div>
      )}
      {open && (
        <Form
          layout="vertical"
          name={`regtask-object-${r.id}`}
          style={{ marginTop: 8 }}
          onFinish={async (v) => {
            if (await act(() => api(`/api/regulation/mine/results/${r.id}/objection`, { method: 'POST', json: { reason: v.reason } }), t('regtask.ent.objected'))) setOpen(false);
          }}
        >
          <Form.Item name="reason" label={t('regtask.objectionReason')} rules={[{ required: true, min: 5, max: 1000 }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" size="large">
              {t('regtask.ent.submit')}
            </Button>
            <Button size="large" onClick={() => setOpen(false)}>
              {t('regtask.ent.cancel')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
