import { Alert, Button, Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useTitle } from '../../../shell/useTitle';
import { ActionDialog } from './ActionDialog';
import { DiffView } from './DiffView';
import { MarkTags, StateTag, when } from './labels';
import { PdfPreview } from './PdfPreview';
import type { AvailableAction, DocumentView } from './types';

const CS_COLOURS = { pending: 'default', agreed: 'green', disagreed: 'red' } as const;
const heading = (text: string) => <h3 style={{ margin: 0, fontSize: 'inherit' }}>{text}</h3>;

/** 发文办理单: the 公文's fields, its text, what the caller can do now, and every step so far. */
export function DocumentPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  useTitle('offdoc.sheet');
  const name = useLocalName();
  const [pending, setPending] = useState<AvailableAction | null>(null);
  const q = useQuery({ queryKey: ['offdoc-doc', id], queryFn: () => api<DocumentView>(`/api/office/documents/${id}`) });
  const d = q.data;
  if (q.error) return <Alert type="error" title={t('offdoc.notFound')} />;
  if (!d) return null;
  const names = (rs: { name: string }[]) => (rs.length ? rs.map((r) => r.name).join('、') : '—');
  const editable = d.editable ?? (d.state === 'draft' && d.availableActions.some((a) => a.code === 'submit'));
  return (
    <>
      <Typography.Title level={2}>{d.title}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StateTag state={d.state} zh={d.stateZh} en={d.stateEn} />
        <MarkTags urgency={d.urgency} secrecy={d.secrecy} />
        <span data-testid="doc-number">{d.docNumber ?? t('offdoc.f.notNumbered')}</span>
      </Space>
      <Card title={heading(t('offdoc.actions'))} size="small" data-testid="doc-actions">
        <Space wrap>
          {d.availableActions.length === 0 && <span>{t('offdoc.noActions')}</span>}
          {d.availableActions
            .filter((a) => a.code !== 'edit')
            .map((a) => (
              <Button key={a.code} type="primary" onClick={() => setPending(a)}>
                {name.pick(a.zh, a.en)}
              </Button>
            ))}
          {editable && (
            <Link to={`/workbench/office/documents/${d.id}/edit`}>
              <Button>{t('offdoc.edit')}</Button>
            </Link>
          )}
          {!d.sealed && <PdfPreview id={d.id} />}
        </Space>
      </Card>
      {d.sealed && (
        <Card title={heading(t('offdoc.sealed'))} size="small" style={{ marginTop: 16 }} data-testid="doc-sealed">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('offdoc.f.docNumber')}>{d.docNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('offdoc.sealId')}>
              <code style={{ wordBreak: 'break-all' }}>{d.sealed.identifier}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('offdoc.sealName')}>{d.sealed.sealName}</Descriptions.Item>
            <Descriptions.Item label={t('offdoc.sealedAt')}>{when(d.sealed.sealedAt, i18n.language)}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <a href={`/api/office/documents/${d.id}/pdf`} download>
              {t('offdoc.sealedPdf')}
            </a>
            <Link to={`/verify?id=${encodeURIComponent(d.sealed.identifier)}`}>{t('offdoc.verify')}</Link>
          </Space>
        </Card>
      )}
      <Card title={heading(t('offdoc.sheet'))} size="small" style={{ marginTop: 16 }}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('offdoc.f.docType')}>{t(`offdoc.docTypes.${d.docType}`, { defaultValue: d.docType })}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.docNumber')}>{d.docNumber ?? t('offdoc.f.notNumbered')}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.issuingDepartment')}>{d.issuingDepartment.name}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.drafter')}>{d.drafter?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.urgency')}>{d.urgency ?? t('offdoc.urgencies.none')}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.secrecy')}>{d.secrecy ? `${d.secrecy}${d.secrecyPeriod ? ` ★ ${d.secrecyPeriod}` : ''}` : t('offdoc.urgencies.none')}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.mainRecipients')}>{names(d.mainRecipients)}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.ccRecipients')}>{names(d.ccRecipients)}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.externalRecipients')}>{d.externalRecipients.length ? d.externalRecipients.join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.attachments')}>{d.attachments.length ? d.attachments.map((a) => a.name).join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.note')}>{d.note ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offdoc.f.textVersion')}>{t('offdoc.versionLabel', { n: d.textVersion })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={heading(t('offdoc.bodyCard'))} size="small" style={{ marginTop: 16 }}>
        {d.body.split('\n').map((p, i) => (
          <p key={i} style={{ lineHeight: 1.8, margin: '0 0 0.5em' }}>
            {p}
          </p>
        ))}
      </Card>
      {d.countersigns.length > 0 && (
        <Card title={heading(t('offdoc.countersigns'))} size="small" style={{ marginTop: 16 }}>
          <List
            dataSource={d.countersigns}
            renderItem={(c) => (
              <List.Item data-state={c.state}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{c.name}</span>
                      <Tag color={CS_COLOURS[c.state]}>{t(`offdoc.csStates.${c.state}`)}</Tag>
                    </Space>
                  }
                  description={c.state === 'pending' ? null : [c.actor, c.opinion, when(c.at, i18n.language)].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title={heading(t('offdoc.steps'))} size="small" style={{ marginTop: 16 }}>
        {d.steps.length === 0 ? (
          <span>{t('offdoc.noSteps')}</span>
        ) : (
          <Timeline
            items={d.steps.map((s, i) => ({
              key: i,
              content: (
                <div data-testid="doc-step" data-action={s.action}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{name.pick(s.zh, s.en)}</Typography.Text>
                    {s.outcome && <Tag>{t(`offdoc.outcomes.${s.outcome}`, { defaultValue: s.outcome })}</Tag>}
                  </Space>
                  <div>
                    {t('offdoc.step.actor')}：{s.actor}
                    {s.unit ? `（${s.unit}）` : ''}
                  </div>
                  {s.opinion && (
                    <div>
                      {t('offdoc.step.opinion')}：{s.opinion}
                    </div>
                  )}
                  {s.textVersion != null && (
                    <div>
                      {t('offdoc.step.version')}：{t('offdoc.step.versionN', { n: s.textVersion })}
                    </div>
                  )}
                  <div>
                    {t('offdoc.step.at')}：{when(s.at, i18n.language)}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <Card title={heading(t('offdoc.versions'))} size="small" style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={[...d.versions].sort((a, b) => b.n - a.n)}
          renderItem={(v) => (
            <List.Item>
              {t('offdoc.versionLabel', { n: v.n })} · {v.by} · {t(`offdoc.codes.${v.step}`, { defaultValue: v.step })} · {when(v.at, i18n.language)}
            </List.Item>
          )}
        />
        <DiffView doc={d} />
      </Card>
      {d.distribution.length > 0 && (
        <Card title={heading(t('offdoc.distribution'))} size="small" style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={d.distribution}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Tag>{t(`offdoc.kinds.${r.kind}`)}</Tag>
                  <span>{r.name}</span>
                  <span>{when(r.at, i18n.language)}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <ActionDialog doc={d} action={pending} onClose={() => setPending(null)} />
    </>
  );
}
