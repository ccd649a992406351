import { Alert, Card, Descriptions, Empty, Input, List, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../api';
import { CLASS_COLOURS, type CreditClass, type EntityCredit, type Reason } from './types';

const CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function ClassTag({ c }: { c: CreditClass }) {
  const { t } = useTranslation();
  return <Tag color={CLASS_COLOURS[c]}>{t(`regcredit.classes.${c}`)}</Tag>;
}

/** What caused a computation, in words: a monthly run, a run asked for, or an event's reason. */
function useCause() {
  const { t } = useTranslation();
  return (cause: string) => {
    if (cause.startsWith('monthly:')) return t('regcredit.cause.monthly', { month: cause.slice(8) });
    if (cause.startsWith('run:')) return t('regcredit.cause.run');
    // The words other areas queue a recomputation with (tasks: results and penalties; profiles: 12345).
    const m = /^complaint(-unlinked)?:(.+)$/.exec(cause) ?? /^administrative penalty (.+)$/.exec(cause) ?? /^inspection result ([^:]+)/.exec(cause) ?? /^result (\S+) corrected/.exec(cause);
    if (!m) return cause;
    if (cause.startsWith('complaint-unlinked')) return t('regcredit.cause.complaintUnlinked', { ref: m[2] });
    if (cause.startsWith('complaint')) return t('regcredit.cause.complaint', { ref: m[2] });
    if (cause.startsWith('administrative')) return t('regcredit.cause.penalty', { ref: m[1] });
    if (cause.startsWith('inspection')) return t('regcredit.cause.inspection', { ref: m[1] });
    return t('regcredit.cause.corrected', { ref: m[1] });
  };
}

function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) return <Typography.Text type="secondary">{t('regcredit.noReasons')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={reasons}
      renderItem={(r) => (
        <List.Item>
          <span>{i18n.language === 'en' ? r.en : r.zh}</span>
          <Typography.Text strong type={r.points < 0 ? 'danger' : 'success'}>
            {r.points > 0 ? `+${r.points}` : r.points}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** Look up one market entity by 统一社会信用代码: its class, score, reasons and the history of changes. */
export function Lookup() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [bad, setBad] = useState(false);
  const cause = useCause();
  const q = useQuery({ queryKey: ['regcredit-entity', code], queryFn: () => api<EntityCredit>(`/api/regulation/credit/entities/${code}`), enabled: !!code, retry: false });
  const cur = q.data?.current;
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('regcredit.lookup')}</h2>} style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t('regcredit.creditCode')}
        placeholder={t('regcredit.creditCodeHint')}
        enterButton={t('regcredit.search')}
        maxLength={18}
        allowClear
        status={bad ? 'error' : undefined}
        onSearch={(v) => {
          const c = v.trim().toUpperCase();
          setBad(!!c && !CODE.test(c));
          if (CODE.test(c)) setCode(c);
        }}
        style={{ maxWidth: 480, marginBottom: 12 }}
      />
      {bad && <Alert type="error" showIcon message={t('regcredit.badCode')} style={{ marginBottom: 12 }} />}
      {q.error && <Alert type="warning" showIcon message={errorText(q.error, i18n.language)} />}
      {q.data && !cur && <Empty description={t('regcredit.notClassified')} />}
      {cur && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('regcredit.class')}>
              <ClassTag c={cur.class} />
            </Descriptions.Item>
            <Descriptions.Item label={t('regcredit.score')}>{cur.score}</Descriptions.Item>
            <Descriptions.Item label={t('regcredit.computedAt')}>{new Date(cur.computedAt).toLocaleString(i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('regcredit.causeLabel')}>{cause(cur.cause)}</Descriptions.Item>
          </Descriptions>
          <h3 style={{ fontSize: 15 }}>{t('regcredit.reasons')}</h3>
          <Reasons reasons={cur.reasons} />
          <h3 style={{ fontSize: 15, marginTop: 12 }}>{t('regcredit.history')}</h3>
          <Table
            rowKey={(h) => `${h.computedAt}-${h.class}-${h.score}`}
            size="small"
            scroll={{ x: true }}
            pagination={{ pageSize: 12, hideOnSinglePage: true }}
            dataSource={q.data!.history}
            expandable={{ expandedRowRender: (h) => <Reasons reasons={h.reasons} /> }}
            columns={[
              { title: t('regcredit.computedAt'), key: 'at', render: (_, h) => new Date(h.computedAt).toLocaleDateString(i18n.language) },
              {
                title: t('regcredit.class'),
                key: 'class',
                render: (_, h) => (
                  <>
                    {h.previousClass && h.previousClass !== h.class ? <>{h.previousClass} → </> : null}
                    <ClassTag c={h.class} />
                  </>
                ),
              },
              { title: t('regcredit.score'), key: 'score', render: (_, h) => (h.previousScore != null ? `${h.previousScore} → ${h.score}` : h.score) },
              { title: t('regcredit.causeLabel'), key: 'cause', render: (_, h) => cause(h.cause) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
