import { ApplicationDetail } from '../../portal/opendata/grants/ApplicationDetail';
import { ApplicationList } from '../../portal/opendata/grants/ApplicationList';

/** 有条件开放 applications to decide (provider 数据专员, then the data bureau): `sub` is '' (the queue) or an application id. */
export function ApplicationsPage({ sub }: { sub: string }) {
  if (sub) return <ApplicationDetail id={sub} backTo="/workbench/opendata/applications" />;
  return <ApplicationList mine={false} linkBase="/workbench/opendata/applications" />;
}
