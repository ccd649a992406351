import { Alert, Button, Card, Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorText } from '../../../api';
import { useCompact } from '../../../shell/useCompact';
import { ActionForms } from './ActionForms';
import { STATE_COLOURS, when, type IncomingDetail } from './types';

/** 收文办理单: the document, the 批办 instruction, its 承办 units, every step and the read receipts, with the actions. */
export function IncomingSheet({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const compact = useCompact();
  const q = useQuery({ queryKey: ['offin-doc', id], queryFn: () => api<IncomingDetail>(`/api/office/incoming/${id}`) });
  const back = (
    <Link to="/workbench/office/incoming">
      <Button>{t('offin.back')}</Button>
    </Link>
  );
  if (q.error)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert role="alert" type="error" title={errorText(q.error, i18n.language)} />
        {back}
      </Space>
    );
  const d = q.data;
  if (!d) return <Card loading />;
  const heading = (key: string) => <h3 style={{ margin: 0, fontSize: 'inherit' }}>{t(key)}</h3>;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {back}
      <Card
        title={
          <h2 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>
            {t('offin.sheet')}：{d.title}
          </h2>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={STATE_COLOURS[d.state]}>{t(`offin.states.${d.state}`)}</Tag>
          {d.urgency && <Tag color="red">{d.urgency}</Tag>}
          {d.secrecy && <Tag color="volcano">{d.secrecy}</Tag>}
          {d.overdue && <Tag color="red">{t('offin.overdue')}</Tag>}
          {d.supervisionTaskId && <Tag color="gold">{t('offin.supervised')}</Tag>}
        </Space>
        <Descriptions size="small" bordered column={compact ? 1 : 2}>
          <Descriptions.Item label={t('offin.number')}>{d.number}</Descriptions.Item>
          <Descriptions.Item label={t('offin.docNumber')}>{d.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offin.sender')}>{d.senderName}</Descriptions.Item>
          <Descriptions.Item label={t('offin.receivingUnit')}>{d.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('offin.docType')}>{d.docType ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offin.received')}>{when(d.receivedAt, en)}</Descriptions.Item>
          <Descriptions.Item label={t('offin.due')}>{d.dueAt ? when(d.dueAt, en, false) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offin.file')}>{d.fileId ? <a href={`/api/files/${d.fileId}`}>{t('offin.openFile')}</a> : '—'}</Descriptions.Item>
          {d.suggestion && (
            <Descriptions.Item label={t('offin.suggestion')} span={compact ? 1 : 2}>
              {d.suggestion}
            </Descriptions.Item>
          )}
          {d.instruction && (
            <Descriptions.Item label={t('offin.instruction')} span={compact ? 1 : 2}>
              {d.instruction}
            </Descriptions.Item>
          )}
          {d.summary && (
            <Descriptions.Item label={t('offin.summary')} span={compact ? 1 : 2}>
              {d.summary}
            </Descriptions.Item>
          )}
          {d.reply && (
            <Descriptions.Item label={t('offin.reply')} span={compact ? 1 : 2}>
              {d.reply}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={heading('offin.actionsTitle')}>
        <ActionForms doc={d} />
      </Card>
      {d.units.length > 0 && (
        <Card size="small" title={heading('offin.units')}>
          <List
            dataSource={d.units}
            renderItem={(u) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color={u.role === 'lead' ? 'purple' : 'default'}>{t(`offin.${u.role}`)}</Tag>
                      <span>{u.name}</span>
                    </Space>
                  }
                  description={u.input ? `${u.input}（${when(u.inputAt!, en)}）` : t('offin.noInput')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={heading('offin.readers')}>
        {d.readers.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('offin.noReaders')} />
        ) : (
          <List
            dataSource={d.readers}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <span>{t('offin.sentAt', { at: when(r.sentAt, en) })}</span>
                  {r.readAt ? <Tag color="green">{t('offin.readAt', { at: when(r.readAt, en) })}</Tag> : <Tag>{t('offin.unread')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={heading('offin.steps')}>
        <Timeline
          items={d.steps.map((s) => ({
            key: `${s.at}-${s.action}`,
            color: s.action === 'return' ? 'red' : s.action === 'complete' ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`offin.actions.${s.action}`, { defaultValue: s.action })}</Typography.Text> · {s.actorName}
                {s.departmentName ? `（${s.departmentName}）` : ''} · {when(s.at, en)}
                {s.opinion && <div>{s.opinion}</div>}
                {s.dueAt && s.action === 'instruct' && (
                  <div>
                    {t('offin.due')}：{when(s.dueAt, en, false)}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
