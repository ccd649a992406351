import { AutoComplete } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';

/** A 标准地址库 hit, as /api/cityops/addresses answers. */
export interface AddressHit {
  id: string;
  fullText: string;
  lon: number;
  lat: number;
  streetName: string;
  gridName: string | null;
}

const MAX = 50;

/** Waits until the user stops typing before asking the server. */
function useDebounced(value: string, ms = 250): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** Finds a standard address as the user types; choosing one hands it over (to fly to and pin). */
export function AddressSearch({ onChoose, disabled }: { onChoose: (a: AddressHit) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  // Punctuation alone is nothing to search for (the server says so too); ask only with a letter or digit in it.
  const hits = useQuery({
    queryKey: ['addresses', q],
    enabled: /[\p{L}\p{N}]/u.test(q),
    staleTime: 60_000,
    queryFn: () => api<AddressHit[]>(`/api/cityops/addresses?q=${encodeURIComponent(q.slice(0, MAX))}&limit=8`),
  });
  const options = (hits.data ?? []).map((h) => ({ value: h.id, label: h.fullText }));
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {t('map.search')}
      </label>
      <AutoComplete
        id={id}
        value={text}
        options={options}
        disabled={disabled}
        style={{ width: '100%' }}
        onChange={(v) => setText(String(v))}
        onSelect={(value) => {
          const hit = hits.data?.find((h) => h.id === value);
          if (!hit) return;
          setText(hit.fullText);
          onChoose(hit);
        }}
        notFoundContent={hits.isSuccess && q ? t('map.noAddress') : null}
        placeholder={t('map.searchPlaceholder')}
        maxLength={MAX}
        allowClear
      />
    </div>
  );
}
