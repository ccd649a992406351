import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { CreditHistory } from './CreditHistory';
import type { ComplaintRow, Profile, Section } from './types';

const CLASS_COLOURS = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

/** One market entity's 画像: base data, licences, complaints, inspections, penalties, 告知承诺, approvals, credit. */
export function ProfilePage({ creditCode }: { creditCode: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const planner = can(me, 'regulation.plan');
  const profile = useQuery({ queryKey: ['regprof-profile', creditCode], queryFn: () => api<Profile>(`/api/regulation/profiles/${encodeURIComponent(creditCode)}`) });
  const en = i18n.language === 'en';
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
  const back = <Link to="/workbench/regulation/profiles">{t('regprof.back')}</Link>;
  if (profile.error)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" showIcon message={errorText(profile.error, i18n.language)} />
      </Space>
    );
  const p = profile.data;
  if (!p) return <Card loading />;
  const e = p.entity;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {back}
      <Card
        title={<h2 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{e.name}</h2>}
        extra={p.credit.current && <Tag color={CLASS_COLOURS[p.credit.current.class]}>{p.credit.current.class}</Tag>}
      >
        {!e.available && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('regprof.unavailable')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('regprof.entity.creditCode')}>
            <span style={{ wordBreak: 'break-all' }}>{p.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.type')}>{e.entityType ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.legalRep')}>{e.legalRepName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.status')}>{e.status ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.established')}>{e.establishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.capital')}>{e.registeredCapital == null ? '—' : (e.registeredCapital / 10_000).toLocaleString()}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.address')}>{e.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regprof.entity.region')}>{e.regionCode}</Descriptions.Item>
          {e.blackListed !== null && (
            <Descriptions.Item label={t('regprof.entity.blackListed')}>{e.blackListed ? <Tag color="red">{t('regprof.entity.yes')}</Tag> : t('regprof.entity.no')}</Descriptions.Item>
          )}
          {e.industries.length > 0 && <Descriptions.Item label={t('regprof.entity.industries')}>{e.industries.join('、')}</Descriptions.Item>}
          {e.source && <Descriptions.Item label={t('regprof.entity.source')}>{t(`regprof.entity.sources.${e.source}`, { defaultValue: e.source })}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regprof.credit.title')}</h3>}>
        {!p.credit.available ? (
          <Typography.Text type="secondary">{t('regprof.unavailable')}</Typography.Text>
        ) : !p.credit.current ? (
          <Typography.Text>{t('regprof.credit.never')}</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph>
              {t('regprof.credit.current')}：<Tag color={CLASS_COLOURS[p.credit.current.class]}>{t(`regprof.credit.classes.${p.credit.current.class}`)}</Tag>
              {t('regprof.credit.score')} {p.credit.current.score} · {t('regprof.credit.at')} {day(p.credit.current.computedAt)}
            </Typography.Paragraph>
            <Typography.Text strong>{t('regprof.credit.reasons')}</Typography.Text>
            <ul style={{ paddingInlineStart: 20 }}>
              {p.credit.current.reasons.map((r) => (
                <li key={r.indicator}>
                  {en ? r.en : r.zh}（{r.points > 0 ? `+${r.points}` : r.points}）
                </li>
              ))}
            </ul>
            {p.credit.history.length > 1 && (
              <>
                <Typography.Text strong>{t('regprof.credit.history')}</Typography.Text>
                <CreditHistory history={p.credit.history} />
              </>
            )}
          </>
        )}
      </Card>

      <Part title={t('regprof.commitments.title')} section={p.commitments}>
        {(c) => (
          <List.Item>
            <List.Item.Meta
              title={c.serviceItemName ?? c.applicationNumber ?? c.taskId}
              description={
                <>
                  {c.applicationNumber && `${t('regprof.commitments.application')} ${c.applicationNumber} · `}
                  {c.dueOn && `${t('regprof.commitments.due')} ${c.dueOn} · `}
                  {c.state && <Tag>{c.state}</Tag>}
                  {c.problem && <Typography.Text type="danger">{c.problem}</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      </Part>

      <Complaints creditCode={p.creditCode} section={p.complaints} planner={planner} day={day} />

      <Part title={t('regprof.inspections.title')} section={p.inspections}>
        {(x) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {t(`regprof.inspections.kinds.${x.kind}`, { defaultValue: x.kind })} <Tag>{x.state}</Tag>
                </>
              }
              description={`${t('regprof.inspections.inspected')} ${x.inspectedOn ?? '—'} · ${t('regprof.inspections.conclusion')} ${x.conclusion ?? '—'} · ${t('regprof.inspections.published')} ${day(x.publishedAt)}`}
            />
          </List.Item>
        )}
      </Part>

      <Part title={t('regprof.penalties.title')} section={p.penalties}>
        {(x) => (
          <List.Item>
            <List.Item.Meta
              title={`${x.decisionNo} · ${x.kind}`}
              description={`${t('regprof.penalties.decided')} ${x.decidedOn}${x.amountYuan != null ? ` · ${t('regprof.penalties.amount')} ${x.amountYuan.toLocaleString()}` : ''}`}
            />
          </List.Item>
        )}
      </Part>

      <Part title={t('regprof.licences.title')} section={p.licences}>
        {(l) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {l.typeName} <Tag color={l.state === 'valid' ? 'green' : 'red'}>{l.state}</Tag>
                </>
              }
              description={<span style={{ wordBreak: 'break-all' }}>{`${l.number} · ${l.issuerName} · ${day(l.issuedAt)} – ${l.expiresAt ? day(l.expiresAt) : '—'}`}</span>}
            />
          </List.Item>
        )}
      </Part>

      <Part title={t('regprof.approvals.title')} section={p.approvals}>
        {(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {a.serviceItemName} {a.commitment && <Tag color="gold">{t('regprof.approvals.commitment')}</Tag>}
                </>
              }
              description={`${t('regprof.approvals.number')} ${a.applicationNumber} · ${t('regprof.approvals.approved')} ${day(a.approvedAt)} · ${t('regprof.approvals.tasks')} ${a.taskIds.length}`}
            />
          </List.Item>
        )}
      </Part>
    </Space>
  );
}

