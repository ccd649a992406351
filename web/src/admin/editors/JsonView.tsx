import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The "advanced" view of what an editor produces: read only, so JSON is never the way to edit. */
export function JsonView({ value, id }: { value: unknown; id: string }) {
  const { t } = useTranslation();
  return (
    <Collapse
      size="small"
      style={{ marginTop: 12 }}
      items={[
        {
          key: id,
          label: t('ed.advanced'),
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('ed.advancedNote')}</Typography.Paragraph>
              <pre className="yw-code" aria-label={t('ed.advanced')} tabIndex={0} style={{ maxHeight: 320, overflow: 'auto', fontSize: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(value, null, 2)}
              </pre>
            </>
          ),
        },
      ]}
    />
  );
}
