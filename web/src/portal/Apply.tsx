import { Alert, Card, Descriptions, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { ApplicationForm } from '../svc/ApplicationForm';
import type { ItemDetail } from '../svc/types';
import { useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import { useLocalName } from '../shell/localName';

/** Online application: what the platform knows is shown, masked, instead of asked; then the item's form. */
export function Apply() {
  const { id } = useParams();
  const { t } = useTranslation();
  const localName = useLocalName();
  useTitle('svc.apply');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const item = useQuery({ queryKey: ['svc-item', id], queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  const prefill = useQuery({ queryKey: ['svc-prefill', id, me?.actingFor?.enterpriseId], queryFn: () => api<Record<string, string>>(`/api/services/items/${id}/prefill`) });
  const c = item.data?.content;
  if (!c || !prefill.data || !me) return null;
  const schema = c.form.schema as { properties: Record<string, { title?: string; 'x-title-en'?: string }> };
  const filled = Object.keys(c.form.prefill ?? {}).filter((f) => prefill.data[f] !== undefined);
  const enterpriseOnly = !c.applicantTypes.includes('person');
  const blocked = me.type !== 'person' ? null : me.assuranceLevel < c.assuranceLevel ? t('svc.levelLow', { n: c.assuranceLevel }) : enterpriseOnly && !me.actingFor ? t('svc.typeNotOpen') : null;
  return (
    <>
      <Typography.Title level={1}>{t('svc.applyTitle', { name: localName(item.data) })}</Typography.Title>
      {me.actingFor && c.applicantTypes.includes('enterprise') && <Alert type="info" title={t('svc.actingAs', { name: me.actingFor.name })} style={{ marginBottom: 16 }} />}
      {blocked && <Alert type="warning" title={blocked} style={{ marginBottom: 16 }} />}
      {filled.length > 0 && (
        <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.known')}</h2>} size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            {filled.map((f) => (
              <Descriptions.Item key={f} label={localName.pick(schema.properties[f]?.title, schema.properties[f]?.['x-title-en']) || f}>
                {prefill.data[f]}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <ApplicationForm item={item.data!} filled={filled} disabled={!!blocked} onSubmitted={(app) => navigate(`/applications/${app.id}`)} />
    </>
  );
}
