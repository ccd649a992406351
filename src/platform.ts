import path from 'node:path';
import multipart from '@fastify/multipart';
import { auditRoutes } from './kernel/audit/routes.ts';
import { calendarRoutes } from './kernel/calendar/routes.ts';
import type { Clock } from './kernel/clock/index.ts';
import type { Config } from './kernel/config/index.ts';
import type { PlatformKeys } from './kernel/crypto/index.ts';
import { openDatabase, runMigrations, type Database, type Migration } from './kernel/db/index.ts';
import { fileRoutes } from './kernel/files/routes.ts';
import { createApp, type App } from './kernel/http/app.ts';
import { mapTiles, tileOrigins } from './kernel/config/map.ts';
import { drain } from './kernel/http/drain.ts';
import { createKernel, kernelMigrations, startWorkers, type Kernel } from './kernel/index.ts';
import { createLogger, type Logger } from './kernel/log/index.ts';
import { actorOf } from './kernel/policy/index.ts';
import type { MessageSink } from './kernel/notify/index.ts';
import { notifyRoutes } from './kernel/notify/routes.ts';
import { settingsRoutes } from './kernel/settings/routes.ts';
import { identityMigrations, createIdentityModule, dpopPresentation, rolePolicy, type IdentityModule } from './modules/identity/index.ts';
import { orgMigrations, createOrgModule, type OrgModule } from './modules/org/index.ts';
import { servicesMigrations, createServicesModule, type ServicesModule } from './modules/services/index.ts';
import { cityopsMigrations, createCityopsModule, type CityopsModule } from './modules/cityops/index.ts';
import { casesMigrations, createCasesModule, type CasesModule } from './modules/cases/index.ts';
import { licensesMigrations, createLicensesModule, type LicensesModule } from './modules/licenses/index.ts';
import { dataMigrations, createDataModule, type DataModule } from './modules/data/index.ts';
import { proactiveMigrations, createProactiveModule, type ProactiveModule } from './modules/proactive/index.ts';
import { officeMigrations, createOfficeModule, type OfficeModule } from './modules/office/index.ts';
import { regulationMigrations, createRegulationModule, type RegulationModule } from './modules/regulation/index.ts';
import { opendataMigrations, createOpendataModule, type OpendataModule } from './modules/opendata/index.ts';
import { opennessMigrations, createOpennessModule, type OpennessModule } from './modules/openness/index.ts';
import { wireFlows } from './flows/index.ts';
import { screenRoutes } from './flows/screen-routes.ts';

export interface Platform {
  kernel: Kernel;
  database: Database;
  org: OrgModule;
  identity: IdentityModule;
  services: ServicesModule;
  cityops: CityopsModule;
  cases: CasesModule;
  licenses: LicensesModule;
  data: DataModule;
  proactive: ProactiveModule;
  office: OfficeModule;
  regulation: RegulationModule;
  opendata: OpendataModule;
  openness: OpennessModule;
  log: Logger;
  /** Every migration of the kernel and the modules, in order. */
  migrations: Migration[];
  /** Builds the HTTP app (routes of every module, web pages when built). */
  http(): Promise<App>;
  migrate(): Promise<string[]>;
  startWorkers(): void;
  close(): Promise<void>;
}

export interface PlatformOptions {
  config: Config;
  database?: Database;
  clock?: Clock;
  keys?: PlatformKeys;
  sink?: MessageSink;
  log?: Logger;
}

/** Every migration of the platform, in the order they apply (the number in a name decides it). */
export const PLATFORM_MIGRATIONS: Migration[] = [
  ...kernelMigrations,
  ...orgMigrations,
  ...identityMigrations,
  ...servicesMigrations,
  ...cityopsMigrations,
  ...casesMigrations,
  ...licensesMigrations,
  ...dataMigrations,
  ...proactiveMigrations,
  ...officeMigrations,
  ...regulationMigrations,
  ...opendataMigrations,
  ...opennessMigrations,
];

