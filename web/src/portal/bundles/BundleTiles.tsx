import { Alert, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client';
import { useLocalName } from '../../shell/localName';

/**
 * On the catalogue: the 一件事 of the chosen life or business event (or a way to all of them), so a
 * person looking for one item finds the bundle that does it together with the rest.
 */
export function BundleTiles({ lifeEvent, enterpriseEvent }: { lifeEvent?: string | null; enterpriseEvent?: string | null }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const query = { ...(lifeEvent ? { lifeEvent } : {}), ...(enterpriseEvent ? { enterpriseEvent } : {}) } as Record<string, string>;
  const list = useQuery({ queryKey: ['bun-list', query], queryFn: () => call(client.GET('/api/services/bundles', { params: { query: query as never } })) });
  const found = list.data ?? [];
  return (
    <Alert
      type="info"
      style={{ margin: '12px 0' }}
      title={
        <Space wrap>
          <strong>{t('bun.title')}</strong>
          {(lifeEvent || enterpriseEvent) && found.length > 0 ? (
            found.map((b) => (
              <Link key={b.id} to={`/bundles/${b.id}`}>
                {localName(b)}
              </Link>
            ))
          ) : (
            <Link to="/bundles">{t('bun.listLabel')}</Link>
          )}
        </Space>
      }
    />
  );
}
