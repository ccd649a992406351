import { Alert, Checkbox, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { ApplicationForm } from '../svc/ApplicationForm';
import { KnownFacts, type Choice, type Prefill } from '../svc/KnownFacts';
import type { ItemDetail } from '../svc/types';
import type { Answer } from '../api/client';
import { useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import { useLocalName } from '../shell/localName';

type Exempt = Answer<'/api/services/items/{id}/exempt-materials'>;

/**
 * Online application (只填一次): what the platform knows is shown with its source, to confirm or
 * change instead of typing; materials the base data or a held licence stands in for are not asked
 * for (免提交); then the item's form with what is left.
 */
export function Apply() {
  const { id } = useParams();
  const { t } = useTranslation();
  const localName = useLocalName();
  useTitle('svc.apply');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const who = me?.actingFor?.enterpriseId;
  const item = useQuery({ queryKey: ['svc-item', id], queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  const prefill = useQuery({ queryKey: ['svc-prefill', id, who], queryFn: () => api<Prefill>(`/api/services/items/${id}/prefill`) });
  const exempt = useQuery({ queryKey: ['svc-exempt', id, who], queryFn: () => api<Exempt>(`/api/services/items/${id}/exempt-materials`) });
  const [choices, setChoices] = useState<Record<string, Choice | undefined>>({});
  // 告知承诺制: an enterprise applying for a 行政许可 may commit in writing and be verified after approval.
  const [commitment, setCommitment] = useState(false);
  const c = item.data?.content;
  const titles = useMemo(() => {
    const props = ((c?.form.schema as { properties?: Record<string, { title?: string; 'x-title-en'?: string }> })?.properties ?? {}) as Record<string, { title?: string; 'x-title-en'?: string }>;
    return Object.fromEntries(Object.entries(props).map(([k, p]) => [k, localName.pick(p?.title, p?.['x-title-en'])]));
  }, [c, localName]);
  if (!c || !prefill.data || !exempt.data || !me) return null;
  const known = prefill.data;
  // What the platform holds is taken as confirmed unless changed; an answer from an earlier
  // application is only a suggestion, so it starts in the form, filled in, to check there.
  const choice = Object.fromEntries(Object.entries(known).map(([f, x]) => [f, choices[f] ?? (x.source.kind === 'application' ? 'edit' : 'confirmed')])) as Record<string, Choice>;
  // Left out of the form: verified and confirmed values.
  const filled = Object.keys(known).filter((f) => choice[f] !== 'edit');
  // Sent with the form: confirmed values in clear (the server fills masked ones itself).
  const preset = Object.fromEntries(Object.entries(known).flatMap(([f, x]) => (choice[f] !== 'edit' && !x.masked ? [[f, x.value]] : [])));
  // Changed values start from what was known, unless it is shown masked.
  const seed = Object.fromEntries(Object.entries(known).flatMap(([f, x]) => (choice[f] === 'edit' && !x.masked ? [[f, x.value]] : [])));
  const enterpriseOnly = !c.applicantTypes.includes('person');
  const blocked = me.type !== 'person' ? null : me.assuranceLevel < c.assuranceLevel ? t('svc.levelLow', { n: c.assuranceLevel }) : enterpriseOnly && !me.actingFor ? t('svc.typeNotOpen') : null;
  return (
    <>
      <Typography.Title level={1}>{t('svc.applyTitle', { name: localName(item.data) })}</Typography.Title>
      {me.actingFor && c.applicantTypes.includes('enterprise') && <Alert type="info" title={t('svc.actingAs', { name: me.actingFor.name })} style={{ marginBottom: 16 }} />}
      {blocked && <Alert type="warning" title={blocked} style={{ marginBottom: 16 }} />}
      {me.actingFor && c.itemType === 'licensing' && c.applicantTypes.includes('enterprise') && (
        <Checkbox checked={commitment} onChange={(e) => setCommitment(e.target.checked)} style={{ marginBottom: 16 }}>
          {t('regprof.commitmentChoice')}
        </Checkbox>
      )}
      <KnownFacts prefill={known} titles={titles} choices={choice} onChoose={(f, ch) => setChoices((x) => ({ ...x, [f]: ch }))} />
      <ApplicationForm
        item={item.data!}
        filled={filled}
        preset={preset}
        seed={seed}
        exempt={exempt.data.exempt}
        upload={exempt.data.upload}
        disabled={!!blocked}
        extra={commitment ? { commitment: true } : undefined}
        onSubmitted={(app) => navigate(`/applications/${app.id}`)}
      />
    </>
  );
}
