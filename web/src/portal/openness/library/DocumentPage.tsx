import { Alert, Card, Descriptions, Flex, List, Result, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useCompact } from '../../../shell/useCompact';
import { useTitle } from '../../../shell/useTitle';
import { DocumentQuestions } from '../interaction/DocumentQuestions';
import { WhoItAppliesTo } from '../matching/WhoItAppliesTo';
import { VALIDITY_COLOR, type LibraryDocument } from './types';

/** A link inside a sentence is underlined, not told apart by colour alone (axe link-in-text-block). */
const UNDERLINED = { textDecoration: 'underline' } as const;

/** One document: its 政府信息公开目录 metadata, text, attachments, 有效性 and what replaced it, its 解读 (or, for a 解读, its 原文), and below them whom it applies to (matching) and its questions (interaction). */
export function DocumentPage(props: { id: string }) {
  const { t } = useTranslation();
  useTitle('gklib.document');
  const local = useLocalName();
  const compact = useCompact();
  const doc = useQuery({ queryKey: ['gklib-document', props.id], queryFn: () => api<LibraryDocument>(`/api/openness/documents/${encodeURIComponent(props.id)}`), retry: false });
  const d = doc.data;
  if (doc.error)
    return (
      <Result
        status={doc.error instanceof ApiError && doc.error.status === 404 ? '404' : 'warning'}
        title={<h1 style={{ fontSize: 20 }}>{t('gklib.notFound')}</h1>}
        extra={<Link to="/openness/documents">{t('gklib.back')}</Link>}
      />
    );
  if (!d)
    return (
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('gklib.document')}
      </Typography.Title>
    );
  const paragraphs = d.body.split(/\n\s*\n/).filter((p) => p.trim());
  const how = (v: string) => t(v === 'repealed' ? 'gklib.repealedHow' : 'gklib.amendedHow');
  return (
    <article>
      <Link to="/openness/documents">{t('gklib.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }} data-testid="gklib-title">
        {local.pick(d.title, d.titleEn)}
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {d.state === 'withdrawn' && <Alert type="warning" showIcon message={t('gklib.withdrawn', { reason: d.withdrawnReason ?? '' })} />}
        {d.original && (
          <Alert
            type="info"
            showIcon
            data-testid="gklib-original"
            message={
              <span>
                {t('gklib.interpretationOf', { title: d.original.title })}{' '}
                <Link to={`/openness/documents/${d.original.id}`} style={UNDERLINED}>
                  {t('gklib.backToOriginal')}
                </Link>
              </span>
            }
          />
        )}
        {d.replacedByDocument && (
          <Alert
            type="warning"
            showIcon
            message={
              <Link to={`/openness/documents/${d.replacedByDocument.id}`} style={UNDERLINED}>
                {t('gklib.replacedBy', { title: d.replacedByDocument.title, how: how(d.validity) })}
              </Link>
            }
          />
        )}
        <Descriptions bordered size="small" column={compact ? 1 : 2} data-testid="gklib-meta" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('gklib.catalogue')}</h2>}>
          <Descriptions.Item label={t('gklib.field.indexNo')}>{d.indexNo}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.theme')}>{local.pick(d.themeName, d.themeNameEn)}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.issuer')}>{d.issuerName}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.writtenOn')}>{d.writtenOn}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.publishedOn')}>{d.publishedOn}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.number')}>{d.number ?? t('gklib.none')}</Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.validity')}>
            <Tag color={VALIDITY_COLOR[d.validity]}>{t(`gklib.validity.${d.validity}`)}</Tag>
            {d.validityNote && <Typography.Text>{d.validityNote}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('gklib.field.disclosure')}>{t(`gklib.disclosure.${d.disclosure}`)}</Descriptions.Item>
          {d.summary && (
            <Descriptions.Item label={t('gklib.field.summary')} span={compact ? 1 : 2}>
              {d.summary}
            </Descriptions.Item>
          )}
          {d.keywords.length > 0 && (
            <Descriptions.Item label={t('gklib.field.keywords')} span={compact ? 1 : 2}>
              {d.keywords.join('　')}
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.replaces.length > 0 && (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('gklib.replaces', { how: how(d.replaces[0].validity) })}{' '}
            {d.replaces.map((r) => (
              <Link key={r.id} to={`/openness/documents/${r.id}`} style={{ marginRight: 8 }}>
                《{r.title}》{r.number ? `（${r.number}）` : ''}
              </Link>
            ))}
          </Typography.Paragraph>
        )}
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('gklib.text')}</h2>}>
          <div lang="zh" data-testid="gklib-body" style={{ lineHeight: 1.9, fontSize: 16, overflowWrap: 'anywhere' }}>
            {paragraphs.map((p, i) => (
              <p key={i} style={{ margin: '0 0 0.8em', whiteSpace: 'pre-wrap' }}>
                {p}
              </p>
            ))}
          </div>
        </Card>
        {(d.attachments.length > 0 || d.links.length > 0) && (
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{d.attachments.length ? t('gklib.attachments') : t('gklib.links')}</h2>}>
            <List
              size="small"
              dataSource={[
                ...d.attachments.map((a) => ({ key: a.fileId, label: a.name, url: a.url, download: true })),
                ...d.links.map((l, i) => ({ key: `l${i}`, label: l.label, url: l.url, download: false })),
              ]}
              renderItem={(x) => (
                <List.Item>
                  {x.download ? (
                    <a href={x.url} download={x.label}>
                      {x.label}
                    </a>
                  ) : x.url.startsWith('/') ? (
                    <Link to={x.url}>{x.label}</Link>
                  ) : (
                    <a href={x.url} target="_blank" rel="noreferrer noopener">
                      {x.label}
                    </a>
                  )}
                </List.Item>
              )}
            />
          </Card>
        )}
        {d.kind !== 'interpretation' && (
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('gklib.interpretations')}</h2>} data-testid="gklib-interpretations">
            {d.interpretationList.length ? (
              <List
                size="small"
                dataSource={d.interpretationList}
                renderItem={(i) => (
                  <List.Item>
                    <Flex wrap gap={8} align="center">
                      <Tag color="geekblue">{t(`gklib.form.${i.form}`)}</Tag>
                      <Link to={`/openness/documents/${i.id}`} data-testid="gklib-interpretation">
                        {i.title}
                      </Link>
                      <span style={{ color: 'rgba(0,0,0,0.75)' }}>{i.publishedOn}</span>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('gklib.noInterpretation')}</span>
            )}
          </Card>
        )}
        <WhoItAppliesTo documentId={d.id} />
        <DocumentQuestions documentId={d.id} />
      </Space>
    </article>
  );
}
