import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useAction } from '../../../shell/useAction';
import { CheckInCode } from './CheckInCode';
import { MinutesEditor } from './MinutesEditor';
import { ReplyForm } from './ReplyForm';
import { useDepartments } from './useDepartments';
import { cst, type MeetingView } from './types';
import { useMe } from '../../../shell/session';

/** One meeting: the notice, replies per unit with counts, the check-in QR code and who came, and the minutes. */
export function MeetingDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const localName = useLocalName();
  const depts = useDepartments();
  const act = useAction('office-meeting');
  const [showQr, setShowQr] = useState(false);
  // When the page opened: the minutes editor appears once the meeting has begun (the server checks it too).
  const [openedAt] = useState(() => Date.now());
  const q = useQuery({ queryKey: ['office-meeting', id], refetchInterval: 30_000, queryFn: () => api<MeetingView>(`/api/office/meetings/${id}`) });
  const m = q.data;
  if (!m) return <Card loading={q.isLoading}>{q.error ? <Alert type="error" message={String(q.error.message)} /> : null}</Card>;
  const unitName = (d: string) =>
    localName(
      depts.data?.items.find((x) => x.id === d),
      d,
    );
  const mine = m.replies.find((r) => r.departmentId === me?.departmentId);
  const held = Date.parse(m.startsAt) <= openedAt;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/workbench/office/meetings">{t('offmeet.back')}</Link>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{m.title}</h2>} extra={<Tag>{t(`offmeet.state.${m.state}`)}</Tag>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('offmeet.fTime')}>
            {cst(m.startsAt, i18n.language)} – {cst(m.endsAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('offmeet.fPlace')}>{m.place}</Descriptions.Item>
          <Descriptions.Item label={t('offmeet.fOrganiser')}>{m.organiserName}</Descriptions.Item>
          <Descriptions.Item label={t('offmeet.fReplyDue')}>{cst(m.replyDueAt, i18n.language)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</Typography.Paragraph>
        {m.can.manage && m.state === 'draft' && (
          <Button type="primary" onClick={() => act(() => api<{ notified: number }>(`/api/office/meetings/${id}/notice`, { method: 'POST' }), t('offmeet.noticeSent', { n: m.units }))}>
            {t('offmeet.sendNotice')}
          </Button>
        )}
        {m.checkedIn && <Alert type="success" showIcon message={t('offmeet.checkedIn')} />}
      </Card>

      {m.can.reply && mine && (
        <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.myReply')}</h3>}>
          <ReplyForm id={id} departmentId={mine.departmentId} attendees={mine.attendees} />
        </Card>
      )}

      <Card
        title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.replies')}</h3>}
        extra={<Typography.Text>{t('offmeet.counts', { replied: m.replied, units: m.units, attendees: m.attendees })}</Typography.Text>}
      >
        <Table
          size="small"
          rowKey="departmentId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={m.replies}
          columns={[
            { title: t('offmeet.unit'), dataIndex: 'departmentName' },
            {
              title: t('offmeet.replies'),
              dataIndex: 'reply',
              render: (r: string) => <Tag color={r === 'attending' ? 'green' : r === 'absent' ? 'default' : 'orange'}>{t(`offmeet.replyState.${r}`)}</Tag>,
            },
            { title: t('offmeet.attendees'), dataIndex: 'attendees', render: (a: string[]) => a.join('、') },
          ]}
        />
      </Card>

      {m.state !== 'draft' && (
        <Card
          title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.checkIns', { n: m.checkIns.length })}</h3>}
          extra={m.can.manage && !showQr ? <Button onClick={() => setShowQr(true)}>{t('offmeet.qrShow')}</Button> : null}
        >
          {m.can.manage && showQr && <CheckInCode id={id} />}
          <Typography.Paragraph>{m.checkIns.map((c) => c.name).join('、')}</Typography.Paragraph>
        </Card>
      )}

      {(m.state === 'minuted' || (m.can.manage && m.state === 'notified' && held)) && (
        <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.minutes')}</h3>}>
          {m.state === 'minuted' ? (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: true }}
                dataSource={m.decisions}
                columns={[
                  { title: '#', dataIndex: 'seq', width: 40 },
                  { title: t('offmeet.decision'), dataIndex: 'text' },
                  { title: t('offmeet.lead'), dataIndex: 'leadDepartmentId', render: unitName },
                  { title: t('offmeet.due'), dataIndex: 'dueDate' },
                  { title: t('offmeet.task'), dataIndex: 'taskId', render: (tid: string | null) => (tid ? <Link to={`/workbench/office/supervision/${tid}`}>{t('offmeet.openTask')}</Link> : null) },
                ]}
              />
            </>
          ) : (
            <MinutesEditor id={id} />
          )}
        </Card>
      )}
    </Space>
  );
}
