import { Alert, Button, Card, Form as AntForm, Input, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import Form from '@rjsf/antd';
import type { RJSFSchema } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import { formValidator } from '../../svc/formValidator';
import { useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { statusColor, type LicenceSummary, type LicenceType } from '../../licences/types';
import { call, client } from '../../api/client';

/** Ends a licence (撤销 / 注销 / 吊销) with a reason; it takes effect at once everywhere. */
function EndDialog({ licence, onClose }: { licence: LicenceSummary; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = AntForm.useForm<{ status: string; reason: string }>();
  const act = useAction('lic-');
  const save = async () => {
    const v = await form.validateFields();
    if (await act(() => api(`/api/licenses/${licence.id}/status`, { method: 'POST', json: v }), t('lic.ended'))) onClose();
  };
  return (
    <Modal open title={`${t('lic.endTitle')}：${licence.name} ${licence.licenceNo}`} onOk={save} onCancel={onClose} okButtonProps={{ danger: true }} okText={t('lic.end')}>
      <AntForm form={form} layout="vertical" initialValues={{ status: 'cancelled' }}>
        <AntForm.Item name="status" label={t('lic.endStatus')}>
          <Radio.Group options={(['cancelled', 'annulled', 'revoked'] as const).map((s) => ({ value: s, label: t(`lic.statuses.${s}`) }))} />
        </AntForm.Item>
        <AntForm.Item name="reason" label={t('lic.reason')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input.TextArea maxLength={200} />
        </AntForm.Item>
      </AntForm>
    </Modal>
  );
}

/** 直接签发: the type's own fields as a form, and the holder; the department's seal is applied. */
function IssueCard({ types }: { types: LicenceType[] }) {
  const { t, i18n } = useTranslation();
  const [key, setKey] = useState<string | undefined>(types[0]?.key);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [holder, setHolder] = useState({ name: '', code: '' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const act = useAction('lic-');
  const type = types.find((x) => x.key === key);
  const issue = async () => {
    setMsg(null);
    try {
      const r = await api<{ identifier: string }>('/api/licenses', { method: 'POST', json: { typeKey: key, holder: { name: holder.name.trim(), code: holder.code.trim().toUpperCase() }, data } });
      setMsg({ ok: true, text: t('lic.issuedDone', { id: r.identifier }) });
      await act(async () => undefined, t('lic.issuedDone', { id: r.identifier }));
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, i18n.language) });
    }
  };
  if (!type) return null;
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('lic.issueNew')}</h2>} style={{ marginBottom: 16 }}>
      <AntForm layout="vertical">
        <AntForm.Item label={t('lic.type')}>
          <Select
            value={key}
            onChange={(v) => {
              setKey(v);
              setData({});
            }}
            options={types.map((x) => ({ value: x.key, label: x.definition.name }))}
          />
        </AntForm.Item>
        <AntForm.Item label={t('lic.holderName')} required>
          <Input value={holder.name} onChange={(e) => setHolder({ ...holder, name: e.target.value })} maxLength={100} />
        </AntForm.Item>
        <AntForm.Item label={t('lic.holderCode')} required>
          <Input value={holder.code} onChange={(e) => setHolder({ ...holder, code: e.target.value })} maxLength={18} />
        </AntForm.Item>
      </AntForm>
      <Form
        schema={type.definition.fields as RJSFSchema}
        validator={formValidator}
        formData={data}
        onChange={(e) => setData(e.formData ?? {})}
        onSubmit={issue}
        showErrorList={false}
        uiSchema={{ 'ui:submitButtonOptions': { submitText: t('lic.issue') } }}
      />
      {msg && <Alert role={msg.ok ? 'status' : 'alert'} type={msg.ok ? 'success' : 'error'} title={msg.text} style={{ marginTop: 8 }} />}
    </Card>
  );
}

/** 证照签发: what this department issued, and issuing or ending one. */
export function IssuedLicences() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [ending, setEnding] = useState<LicenceSummary | null>(null);
  const issued = useQuery({ queryKey: ['lic-issued'], queryFn: () => call(client.GET('/api/licenses/issued')) });
  const types = useQuery({ queryKey: ['lic-types'], queryFn: () => call(client.GET('/api/licenses/types')) });
  const mine = (types.data ?? []).filter((x) => x.active && me?.departmentId && x.definition.issuers.includes(me.departmentId));
  return (
    <>
      <Typography.Paragraph>{t('lic.issuedLead')}</Typography.Paragraph>
      {mine.length > 0 && <IssueCard types={mine} />}
      <Table<LicenceSummary>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={issued.isLoading}
        dataSource={issued.data ?? []}
        columns={[
          { title: t('lic.type'), dataIndex: 'name' },
          { title: t('lic.number'), dataIndex: 'licenceNo' },
          { title: t('lic.holder'), render: (_, l) => `${l.holderName}（${l.holderCode}）` },
          { title: t('lic.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('lic.version'), dataIndex: 'version' },
          { title: t('lic.status'), render: (_, l) => <Tag color={statusColor(l.status)}>{l.statusLabel}</Tag> },
          {
            title: '',
            render: (_, l) =>
              l.status === 'valid' && (
                <Button size="small" danger onClick={() => setEnding(l)}>
                  {t('lic.end')}
                </Button>
              ),
          },
        ]}
      />
      {ending && <EndDialog licence={ending} onClose={() => setEnding(null)} />}
    </>
  );
}
