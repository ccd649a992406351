import { Button, Input, Modal, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { when } from '../svc/labels';
import type { Rectification } from '../svc/types';
import { useAction } from '../shell/useAction';

/** 差评整改: the department's tasks from bad ratings, with a reply to each applicant. */
export function Rectifications() {
  const { t, i18n } = useTranslation();
  const act = useAction('svc-rects');
  const [replying, setReplying] = useState<Rectification | null>(null);
  const [text, setText] = useState('');
  const list = useQuery({ queryKey: ['svc-rects'], queryFn: () => api<Rectification[]>('/api/services/rectifications') });
  return (
    <>
      <Table<Rectification>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('svc.number'), dataIndex: 'applicationNumber' },
          { title: t('svc.item'), dataIndex: 'itemName' },
          {
            title: t('svc.rate'),
            dataIndex: 'level',
            render: (v: number, r) => (
              <>
                {t(`svc.levels.${v}`)}
                {r.comment ? `：${r.comment}` : ''}
              </>
            ),
          },
          {
            title: t('svc.state'),
            dataIndex: 'state',
            render: (v: string, r) => (
              <>
                {t(`svc.rectState.${v}`)} {r.overdue && <Tag color="red">{t('svc.overdue')}</Tag>}
              </>
            ),
          },
          { title: t('svc.dueBy'), dataIndex: 'dueAt', render: (v: string) => when(v, i18n.language) },
          {
            title: t('svc.reply'),
            dataIndex: 'reply',
            render: (v: string | null, r) =>
              v ??
              (r.state === 'open' ? (
                <Button
                  size="small"
                  onClick={() => {
                    setReplying(r);
                    setText('');
                  }}
                >
                  {t('svc.replyBtn')}
                </Button>
              ) : (
                '—'
              )),
          },
        ]}
      />
      <Modal
        open={!!replying}
        title={t('svc.reply')}
        onCancel={() => setReplying(null)}
        onOk={async () => {
          if (await act(() => api(`/api/services/rectifications/${replying!.id}/reply`, { method: 'POST', json: { reply: text } }), t('svc.replied'))) setReplying(null);
        }}
      >
        <Input.TextArea aria-label={t('svc.reply')} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={4} />
      </Modal>
    </>
  );
}
