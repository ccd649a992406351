import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, errorText } from '../../../api';
import { useMe } from '../../../shell/session';
import { useTitle } from '../../../shell/useTitle';
import { CHECK_COLOURS } from '../Drafts';
import type { DraftView, Finding } from './types';

/** The body with the findings in it marked (the place the check found each). */
function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const marks = findings.filter((f) => f.field === 'body').sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of marks) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.id} id={`gkrev-f-${f.id}`} title={f.kindZh} style={{ background: f.state === 'waived' ? '#e6f4ff' : '#ffd6d6', padding: 0 }}>
        {text.slice(f.start, f.start + f.length)}
      </mark>,
    );
    at = f.start + f.length;
  }
  parts.push(text.slice(at));
  return (
    <div className="yw-prose" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 480, overflow: 'auto' }} data-testid="gkrev-body">
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </div>
  );
}

type Code = DraftView['availableActions'][number]['code'];

/** One draft: its text with the findings marked, the findings (误报 waived by the reviewer), the steps the user may take, the history. */
export function DraftDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  useTitle('gkrev.title');
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const draft = useQuery({ queryKey: ['gkrev-draft', id], queryFn: () => api<DraftView>(`/api/openness/drafts/${id}`), retry: false });
  const [acting, setActing] = useState<Code | null>(null);
  const [waiving, setWaiving] = useState<Finding | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [form] = Form.useForm();
  const [waiveForm] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['gkrev-draft', id] });
    void qc.invalidateQueries({ queryKey: ['gkrev-drafts'] });
  };
  const step = useMutation({
    mutationFn: (v: { code: Code; body: Record<string, unknown> }) =>
      api<{ state: string; check?: string }>(`/api/openness/drafts/${id}/actions/${v.code}`, { method: 'POST', json: { expectedVersion: draft.data!.version, ...v.body } }),
    onSuccess: (r) => {
      setActing(null);
      form.resetFields();
      setNotice(r.check === 'blocked' ? { type: 'warning', text: t('gkrev.act.blocked') } : { type: 'success', text: t('gkrev.act.done') });
      refresh();
    },
    onError: (e) => setNotice({ type: 'error', text: errorText(e, i18n.language) }),
  });
  const waive = useMutation({
    mutationFn: (v: { finding: Finding; reason: string }) =>
      api(`/api/openness/drafts/${id}/findings/${v.finding.id}/waive`, { method: 'POST', json: { expectedVersion: draft.data!.version, reason: v.reason } }),
    onSuccess: () => {
      setWaiving(null);
      waiveForm.resetFields();
      refresh();
    },
    onError: (e) => setNotice({ type: 'error', text: errorText(e, i18n.language) }),
  });
  if (draft.isError) return <Alert type="error" showIcon message={errorText(draft.error, i18n.language)} />;
  const d = draft.data;
  if (!d) return null;
  const doc = d.document;
  const reviewerHere = d.state === 'secrecy_review' && !!me?.roles.includes('secrecy_reviewer') && me?.departmentId === d.department.id;
  const action = d.availableActions.find((a) => a.code === acting);
  const submitAction = async () => {
    if (!acting) return;
    const v = await form.validateFields();
    step.mutate({ code: acting, body: v });
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Link to="/workbench/openness/drafts">{t('gkrev.back')}</Link>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {d.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="geekblue">{en ? d.stateEn : d.stateZh}</Tag>
        <Tag>{t(`gkrev.purposes.${d.purpose}`)}</Tag>
        <Tag color={CHECK_COLOURS[d.checkState]}>{t(`gkrev.checks.${d.checkState}`)}</Tag>
        {d.published?.indexNo && <Tag color="blue">{t('gkrev.detail.published', { indexNo: d.published.indexNo })}</Tag>}
      </Space>
      {notice && <Alert type={notice.type} showIcon closable onClose={() => setNotice(null)} style={{ marginBottom: 12 }} message={notice.text} role="status" />}
      <Space wrap style={{ marginBottom: 16 }}>
        {d.availableActions.map((a) => (
          <Button
            key={a.code}
            type={a.code === 'discard' ? 'default' : 'primary'}
            danger={a.code === 'discard'}
            onClick={() => (a.requires.length ? setActing(a.code) : step.mutate({ code: a.code, body: {} }))}
            loading={step.isPending}
          >
            {en ? a.en : a.zh}
          </Button>
        ))}
        {d.editable && <Button onClick={() => navigate(`/workbench/openness/drafts/${id}/edit`)}>{t('gkrev.detail.edit')}</Button>}
      </Space>

      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrev.detail.findings')}</h3>} style={{ marginBottom: 12 }}>
        {d.checkState === 'unchecked' && d.findings.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('gkrev.detail.stale')} />}
        {d.findings.length === 0 ? (
          <Typography.Text>{d.checkState === 'unchecked' ? t('gkrev.detail.notChecked') : t('gkrev.detail.noFindings')}</Typography.Text>
        ) : (
          <List
            size="small"
            data-testid="gkrev-findings"
            dataSource={d.findings}
            renderItem={(f) => (
              <List.Item
                actions={
                  reviewerHere && f.waivable && f.state === 'open'
                    ? [
                        <Button key="w" size="small" onClick={() => setWaiving(f)}>
                          {t('gkrev.detail.waive')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Tag color={f.state === 'waived' ? 'blue' : f.waivable ? 'purple' : 'red'}>{en ? f.kindEn : f.kindZh}</Tag>
                    <Typography.Text code>{f.excerpt}</Typography.Text>
                    <Typography.Text type="secondary">{t('gkrev.detail.place', { field: t(`gkrev.detail.fields.${f.field}`), paragraph: f.paragraph, offset: f.offset + 1 })}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">
                    {f.state === 'waived' ? t('gkrev.detail.waived', { who: f.waivedBy, reason: f.waiveReason }) : f.waivable ? t('gkrev.detail.waivable') : t('gkrev.detail.mustEdit')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrev.detail.document')}</h3>} style={{ marginBottom: 12 }}>
        {d.reason && <Alert type="info" style={{ marginBottom: 8 }} message={`${t('gkrev.editor.reason')}：${d.reason}`} />}
        {doc && (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('gkrev.editor.kind')}>{t(`gkrev.kinds.${doc.kind}`, { defaultValue: doc.kind })}</Descriptions.Item>
              <Descriptions.Item label={t('gkrev.editor.number')}>{doc.number ?? t('gkrev.editor.none')}</Descriptions.Item>
              <Descriptions.Item label={t('gkrev.editor.writtenOn')}>{doc.writtenOn}</Descriptions.Item>
              <Descriptions.Item label={t('gkrev.editor.themeCode')}>{doc.themeCode}</Descriptions.Item>
              {doc.summary && <Descriptions.Item label={t('gkrev.editor.summary')}>{doc.summary}</Descriptions.Item>}
              {doc.keywords.length > 0 && <Descriptions.Item label={t('gkrev.editor.keywords')}>{doc.keywords.join('、')}</Descriptions.Item>}
              {d.interpretationOfDraft && (
                <Descriptions.Item label={t('gkrev.detail.original')}>
                  <Link to={`/workbench/openness/drafts/${d.interpretationOfDraft.id}`}>{d.interpretationOfDraft.title}</Link>
                </Descriptions.Item>
              )}
              {d.interpretations.length > 0 && (
                <Descriptions.Item label={t('gkrev.detail.interpretations')}>
                  {d.interpretations.map((x) => (
                    <Link key={x.id} to={`/workbench/openness/drafts/${x.id}`} style={{ marginRight: 8 }}>
                      {x.title}
                    </Link>
                  ))}
                </Descriptions.Item>
              )}
              {doc.attachments.length > 0 && (
                <Descriptions.Item label={t('gkrev.editor.attachments')}>
                  {doc.attachments.map((a) => (
                    <a key={a.fileId} href={`/api/files/${a.fileId}`} style={{ marginRight: 8 }}>
                      {a.name}
                    </a>
                  ))}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Text strong>{t('gkrev.detail.highlighted')}</Typography.Text>
            <Highlighted text={doc.body} findings={d.findings} />
          </>
        )}
      </Card>

      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrev.detail.history')}</h3>}>
        <Timeline
          items={d.steps.map((s) => ({
            children: (
              <>
                <Typography.Text strong>{en ? s.en : s.zh}</Typography.Text> · {s.actor} · {new Date(s.at).toLocaleString(en ? 'en' : 'zh-CN')}
                {s.opinion && <div>{s.opinion}</div>}
                {s.basis && (
                  <div>
                    {t('gkrev.act.basis')}：{s.basis}
                  </div>
                )}
              </>
            ),
          }))}
        />
      </Card>

      <Modal
        open={!!acting}
        title={action ? (en ? action.en : action.zh) : ''}
        okText={t('gkrev.act.confirm')}
        cancelText={t('gkrev.editor.cancel')}
        onOk={submitAction}
        onCancel={() => setActing(null)}
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ outcome: action?.outcomes[0] }}>
          {action && action.outcomes.length > 0 && (
            <Form.Item name="outcome" label={t('gkrev.act.outcome')}>
              <Radio.Group options={action.outcomes.map((o) => ({ value: o, label: o === 'approve' ? t('gkrev.act.approveOutcome') : t(`gkrev.act.${o}`) }))} />
            </Form.Item>
          )}
          {outcome === 'return' ? (
            <Form.Item name="reason" label={t('gkrev.act.reason')} rules={[{ required: true, message: t('gkrev.editor.required') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : (
            action?.code === 'secrecy' && (
              <>
                <Form.Item name="opinion" label={t('gkrev.act.opinion')} rules={[{ required: true, message: t('gkrev.editor.required') }]}>
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
                <Form.Item name="basis" label={t('gkrev.act.basis')} rules={[{ required: true, message: t('gkrev.editor.required') }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </>
            )
          )}
        </Form>
      </Modal>

      <Modal
        open={!!waiving}
        title={t('gkrev.detail.waive')}
        okText={t('gkrev.act.confirm')}
        cancelText={t('gkrev.editor.cancel')}
        onOk={async () => {
          const v = await waiveForm.validateFields();
          if (waiving) waive.mutate({ finding: waiving, reason: v.reason });
        }}
        onCancel={() => setWaiving(null)}
        confirmLoading={waive.isPending}
        destroyOnHidden
      >
        {waiving && <Typography.Paragraph code>{waiving.excerpt}</Typography.Paragraph>}
        <Form form={waiveForm} layout="vertical">
          <Form.Item name="reason" label={t('gkrev.detail.waiveReason')} rules={[{ required: true, min: 2, message: t('gkrev.editor.required') }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
