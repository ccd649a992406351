import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MaterialUpload } from '../svc/MaterialUpload';

/** Up to three photos, each uploaded as the user picks it; reports the file ids. */
export function PhotoUpload({ onChange }: { onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const [ids, setIds] = useState<(string | null)[]>([null, null, null]);
  const set = (i: number, id: string | null) => {
    const next = ids.map((x, j) => (j === i ? id : x));
    setIds(next);
    onChange(next.filter((x): x is string => !!x));
  };
  return (
    <fieldset style={{ border: 0, padding: 0, marginBottom: 12 }}>
      <legend style={{ fontSize: 'inherit' }}>{t('cases.photos')}</legend>
      {ids.map((_, i) => (i === 0 || ids[i - 1] ? <MaterialUpload key={i} label={`${t('cases.photos')} ${i + 1}`} accept={['image/png', 'image/jpeg']} onUploaded={(id) => set(i, id)} /> : null))}
    </fieldset>
  );
}
