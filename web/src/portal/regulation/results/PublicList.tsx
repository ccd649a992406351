import { Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePages } from '../../../shell/usePages';
import { useTitle } from '../../../shell/useTitle';
import { chinaDay, isProblem } from '../../../workbench/regulation/tasks/types';

interface PublicResult {
  id: string;
  number: string;
  kind: string;
  objectName: string;
  creditCode: string;
  items: string[];
  departments: string[];
  inspectedOn: string;
  conclusion: string;
  publishedAt: string;
  correction: { previousConclusion: string; at: string } | null;
}

/**
 * 抽查检查结果公示, no sign-in: what the 公示系统 shows — the entity, the items, the departments,
 * the date and the conclusion (and a correction after an objection, with the old conclusion).
 */
export function PublicList() {
  const { t } = useTranslation();
  useTitle('regtask.public.title');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const { list, rows } = usePages<PublicResult>(['regtask-public', q], '/api/regulation/public/results', { q });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('regtask.public.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('regtask.public.intro')}</Typography.Paragraph>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
        style={{ display: 'flex', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}
      >
        <Input
          aria-label={t('regtask.public.search')}
          placeholder={t('regtask.public.search')}
          value={text}
          maxLength={50}
          onChange={(e) => setText(e.target.value)}
          style={{ flex: '1 1 200px' }}
          size="large"
        />
        <Button htmlType="submit" type="primary" size="large">
          {t('regtask.public.searchButton')}
        </Button>
      </form>
      <p>
        <Link to="/supervision/mine">{t('regtask.public.mineLink')}</Link>
      </p>
      {!list.isLoading && rows.length === 0 && <Empty description={t('regtask.public.empty')} />}
      <ul aria-label={t('regtask.public.title')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}>
        {rows.map((r) => (
          <li key={r.id}>
            <Card size="small" data-testid="regtask-public-result">
              <Typography.Text strong style={{ fontSize: 16, display: 'block', overflowWrap: 'anywhere' }}>
                {r.objectName}
              </Typography.Text>
              <div style={{ color: '#595959', overflowWrap: 'anywhere' }}>
                {t('regtask.creditCode')}：{r.creditCode}
              </div>
              <div style={{ overflowWrap: 'anywhere' }}>
                {t('regtask.items')}：{r.items.join('；')}
              </div>
              <div style={{ overflowWrap: 'anywhere' }}>
                {t('regtask.departments')}：{r.departments.join('、')}
              </div>
              <div>
                {t('regtask.inspectedOn')}：{r.inspectedOn} · {t(`regtask.kinds.${r.kind}`)}
              </div>
              <div>
                {t('regtask.conclusion')}：<Typography.Text strong>{t(`regtask.conclusions.${r.conclusion}`)}</Typography.Text>{' '}
                {isProblem(r.conclusion) && <Tag color="orange">{t('regtask.problemTag')}</Tag>}
              </div>
              {r.correction && (
                <div role="note" style={{ color: '#ad6800' }}>
                  {t('regtask.correction', { was: t(`regtask.conclusions.${r.correction.previousConclusion}`), at: chinaDay(r.correction.at) })}
                </div>
              )}
              <div style={{ color: '#595959' }}>
                {t('regtask.publishedAt')}：{chinaDay(r.publishedAt)}
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Space style={{ marginTop: 12 }}>
          <Button size="large" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('regtask.more')}
          </Button>
        </Space>
      )}
    </>
  );
}
