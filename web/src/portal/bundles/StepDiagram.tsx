import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../shell/localName';
import type { BundleMember } from './types';

/**
 * The order of a 一件事 as a simple step diagram: one column (a row on a phone) per step, the
 * members of a step side by side; each says its department and what it waits for. An ordered list,
 * so a screen reader hears the steps in turn.
 */
export function StepDiagram({ members }: { members: BundleMember[] }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const stages = [...new Set(members.map((m) => m.stage))].sort((a, b) => a - b);
  const nameOf = (code: string) => localName(members.find((m) => m.itemCode === code) ?? { name: code });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('bun.stageLead')}</Typography.Paragraph>
      <ol className="bun-steps" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'stretch' }}>
        {stages.map((s) => (
          <li key={s} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Typography.Text strong>{t('bun.stage', { n: s + 1 })}</Typography.Text>
            <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'grid', gap: 8 }}>
              {members
                .filter((m) => m.stage === s)
                .map((m) => (
                  <li key={m.itemCode}>
                    <Card size="small">
                      <div style={{ fontWeight: 600 }}>{localName(m)}</div>
                      <div>{localName.pick(m.departmentName, m.departmentNameEn)}</div>
                      <Tag>{m.promisedDays ? t('bun.days', { n: m.promisedDays }) : t('bun.sameDay')}</Tag>
                      {m.after.length > 0 && <div style={{ marginTop: 4 }}>{t('bun.waitsFor', { names: m.after.map(nameOf).join(t('bun.listSep')) })}</div>}
                    </Card>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
