import { Button, Empty, List, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api';
import { STATE_COLOURS } from '../../../portal/regulation/draws/types';
import type { PlanView } from './types';

/** The region's plans, newest first, each opening its page; a button to write a new one. */
export function PlanList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['regdraw-plans'], queryFn: () => api<{ items: PlanView[] }>('/api/regulation/plans?limit=100') });
  const items = list.data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <h2 style={{ fontSize: 18, margin: 0 }}>{t('regdraw.list')}</h2>
        <Button type="primary" onClick={() => navigate('/workbench/regulation/plans/new')}>
          {t('regdraw.create')}
        </Button>
      </Space>
      {!list.isLoading && items.length === 0 && <Empty description={t('regdraw.empty')} />}
      <List
        aria-label={t('regdraw.list')}
        loading={list.isLoading}
        dataSource={items}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/workbench/regulation/plans/${p.id}`} data-testid="regdraw-plan-link">
                  {p.name}
                </Link>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  <Tag color={STATE_COLOURS[p.state]}>{t(`regdraw.states.${p.state}`)}</Tag>
                  {p.number} · {p.lead.name}
                  {p.joint.length ? ` + ${p.joint.map((d) => d.name).join('、')}` : ''} · {p.startsOn} – {p.endsOn}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