/** A section as a list (after `before`, e.g. a form), or a note when its source is unavailable. */
function Part<T>({ title, section, children, before }: { title: string; section: Section<T>; children: (x: T) => ReactNode; before?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h3>}>
      {before}
      {section.available ? (
        <List size="small" locale={{ emptyText: t('regprof.none') }} dataSource={section.items} renderItem={(x) => children(x)} />
      ) : (
        <Typography.Text type="secondary">{t('regprof.unavailable')}</Typography.Text>
      )}
    </Card>
  );
}

/** 12345 complaints, with a regulator's manual link, unlink and 线索核查. */
function Complaints({ creditCode, section, planner, day }: { creditCode: string; section: Section<ComplaintRow>; planner: boolean; day: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const run = useAction('regprof');
  const [caseNumber, setCaseNumber] = useState('');
  const [clueFor, setClueFor] = useState<string | null>(null);
  const base = `/api/regulation/profiles/${encodeURIComponent(creditCode)}/complaints`;
  const link = planner && (
    <Space.Compact style={{ maxWidth: 360, width: '100%', marginBottom: 8 }}>
      <Input aria-label={t('regprof.complaints.caseNumber')} placeholder={t('regprof.complaints.caseNumber')} value={caseNumber} maxLength={40} onChange={(e) => setCaseNumber(e.target.value)} />
      <Button
        disabled={!caseNumber.trim()}
        onClick={() => void run(() => api(base, { method: 'POST', json: { caseNumber: caseNumber.trim() } }), t('regprof.complaints.linked')).then((ok) => ok && setCaseNumber(''))}
      >
        {t('regprof.complaints.link')}
      </Button>
    </Space.Compact>
  );
  return (
    <Part title={t('regprof.complaints.title')} section={section} before={link}>
      {(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {c.caseNumber} <Tag>{t(`regprof.complaints.matchedBy.${c.matchedBy}`)}</Tag>
                {c.clueTaskId && <Tag color="purple">{t('regprof.complaints.taskCreated')}</Tag>}
              </>
            }
            description={
              <>
                <div style={{ wordBreak: 'break-word' }}>{c.summary}</div>
                <div>
                  {t('regprof.complaints.received')} {day(c.receivedAt)} · {t('regprof.complaints.by')} {c.linkedByName}
                </div>
                {planner && (
                  <Space wrap style={{ marginTop: 4 }}>
                    {!c.clueTaskId && (
                      <Button size="small" onClick={() => setClueFor(clueFor === c.id ? null : c.id)}>
                        {t('regprof.complaints.start')}
                      </Button>
                    )}
                    <Popconfirm title={t('regprof.complaints.confirmUnlink')} onConfirm={() => run(() => api(`${base}/${c.id}`, { method: 'DELETE' }), t('regprof.complaints.unlinked'))}>
                      <Button size="small" danger>
                        {t('regprof.complaints.unlink')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )}
                {clueFor === c.id && <ClueForm complaintId={c.id} onDone={() => setClueFor(null)} />}
              </>
            }
          />
        </List.Item>
      )}
    </Part>
  );
}

interface InspectorOption {
  id: string;
  name: string;
  certificateNo: string;
}

/** 线索核查: two or more inspectors of the regulator's department and a working-day deadline. */
function ClueForm({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const run = useAction('regprof');
  const [ids, setIds] = useState<string[]>([]);
  const [due, setDue] = useState<Dayjs | null>(null);
  const { data: me } = useMe();
  // The inspectors of the regulator's own department: the server sends the clue to that department.
  const dept = me?.departmentId ?? '';
  const pool = useQuery({
    queryKey: ['regprof-inspectors', dept],
    enabled: !!dept,
    queryFn: () => api<{ items: InspectorOption[] }>(`/api/regulation/inspectors?state=active&limit=100&departmentId=${encodeURIComponent(dept)}`),
  });
  return (
    <Form
      layout="vertical"
      style={{ marginTop: 8, maxWidth: 420 }}
      onFinish={() =>
        void run(
          () => api(`/api/regulation/complaints/${complaintId}/inspection`, { method: 'POST', json: { inspectorIds: ids, dueOn: due!.format('YYYY-MM-DD') } }),
          t('regprof.complaints.started'),
        ).then((ok) => ok && onDone())
      }
    >
      <Form.Item label={t('regprof.complaints.inspectors')} required>
        <Select
          mode="multiple"
          aria-label={t('regprof.complaints.inspectors')}
          value={ids}
          onChange={setIds}
          loading={pool.isLoading}
          notFoundContent={pool.error ? errorText(pool.error, i18n.language) : undefined}
          options={(pool.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.certificateNo}）` }))}
        />
      </Form.Item>
      <Form.Item label={t('regprof.complaints.due')} required>
        <DatePicker aria-label={t('regprof.complaints.due')} value={due} onChange={setDue} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={ids.length < 2 || !due}>
        {t('regprof.complaints.submit')}
      </Button>
    </Form>
  );
}
