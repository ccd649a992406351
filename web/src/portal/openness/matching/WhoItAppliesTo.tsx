import { Button, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';

/** What GET /api/openness/documents/:id/applies-to answers. */
export interface AppliesTo {
  documentId: string;
  policyCode: string;
  name: string;
  nameEn: string;
  subject: 'person' | 'entity';
  departmentName: string;
  conditionsZh: string[];
  conditionsEn: string[];
  matched: number;
  told: number;
  applied: number;
  itemCode: string | null;
  applyLink: string | null;
  matchesLink: string;
}

/** 政策找人 on a document page: whom the policy applies to, in words, and how many were told (renders nothing when it carries no rule). */
export function WhoItAppliesTo(props: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['gkmatch-applies-to', props.documentId],
    queryFn: async () => {
      try {
        return await api<AppliesTo>(`/api/openness/documents/${encodeURIComponent(props.documentId)}/applies-to`);
      } catch (err) {
        // No rule on this document: the section is simply not there.
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    retry: false,
  });
  const a = q.data;
  if (!a) return null;
  const conditions = en ? a.conditionsEn : a.conditionsZh;
  const person = me?.type === 'person';
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="gkmatch-applies-to">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('gkmatch.appliesTo')}
      </Typography.Title>
      <Typography.Paragraph>{t('gkmatch.policy', { name: en ? a.nameEn : a.name, department: a.departmentName })}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('gkmatch.conditions', { who: t(`gkmatch.who.${a.subject}`) })}</Typography.Paragraph>
      <ul>
        {conditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Typography.Paragraph>{t('gkmatch.told')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('gkmatch.reach', { matched: a.matched, told: a.told, applied: a.applied })}</Typography.Paragraph>
      <Space wrap>
        {person && a.applyLink && (
          <Button type="primary" onClick={() => navigate(a.applyLink!)}>
            {t('gkmatch.apply')}
          </Button>
        )}
        {person ? (
          <Button onClick={() => navigate(a.matchesLink)}>{t('gkmatch.myMatches')}</Button>
        ) : (
          !me && (
            <Button href={signInUrl(`/openness/documents/${a.documentId}`)} type="primary">
              {t('gkmatch.signIn')}
            </Button>
          )
        )}
      </Space>
    </Card>
  );
}
