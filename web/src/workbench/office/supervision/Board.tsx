import { Card, Col, Empty, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { LIGHT_COLOURS, type Light, type SourceKind, type TaskView } from './types';

const LIGHTS: Light[] = ['red', 'yellow', 'green'];
const SOURCES: SourceKind[] = ['instruction', 'meeting', 'document', 'key_work', 'disclosure'];

/** 督办看板: three columns by light (red first), filtered by lead unit and source; each card opens its task. */
export function Board() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | undefined>();
  const [source, setSource] = useState<SourceKind | undefined>();
  const q = new URLSearchParams({ ...(unit ? { unit } : {}), ...(source ? { source } : {}) }).toString();
  const list = useQuery({ queryKey: ['offsup-tasks', unit, source], queryFn: () => api<{ items: TaskView[] }>(`/api/office/supervision/tasks${q ? `?${q}` : ''}`) });
  // The unit filter offers the units on the board (fetched once, unfiltered).
  const all = useQuery({ queryKey: ['offsup-tasks', 'units'], queryFn: () => api<{ items: TaskView[] }>('/api/office/supervision/tasks') });
  const units = [...new Map((all.data?.items ?? []).filter((x) => x.leadDepartmentId).map((x) => [x.leadDepartmentId!, x.leadUnit ?? ''])).entries()];
  const items = list.data?.items ?? [];
  const others = items.filter((x) => !x.light);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('offsup.unit')}
          allowClear
          placeholder={t('offsup.allUnits')}
          style={{ minWidth: 200 }}
          value={unit}
          onChange={setUnit}
          options={units.map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label={t('offsup.source')}
          allowClear
          placeholder={t('offsup.allSources')}
          style={{ minWidth: 160 }}
          value={source}
          onChange={setSource}
          options={SOURCES.map((s) => ({ value: s, label: t(`offsup.sources.${s}`) }))}
        />
      </Space>
      {!list.isLoading && items.length === 0 && <Empty description={t('offsup.empty')} />}
      <Row gutter={[16, 16]}>
        {LIGHTS.map((light) => {
          const inColumn = items.filter((x) => x.light === light);
          return (
            <Col key={light} xs={24} md={8}>
              <section aria-labelledby={`offsup-col-${light}`}>
                <h3 id={`offsup-col-${light}`} style={{ fontSize: 16 }}>
                  <Tag color={LIGHT_COLOURS[light]}>{t(`offsup.lightShort.${light}`)}</Tag>
                  {t(`offsup.lights.${light}`)}（{inColumn.length}）
                </h3>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {inColumn.map((x) => (
                    <TaskCard key={x.id} task={x} />
                  ))}
                </Space>
              </section>
            </Col>
          );
        })}
      </Row>
      {others.length > 0 && (
        <section aria-labelledby="offsup-col-none" style={{ marginTop: 16 }}>
          <h3 id="offsup-col-none" style={{ fontSize: 16 }}>
            {t('offsup.noLight')}（{others.length}）
          </h3>
          <Row gutter={[16, 16]}>
            {others.map((x) => (
              <Col key={x.id} xs={24} md={8}>
                <TaskCard task={x} />
              </Col>
            ))}
          </Row>
        </section>
      )}
    </>
  );
}

function TaskCard({ task: x }: { task: TaskView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="offsup-card" data-light={x.light ?? 'none'}>
      <Link to={`/workbench/office/supervision/${x.id}`}>
        <Typography.Text strong>{x.title}</Typography.Text>
      </Link>
      <div>
        {t('offsup.unit')}：{x.leadUnit ?? '—'}
      </div>
      <div>
        {t('offsup.due')}：{x.dueDate ?? '—'}
        {x.light && x.light !== 'red' && x.workingDaysLeft != null ? `（${t('offsup.daysLeft', { n: x.workingDaysLeft })}）` : ''}
      </div>
      <div>
        <Tag>{t(`offsup.sources.${x.source.kind}`)}</Tag>
        <Tag>{t(`offsup.states.${x.state}`)}</Tag>
      </div>
      <Progress percent={x.progress} size="small" aria-label={`${t('offsup.progress')} ${x.progress}%`} />
    </Card>
  );
}
