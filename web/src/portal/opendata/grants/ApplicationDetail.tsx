import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Popconfirm, Space, Tag, Timeline, Typography, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import type { Answer } from '../../../api/client';
import { useMe } from '../../../shell/session';

export type ApplicationDetailData = Answer<'/api/opendata/applications/{id}'>;
export type ApplicationListItem = Answer<'/api/opendata/applications'>['items'][number];
type Credentials = Answer<'/api/opendata/applications/{id}/credentials', 'post'>;

/** Tag colours with AA contrast (no volcano, no filled success). */
export const STATE_COLOURS: Record<string, string | undefined> = { submitted: 'blue', bureau_review: 'purple', approved: 'geekblue', refused: 'red', revoked: 'red' };

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="odgrant-state">
      {t(`odgrant.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

const when = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { hour12: false }) : '—');

/**
 * One application, for whoever may see it: its terms, the 数据利用协议 exactly as signed (with its
 * SM3 digest), the steps, and the one thing the viewer may do now (sign and submit, withdraw,
 * decide, revoke, collect credentials once). The API says which actions are open to the viewer.
 */
export function ApplicationDetail({ id, backTo, heading = 2 }: { id: string; backTo: string; heading?: 1 | 2 }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['odgrant-app', id], queryFn: () => api<ApplicationDetailData>(`/api/opendata/applications/${encodeURIComponent(id)}`) });
  const a = q.data;
  if (q.isError) return <Alert type="error" showIcon message={errorText(q.error, i18n.language)} action={<Link to={backTo}>{t('odgrant.detail.back')}</Link>} />;
  if (!a) return null;
  const has = (x: string) => a.actions.includes(x);
  return (
    <div style={{ maxWidth: 960, overflowWrap: 'anywhere' }}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={heading} style={{ fontSize: 18, margin: 0 }}>
          {a.datasetTitle} · {a.number}
        </Typography.Title>
        <StateTag state={a.state} />
        <Link to={backTo}>{t('odgrant.detail.back')}</Link>
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('odgrant.list.dataset')}>
          <Link to={`/opendata/datasets/${encodeURIComponent(a.datasetName)}`}>{a.datasetTitle}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.applicant')}>{a.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.items')} span={2}>
          <span data-testid="odgrant-items">{a.itemDetails.map((i) => `${i.name}（${i.code}${i.grade ? ` · ${i.grade}` : ''}）`).join('、')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.purpose')} span={2}>
          {a.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.rowRegion')}>{a.rowRegion ?? t('odgrant.detail.allRows')}</Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.period')}>
          {a.periodFrom} – {a.periodTo}
        </Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.delivery')}>{t(`odgrant.delivery.${a.delivery}`)}</Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.contact')}>{[a.contact.name, a.contact.phone, a.contact.email].filter(Boolean).join(' · ')}</Descriptions.Item>
        <Descriptions.Item label={t('odgrant.detail.security')} span={2}>
          {a.securityMeasures}
        </Descriptions.Item>
        {a.dueAt && (
          <Descriptions.Item label={t('odgrant.list.due')}>
            {when(a.dueAt, i18n.language)} {a.overdue && <Tag color="red">{t('odgrant.list.overdue')}</Tag>}
          </Descriptions.Item>
        )}
        {a.endReason && <Descriptions.Item label={t('odgrant.detail.endReason')}>{a.endReason}</Descriptions.Item>}
        {a.usage && (
          <Descriptions.Item label={t('odgrant.detail.usage')} span={2}>
            {t('odgrant.detail.usageLine', { calls: a.usage.calls, rows: a.usage.rows, last: a.usage.lastAt ? when(a.usage.lastAt, i18n.language) : t('odgrant.detail.never') })}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Card title={t('odgrant.detail.agreement')} size="small" style={{ marginTop: 16 }}>
        <div
          tabIndex={0}
          role="document"
          aria-label={t('odgrant.detail.agreement')}
          data-testid="odgrant-agreement"
          style={{ whiteSpace: 'pre-wrap', maxHeight: 360, overflowY: 'auto', padding: 8, border: '1px solid #d9d9d9', borderRadius: 6 }}
        >
          {a.agreement.text}
        </div>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {a.agreement.signedAt ? t('odgrant.detail.signedBy', { name: a.agreement.signedName, at: when(a.agreement.signedAt, i18n.language) }) : t('odgrant.detail.unsigned')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('odgrant.detail.agreementHash')}：<Typography.Text code>{a.agreement.hash}</Typography.Text>
        </Typography.Text>
        {has('submit') && !a.signed && <SignForm app={a} />}
      </Card>

      <Space wrap style={{ marginTop: 16 }}>
        {has('submit') && a.signed && <SubmitButton app={a} />}
        {has('withdraw') && <WithdrawButton app={a} />}
        {a.mine && a.delivery === 'sandbox' && a.state === 'approved' && <Link to="/opendata/sandbox">{t('odgrant.detail.sandboxLink')}</Link>}
      </Space>
      {a.mine && a.credentialsReady && a.delivery === 'api' && <CredentialsPanel app={a} />}
      {a.credentialsCollectedAt && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('odgrant.creds.collected', { at: when(a.credentialsCollectedAt, i18n.language) })} · {t('odgrant.creds.clientId')}：<Typography.Text code>{a.clientId}</Typography.Text>
        </Typography.Paragraph>
      )}
      {(has('approve') || has('bureau_approve')) && <DecideForm app={a} />}
      {has('revoke') && <RevokeForm app={a} />}

      <Card title={t('odgrant.detail.steps')} size="small" style={{ marginTop: 16 }}>
        <Timeline
          items={a.steps.map((s) => ({
            children: (
              <span>
                <strong>{t(`odgrant.actions.${s.action}`, { defaultValue: s.action })}</strong> · {s.actorName} · {when(s.at, i18n.language)}
                {s.opinion ? ` · ${s.opinion}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </div>
  );
}

