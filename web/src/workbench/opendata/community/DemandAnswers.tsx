import { Button, Checkbox, Empty, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { DatasetPicker } from '../../../portal/opendata/community/DatasetPicker';
import { DemandAnswer } from '../../../portal/opendata/community/CommunityPages';
import { DEMAND_COLOURS, DEMAND_STATES, type DemandState, type DemandView } from '../../../portal/opendata/community/types';
import { useAction } from '../../../shell/useAction';
import { usePages } from '../../../shell/usePages';

/** 数据需求 to answer: unanswered first by default, with their due dates (overdue flagged), and the answer form. */
export function DemandAnswers() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [state, setState] = useState<DemandState | undefined>('submitted');
  const [overdue, setOverdue] = useState(false);
  const [answering, setAnswering] = useState<DemandView | null>(null);
  const params = { state, overdue, limit: 20 };
  const { list, rows } = usePages<DemandView>(['odcom-admin-demands', params], '/api/opendata/demands', params);
  const day = (iso: string) => new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <>
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
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('odcom.admin.overdueOnly')}
        </Checkbox>
      </Space>
      <List
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(d) => (
          <List.Item
            data-testid="odcom-admin-demand"
            actions={
              d.state === 'submitted' || d.state === 'accepted'
                ? [
                    <Button key="a" type="primary" size="small" onClick={() => setAnswering(d)}>
                      {t('odcom.admin.answer')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {d.title}
                  <Tag color={DEMAND_COLOURS[d.state]}>{t(`odcom.demand.states.${d.state}`)}</Tag>
                  {d.overdue && <Tag color="red">{t('odcom.demand.overdue')}</Tag>}
                </Space>
              }
              description={
                <div style={{ overflowWrap: 'anywhere' }}>
                  <div>
                    {d.authorName} · {day(d.createdAt)} · {t('odcom.demand.fields.dueAt')} {day(d.dueAt)} · {t('odcom.demand.fields.votes')} {d.votes}
                    {d.departmentName && ` · ${en && d.departmentNameEn ? d.departmentNameEn : d.departmentName}`}
                  </div>
                  <div>
                    {t('odcom.demand.fields.dataWanted')}：{d.dataWanted}
                  </div>
                  <div>
                    {t('odcom.demand.fields.purpose')}：{d.purpose}
                  </div>
                  <DemandAnswer d={d} />
                </div>
              }
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
      {answering && <AnswerModal d={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}

function AnswerModal({ d, onClose }: { d: DemandView; onClose(): void }) {
  const { t } = useTranslation();
  const act = useAction('odcom-');
  const [form] = Form.useForm();
  const state = Form.useWatch('state', form) as 'accepted' | 'opened' | 'declined' | undefined;
  const f = (k: string) => t(`odcom.demand.fields.${k}`);
  const req = (k: string) => [{ required: true, whitespace: true, message: t('odcom.required', { what: f(k) }) }];
  const save = async () => {
    const v = await form.validateFields();
    const json = {
      state: v.state,
      note: v.note || undefined,
      expectedVersion: d.version,
      ...(v.state === 'accepted' ? { plannedDate: v.plannedDate } : v.state === 'opened' ? { dataset: v.dataset?.[0] } : { reason: v.reason }),
    };
    if (await act(() => api(`/api/opendata/demands/${d.id}/answer`, { method: 'POST', json }), t('odcom.admin.answered'))) onClose();
  };
  return (
    <Modal open title={`${t('odcom.admin.answer')}：${d.title}`} okText={t('odcom.submit')} cancelText={t('odcom.cancel')} onOk={save} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ state: 'accepted' }}>
        <Form.Item name="state" label={t('odcom.admin.answerAs')} rules={[{ required: true }]}>
          <Radio.Group options={(['accepted', 'opened', 'declined'] as const).map((s) => ({ value: s, label: t(`odcom.demand.states.${s}`) }))} />
        </Form.Item>
        {state === 'accepted' && (
          <Form.Item name="plannedDate" label={f('plannedDate')} rules={req('plannedDate')}>
            <Input type="date" />
          </Form.Item>
        )}
        {state === 'opened' && (
          <Form.Item name="dataset" label={f('dataset')} rules={[{ required: true, type: 'array', min: 1, max: 1, message: t('odcom.required', { what: f('dataset') }) }]}>
            <DatasetPicker />
          </Form.Item>
        )}
        {state === 'declined' && (
          <Form.Item name="reason" label={f('reason')} rules={req('reason')}>
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={f('answer')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
