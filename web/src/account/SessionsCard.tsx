import { Button, Card, List, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { call, client, type Answer } from '../api/client';

type Session = Answer<'/api/identity/me/sessions'>[number];

const KNOWN_FACTORS = new Set(['pwd', 'sms', 'otp', 'rec', 'mfa', 'sso']);

/** The browser and system of a session from its user agent, e.g. Chrome · Android; never the raw string. */
function device(ua: string | null): { browser: string; os: string } | null {
  if (!ua) return null;
  const browser = /MicroMessenger/.test(ua) ? 'WeChat' : /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /HarmonyOS/.test(ua)
            ? 'HarmonyOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return browser || os ? { browser: browser ?? '', os: os ?? '' } : null;
}

/** Where I am signed in; end one, or all of them (SSO sessions and grants of department systems too). */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const sessions = useQuery({ queryKey: ['account-sessions'], queryFn: () => call(client.GET('/api/identity/me/sessions')) });
  const act = useAction('account');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const endAll = async () => {
    if (await act(() => api('/api/identity/me/sessions', { method: 'DELETE' }), t('account.ended'))) {
      qc.setQueryData(['me'], null);
      navigate('/');
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: '1.2em', margin: 0 }}>
          {t('account.sessions')}
        </Typography.Title>
      }
      extra={
        <Button danger onClick={endAll}>
          {t('account.endAll')}
        </Button>
      }
    >
      <List<Session>
        loading={sessions.isLoading}
        dataSource={sessions.data ?? []}
        renderItem={(s) => (
          <List.Item
            actions={
              s.current
                ? []
                : [
                    <Button key="end" size="small" onClick={() => act(() => api(`/api/identity/me/sessions/${s.id}`, { method: 'DELETE' }), t('account.ended'))}>
                      {t('account.end')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <>
                  {new Date(s.createdAt).toLocaleString(i18n.language)} {s.current && <Tag color="blue">{t('account.current')}</Tag>}
                </>
              }
              description={t('account.sessionLine', {
                factors: s.amr.map((f) => t(`account.amr.${KNOWN_FACTORS.has(f) ? f : 'other'}`)).join(t('account.factorSep')),
                device: ((d) => (d ? [d.browser, d.os].filter(Boolean).join(' · ') : t('account.unknownDevice')))(device(s.userAgent)),
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
