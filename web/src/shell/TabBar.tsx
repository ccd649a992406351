import { AppstoreOutlined, BellOutlined, HomeOutlined, IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnread } from '../portal/messages/inbox';
import type { Me } from './session';

/**
 * The phone's bottom tab bar (首页, 办事, 我的证照, 消息, 我的), as the provincial apps have it. Shown
 * below 768 px only (styles.css); NavLink marks the current tab with aria-current="page".
 */
export function TabBar({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  const unread = useUnread(me?.type === 'person');
  const n = unread.data?.count ?? 0;
  const tabs = [
    { to: '/', icon: <HomeOutlined />, label: t('portal.tab.home') },
    { to: '/services', icon: <AppstoreOutlined />, label: t('portal.tab.services') },
    { to: '/licences', icon: <IdcardOutlined />, label: t('portal.tab.licences') },
    {
      to: '/messages',
      icon: (
        <Badge count={n} size="small" offset={[6, 0]}>
          <BellOutlined />
        </Badge>
      ),
      label: t('portal.tab.messages'),
      extra: n > 0 ? t('portal.unread', { n }) : undefined,
    },
    { to: '/me', icon: <UserOutlined />, label: t('portal.tab.me') },
  ];
  return (
    <nav className="yw-tabbar" aria-label={t('portal.tabs')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.to === '/'} className="yw-tab">
          <span className="yw-tab-icon" aria-hidden="true">
            {tab.icon}
          </span>
          <span className="yw-tab-label">{tab.label}</span>
          {tab.extra && <span className="sr-only">{tab.extra}</span>}
        </NavLink>
      ))}
    </nav>
  );
}
