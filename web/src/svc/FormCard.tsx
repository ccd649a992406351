import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from './types';

/** The application form as submitted, each field under its title (identifiers arrive masked). */
export function FormCard({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const titles = i18n.language === 'en' ? { ...app.formTitles, ...app.formTitlesEn } : app.formTitles;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.formData')}</h2>} size="small" style={{ marginTop: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        {Object.entries(app.form).map(([k, v]) => (
          <Descriptions.Item key={k} label={titles[k] ?? k}>
            {String(v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
