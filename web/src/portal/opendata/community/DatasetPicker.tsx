import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import type { DatasetOption } from './types';

/**
 * Picks published datasets by name from the catalogue's search (type to narrow). The value is the
 * datasets' URL names, which the community API takes as well as ids.
 */
export function DatasetPicker(props: { value?: string[]; onChange?: (v: string[]) => void; mode?: 'multiple'; id?: string; 'aria-label'?: string }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const en = i18n.language === 'en';
  const found = useQuery({
    queryKey: ['odcom-dataset-options', q],
    staleTime: 60_000,
    queryFn: () => api<{ results: DatasetOption[] }>(`/api/opendata/datasets?size=20${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`),
  });
  const options = (found.data?.results ?? []).map((d) => ({ value: d.name, label: `${en && d.titleEn ? d.titleEn : d.title}（${d.name}）` }));
  // Keep chosen names visible even when the current search does not list them.
  for (const v of props.value ?? []) if (!options.some((o) => o.value === v)) options.push({ value: v, label: v });
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={found.isLoading}
      placeholder={t('odcom.app.datasetsHint')}
      value={props.value}
      onChange={props.onChange}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
