import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from './types';
import { useLocalName } from '../shell/localName';

/**
 * The materials of an application: uploaded files, and licences cited in their place (免证办) with
 * their state as checked now, and (免提交) what stood in for a material not handed in. Staff open a
 * cited licence through the application that cites it.
 */
export function MaterialList({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <ul>
      {app.materials.map((m) => (
        <li key={m.code}>
          {m.fileId && <a href={`/api/files/${m.fileId}`}>{localName(m)}</a>}
          {m.replacedBy && (
            <>
              {!m.licenceId && <>{localName(m)} </>}
              <Tag color="green" style={{ whiteSpace: 'normal' }}>
                {m.replacedBy.kind === 'data' ? t('fill.exemptData', { source: localName.pick(m.replacedBy.zh, m.replacedBy.en) }) : t('fill.exempt')}
              </Tag>{' '}
            </>
          )}
          {m.licenceId && (
            <>
              {t('lic.citedAs', { name: localName(m) })}{' '}
              {m.licence && (
                <>
                  <Tag color={m.licence.status === 'valid' ? 'green' : 'red'}>
                    {t('lic.citedVerified', { status: t(`lic.statusNames.${m.licence.status}`, { defaultValue: m.licence.statusLabel }) })}
                  </Tag>
                  {t('lic.citedLicence', { name: m.licence.name, no: m.licence.licenceNo, issuer: m.licence.issuerName })}{' '}
                  <a href={`/api/licenses/${m.licence.id}/document?application=${app.id}`}>{t('lic.openLicence')}</a>
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
