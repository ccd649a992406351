import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';
import { statusColor, type GrantRow, type LicenceSummary, type UseRow } from '../../licences/types';
import { GrantDialog } from './GrantDialog';
import { call, client } from '../../api/client';
import { useLocalName } from '../../shell/localName';

/** Purposes the platform writes itself are stored as '中文 / English'; show the half in the page's language. */
const purposeIn = (purpose: string | null | undefined, english: boolean) => {
  const parts = (purpose ?? '').split(' / ');
  return parts.length === 2 ? parts[english ? 1 : 0] : (purpose ?? '');
};

/** Saves a credential the server returns as a file the holder can take elsewhere. */
async function saveCredential(l: LicenceSummary) {
  const res = await fetch(`/api/licenses/${l.id}/credential`, { credentials: 'same-origin' });
  const blob = new Blob([await res.text()], { type: 'application/vc+ld+json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${l.name}-${l.licenceNo}.vc.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

function LicenceCard({ l, onGrant }: { l: LicenceSummary; onGrant(): void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const valid = l.status === 'valid';
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{localName(l)}</h2>}
      extra={<Tag color={statusColor(l.status)}>{t(`lic.statusNames.${l.status}`, { defaultValue: l.statusLabel })}</Tag>}
      actions={[
        <a key="d" href={`/api/licenses/${l.id}/document`} download>
          {t('lic.download')}
        </a>,
        <Button key="c" type="link" size="small" disabled={!valid} onClick={() => saveCredential(l)}>
          {t('lic.credential')}
        </Button>,
        <Button key="g" type="link" size="small" disabled={!valid} onClick={onGrant}>
          {t('lic.grant')}
        </Button>,
        <Link key="v" to={`/verify?id=${encodeURIComponent(l.identifier)}`}>
          {t('lic.verifyLink')}
        </Link>,
      ]}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('lic.number')}>{l.licenceNo}</Descriptions.Item>
        <Descriptions.Item label={t('lic.holder')}>
          {l.holderName}（{l.holderCode}）
        </Descriptions.Item>
        {l.rows.slice(0, 3).map((r) => (
          <Descriptions.Item key={r.label} label={localName.pick(r.label, r.labelEn)}>
            {r.value}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('lic.issuer')}>{l.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('lic.validUntil')}>{l.validUntil ?? t('lic.forever')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 我的证照: the holder's e-licences, their uses (用证记录) and authorisations. */
export function Wallet() {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  useTitle('lic.wallet');
  const [granting, setGranting] = useState<LicenceSummary | null>(null);
  const act = useAction('lic-');
  const wallet = useQuery({ queryKey: ['lic-mine'], queryFn: () => call(client.GET('/api/licenses/mine')) });
  const uses = useQuery({ queryKey: ['lic-uses'], queryFn: () => call(client.GET('/api/licenses/mine/uses')) });
  const grants = useQuery({ queryKey: ['lic-grants'], queryFn: () => call(client.GET('/api/licenses/mine/grants')) });
  const depts = useQuery({ queryKey: ['svc-departments'], queryFn: () => api<{ id: string; name: string }[]>('/api/services/departments') });
  const deptName = (id: string | null) => (id ? (depts.data?.find((d) => d.id === id)?.name ?? '') : '');
  const when = (s: string) => new Date(s).toLocaleString(i18n.language);
  const items = wallet.data?.items ?? [];
  return (
    <>
      <Typography.Title level={1}>{t('lic.wallet')}</Typography.Title>
      <Typography.Paragraph>{t('lic.walletLead')}</Typography.Paragraph>
      {!!wallet.data?.materialsSaved && <Alert type="success" title={t('lic.saved', { n: wallet.data.materialsSaved })} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          {
            key: 'licences',
            label: t('lic.wallet'),
            children: items.length ? (
              <Row gutter={[16, 16]}>
                {items.map((l) => (
                  <Col key={l.id} xs={24} md={12} xl={8}>
                    <LicenceCard l={l} onGrant={() => setGranting(l)} />
                  </Col>
                ))}
              </Row>
            ) : (
              <Empty description={t('lic.none')} />
            ),
          },
          {
            key: 'uses',
            label: t('lic.uses'),
            children: (
              <>
                <Typography.Paragraph>{t('lic.usesLead')}</Typography.Paragraph>
                <Table<UseRow>
                  rowKey="id"
                  size="small"
                  scroll={{ x: true }}
                  dataSource={uses.data ?? []}
                  locale={{ emptyText: t('lic.noUses') }}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('lic.at'), dataIndex: 'at', render: when },
                    { title: t('lic.type'), render: (_, u) => `${u.licenceName}（${u.licenceNo}）` },
                    { title: t('lic.kind'), dataIndex: 'kind', render: (k: string) => t(`lic.useKinds.${k}`) },
                    { title: t('lic.who'), render: (_, u) => [deptName(u.departmentId), u.actorName].filter(Boolean).join(' · ') || t('lic.anonymous') },
                    { title: t('lic.purpose'), dataIndex: 'purpose', render: (p: string) => purposeIn(p, localName.english) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'grants',
            label: t('lic.grants'),
            children: (
              <Table<GrantRow>
                rowKey="id"
                size="small"
                scroll={{ x: true }}
                dataSource={grants.data ?? []}
                locale={{ emptyText: t('lic.noGrants') }}
                columns={[
                  { title: t('lic.type'), render: (_, g) => items.find((l) => l.identifier.startsWith(g.identifier.slice(0, -6)))?.name ?? g.identifier },
                  { title: t('lic.department'), render: (_, g) => deptName(g.departmentId) },
                  { title: t('lic.scopes'), render: (_, g) => g.scopes.map((s) => t(`lic.scopeNames.${s}`)).join('、') },
                  { title: t('lic.purpose'), dataIndex: 'purpose' },
                  { title: t('lic.expires'), dataIndex: 'expiresAt', render: when },
                  { title: t('lic.status'), render: (_, g) => <Tag color={g.active ? 'green' : 'default'}>{g.active ? t('lic.active') : t('lic.inactive')}</Tag> },
                  {
                    title: '',
                    render: (_, g) =>
                      g.active && (
                        <Button size="small" onClick={() => act(() => api(`/api/licenses/grants/${g.id}`, { method: 'DELETE' }), t('lic.withdrawn'))}>
                          {t('lic.withdraw')}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {granting && <GrantDialog licence={granting} onClose={() => setGranting(null)} />}
      <Space style={{ marginTop: 16 }}>
        <Link to="/verify">{t('lic.verifyTitle')}</Link>
      </Space>
    </>
  );
}