function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['odgrant-app', id] });
    void qc.invalidateQueries({ queryKey: ['odgrant-list'] });
  };
}

function SignForm({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const refresh = useRefresh(app.id);
  const sign = useMutation({
    mutationFn: (v: { name: string }) => api(`/api/opendata/applications/${app.id}/sign`, { method: 'POST', json: { name: v.name.trim(), agreementHash: app.agreement.hash, confirm: true } }),
    onSuccess: () => {
      void message.success(t('odgrant.sign.done'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Form layout="vertical" style={{ marginTop: 16 }} onFinish={(v: { name: string }) => sign.mutate(v)} aria-label={t('odgrant.sign.title')}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('odgrant.sign.title')}
      </Typography.Title>
      <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('odgrant.apply.required')))) }]}>
        <Checkbox data-testid="odgrant-agree">{t('odgrant.sign.confirm')}</Checkbox>
      </Form.Item>
      <Form.Item name="name" label={t('odgrant.sign.name')} extra={t('odgrant.sign.nameHelp')} rules={[{ required: true, message: t('odgrant.apply.required') }]}>
        <Input maxLength={50} autoComplete="name" placeholder={me?.name} style={{ maxWidth: 320 }} data-testid="odgrant-sign-name" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sign.isPending} data-testid="odgrant-sign">
        {t('odgrant.sign.button')}
      </Button>
    </Form>
  );
}

