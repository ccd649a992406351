import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Radio, Rate, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api';
import { CaseHistory } from '../../cases/CaseHistory';
import { CaseMap } from '../../cases/CaseMap';
import { useGridNames, useGrids } from '../../cases/map/useGridNames';
import { PhotoUpload } from '../../cases/PhotoUpload';
import { useCaseLabel, useCategoryOptions } from '../../cases/codes';
import type { CaseAction, CaseDetail } from '../../cases/types';
import type { Department } from '../../admin/Departments';
import { can, useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';
import { when } from '../../svc/labels';
import { RevealPhone } from './RevealPhone';

const NOTE_KINDS = ['remind', 'supervise', 'escalate', 'request_extension', 'approve_extension', 'refuse_extension', 'assist'] as const;

/** One case at a desk: what was reported, where, its clocks, the history, and the steps this person may take. */
export function HandleCase() {
  const id = useParams()['*']?.split('/')[1];
  const { t, i18n } = useTranslation();
  useTitle('cases.inbox');
  const { data: me } = useMe();
  const label = useCaseLabel();
  const categories = useCategoryOptions();
  const act = useAction('case');
  const [pending, setPending] = useState<CaseAction | null>(null);
  const [note, setNote] = useState<(typeof NOTE_KINDS)[number] | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [form] = Form.useForm();
  const [noteForm] = Form.useForm();
  const gridName = useGridNames();
  const grids = useGrids('grid');
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/cases/${id}`) });
  const depts = useQuery({ queryKey: ['case-depts'], staleTime: 300_000, queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
  const c = q.data;
  if (q.error) return <Alert type="error" title={String((q.error as Error).message)} />;
  if (!c) return null;
  const unitOptions = (depts.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const lang = (x: { zh: string; en: string }) => (i18n.language === 'en' ? x.en : x.zh);
  const top = c.suggestions[0];

  const run = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { action: pending!.code, expectedVersion: c.version };
    for (const k of ['reason', 'categoryCode', 'departmentId', 'helperDepartmentIds', 'duplicateOf', 'gridCode', 'urgency'])
      if (v[k] !== undefined && v[k] !== '' && !(Array.isArray(v[k]) && v[k].length === 0)) body[k] = v[k];
    if (pending!.code === 'close' || pending!.code === 'reopen') body.visit = { reached: v.reached ?? true, ...(v.reached === false ? {} : { solved: v.solved, satisfaction: v.satisfaction }) };
    if (pending!.code === 'reply' && photos.length) body.photoIds = photos;
    if (await act(() => api(`/api/cases/${c.id}/actions`, { method: 'POST', json: body }), t('cases.done'))) {
      setPending(null);
      setPhotos([]);
      form.resetFields();
    }
  };
  const sendNote = async () => {
    const v = await noteForm.validateFields();
    if (await act(() => api(`/api/cases/${c.id}/notes`, { method: 'POST', json: { kind: note, text: v.text, ...(v.days ? { days: v.days } : {}) } }), t('cases.done'))) {
      setNote(null);
      noteForm.resetFields();
    }
  };
  const code = pending?.code;
  const supervisor = can(me, 'cases.supervise');
  const inUnit = me?.departmentId && me.departmentId === c.handlingDepartmentId;
  const noteKinds = NOTE_KINDS.filter((k) =>
    k === 'remind' || k === 'supervise' || k === 'escalate'
      ? supervisor && c.open && !!c.handlingDepartmentId
      : k === 'request_extension'
        ? inUnit && c.state === 'handling' && c.extensionStatus !== 'pending'
        : k === 'assist'
          ? c.helperDepartments.some((h) => h.id === me?.departmentId)
          : c.extensionStatus === 'pending' && me?.departmentId === c.dispatcherDepartmentId,
  );

  return (
    <>
      <Typography.Title level={1}>{t('cases.caseTitle', { number: c.number })}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={c.open ? 'blue' : 'default'}>{lang(c.stateLabel)}</Tag>
        <Tag>{label('urgencies', c.urgency)}</Tag>
        {c.overdue && <Tag color="red">{t('cases.overdue')}</Tag>}
        {c.supervisionLevel > 0 && <Tag color="volcano">{c.supervisionLevel > 1 ? t('cases.level2') : t('cases.level1')}</Tag>}
        {c.extensionStatus === 'pending' && <Tag color="gold">{t('cases.extensionPending')}</Tag>}
        {c.repeatCaller && <Tag color="red">{t('cases.repeatCaller')}</Tag>}
        {c.duplicates > 0 && <Tag>{t('cases.duplicates', { n: c.duplicates })}</Tag>}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{c.title}</h2>}>
            <Typography.Paragraph>{c.content}</Typography.Paragraph>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('cases.kind')}>{label('kinds', c.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.channel')}>{label('channels', c.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.callerName')}>
                {c.callerName ?? '—'}{' '}
                {c.canRevealPhone && c.callerPhone ? <RevealPhone caseId={c.id} masked={c.callerPhone} purpose={c.state === 'replied' ? 'visit_back' : 'handling'} /> : (c.callerPhone ?? '')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.address')}>{c.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.street')}>
                {c.streetName ?? '—'} {gridName(c.gridCode)}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.category')}>{c.categoryName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.unit')}>{c.handlingDepartmentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.helpers')}>{c.helperDepartments.map((h) => h.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.responseDueAt')}>{when(c.responseDueAt, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.dueAt')}>{when(c.dueAt, i18n.language)}</Descriptions.Item>
              {c.answer && (
                <Descriptions.Item label={t('cases.answer')} span={2}>
                  {c.answer}
                </Descriptions.Item>
              )}
              {c.reply && (
                <Descriptions.Item label={t('cases.reply')} span={2}>
                  {c.reply}
                </Descriptions.Item>
              )}
              {c.satisfaction != null && (
                <Descriptions.Item label={t('cases.visit')} span={2}>
                  {t('cases.solved')}：{c.solved ? t('cases.yes') : t('cases.no')} · {t('cases.satisfaction')}：{c.satisfaction}/5
                </Descriptions.Item>
              )}
            </Descriptions>
            {[...c.photoIds, ...c.replyPhotoIds].length > 0 && (
              <Space wrap style={{ marginTop: 8 }}>
                {[...c.photoIds, ...c.replyPhotoIds].map((p, i) => (
                  <a key={p} href={`/api/files/${p}`}>
                    {t('cases.photos')} {i + 1}
                  </a>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.actions')}</h2>}>
            <Space wrap>
              {c.actions.length === 0 && <span>—</span>}
              {c.actions.map((a) => (
                <Button key={a.code} type={a.code === 'dispatch' || a.code === 'accept' || a.code === 'reply' || a.code === 'close' ? 'primary' : 'default'} onClick={() => setPending(a)}>
                  {lang(a)}
                </Button>
              ))}
              {noteKinds.map((k) => (
                <Button key={k} onClick={() => setNote(k)}>
                  {t(`cases.noteKind.${k}`)}
                </Button>
              ))}
            </Space>
          </Card>
          <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.flow')}</h2>}>
            <CaseHistory rows={c.history} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {c.lon != null && c.lat != null && <CaseMap pin={[c.lon, c.lat]} height={300} />}
          {c.suggestions.length > 0 && (
            <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.suggestions')}</h2>}>
              {c.suggestions.map((s) => (
                <div key={s.categoryCode}>
                  {s.categoryName} → {s.departmentName ?? t('cases.noUnit')} <Tag color="blue">{Math.round(s.confidence * 100)}%</Tag>
                </div>
              ))}
            </Card>
          )}
        </Col>
      </Row>
      <Modal open={!!pending} title={pending ? lang(pending) : ''} onOk={run} onCancel={() => setPending(null)} okText={t('cases.act')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={code === 'dispatch' ? { categoryCode: c.categoryCode ?? top?.categoryCode, departmentId: top?.departmentId ?? undefined, urgency: c.urgency } : { reached: true }}
        >
          {code === 'dispatch' && (
            <>
              <Form.Item name="categoryCode" label={t('cases.category')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={categories} />
              </Form.Item>
              <Form.Item name="urgency" label={t('cases.urgency')}>
                <Select options={['urgent', 'ordinary', 'consult'].map((u) => ({ value: u, label: label('urgencies', u) }))} />
              </Form.Item>
            </>
          )}
          {(code === 'dispatch' || code === 'reassign' || code === 'redispatch') && (
            <Form.Item name="departmentId" label={t('cases.department')} rules={[{ required: code !== 'redispatch' }]}>
              <Select showSearch optionFilterProp="label" options={unitOptions} />
            </Form.Item>
          )}
          {code === 'redispatch' && (
            <Form.Item name="gridCode" label={t('cases.gridCode')}>
              <Select showSearch optionFilterProp="label" options={(grids.data?.features ?? []).map((f) => ({ value: String(f.properties?.code), label: String(f.properties?.name) }))} />
            </Form.Item>
          )}
          {code === 'dispatch' && (
            <Form.Item name="helperDepartmentIds" label={t('cases.helperUnits')}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} />
            </Form.Item>
          )}
          {code === 'merge' && (
            <Form.Item name="duplicateOf" label={t('cases.duplicateOf')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          )}
          {(code === 'close' || code === 'reopen') && (
            <>
              <Form.Item name="reached" label={t('cases.visit')}>
                <Radio.Group options={[{ value: true, label: t('cases.reached') }, ...(code === 'close' ? [{ value: false, label: t('cases.notReached') }] : [])]} />
              </Form.Item>
              <Form.Item name="solved" label={t('cases.solved')} rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: true, label: t('cases.yes') },
                    { value: false, label: t('cases.no') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="satisfaction" label={t('cases.satisfaction')} rules={[{ required: true }]}>
                <Rate />
              </Form.Item>
            </>
          )}
          {code === 'reply' && <PhotoUpload onChange={setPhotos} />}
          {pending?.requires.includes('reason') && (
            <Form.Item name="reason" label={t(`cases.reasonFor.${code}`, { defaultValue: t('cases.reason') })} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal open={!!note} title={note ? t(`cases.noteKind.${note}`) : ''} onOk={sendNote} onCancel={() => setNote(null)} okText={t('cases.act')} destroyOnHidden>
        <Form form={noteForm} layout="vertical">
          {note === 'request_extension' && (
            <Form.Item name="days" label={t('cases.days')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          )}
          <Form.Item name="text" label={t('cases.noteText')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
