import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../api';
import { useMe } from '../shell/session';
import { WorkflowDesigner, type Labelled } from './editors/WorkflowDesigner';
import type { WfDefinition } from './editors/workflowModel';

/**
 * The 12345 case workflow of a region, drawn and edited with the same designer as item workflows
 * (the kernel's one workflow shape), checked by the server (unreachable states, states that can
 * never finish, unknown roles, actions without a handler) and published as a new version.
 */
export function CaseWorkflowEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const regionCode = me?.regionCode || '152201';
  const info = useQuery({
    queryKey: ['case-workflows', regionCode],
    queryFn: () => api<{ latest: number; regionCode: string; versions: { version: number; regionCode: string }[] }>(`/api/cases/workflows?regionCode=${regionCode}`),
  });
  const latest = info.data?.latest;
  const stored = useQuery({ queryKey: ['case-workflows', 'v', latest], enabled: !!latest, queryFn: () => api<{ version: number; definition: WfDefinition }>(`/api/cases/workflows/${latest}`) });
  const roles = useQuery({ queryKey: ['org-roles'], staleTime: 300_000, queryFn: () => api<Labelled[]>('/api/org/roles') });
  const [def, setDef] = useState<WfDefinition | null>(null);
  const [saved, setSaved] = useState<{ path: string; message: string }[] | undefined>();
  const [reason, setReason] = useState('');
  useEffect(() => {
    // The editor starts from the stored version each time one arrives (after a publish, the new one).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored.data) setDef(structuredClone(stored.data.definition));
  }, [stored.data]);
  if (!def) return null;

  const publish = async () => {
    try {
      const r = await api<{ version: number }>('/api/cases/workflows', { method: 'POST', json: { regionCode, definition: def, reason } });
      message.success(t('ed.wf.published', { version: r.version }));
      setSaved(undefined);
      await qc.invalidateQueries({ queryKey: ['case-workflows'] });
      await qc.invalidateQueries({ queryKey: ['case-codes'] });
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setSaved(err.errors);
      message.error(errorText(err, i18n.language));
    }
  };

  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('ed.wf.caseTitle')}</h2>}>
      <Typography.Paragraph>{t('cfg.workflowLead')}</Typography.Paragraph>
      <Typography.Paragraph>{t('cfg.current', { version: latest, region: info.data?.versions.find((v) => v.version === latest)?.regionCode || t('cfg.national') })}</Typography.Paragraph>
      <WorkflowDesigner
        value={def}
        onChange={(d) => (setDef(d), setSaved(undefined))}
        roles={roles.data ?? []}
        saved={saved}
        validate={async (d) => (await api<{ problems: { path: string; message: string }[] }>('/api/cases/workflows/check', { method: 'POST', json: { definition: d } })).problems}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <label htmlFor="wf-reason">{t('ed.wf.reason')}</label>
        <Input id="wf-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} style={{ width: 320, maxWidth: '100%' }} />
        <Button type="primary" disabled={reason.trim().length < 2} onClick={publish}>
          {t('ed.wf.publish')}
        </Button>
      </Space>
    </Card>
  );
}
