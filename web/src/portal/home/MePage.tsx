import { AimOutlined, BellOutlined, FileTextOutlined, GiftOutlined, IdcardOutlined, RightOutlined, SafetyOutlined, SoundOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useElderly } from '../../shell/elderly';
import { can, useMe, useSignOut } from '../../shell/session';
import { useTitle } from '../../shell/useTitle';

/** 我的: who I am, my services, 长辈模式 and language, sign out — one phone-sized column. */
export function MePage() {
  const { t, i18n } = useTranslation();
  useTitle('portal.me.title');
  const { data: me } = useMe();
  const { elderly, onElderly } = useElderly();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me) return null;
  const person = me.type === 'person';
  const row = (to: string, icon: ReactNode, label: string) => (
    <li key={to}>
      <Link to={to}>
        <span>
          <span aria-hidden="true">{icon}</span> {label}
        </span>
        <RightOutlined aria-hidden="true" />
      </Link>
    </li>
  );
  return (
    <>
      <Typography.Title level={1}>{t('portal.me.title')}</Typography.Title>
      <section className="yw-card" aria-label={me.name}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {me.name}
        </Typography.Title>
        <div className="yw-card-meta">
          <span>{person ? t('portal.me.person') : t('portal.me.staff')}</span>
          {person && <span>{t(`portal.me.levels.${Math.min(3, Math.max(1, me.assuranceLevel))}`)}</span>}
          {me.actingFor && <span>{t('portal.me.actingFor', { name: me.actingFor.name })}</span>}
        </div>
      </section>
      <Typography.Title level={2} style={{ marginTop: 20 }}>
        {t('portal.me.services')}
      </Typography.Title>
      <ul className="yw-menu">
        {person && row('/applications', <FileTextOutlined />, t('portal.myApplications'))}
        {person && row('/cases', <SoundOutlined />, t('portal.myCases'))}
        {person && row('/licences', <IdcardOutlined />, t('portal.tile.licences'))}
        {person && row('/messages', <BellOutlined />, t('portal.inbox'))}
        {person && row('/my/benefits', <GiftOutlined />, t('pro.myBenefits'))}
        {person && row('/my/matches', <AimOutlined />, t('pro.mayQualify'))}
        {can(me, 'workbench.use') && row('/workbench', <ToolOutlined />, t('portal.me.workbench'))}
        {row('/account', <SafetyOutlined />, t('portal.me.account'))}
      </ul>
      <Typography.Title level={2} style={{ marginTop: 20 }}>
        {t('portal.me.settings')}
      </Typography.Title>
      <ul className="yw-menu">
        <li>
          <label className="yw-menu-row">
            <span>
              {t('portal.me.elderly')}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: '0.9em' }}>
                {t('portal.me.elderlyHint')}
              </Typography.Text>
            </span>
            <Switch checked={elderly} onChange={onElderly} aria-label={t('portal.me.elderly')} />
          </label>
        </li>
        <li>
          <div className="yw-menu-row">
            <span>{t('portal.me.language')}</span>
            <Button onClick={() => i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} lang={i18n.language === 'en' ? 'zh-CN' : 'en'}>
              {t('a11y.language')}
            </Button>
          </div>
        </li>
      </ul>
      <Button
        block
        danger
        size="large"
        style={{ marginTop: 20 }}
        onClick={async () => {
          await signOut();
          navigate('/');
        }}
      >
        {t('portal.me.signout')}
      </Button>
    </>
  );
}
