import { Card, Input, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../../api';
import type { SearchHit } from './types';

/** 查找市场主体: by words of the name or the first characters of the credit code; the query stays in the address. */
export function ProfileSearch() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const hits = useQuery({
    queryKey: ['regprof-search', q],
    enabled: q.trim().length > 0,
    queryFn: () => api<{ items: SearchHit[] }>(`/api/regulation/profiles?q=${encodeURIComponent(q.trim())}`),
  });
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regprof.search')}</h3>}>
      <Input.Search
        aria-label={t('regprof.search')}
        placeholder={t('regprof.searchPlaceholder')}
        value={text}
        maxLength={60}
        allowClear
        enterButton
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('regprof.searchHint')}
      </Typography.Paragraph>
      {hits.error && <Typography.Text type="danger">{errorText(hits.error, i18n.language)}</Typography.Text>}
      {q && !hits.error && (
        <List
          loading={hits.isLoading}
          locale={{ emptyText: t('regprof.noHits') }}
          dataSource={hits.data?.items ?? []}
          renderItem={(h) => (
            <List.Item key={h.creditCode}>
              <List.Item.Meta
                title={<Link to={`/workbench/regulation/profiles/${h.creditCode}`}>{h.name}</Link>}
                description={
                  <span style={{ wordBreak: 'break-all' }}>
                    {h.creditCode} {h.entityType && <Tag>{h.entityType}</Tag>} {h.status && <Tag>{h.status}</Tag>}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
