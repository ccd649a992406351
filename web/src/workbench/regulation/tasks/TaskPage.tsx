import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { useTitle } from '../../../shell/useTitle';
import { ResultForm } from './ResultForm';
import { CONCLUSIONS, chinaDay, isProblem, PENALTY_KINDS, WITH_AMOUNT, type TaskDetail } from './types';

/** One task: what to inspect and where, who with, and — once recorded — the result, objection and penalties. */
export function TaskPage({ id }: { id: string }) {
  const { t } = useTranslation();
  useTitle('regtask.title');
  const { data: me } = useMe();
  const task = useQuery({ queryKey: ['regtask-one', id], queryFn: () => api<TaskDetail>(`/api/regulation/tasks/${id}`) });
  const x = task.data;
  if (task.error) return <Alert type="error" showIcon message={String((task.error as Error).message)} />;
  if (!x) return null;
  const manage = can(me, 'regulation.manage');
  const plans = manage || can(me, 'regulation.plan');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workbench/regulation/tasks">← {t('regtask.back')}</Link>
      <Card title={<h2 style={{ margin: 0, fontSize: 18, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{x.objectName}</h2>}>
        <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
          <Tag>{t(`regtask.kinds.${x.kind}`)}</Tag>
          <Tag color={x.state === 'done' ? 'green' : 'blue'}>{t(`regtask.states.${x.state}`)}</Tag>
          {x.overdue && <Tag color="red">{t('regtask.overdue')}</Tag>}
        </Space>
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' }, content: { overflowWrap: 'anywhere' } }}>
          <Descriptions.Item label={t('regtask.number')}>{x.number}</Descriptions.Item>
          <Descriptions.Item label={t('regtask.creditCode')}>{x.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('regtask.items')}>{x.items.map((i) => i.name).join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regtask.departments')}>{x.departments.map((d) => d.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('regtask.inspectors')}>{x.inspectors.map((i) => i.name ?? i.id).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regtask.dueOn')}>{x.dueOn}</Descriptions.Item>
          {x.recordBy && <Descriptions.Item label={t('regtask.recordBy')}>{chinaDay(x.recordBy)}</Descriptions.Item>}
          {x.source?.label && <Descriptions.Item label={t('regtask.source')}>{x.source.label}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {x.canRecord && <ResultForm task={x} />}
      {x.state === 'done' && <ResultCard task={x} />}
      {x.objection && <ObjectionCard task={x} canAnswer={manage} />}
      {(x.penalties.length > 0 || (plans && x.conclusion === 'case_filed')) && <PenaltiesCard task={x} canAdd={plans && x.conclusion === 'case_filed'} />}
    </Space>
  );
}

function ResultCard({ task: x }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('regtask.result')}</h2>} data-testid="regtask-result">
      <Descriptions column={1} size="small" styles={{ content: { overflowWrap: 'anywhere' } }}>
        <Descriptions.Item label={t('regtask.inspectedOn')}>{x.inspectedOn}</Descriptions.Item>
        <Descriptions.Item label={t('regtask.conclusion')}>
          {t(`regtask.conclusions.${x.conclusion}`)} {isProblem(x.conclusion) && <Tag color="orange">{t('regtask.problemTag')}</Tag>}
        </Descriptions.Item>
        {x.correction && (
          <Descriptions.Item label={t('regtask.objection')}>
            {t('regtask.correction', { was: t(`regtask.conclusions.${x.correction.previousConclusion}`), at: chinaDay(x.correction.at) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('regtask.findings')}>{x.findings ?? '—'}</Descriptions.Item>
        {x.publishedAt && <Descriptions.Item label={t('regtask.publishedAt')}>{chinaDay(x.publishedAt)}</Descriptions.Item>}
      </Descriptions>
      {x.photos.length > 0 && (
        <div role="group" aria-label={t('regtask.photos')} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {x.photos.map((p, i) => (
            <a key={p.id} href={`/api/files/${p.id}`}>
              {t('regtask.photoAlt', { n: i + 1 })}
            </a>
          ))}
        </div>
      )}
    </Card>
  );
}

function ObjectionCard({ task: x, canAnswer }: { task: TaskDetail; canAnswer: boolean }) {
  const { t } = useTranslation();
  const act = useAction('regtask');
  const [form] = Form.useForm();
  const o = x.objection!;
  const decision = Form.useWatch('decision', form);
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('regtask.objection')}</h2>}>
      <Descriptions column={1} size="small" styles={{ content: { overflowWrap: 'anywhere' } }}>
        <Descriptions.Item label={t('regtask.state')}>{t(`regtask.objectionStates.${o.state}`)}</Descriptions.Item>
        <Descriptions.Item label={t('regtask.objectionReason')}>{o.reason}</Descriptions.Item>
        {o.answer && <Descriptions.Item label={t('regtask.answerText')}>{o.answer}</Descriptions.Item>}
      </Descriptions>
      {canAnswer && o.state === 'pending' && (
        <Form
          form={form}
          layout="vertical"
          name="regtask-answer"
          initialValues={{ decision: 'upheld' }}
          onFinish={(v) => act(() => api(`/api/regulation/tasks/${x.id}/objection/answer`, { method: 'POST', json: v }), t('regtask.answered'))}
        >
          <Form.Item name="decision" label={t('regtask.answer')}>
            <Radio.Group
              options={[
                { value: 'upheld', label: t('regtask.uphold') },
                { value: 'corrected', label: t('regtask.correct') },
              ]}
            />
          </Form.Item>
          {decision === 'corrected' && (
            <Form.Item name="conclusion" label={t('regtask.correctedConclusion')} rules={[{ required: true }]}>
              <Select options={CONCLUSIONS.filter((c) => c.code !== x.conclusion).map((c) => ({ value: c.code, label: t(`regtask.conclusions.${c.code}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="answer" label={t('regtask.answerText')} rules={[{ required: true, min: 2, max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('regtask.answer')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function PenaltiesCard({ task: x, canAdd }: { task: TaskDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  const act = useAction('regtask');
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('regtask.penalties')}</h2>}>
      {x.penalties.map((p) => (
        <div key={p.id} style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
          <Typography.Text strong>{p.decisionNo}</Typography.Text> · {t(`regtask.penaltyKinds.${p.kind}`)}
          {p.amountYuan != null ? ` · ¥${p.amountYuan.toLocaleString()}` : ''} · {p.decidedOn}
        </div>
      ))}
      {canAdd && (
        <Form
          form={form}
          layout="vertical"
          name="regtask-penalty"
          onFinish={async (v) => {
            const ok = await act(
              () => api(`/api/regulation/tasks/${x.id}/penalties`, { method: 'POST', json: { ...v, amountYuan: WITH_AMOUNT.includes(v.kind) ? v.amountYuan : undefined } }),
              t('regtask.penaltyRecorded'),
            );
            if (ok) form.resetFields();
          }}
        >
          <Form.Item name="decisionNo" label={t('regtask.decisionNo')} rules={[{ required: true, min: 3, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="kind" label={t('regtask.penaltyKind')} rules={[{ required: true }]}>
            <Select options={PENALTY_KINDS.map((k) => ({ value: k, label: t(`regtask.penaltyKinds.${k}`) }))} />
          </Form.Item>
          {WITH_AMOUNT.includes(kind) && (
            <Form.Item name="amountYuan" label={t('regtask.amountYuan')} rules={[{ required: true }]}>
              <InputNumber min={0.01} max={1e10} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="decidedOn" label={t('regtask.decidedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('regtask.penaltyAdd')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
