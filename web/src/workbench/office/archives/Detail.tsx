import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { CheckList } from './CheckList';
import { when, type PackageDetail, type Report } from './types';

/** One package: its 归档章, files with SM3, 四性检测 history, loans and who accessed it. */
export function ArchiveDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: ['offarc-package', id], queryFn: () => api<PackageDetail>(`/api/office/archives/packages/${id}`) });
  const check = useMutation({
    mutationFn: () => api<Report>(`/api/office/archives/packages/${id}/check`, { method: 'POST' }),
    onSuccess: (r) => {
      message[r.passed ? 'success' : 'error'](r.passed ? t('offarc.checkPassed') : t('offarc.checkFailed'));
      void qc.invalidateQueries({ queryKey: ['offarc-package', id] });
    },
    onError: (e) => message.error(errorText(e, i18n.language)),
  });
  const borrow = useMutation({
    mutationFn: (v: { reason: string; days: number }) => api(`/api/office/archives/packages/${id}/borrows`, { method: 'POST', json: v }),
    onSuccess: () => {
      message.success(t('offarc.borrowSent'));
      void qc.invalidateQueries({ queryKey: ['offarc-package', id] });
    },
    onError: (e) => message.error(errorText(e, i18n.language)),
  });
  if (q.error) return <Alert type="error" message={errorText(q.error, i18n.language)} />;
  const p = q.data;
  if (!p) return <Card loading />;
  const archivist = can(me, 'office.archive');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{p.title}</h2>}
        extra={<Tag color={p.lastCheckPassed === false ? 'red' : 'green'}>{p.lastCheckPassed === false ? t('offarc.failed') : t('offarc.passed')}</Tag>}
      >
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('offarc.code')}>{p.archiveCode}</Descriptions.Item>
          <Descriptions.Item label={t('offarc.reference')}>{p.reference ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offarc.responsible')}>{p.responsible}</Descriptions.Item>
          <Descriptions.Item label={t('offarc.date')}>{p.date}</Descriptions.Item>
          <Descriptions.Item label={t('offarc.kind')}>{t(`offarc.kinds.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('offarc.status')}>{t(`offarc.statuses.${p.status}`)}</Descriptions.Item>
        </Descriptions>
        <Card type="inner" size="small" title={t('offarc.stamp')} style={{ maxWidth: 360, borderColor: '#c00' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('offarc.fonds')}>{p.stamp.fondsCode}</Descriptions.Item>
            <Descriptions.Item label={t('offarc.year')}>{p.stamp.year}</Descriptions.Item>
            <Descriptions.Item label={t('offarc.org')}>{p.stamp.orgCode}</Descriptions.Item>
            <Descriptions.Item label={t('offarc.itemNo')}>{p.stamp.itemNo}</Descriptions.Item>
            <Descriptions.Item label={t('offarc.retention')}>{en ? p.stamp.retentionEn : p.stamp.retentionZh}</Descriptions.Item>
            <Descriptions.Item label={t('offarc.pages')}>{p.stamp.pages}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Space wrap style={{ marginTop: 12 }}>
          {p.mayDownload && (
            <Button type="primary" href={`/api/office/archives/packages/${id}/download`}>
              {t('offarc.download')}
            </Button>
          )}
          {archivist && (
            <Button loading={check.isPending} onClick={() => check.mutate()}>
              {t('offarc.checkNow')}
            </Button>
          )}
        </Space>
      </Card>
      {!p.mayDownload && (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.borrow')}</h3>}>
          <Form layout="vertical" onFinish={(v: { reason: string; days: number }) => borrow.mutate(v)} initialValues={{ days: 3 }}>
            <Form.Item name="reason" label={t('offarc.reason')} rules={[{ required: true, min: 2, max: 500, message: t('offarc.reasonRule') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="days" label={t('offarc.days')} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={borrow.isPending}>
              {t('offarc.ask')}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.files')}</h3>}>
        <List
          size="small"
          dataSource={p.files}
          renderItem={(f) => (
            <List.Item>
              <List.Item.Meta title={`${f.path}（${t(`offarc.roles.${f.role}`)}，${f.size} B）`} description={<code style={{ wordBreak: 'break-all' }}>SM3 {f.sm3}</code>} />
            </List.Item>
          )}
        />
      </Card>
      {p.checks[0] && (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{`${t('offarc.lastCheck')}（${t(`offarc.stages.${p.checks[0].stage}`)}，${when(p.checks[0].at, en)}）`}</h3>}>
          <CheckList report={p.checks[0].report} />
        </Card>
      )}
      {archivist && (
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('offarc.accesses')}</h3>}>
          <List size="small" locale={{ emptyText: t('offarc.none') }} dataSource={p.accesses} renderItem={(a) => <List.Item>{`${when(a.at, en)} ${a.who} ${t('offarc.download')}`}</List.Item>} />
        </Card>
      )}
    </Space>
  );
}
