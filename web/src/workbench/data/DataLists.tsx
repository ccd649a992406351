import { Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Answer } from '../../api/client';
import { can, useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';

type Entry = Answer<'/api/data/lists/{list}'>[number];
type Objection = Answer<'/api/data/objections'>[number];

/** 责任清单 / 需求清单 / 负面清单, side by side with the resources they name. */
export function DataLists() {
  const { t } = useTranslation();
  const [list, setList] = useState<'duty' | 'demand' | 'negative'>('duty');
  const rows = useQuery({ queryKey: ['data-lists', list], queryFn: () => api<Entry[]>(`/api/data/lists/${list}`) });
  return (
    <>
      <Segmented value={list} onChange={(v) => setList(v as typeof list)} options={[{ value: 'duty', label: t('data.lists.duty') }, { value: 'demand', label: t('data.lists.demand') }, { value: 'negative', label: t('data.lists.negative') }]} style={{ marginBottom: 12 }} />
      <Table<Entry> rowKey="id" size="small" scroll={{ x: true }} dataSource={rows.data ?? []} pagination={false}
        columns={[
          { title: t('data.item'), dataIndex: 'title' },
          { title: t('data.lists.detail'), dataIndex: 'detail' },
          { title: t('data.name'), render: (_, e) => (e.resourceCode ? `${e.resourceName}（${e.resourceCode}）` : <Tag>{t('data.lists.notCatalogued')}</Tag>) },
          { title: t('data.basis'), render: (_, e) => e.basis ?? '—' },
        ]}
      />
    </>
  );
}

/** 数据异议: what we raised and what we must answer, with the answer dialog. */
export function DataObjections() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [scope, setScope] = useState<'raised' | 'to-answer'>(can(me, 'data.decide') ? 'to-answer' : 'raised');
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [answer, setAnswer] = useState('');
  const act = useAction('data-');
  const rows = useQuery({ queryKey: ['data-objections', scope], queryFn: () => api<Objection[]>(`/api/data/objections?scope=${scope}`) });
  const send = async (outcome: 'corrected' | 'explained') => {
    if (answering && (await act(() => api(`/api/data/objections/${answering.id}/answer`, { method: 'POST', json: { outcome, answer } }), t('data.decided')))) setAnswering(null);
  };
  return (
    <>
      <Segmented value={scope} onChange={(v) => setScope(v as typeof scope)} options={[{ value: 'to-answer', label: t('data.toAnswer') }, { value: 'raised', label: t('data.raised') }]} style={{ marginBottom: 12 }} />
      <Table<Objection> rowKey="id" size="small" scroll={{ x: true }} dataSource={rows.data ?? []} pagination={false}
        columns={[
          { title: t('data.name'), render: (_, o) => `${o.resourceName}（${o.resourceCode}）` },
          { title: t('data.item'), dataIndex: 'item' },
          { title: t('data.description'), dataIndex: 'description' },
          { title: t('data.due'), render: (_, o) => <Space>{new Date(o.dueAt).toLocaleDateString(i18n.language)}{o.overdue && <Tag color="red">{t('data.overdue')}</Tag>}</Space> },
          { title: t('data.state'), render: (_, o) => (o.state === 'open' ? <Tag color="blue">{t('data.states.submitted')}</Tag> : <Tag color="green">{t(`data.${o.state}`)}</Tag>) },
          { title: t('data.answer'), render: (_, o) => o.answer ?? (scope === 'to-answer' && o.state === 'open' ? <Button size="small" onClick={() => { setAnswer(''); setAnswering(o); }}>{t('data.answerIt')}</Button> : '—') },
        ]}
      />
      <Modal open={!!answering} title={t('data.answerIt')} onCancel={() => setAnswering(null)} footer={[<Button key="e" disabled={answer.trim().length < 2} onClick={() => send('explained')}>{t('data.explained')}</Button>, <Button key="c" type="primary" disabled={answer.trim().length < 2} onClick={() => send('corrected')}>{t('data.corrected')}</Button>]}>
        <Typography.Paragraph>{answering?.description}</Typography.Paragraph>
        <Input.TextArea aria-label={t('data.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}
