import { App, Alert, Button, Progress, Segmented, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { acceptLanguage, errorText, problemError } from '../api';
import type { Answer } from '../api/client';

type Report = Answer<'/api/services/catalogue/import', 'post'>;
type Row = Report['rows'][number];
type Filter = 'all' | Row['action'];

const ACTION_COLOR: Record<Row['action'], string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sends the list as multipart, reporting upload progress (0–100); the server's problem becomes an ApiError. */
function send(file: File, dryRun: boolean, onProgress: (percent: number) => void): Promise<Report> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/services/catalogue/import?dryRun=${dryRun}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept-language', acceptLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Report);
      else reject(problemError(xhr.status, body as never));
    };
    xhr.onerror = () => reject(problemError(0, null));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * 导入实施清单: upload a bureau's list (XLSX or CSV), read the dry-run report row by row, then apply
 * it. Rows with errors are never applied; applying again with the same file changes nothing.
 */
export function CatalogueImport() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');

  const run = async (f: File, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'apply');
    setPercent(0);
    setError(null);
    try {
      const r = await send(f, dryRun, setPercent);
      setReport(r);
      setFilter(r.totals.error ? 'error' : 'all');
      if (!dryRun) {
        message.success(t('svc.import.done', { create: r.totals.create, update: r.totals.update }));
        await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('svc-') });
      }
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(null);
    }
  };

  const confirmApply = () => {
    if (!file || !report) return;
    modal.confirm({
      title: t('svc.import.confirmTitle'),
      content: t('svc.import.confirmBody', { create: report.totals.create, update: report.totals.update, error: report.totals.error }),
      okText: t('svc.import.apply'),
      cancelText: t('svc.import.cancel'),
      onOk: () => run(file, false),
    });
  };

  const rows = report ? report.rows.filter((r) => filter === 'all' || r.action === filter) : [];
  const zh = !i18n.language.startsWith('en');
  const writes = report ? report.totals.create + report.totals.update : 0;

  return (
    <section aria-labelledby="svc-import-title">
      <Typography.Title level={2} id="svc-import-title">
        {t('svc.import.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('svc.import.lead')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('svc.import.columns')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            void run(f, true);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} disabled={!!busy}>
            {t('svc.import.choose')}
          </Button>
        </Upload>
        {file && <Typography.Text>{t('svc.import.file', { name: file.name })}</Typography.Text>}
        <Link to="/admin/services">{t('svc.import.back')}</Link>
      </Space>

      {busy && (
        <div role="status" aria-live="polite" style={{ maxWidth: 480, marginBottom: 16 }}>
          <Typography.Text>{percent < 100 ? t('svc.import.uploading') : busy === 'check' ? t('svc.import.checking') : t('svc.import.applying')}</Typography.Text>
          <Progress percent={percent < 100 ? percent : 100} status="active" aria-label={t('svc.import.progress')} />
        </div>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}

      {report && (
        <>
          <Alert
            type={report.totals.error ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            title={report.applied ? t('svc.import.appliedNote') : report.dryRun ? t('svc.import.dryRunNote') : t('svc.import.nothingNote')}
          />
          <Space wrap size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t('svc.import.rows')} value={report.totals.rows} />
            <Statistic title={t('svc.import.action.create')} value={report.totals.create} />
            <Statistic title={t('svc.import.action.update')} value={report.totals.update} />
            <Statistic title={t('svc.import.action.unchanged')} value={report.totals.unchanged} />
            <Statistic title={t('svc.import.action.error')} value={report.totals.error} />
          </Space>
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented<Filter>
              aria-label={t('svc.import.filter')}
              value={filter}
              onChange={setFilter}
              options={(['all', 'create', 'update', 'unchanged', 'error'] as Filter[]).map((f) => ({ value: f, label: f === 'all' ? t('svc.all') : t(`svc.import.action.${f}`) }))}
            />
            {report.dryRun && (
              <Button type="primary" disabled={!writes || !!busy} onClick={confirmApply}>
                {t('svc.import.applyN', { n: writes })}
              </Button>
            )}
          </Space>
          <Table<Row>
            rowKey="row"
            size="small"
            dataSource={rows}
            scroll={{ x: true }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            caption={<span className="sr-only">{t('svc.import.tableCaption')}</span>}
            columns={[
              { title: t('svc.import.row'), dataIndex: 'row', width: 72 },
              { title: t('svc.code'), dataIndex: 'code', render: (v: string | null) => v ?? '—' },
              { title: t('svc.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
              { title: t('svc.import.result'), dataIndex: 'action', render: (a: Row['action']) => <Tag color={ACTION_COLOR[a]}>{t(`svc.import.action.${a}`)}</Tag> },
              {
                title: t('svc.import.details'),
                key: 'details',
                render: (_: unknown, r) =>
                  r.errors.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}</strong> {zh ? e.zh : e.en}
                        </li>
                      ))}
                    </ul>
                  ) : r.changes.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {r.changes.map((c, i) => (
                        <li key={i}>
                          <strong>{c.column}</strong> {t('svc.import.change', { from: c.from || '—', to: c.to || '—' })}
                        </li>
                      ))}
                    </ul>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
