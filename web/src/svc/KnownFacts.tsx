import { Card, List, Radio, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../api/client';
import { useLocalName } from '../shell/localName';

/** What the platform knows, per form field, with its source (GET /api/services/items/{id}/prefill). */
export type Prefill = Answer<'/api/services/items/{id}/prefill'>;
export type KnownField = Prefill[string];
/** What the applicant decided about each editable prefilled field (confirmed unless they change it). */
export type Choice = 'confirmed' | 'edit';

interface Props {
  prefill: Prefill;
  /** Field → its title in the page's language. */
  titles: Record<string, string>;
  choices: Record<string, Choice>;
  onChoose(field: string, choice: Choice): void;
}

/**
 * 只填一次: what the platform already knows, shown as values to confirm instead of blanks to type.
 * Each value says where it came from; verified identity facts are read-only, the others can be
 * confirmed or changed (修改 puts the field into the form below, filled with the known value).
 */
export function KnownFacts({ prefill, titles, choices, onChoose }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const fields = Object.keys(prefill);
  if (!fields.length) return null;
  const shown = (v: KnownField['value']) => (typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('fill.knownTitle')}</h2>} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('fill.knownHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={fields}
        renderItem={(f) => {
          const x = prefill[f];
          const title = titles[f] || f;
          const source = localName.pick(x.source.zh, x.source.en);
          const choice = choices[f];
          return (
            <List.Item style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
              <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                <div id={`known-${f}`} style={{ color: 'rgba(0,0,0,0.65)' }}>
                  {title}
                </div>
                <div style={{ fontSize: '1.1em', wordBreak: 'break-all' }}>{shown(x.value)}</div>
                <Tag color={x.source.kind === 'application' ? 'default' : 'blue'} style={{ marginTop: 4, whiteSpace: 'normal' }}>
                  {t('fill.from', { source })}
                </Tag>
              </div>
              <div style={{ flex: '0 0 auto' }}>
                {x.locked ? (
                  <Tag icon={<LockOutlined />} color="green" style={{ whiteSpace: 'normal' }}>
                    {t('fill.verified')}
                  </Tag>
                ) : (
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    aria-describedby={`known-${f}`}
                    value={choice}
                    onChange={(e) => onChoose(f, e.target.value as Choice)}
                    options={[
                      { value: 'confirmed', label: t('fill.confirm') },
                      { value: 'edit', label: t('fill.edit') },
                    ]}
                  />
                )}
                {choice === 'edit' && <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.65)' }}>{t('fill.editing')}</div>}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
