import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodes, useLabel } from '../../svc/labels';

/** 个人办事 by life event and 企业办事 by business event: each tile opens the catalogue filtered to it. */
export function EventTiles() {
  const { t } = useTranslation();
  const codes = useCodes();
  const label = useLabel();
  const groups = [
    { id: 'life', title: t('portal.life'), lead: t('portal.lifeLead'), param: 'lifeEvent', list: codes.data?.lifeEvents ?? [] },
    { id: 'business', title: t('portal.business'), lead: t('portal.businessLead'), param: 'enterpriseEvent', list: codes.data?.enterpriseEvents ?? [] },
  ];
  return (
    <>
      {groups.map((g) => (
        <section key={g.id} className="yw-section" aria-labelledby={`events-${g.id}`}>
          <div className="yw-section-head">
            <h2 id={`events-${g.id}`}>{g.title}</h2>
            <span>{g.lead}</span>
          </div>
          <ul className="yw-tiles">
            {g.list.map((c) => (
              <li key={String(c.code)}>
                <Link to={`/services?${g.param}=${encodeURIComponent(String(c.code))}`}>{label(c)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
