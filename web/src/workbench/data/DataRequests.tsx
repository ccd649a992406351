import { Alert, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import type { Answer } from '../../api/client';
import { can, useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';

type Req = Answer<'/api/data/requests'>[number];
type Credentials = Answer<'/api/data/requests/{id}/credentials', 'post'>;

/** 共享申请: our department's requests (and their credentials once approved), and those we must decide. */
export function DataRequests() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [scope, setScope] = useState<'mine' | 'to-decide'>(can(me, 'data.decide') ? 'to-decide' : 'mine');
  const [refusing, setRefusing] = useState<Req | null>(null);
  const [reason, setReason] = useState('');
  const [cred, setCred] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = useAction('data-');
  const list = useQuery({ queryKey: ['data-requests', scope], queryFn: () => api<Req[]>(`/api/data/requests?scope=${scope}`) });
  const decide = (r: Req, body: Record<string, unknown>) => act(() => api(`/api/data/requests/${r.id}/decision`, { method: 'POST', json: body }), t('data.decided'));
  const collect = async (r: Req) => {
    setError(null);
    try {
      setCred(await api<Credentials>(`/api/data/requests/${r.id}/credentials`, { method: 'POST' }));
    } catch (err) {
      setError(errorText(err, i18n.language));
    }
  };
  return (
    <>
      {can(me, 'data.decide') && <Segmented value={scope} onChange={(v) => setScope(v as typeof scope)} options={[{ value: 'to-decide', label: t('data.toDecide') }, { value: 'mine', label: t('data.mine') }]} style={{ marginBottom: 12 }} />}
      {error && <Alert role="alert" type="error" title={error} style={{ marginBottom: 12 }} />}
      {cred && <Alert type="success" style={{ marginBottom: 12 }} title={t('data.credentialsOnce')} description={<><div>{t('data.clientId')}：<code>{cred.clientId}</code></div><div>{t('data.secret')}：<code>{cred.clientSecret}</code></div></>} />}
      <Table<Req> rowKey="id" size="small" scroll={{ x: true }} loading={list.isLoading} dataSource={list.data ?? []}
        columns={[
          { title: t('data.number'), dataIndex: 'number' },
          { title: t('data.name'), render: (_, r) => `${r.resourceName}（${r.resourceCode}）` },
          { title: t('data.system'), dataIndex: 'systemName' },
          { title: t('data.purpose'), dataIndex: 'purpose' },
          { title: t('data.items'), render: (_, r) => r.itemNames.join(t('svc.listSep')) },
          { title: t('data.period'), render: (_, r) => `${r.periodFrom} — ${r.periodTo}` },
          { title: t('data.state'), render: (_, r) => <Space><Tag color={r.state === 'approved' ? 'green' : r.state === 'refused' ? 'red' : 'blue'}>{t(`data.states.${r.state}`)}</Tag>{r.overdue && <Tag color="red">{t('data.overdue')}</Tag>}</Space> },
          {
            title: '',
            render: (_, r) =>
              scope === 'to-decide' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide(r, { decision: 'approve' })}>{t('data.approve')}</Button>
                  <Button size="small" danger onClick={() => setRefusing(r)}>{t('data.refuse')}</Button>
                </Space>
              ) : r.state === 'approved' ? <Button size="small" onClick={() => collect(r)}>{t('data.credentials')}</Button> : null,
          },
        ]}
      />
      <Modal open={!!refusing} title={t('data.refuse')} onCancel={() => setRefusing(null)} okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} onOk={async () => { if (refusing && (await decide(refusing, { decision: 'refuse', reason }))) setRefusing(null); }}>
        <Typography.Paragraph>{refusing?.resourceName} · {refusing?.systemName}</Typography.Paragraph>
        <Input.TextArea aria-label={t('data.reason')} placeholder={t('data.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </>
  );
}
