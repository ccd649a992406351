import { Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api';
import { call, client } from '../../api/client';
import { useLocalName } from '../../shell/localName';
import { useMe } from '../../shell/session';
import { useTitle } from '../../shell/useTitle';
import { useCodes, useLabel, when } from '../../svc/labels';
import type { BundleStatus } from './types';

const COLOURS: Record<string, string> = { submitted: 'blue', in_progress: 'blue', completed: 'green', blocked: 'red', delivered: 'green' };

/** One status of a 一件事: the bundle's state and each member's progress; window staff deliver it once. */
export function BundleStatusPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  useTitle('bun.statusTitle');
  const { data: me } = useMe();
  const qc = useQueryClient();
  const s = useQuery({ queryKey: ['bun-app', id], queryFn: () => call(client.GET('/api/services/bundle-applications/{id}', { params: { path: { id } } })) });
  const codes = useCodes();
  const label = useLabel();
  const [delivery, setDelivery] = useState<string>('window');
  const deliver = useMutation({
    mutationFn: () => api<BundleStatus>(`/api/services/bundle-applications/${id}/deliver`, { method: 'POST', json: { delivery } }),
    onSuccess: (v) => qc.setQueryData(['bun-app', id], v),
  });
  const v = s.data;
  if (!v) return null;
  const nameOf = (code: string) => localName(v.members.find((m) => m.itemCode === code) ?? { name: code });
  const staff = me?.type === 'staff' && me.roles.includes('window_staff');
  return (
    <>
      <Typography.Title level={1}>{localName(v)}</Typography.Title>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.statusTitle')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('bun.number')}>{v.number}</Descriptions.Item>
          <Descriptions.Item label={t('bun.state')}>
            <Tag color={COLOURS[v.state]} data-testid="bundle-state">
              {t(`bun.states.${v.state}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('bun.submittedAt')}>{when(v.submittedAt, i18n.language)}</Descriptions.Item>
          {v.reason && <Descriptions.Item label={t('bun.reason')}>{v.reason}</Descriptions.Item>}
        </Descriptions>
        {v.state === 'blocked' && <Alert type="error" title={t('bun.blockedLead')} />}
        {v.state === 'delivered' && <Alert type="success" title={t('bun.deliveredLead')} />}
      </Card>
      <Table
        rowKey="itemCode"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={v.members}
        aria-label={t('bun.bundles')}
        columns={[
          { title: t('bun.member'), render: (_: unknown, m) => (m.applicationId ? <Link to={`/applications/${m.applicationId}`}>{localName(m)}</Link> : localName(m)) },
          { title: t('bun.department'), render: (_: unknown, m) => localName.pick(m.departmentName, m.departmentNameEn) },
          {
            title: t('bun.memberState'),
            render: (_: unknown, m) =>
              m.applicationId ? (
                <Tag color={m.outcome === 'approved' ? 'green' : undefined}>{localName.pick(m.stateName, m.stateNameEn) || m.state}</Tag>
              ) : (
                <span>
                  <Tag>{t('bun.waiting')}</Tag> {m.waitingFor.length > 0 && t('bun.waitsFor', { names: m.waitingFor.map(nameOf).join(t('bun.listSep')) })}
                </span>
              ),
          },
          { title: t('bun.appNumber'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
          { title: t('bun.dueAt'), dataIndex: 'dueAt', render: (d: string | null) => (d ? when(d, i18n.language) : '—') },
        ]}
      />
      {staff && v.state === 'completed' && (
        <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.deliverAll')}</h2>} size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph>{t('bun.deliverHint')}</Typography.Paragraph>
          <Space wrap>
            <Select
              aria-label={t('bun.deliverAll')}
              value={delivery}
              onChange={setDelivery}
              style={{ minWidth: 180 }}
              options={(codes.data?.deliveryMethods ?? []).map((c) => ({ value: String(c.code), label: label(c) }))}
            />
            <Button type="primary" loading={deliver.isPending} onClick={() => deliver.mutate()}>
              {t('bun.deliverAll')}
            </Button>
          </Space>
          {deliver.error && <Alert role="alert" type="error" title={errorText(deliver.error, i18n.language)} style={{ marginTop: 8 }} />}
        </Card>
      )}
    </>
  );
}
