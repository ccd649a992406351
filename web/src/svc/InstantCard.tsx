import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from './types';

type Held = true | false | 'unknown';
interface Condition {
  path: string;
  fact: string;
  zh: string;
  en: string;
  source: { resource: string; item: string; zh: string; en: string };
  test: string;
  actual: string | number | boolean | null;
  held: Held;
}
interface Explanation {
  decision: 'approved' | 'referred';
  result: Held;
  found: boolean;
  asOf: string;
  rule: { zh: string; en: string };
  conditions: Condition[];
  failed: Condition[];
}

/** The 秒批 step of an application, when its item is 秒批: the system's approval, or its referral to a person. */
export function instantStep(app: ApplicationDetail): { approved: boolean; why: Explanation | null } | null {
  const row = [...app.history].reverse().find((h) => h.action === 'instant_approve' || h.action === 'instant_check');
  if (!row) return null;
  const p = (row.payload && typeof row.payload === 'object' && !Array.isArray(row.payload) ? row.payload : {}) as { instant?: Explanation | null };
  return { approved: row.action === 'instant_approve', why: p.instant ?? null };
}

const HELD_COLOR = { true: 'green', false: 'red', unknown: 'orange' } as const;

/**
 * 秒批 on an application: a badge, and the reasons — every condition with what was found and where it
 * came from when the system approved, the failed or unknown ones when it passed the application to
 * a person. `staff` words it for the clerk taking over; otherwise for the applicant.
 */
export function InstantCard({ app, staff = false }: { app: ApplicationDetail; staff?: boolean }) {
  const { t, i18n } = useTranslation();
  const step = instantStep(app);
  if (!step) return null;
  const en = i18n.language === 'en';
  const why = step.why;
  const shown = why ? (step.approved ? why.conditions : why.failed) : [];
  const value = (v: Condition['actual']) => (v === null ? t('inst.unknown') : typeof v === 'boolean' ? t(v ? 'inst.yes' : 'inst.no') : String(v));
  const title = step.approved ? t('inst.approvedTitle') : t('inst.referredTitle');
  const lead = step.approved ? t(staff ? 'inst.approvedStaff' : 'inst.approvedLead') : why ? t(staff ? 'inst.referredStaff' : 'inst.referredLead') : t('inst.error');
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <h2 style={{ margin: 0, fontSize: 'inherit' }}>
          <Tag color={step.approved ? 'green' : 'orange'}>{t('inst.badge')}</Tag> {title}
        </h2>
      }
    >
      <Alert type={step.approved ? 'success' : 'warning'} showIcon title={lead} />
      {why && !why.found && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('inst.notFound')} />}
      {why && (
        <>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 8 }}>
            <strong>{t('inst.rule')}：</strong>
            {en ? why.rule.en : why.rule.zh}
            <Typography.Text type="secondary"> · {t('inst.asOf', { date: why.asOf })}</Typography.Text>
          </Typography.Paragraph>
          <Table<Condition>
            size="small"
            pagination={false}
            rowKey="path"
            scroll={{ x: true }}
            dataSource={shown}
            columns={[
              { title: t('inst.condition'), render: (_, c) => (en ? c.en : c.zh) },
              { title: t('inst.test'), dataIndex: 'test' },
              { title: t('inst.actual'), render: (_, c) => value(c.actual) },
              {
                title: t('inst.held'),
                render: (_, c) => (
                  <Tag color={HELD_COLOR[String(c.held) as keyof typeof HELD_COLOR]}>{t(c.held === true ? 'inst.heldTrue' : c.held === false ? 'inst.heldFalse' : 'inst.heldUnknown')}</Tag>
                ),
              },
              { title: t('inst.source'), render: (_, c) => (en ? c.source.en : c.source.zh) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
