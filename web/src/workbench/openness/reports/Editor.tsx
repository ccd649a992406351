import { Alert, Button, Card, Col, Collapse, Form, Input, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, errorText } from '../../../api';
import { ReportDocument, usePick } from '../../../portal/openness/reports/ReportDocument';
import { STATE_COLOURS, type EnteredFigures, type ReportView, type Texts } from '../../../portal/openness/reports/types';
import { useAction } from '../../../shell/useAction';

const GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;

/** One year's draft: the checks, the entered figures and texts, regenerate, preview, CSV and publish; a published year offers a correction. */
export function ReportEditor({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const act = useAction('gkrpt-');
  const draft = useQuery({ queryKey: ['gkrpt-draft', year], queryFn: () => api<ReportView>(`/api/openness/report-drafts/${year}`), retry: false });
  const noDraft = draft.error instanceof ApiError && draft.error.status === 404;
  const published = useQuery({ queryKey: ['gkrpt-published', year], enabled: noDraft, queryFn: () => api<ReportView>(`/api/openness/reports/${year}`), retry: false });
  const r = draft.data;
  const [reason, setReason] = useState('');
  const back = <Back />;

  if (noDraft) {
    const p = published.data;
    return (
      <>
        {back}
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          {p ? pick(p.title) : t('gkrpt.yearLink', { year })}
        </Typography.Title>
        {p ? (
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.correct.title')}</h3>}>
            <Typography.Paragraph>
              {t('gkrpt.correct.intro', { edition: p.edition })} <Link to={`/openness/reports/${year}`}>{t('gkrpt.correct.view')}</Link>
            </Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label={t('gkrpt.correct.reason')} htmlFor="gkrpt-reason" required>
                <Input.TextArea id="gkrpt-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
              </Form.Item>
              <Button disabled={!reason.trim()} onClick={() => void act(() => api(`/api/openness/reports/${year}/corrections`, { method: 'POST', json: { reason } }), t('gkrpt.correct.done'))}>
                {t('gkrpt.correct.button')}
              </Button>
            </Form>
          </Card>
        ) : (
          <Alert type="info" showIcon message={published.isLoading ? t('gkrpt.loading') : t('gkrpt.noDraft', { year })} />
        )}
      </>
    );
  }
  if (draft.isError) return <Alert type="error" showIcon message={errorText(draft.error, i18n.language)} />;
  if (!r) return null;
  // Keyed by version: a saved or regenerated draft starts the form afresh from what the server holds.
  return <DraftEditor key={r.version} r={r} year={year} />;
}

function Back() {
  const { t } = useTranslation();
  return (
    <Link to="/workbench/openness/reports" style={{ display: 'inline-block', marginBottom: 8 }}>
      {t('gkrpt.back')}
    </Link>
  );
}

function DraftEditor({ r, year }: { r: ReportView; year: number }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const pick = usePick();
  const act = useAction('gkrpt-');
  const [entered, setEntered] = useState<EnteredFigures>(() => structuredClone(r.entered));
  const [texts, setTexts] = useState<Texts>(() => ({ ...r.texts }));
  const [explanation, setExplanation] = useState('');
  const back = <Back />;
  const when = (iso: string) => new Date(iso).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });

  const num = (value: number, onChange: (n: number) => void, id: string, label: string) => (
    <Form.Item label={label} htmlFor={id} style={{ marginBottom: 8 }}>
      <InputNumber id={id} min={0} precision={0} max={100_000_000} style={{ width: '100%' }} value={value} onChange={(v) => onChange(typeof v === 'number' ? v : 0)} />
    </Form.Item>
  );
  const setActive = (k: keyof EnteredFigures['active']) => (n: number) => setEntered({ ...entered, active: { ...entered.active, [k]: n } });
  const save = () => act(() => api(`/api/openness/report-drafts/${year}`, { method: 'PUT', json: { expectedVersion: r.version, entered, texts } }), t('gkrpt.saved'));

  return (
    <>
      {back}
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {pick(r.title)}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={STATE_COLOURS[r.state]}>{t(`gkrpt.states.${r.state}`)}</Tag>
        {r.edition > 1 && <span>{t('gkrpt.editionN', { edition: r.edition })}</span>}
        <Typography.Text type="secondary">{t('gkrpt.computedAt', { at: when(r.computedAt) })}</Typography.Text>
        <Button onClick={() => void act(() => api(`/api/openness/report-drafts/${year}/regenerate`, { method: 'POST', json: { expectedVersion: r.version } }), t('gkrpt.regenerated'))}>
          {t('gkrpt.regenerate')}
        </Button>
        <Button href={`/api/openness/report-drafts/${year}/tables.csv?lang=${en ? 'en' : 'zh'}`} download>
          {t('gkrpt.csv')}
        </Button>
      </Space>
      {r.checks.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('gkrpt.checks.title', { n: r.checks.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="gkrpt-checks">
              {r.checks.map((c, i) => (
                <li key={i}>{en ? c.en : c.zh}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('gkrpt.checks.ok')} />
      )}
      <Form layout="vertical">
        <Row gutter={[16, 0]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.parts.active')}</h3>} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={12}>{num(entered.active.permits, setActive('permits'), 'gkrpt-permits', t('gkrpt.entered.permits'))}</Col>
                <Col xs={12}>{num(entered.active.penalties, setActive('penalties'), 'gkrpt-penalties', t('gkrpt.entered.penalties'))}</Col>
                <Col xs={12}>{num(entered.active.enforcement, setActive('enforcement'), 'gkrpt-enforcement', t('gkrpt.entered.enforcement'))}</Col>
                <Col xs={12}>{num(entered.active.feesYuan, setActive('feesYuan'), 'gkrpt-fees', t('gkrpt.entered.feesYuan'))}</Col>
              </Row>
            </Card>
            <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.entered.processingFees')}</h3>} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={12}>
                  {num(entered.processingFees.notices, (n) => setEntered({ ...entered, processingFees: { ...entered.processingFees, notices: n } }), 'gkrpt-fee-notices', t('gkrpt.entered.notices'))}
                </Col>
                <Col xs={12}>
                  {num(
                    entered.processingFees.collectedYuan,
                    (n) => setEntered({ ...entered, processingFees: { ...entered.processingFees, collectedYuan: n } }),
                    'gkrpt-fee-collected',
                    t('gkrpt.entered.collectedYuan'),
                  )}
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.parts.reviews')}</h3>} style={{ marginBottom: 16 }}>
              {GROUPS.map((g) => (
                <fieldset key={g} style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
                  <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{t(`gkrpt.entered.${g}`)}</legend>
                  <Row gutter={8}>
                    {OUTCOMES.map((o) => (
                      <Col xs={12} sm={6} key={o}>
                        {num(entered[g][o], (n) => setEntered({ ...entered, [g]: { ...entered[g], [o]: n } }), `gkrpt-${g}-${o}`, t(`gkrpt.entered.${o}`))}
                      </Col>
                    ))}
                  </Row>
                  <Typography.Text type="secondary">{t('gkrpt.entered.total', { n: OUTCOMES.reduce((a, o) => a + entered[g][o], 0) })}</Typography.Text>
                </fieldset>
              ))}
            </Card>
          </Col>
        </Row>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.textsTitle')}</h3>} style={{ marginBottom: 16 }}>
          {(['overview', 'problems', 'other'] as const).map((k) => (
            <Form.Item key={k} label={t(`gkrpt.parts.${k}`)} htmlFor={`gkrpt-text-${k}`} required={k === 'overview'}>
              <Input.TextArea id={`gkrpt-text-${k}`} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} value={texts[k]} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} />
            </Form.Item>
          ))}
          <Button type="primary" onClick={() => void save()} data-testid="gkrpt-save">
            {t('gkrpt.save')}
          </Button>
        </Card>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.publish.title')}</h3>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph>{t('gkrpt.publish.intro')}</Typography.Paragraph>
          {r.checks.length > 0 && (
            <Form.Item label={t('gkrpt.publish.explanation')} htmlFor="gkrpt-explanation" required>
              <Input.TextArea id="gkrpt-explanation" rows={3} maxLength={20000} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
            </Form.Item>
          )}
          <Button
            type="primary"
            data-testid="gkrpt-publish"
            onClick={() =>
              void act(
                () => api(`/api/openness/report-drafts/${year}/publish`, { method: 'POST', json: { expectedVersion: r.version, ...(explanation.trim() ? { explanation } : {}) } }),
                t('gkrpt.publish.done'),
              )
            }
          >
            {t('gkrpt.publish.button')}
          </Button>
        </Card>
      </Form>
      <Collapse
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'actions',
            label: t('gkrpt.history'),
            children: (
              <List
                size="small"
                dataSource={r.actions ?? []}
                renderItem={(a) => (
                  <List.Item>
                    {when(a.at)} · {a.actorName} · {t(`gkrpt.actions.${a.action}`)}
                    {a.note ? ` · ${a.note}` : ''}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.preview')}</h3>}>
        <ReportDocument report={r} headingLevel={4} />
      </Card>
    </>
  );
}