function SubmitButton({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(app.id);
  const submit = useMutation({
    mutationFn: () => api(`/api/opendata/applications/${app.id}/submit`, { method: 'POST' }),
    onSuccess: refresh,
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Space direction="vertical">
      <Typography.Text>{t('odgrant.sign.submitHint')}</Typography.Text>
      <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="odgrant-submit">
        {t('odgrant.actions.submit')}
      </Button>
    </Space>
  );
}

function WithdrawButton({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(app.id);
  const withdraw = useMutation({
    mutationFn: () => api(`/api/opendata/applications/${app.id}/withdraw`, { method: 'POST', json: {} }),
    onSuccess: refresh,
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Popconfirm title={t('odgrant.decide.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
      <Button danger loading={withdraw.isPending}>
        {t('odgrant.actions.withdraw')}
      </Button>
    </Popconfirm>
  );
}

function DecideForm({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(app.id);
  const [form] = Form.useForm<{ opinion?: string }>();
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'refuse') =>
      api(`/api/opendata/applications/${app.id}/decide`, { method: 'POST', json: { action, opinion: form.getFieldValue('opinion') || undefined, expectedVersion: app.version } }),
    onSuccess: () => {
      void message.success(t('odgrant.decide.done'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('odgrant.decide.title')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="opinion" label={t('odgrant.decide.opinion')} extra={t('odgrant.decide.opinionHelp')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="odgrant-opinion" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" onClick={() => decide.mutate('approve')} loading={decide.isPending} data-testid="odgrant-approve">
            {t('odgrant.decide.approve')}
          </Button>
          <Button danger onClick={() => decide.mutate('refuse')} loading={decide.isPending} data-testid="odgrant-refuse">
            {t('odgrant.decide.refuse')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function RevokeForm({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(app.id);
  const revoke = useMutation({
    mutationFn: (v: { opinion: string }) => api(`/api/opendata/applications/${app.id}/revoke`, { method: 'POST', json: v }),
    onSuccess: () => {
      void message.success(t('odgrant.decide.revoked'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('odgrant.decide.revokeTitle')} size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={(v: { opinion: string }) => revoke.mutate(v)}>
        <Form.Item name="opinion" label={t('odgrant.decide.revokeReason')} rules={[{ required: true, min: 2, message: t('odgrant.apply.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={revoke.isPending}>
          {t('odgrant.decide.revoke')}
        </Button>
      </Form>
    </Card>
  );
}

/** The curl lines to call the gateway with the collected credentials (code, not prose). */
function curlOf(c: Credentials, itemsHint: string[]): string {
  const origin = window.location.origin;
  return [
    `TOKEN=$(curl -s -u '${c.clientId}:${c.clientSecret}' -d 'grant_type=client_credentials&scope=data.gateway' ${origin}${c.tokenEndpoint} | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
    `curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `  -d '${JSON.stringify({ items: itemsHint, limit: 10 })}' ${origin}${c.gateway}/query`,
  ].join('\n');
}

function CredentialsPanel({ app }: { app: ApplicationDetailData }) {
  const { t, i18n } = useTranslation();
  const [creds, setCreds] = useState<Credentials | null>(null);
  const collect = useMutation({
    mutationFn: () => api<Credentials>(`/api/opendata/applications/${app.id}/credentials`, { method: 'POST' }),
    onSuccess: setCreds,
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  return (
    <Card title={t('odgrant.creds.title')} size="small" style={{ marginTop: 16 }}>
      {!creds ? (
        <Button type="primary" onClick={() => collect.mutate()} loading={collect.isPending} data-testid="odgrant-collect">
          {t('odgrant.creds.collect')}
        </Button>
      ) : (
        <>
          <Alert type="warning" showIcon message={t('odgrant.creds.once')} style={{ marginBottom: 12 }} />
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('odgrant.creds.clientId')}>
              <Typography.Text code copyable data-testid="odgrant-client-id">
                {creds.clientId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('odgrant.creds.clientSecret')}>
              <Typography.Text code copyable data-testid="odgrant-client-secret">
                {creds.clientSecret}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('odgrant.creds.expiresAt')}>{when(creds.expiresAt, i18n.language)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('odgrant.creds.howTo')}</Typography.Paragraph>
          <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: '#f5f5f5', color: '#1f1f1f', padding: 8, borderRadius: 6 }}>{curlOf(creds, app.items)}</pre>
        </>
      )}
    </Card>
  );
}
