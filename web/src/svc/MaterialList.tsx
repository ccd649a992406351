import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from './types';

/**
 * The materials of an application: uploaded files, and licences cited in their place (免证办) with
 * their state as checked now. Staff open a cited licence through the application that cites it.
 */
export function MaterialList({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <ul>
      {app.materials.map((m) => (
        <li key={m.code}>
          {m.fileId && <a href={`/api/files/${m.fileId}`}>{m.name}</a>}
          {m.licenceId && (
            <>
              {m.name}：{t('lic.cited')}{' '}
              {m.licence && (
                <>
                  <Tag color={m.licence.status === 'valid' ? 'green' : 'red'}>{t('lic.citedVerified', { status: m.licence.statusLabel })}</Tag>
                  {m.licence.name}（{m.licence.licenceNo}，{m.licence.issuerName}） <a href={`/api/licenses/${m.licence.id}/document?application=${app.id}`}>{t('lic.openLicence')}</a>
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
