import { Card, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { ApplicationForm } from '../svc/ApplicationForm';
import type { ItemDetail, ItemSummary, Page } from '../svc/types';
import { IDENTITY_SOURCES } from '../admin/editors/formModel';

/**
 * 线下受理: window staff apply for a person standing at the counter. The staff member reads the ID
 * card; the platform finds the person's account by name and number and fills in what it knows.
 */
export function WindowIntake() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [itemId, setItemId] = useState<string | undefined>();
  const [who, setWho] = useState({ name: '', idNumber: '' });
  const items = useQuery({ queryKey: ['svc-items-pick', q], queryFn: () => api<Page<ItemSummary>>(`/api/services/items?limit=20&applicantType=person${q ? `&q=${encodeURIComponent(q)}` : ''}`) });
  const item = useQuery({ queryKey: ['svc-item', itemId], enabled: !!itemId, queryFn: () => api<ItemDetail>(`/api/services/items/${itemId}`) });
  const idOk = /^[0-9]{17}[0-9Xx]$/.test(who.idNumber) && who.name.trim().length > 1;
  // The server fills identity facts itself; base-data and licence fields stay on the form, since the
  // base may not know the person at the window (what staff type there is kept).
  const filled = Object.entries(item.data?.content.form.prefill ?? {}).flatMap(([f, key]) => (IDENTITY_SOURCES.includes(key) ? [f] : []));
  return (
    <>
      <Typography.Paragraph>{t('svc.intakeLead')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label={t('svc.item')} htmlFor="intake-item">
            <Select
              id="intake-item"
              showSearch
              filterOption={false}
              onSearch={setQ}
              value={itemId}
              onChange={setItemId}
              options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            />
          </Form.Item>
          <Form.Item label={t('svc.applicantName')} htmlFor="intake-name">
            <Input id="intake-name" maxLength={50} value={who.name} onChange={(e) => setWho({ ...who, name: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('svc.applicantId')} htmlFor="intake-id">
            <Input id="intake-id" maxLength={18} value={who.idNumber} onChange={(e) => setWho({ ...who, idNumber: e.target.value.toUpperCase() })} autoComplete="off" />
          </Form.Item>
        </Form>
      </Card>
      {item.data && (
        <ApplicationForm key={item.data.id} item={item.data} filled={filled} disabled={!idOk} extra={{ onBehalfOf: who }} onSubmitted={(app) => navigate(`/workbench/services/${app.id}`)} />
      )}
    </>
  );
}