/** Wires kernel and modules together. One process serves every pillar (see DESIGN: one process per platform). */
export async function createPlatform(opts: PlatformOptions): Promise<Platform> {
  const { config } = opts;
  const log = opts.log ?? createLogger(config.logLevel);
  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: path.resolve(config.dataDir, 'pglite'),
      statementTimeoutMs: config.dbStatementTimeoutMs,
      idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
      acquireTimeoutMs: config.dbAcquireTimeoutMs,
      preparedStatements: config.dbPreparedStatements,
    }));
  const kernel = createKernel({ config, database, log, clock: opts.clock, keys: opts.keys, sink: opts.sink });
  const org = createOrgModule(kernel, rolePolicy);
  const identity = createIdentityModule(kernel, org.service, rolePolicy);
  const services = createServicesModule(kernel, rolePolicy, org.service, identity.service);
  const cityops = createCityopsModule(kernel, rolePolicy);
  const cases = createCasesModule(kernel, rolePolicy, org.service, cityops.grids);
  const licenses = createLicensesModule(kernel, rolePolicy, org.service);
  const data = createDataModule(kernel, rolePolicy, org.service, identity);
  const proactive = createProactiveModule(kernel, rolePolicy, org.service, identity, data);
  const office = createOfficeModule(kernel, rolePolicy, org.service, identity);
  const regulation = createRegulationModule(kernel, rolePolicy, org.service, identity);
  const opendata = createOpendataModule(kernel, rolePolicy, org.service, identity);
  const openness = createOpennessModule(kernel, rolePolicy, org.service, identity);
  wireFlows(kernel, { identity, services, cases, licenses, data, proactive, office, regulation, opendata, openness });
  let stopWorkers: (() => Promise<void>) | null = null;
  let app: App | null = null;
  const migrations = PLATFORM_MIGRATIONS;

  return {
    kernel,
    database,
    org,
    identity,
    services,
    cityops,
    cases,
    licenses,
    data,
    proactive,
    office,
    regulation,
    opendata,
    openness,
    log,
    migrations,
    async migrate() {
      const applied = await runMigrations(database.db, migrations);
      // Re-links an audit ledger of the earlier scheme, once (it needs SM3, which SQL lacks).
      await kernel.audit.upgrade(config.regionCode);
      return applied;
    },
    async http() {
      app = await createApp({
        log,
        db: database.db,
        clock: kernel.clock,
        bodyLimit: config.bodyLimitBytes,
        rateLimitPerMinute: config.rateLimitPerMinute,
        policy: rolePolicy,
        authenticate: async (req) => {
          // The provider's endpoints authenticate their own callers (client secrets, access tokens).
          if (req.url.startsWith('/oidc/')) return null;
          const token = identity.tokenOf(req);
          const p = await identity.service.authenticate(token);
          // A department system with a client-credentials token from our provider (with its DPoP proof if bound).
          if (!p && token && req.headers.authorization) return identity.oidc.clientPrincipal(token, dpopPresentation(req));
          return p;
        },
        webDir: path.resolve(import.meta.dirname, '..', 'web', 'dist'),
        metricsToken: config.metricsToken,
        trustProxy: config.trustProxy,
        // The provider's endpoints take cross-site form posts by design (authorization requests) and guard them with state and PKCE.
        sameOrigin: { origins: identity.origins, cookieAuthenticated: identity.cookieAuthenticated, exempt: ['/oidc/'] },
        timeouts: { requestMs: config.requestTimeoutMs, headersMs: config.headersTimeoutMs, idleMs: config.idleTimeoutMs, keepAliveMs: config.keepAliveTimeoutMs },
        readyTimeoutMs: config.readyTimeoutMs,
        imgOrigins: tileOrigins(mapTiles(config)),
        onDenied: (req, err) =>
          kernel.db.transaction().execute((trx) =>
            kernel.recordChange(trx, {
              actor: req.principal ? actorOf(req.principal) : { id: 'anonymous', type: 'system' },
              action: err.status === 401 ? 'credentials-refused' : 'access-denied',
              objectType: 'http.route',
              objectId: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`.slice(0, 200),
              regionCode: req.principal?.regionCode || config.regionCode,
              change: { code: err.code },
              summary: { code: err.code },
              requestId: String(req.id),
              event: false,
            }),
          ),
      });
      await app.register(multipart, { limits: { fileSize: config.fileMaxBytes, files: 1 } });
      for (const routes of [
        org.routes,
        ...identity.routes,
        services.routes,
        cityops.routes,
        cases.routes,
        cases.workflowRoutes,
        cases.open311Routes,
        licenses.routes,
        data.routes,
        proactive.routes,
        office.routes,
        regulation.routes,
        opendata.routes,
        openness.routes,
        calendarRoutes(kernel),
        fileRoutes(kernel, rolePolicy),
        auditRoutes(kernel),
        notifyRoutes(kernel),
        settingsRoutes(kernel, rolePolicy),
        screenRoutes(kernel, { services, cases, data, licenses, cityops }),
      ]) {
        await app.register(routes);
      }
      await app.ready();
      return app;
    },
    startWorkers() {
      if (stopWorkers) return;
      const stopKernel = startWorkers(kernel);
      const mqtt = config.mqttUrl ? cityops.listenMqtt(config.mqttUrl) : null;
      mqtt?.ready.then(
        () => log.info('mqtt: listening for telemetry'),
        (err) => log.warn({ err: (err as Error).message }, 'mqtt: not connected yet; retrying'),
      );
      stopWorkers = async () => {
        await mqtt?.stop();
        await stopKernel();
      };
    },
    async close() {
      if (app) await drain(app, config.shutdownGraceMs);
      await stopWorkers?.();
      await database.close();
    },
  };
}
