import { Alert, Button, Descriptions, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api';
import { useCodes, useItemName, useLabel } from '../svc/labels';
import type { ItemDetail, Material } from '../svc/types';
import { signInUrl, useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import { useCompact } from '../shell/useCompact';

/** 办事指南: every element of the implementation list, then the way in. */
export function ItemGuide() {
  const { id } = useParams();
  const { t } = useTranslation();
  useTitle('svc.catalogue');
  const label = useLabel();
  const itemName = useItemName();
  const codes = useCodes();
  const { data: me } = useMe();
  const compact = useCompact();
  // Reached from a catalogue search: applying is what the search was for (the ranking learns it).
  const searchQueryId = (useLocation().state as { searchQueryId?: string } | null)?.searchQueryId;
  const item = useQuery({ queryKey: ['svc-item', id], queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  if (item.error) return <Alert type="error" title={String((item.error as Error).message)} />;
  const d = item.data;
  if (!d) return null;
  const c = d.content;
  const code = (list: 'itemTypes' | 'deliveryMethods' | 'lifeEvents' | 'enterpriseEvents', v: string) => label(codes.data?.[list].find((x) => String(x.code) === v));
  return (
    <>
      <Typography.Title level={1}>{itemName(d)}</Typography.Title>
      {c.instant && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('inst.badge')} description={t('inst.guide')} />}
      {/* On phones and in 长辈模式 each label sits above its value: a label column there is one character wide. */}
      <Descriptions bordered column={compact ? 1 : { xs: 1, sm: 1, md: 2 }} layout={compact ? 'vertical' : 'horizontal'} size="small">
        <Descriptions.Item label={t('svc.code')}>{d.code}</Descriptions.Item>
        <Descriptions.Item label={t('svc.type')}>{code('itemTypes', c.itemType)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.department')}>{d.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('svc.applicants')}>{c.applicantTypes.map((a) => t(`svc.${a}`)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('svc.statutory')}>{t('svc.days', { n: c.statutoryDays })}</Descriptions.Item>
        <Descriptions.Item label={t('svc.promised')}>{c.handling === 'instant' ? t('svc.instant') : t('svc.days', { n: c.promisedDays })}</Descriptions.Item>
        <Descriptions.Item label={t('svc.visits')}>{c.visits === 0 ? t('svc.zeroVisits') : c.visits}</Descriptions.Item>
        <Descriptions.Item label={t('svc.fee')}>{c.feeFen === 0 ? t('svc.free') : t('svc.yuan', { n: (c.feeFen / 100).toFixed(2) })}</Descriptions.Item>
        <Descriptions.Item label={t('svc.level')}>{t(`portal.me.levels.${c.assuranceLevel}`, { defaultValue: String(c.assuranceLevel) })}</Descriptions.Item>
        <Descriptions.Item label={t('svc.delivery')}>{c.deliveryMethods.map((m) => code('deliveryMethods', m)).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('svc.basis')} span={compact ? 1 : 2}>
          {c.legalBasis}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.conditions')} span={compact ? 1 : 2}>
          {c.conditions}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ marginTop: 24 }}>
        {t('svc.materials')}
      </Typography.Title>
      {compact ? (
        <ul className="yw-card-list">
          {c.materials.map((m) => (
            <li key={m.code} className="yw-card">
              <span className="yw-card-title">{m.name}</span>
              <div className="yw-card-meta">
                <span>{m.required ? t('svc.requiredYes') : t('svc.requiredNo')}</span>
                {m.replaceableBy && <Tag color="green">{m.replaceableBy.kind === 'licence' ? t('svc.replaceLicence') : t('svc.replaceData')}</Tag>}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Table<Material>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={c.materials}
          scroll={{ x: true }}
          columns={[
            { title: t('svc.materialName'), dataIndex: 'name' },
            { title: t('svc.required'), dataIndex: 'required', render: (r: boolean) => (r ? t('svc.requiredYes') : t('svc.requiredNo')) },
            {
              title: t('svc.replaceable'),
              dataIndex: 'replaceableBy',
              render: (r: Material['replaceableBy']) => (r ? <Tag color="green">{r.kind === 'licence' ? t('svc.replaceLicence') : t('svc.replaceData')}</Tag> : '—'),
            },
          ]}
        />
      )}
      <div style={{ marginTop: 24 }}>
        {me ? (
          <Link
            to={`/services/${d.id}/apply`}
            onClick={() => {
              if (searchQueryId) void api('/api/services/search-clicks', { method: 'POST', json: { queryId: searchQueryId, itemId: d.id, kind: 'apply' } }).catch(() => undefined);
            }}
          >
            <Button type="primary" size="large">
              {t('svc.apply')}
            </Button>
          </Link>
        ) : (
          <Button type="primary" size="large" href={signInUrl(`/services/${d.id}/apply`)}>
            {t('svc.signInToApply')}
          </Button>
        )}
      </div>
    </>
  );
}
