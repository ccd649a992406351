import './proactive.css';
import { Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProFormat } from './format';
import type { PolicyCard } from './types';

/** One policy as a card: its name and mode, then 申报条件, 兑现方式 and 兑现时限; `children` adds reasons or actions. */
export function PolicyCardView({ card, children, headingLevel = 3, extra }: { card: PolicyCard; children?: ReactNode; headingLevel?: 2 | 3; extra?: ReactNode }) {
  const { t } = useTranslation();
  const f = useProFormat();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const dept = f.pick(card.departmentName, card.departmentNameEn);
  return (
    <article className="yw-card yw-pro-card" aria-labelledby={`pc-${card.id}`}>
      <H id={`pc-${card.id}`} className="yw-card-title" style={{ margin: 0 }}>
        {f.pick(card.name, card.nameEn)}
      </H>
      <div className="yw-card-meta">
        <Tag color={card.mode === 'automatic' ? 'green' : 'blue'}>{t(`pro.modes.${card.mode}`)}</Tag>
        {dept && <span>{t('pro.deptLine', { v: dept })}</span>}
        {extra}
      </div>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('pro.conditions')}>{f.pick(card.conditionsZh, card.conditionsEn)}</Descriptions.Item>
        {(card.amountZh || card.amountEn) && <Descriptions.Item label={t('pro.amountStd')}>{f.pick(card.amountZh, card.amountEn)}</Descriptions.Item>}
        <Descriptions.Item label={t('pro.payout')}>{f.pick(card.payoutZh, card.payoutEn)}</Descriptions.Item>
        <Descriptions.Item label={t('pro.timeLimit')}>{t('pro.days', { n: card.timeLimitDays })}</Descriptions.Item>
        {card.basisZh && !f.en && <Descriptions.Item label={t('pro.basis')}>{card.basisZh}</Descriptions.Item>}
      </Descriptions>
      {children}
    </article>
  );
}
