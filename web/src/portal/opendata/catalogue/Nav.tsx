import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const SECTIONS = ['datasets', 'figures', 'api', 'applications', 'sandbox', 'demands', 'apps', 'products'] as const;

/** The open-data portal's sections, as links (wraps on a phone). */
export function OpenDataNav({ active }: { active: (typeof SECTIONS)[number] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('od.nav.label')} style={{ marginBottom: 8 }}>
      <Flex wrap gap={12}>
        {SECTIONS.map((s) => (
          <Link key={s} to={`/opendata/${s}`} aria-current={s === active ? 'page' : undefined} style={s === active ? { fontWeight: 600, textDecoration: 'underline' } : undefined}>
            {t(`od.nav.${s}`)}
          </Link>
        ))}
      </Flex>
    </nav>
  );
}
