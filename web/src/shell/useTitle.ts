import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page has its own document title (screen readers announce it). */
export function useTitle(key: string) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = `${t(key)} · ${t('app.name')}`;
  }, [t, key, i18n.language]);
}
