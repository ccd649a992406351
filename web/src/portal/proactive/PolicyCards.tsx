import { Empty, Input, Segmented, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { PolicyCardView } from '../../proactive/PolicyCardView';
import { itemsOf, type Mode, type Page, type PolicyCard } from '../../proactive/types';
import { useTitle } from '../../shell/useTitle';

/** 政策直达 (public): every published policy as a card — 申报条件, 兑现方式, 兑现时限 — filtered by mode or words. */
export function PolicyCards() {
  const { t, i18n } = useTranslation();
  useTitle('pro.policyCards');
  const cards = useQuery({ queryKey: ['pro-cards'], queryFn: () => api<Page<PolicyCard> | PolicyCard[]>('/api/proactive/policy-cards').then(itemsOf) });
  const [mode, setMode] = useState<Mode | 'all'>('all');
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const words = q.trim().toLowerCase();
    return (cards.data ?? []).filter(
      (c) => (mode === 'all' || c.mode === mode) && (!words || [c.name, c.nameEn, c.conditionsZh, c.conditionsEn, c.departmentName].some((s) => s?.toLowerCase().includes(words))),
    );
  }, [cards.data, mode, q]);
  return (
    <>
      <Typography.Title level={1}>{t('pro.policyCards')}</Typography.Title>
      <Typography.Paragraph>{t('pro.policyCardsLead')}</Typography.Paragraph>
      <search style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <Input.Search allowClear aria-label={t('pro.search')} placeholder={t('pro.search')} maxLength={50} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ maxWidth: 360 }} />
        <Segmented<Mode | 'all'>
          aria-label={t('pro.mode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'all', label: t('pro.filterAll') },
            { value: 'automatic', label: t('pro.modes.automatic') },
            { value: 'application', label: t('pro.modes.application') },
          ]}
        />
      </search>
      {cards.isLoading ? (
        <Spin aria-label={t('common.loading')} />
      ) : rows.length ? (
        <ul className="yw-card-list yw-pro-grid" lang={i18n.language === 'en' ? 'en' : 'zh-CN'}>
          {rows.map((c) => (
            <li key={c.id}>
              <PolicyCardView card={c} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <Empty description={t('pro.empty')} />
      )}
    </>
  );
}
