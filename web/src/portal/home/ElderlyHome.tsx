import { AppstoreOutlined, BellOutlined, FileTextOutlined, IdcardOutlined, PhoneOutlined, SoundOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * 长辈模式 home: a handful of large tiles and nothing dense (适老化: fewer, bigger choices). The
 * hotline tile dials 12345 on a phone.
 */
export function ElderlyHome() {
  const { t } = useTranslation();
  const tiles = [
    { to: '/services', icon: <AppstoreOutlined />, label: t('portal.tile.services') },
    { to: '/applications', icon: <FileTextOutlined />, label: t('portal.tile.applications') },
    { to: '/cases/new', icon: <SoundOutlined />, label: t('portal.tile.report') },
    { to: '/licences', icon: <IdcardOutlined />, label: t('portal.tile.licences') },
    { to: '/messages', icon: <BellOutlined />, label: t('portal.tile.messages') },
  ];
  return (
    <section aria-labelledby="elderly-tiles">
      <h2 id="elderly-tiles" className="sr-only">
        {t('portal.elderlyTiles')}
      </h2>
      <ul className="yw-big-tiles">
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to}>
              <span aria-hidden="true">{tile.icon}</span>
              {tile.label}
            </Link>
          </li>
        ))}
        <li>
          <a href="tel:12345" aria-describedby="hotline-hint">
            <span aria-hidden="true">
              <PhoneOutlined />
            </span>
            {t('portal.tile.hotline')}
          </a>
          <span id="hotline-hint" className="sr-only">
            {t('portal.hotlineHint')}
          </span>
        </li>
      </ul>
    </section>
  );
}
