import * as oidc from 'openid-client';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { baseResources, loadSyntheticBase } from '../modules/data/index.ts';
import { bearer, department, staffToken, type TestPlatform } from './platform.ts';

export interface DataWorld {
  depts: Record<string, string>;
  provider: string;
  consumer: string;
  bureau: string;
}

/** Departments that provide the base databases, their staff, a consumer and the data bureau; base data loaded and registered. */
export async function setupData(t: TestPlatform, size: { people: number; entities: number }): Promise<DataWorld> {
  const depts: Record<string, string> = {};
  for (const [code, name] of [
    ['GAJ', '公安局'],
    ['SCJG', '市场监督管理局'],
    ['FGW', '发展和改革委员会'],
    ['ZWSJ', '政务服务和数据管理局'],
    ['ZRZYJ', '自然资源局'],
    ['MZJ', '民政局'],
    ['RSJ', '人力资源和社会保障局'],
    ['CLH', '残疾人联合会'],
  ])
    depts[code] = (await department(t, '152201', name)).id;
  await loadSyntheticBase(t.p.kernel, size);
  for (const r of baseResources((c) => depts[c], '152201')) await t.p.data.catalogue.register({ ...SYSTEM_PRINCIPAL, regionCode: '152201' }, r);
  return {
    depts,
    provider: await staffToken(t, ['approver'], depts.GAJ),
    consumer: await staffToken(t, ['approver'], depts.MZJ),
    bureau: await staffToken(t, ['data_admin'], depts.ZWSJ),
  };
}

/** A real access token from the platform's OIDC provider, as a department system gets it. */
export async function systemToken(t: TestPlatform, clientId: string, secret: string, scope = 'data.gateway'): Promise<string> {
  const cfg = await oidc.discovery(new URL(`${t.url}/oidc`), clientId, undefined, oidc.ClientSecretBasic(secret), { execute: [oidc.allowInsecureRequests] });
  return (await oidc.clientCredentialsGrant(cfg, { scope })).access_token;
}

export const gatewayCall = (t: TestPlatform, token: string, path: string, body: unknown) =>
  fetch(`${t.url}/api/gateway/v1/${path}`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });
