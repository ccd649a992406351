import { Button, Card, Checkbox, Input, Radio, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCodes, useLabel } from '../svc/labels';
import type { ApplicationDetail, Rectification } from '../svc/types';
import { useAction } from '../shell/useAction';
import { useMe } from '../shell/session';

/**
 * 好差评 after 办结: five levels with reasons; a bad rating shows its rectification and the follow-up.
 * At the window the same card records what the applicant chose on the rating pad.
 */
export function EvaluationCard({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const codes = useCodes();
  const act = useAction('svc-');
  const { data: me } = useMe();
  const [level, setLevel] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const rect = useQuery({ queryKey: ['svc-rect', app.id], enabled: app.evaluated, queryFn: () => api<Rectification[]>(`/api/services/rectifications?applicationId=${app.id}`) });
  const title = <h2 style={{ margin: 0, fontSize: 'inherit' }}>{app.evaluated ? t('svc.evaluated') : t('svc.rate')}</h2>;
  if (app.evaluated) {
    const r = rect.data?.[0];
    return (
      <Card title={title} size="small" style={{ marginTop: 16 }}>
        <Typography.Paragraph>{t('svc.rated')}</Typography.Paragraph>
        {r && (
          <>
            <Typography.Paragraph>
              {t('svc.rectification')}：<Tag>{t(`svc.rectState.${r.state}`)}</Tag>
            </Typography.Paragraph>
            {r.reply && (
              <Typography.Paragraph>
                {t('svc.reply')}：{r.reply}
              </Typography.Paragraph>
            )}
            {r.state === 'replied' && me?.type === 'person' && (
              <Space>
                <span>{t('svc.followUp')}</span>
                <Button onClick={() => act(() => api(`/api/services/rectifications/${r.id}/follow-up`, { method: 'POST', json: { satisfied: true } }), t('svc.followed'))}>{t('svc.satisfied')}</Button>
                <Button onClick={() => act(() => api(`/api/services/rectifications/${r.id}/follow-up`, { method: 'POST', json: { satisfied: false } }), t('svc.followed'))}>
                  {t('svc.unsatisfied')}
                </Button>
              </Space>
            )}
          </>
        )}
      </Card>
    );
  }
  return (
    <Card title={title} size="small" style={{ marginTop: 16 }}>
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend className="sr-only">{t('svc.rate')}</legend>
        <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} options={(codes.data?.evaluationLevels ?? []).map((c) => ({ value: Number(c.code), label: label(c) }))} />
      </fieldset>
      <div style={{ marginTop: 12 }}>
        <div id="rate-reasons">{t('svc.rateReasons')}</div>
        <Checkbox.Group
          aria-labelledby="rate-reasons"
          value={reasons}
          onChange={(v) => setReasons(v as string[])}
          options={(codes.data?.evaluationReasons ?? []).map((c) => ({ value: String(c.code), label: label(c) }))}
        />
      </div>
      <Input.TextArea style={{ marginTop: 12 }} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} aria-label={t('svc.comment')} placeholder={t('svc.comment')} />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!level}
        onClick={() => act(() => api(`/api/services/applications/${app.id}/evaluation`, { method: 'POST', json: { level, reasons, comment: comment || undefined } }), t('svc.rated'))}
      >
        {t('svc.rateSubmit')}
      </Button>
    </Card>
  );
}
