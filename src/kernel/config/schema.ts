import { Type, type Static } from '@sinclair/typebox';

/** One trusted proxy: an IPv4/IPv6 address, a CIDR range, or a named range. */
const TRUSTED = '(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)';

/** Every setting the platform reads, with its default. Validated once at start. */
export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 1, maximum: 65535, default: 8080 }),
  host: Type.String({ minLength: 1, default: '127.0.0.1' }),
  publicUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** MQTT broker that sensors publish telemetry to (e.g. mqtt://127.0.0.1:1883); none = HTTP only. */
  mqttUrl: Type.Optional(Type.String({ pattern: '^(mqtt|mqtts|ws|wss)://' })),
  /** Open311 discovery's test endpoint (a staging installation); defaults to this server. */
  open311TestUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** Folder for PGlite data, keys and uploaded files when no other store is set. */
  dataDir: Type.String({ minLength: 1, default: './data' }),
  /** GB/T 2260 code of the region this installation serves. */
  regionCode: Type.String({ pattern: '^[0-9]{6}$', default: '152201' }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  auditHash: Type.Union([Type.Literal('sm3'), Type.Literal('sha256')], { default: 'sm3' }),
  /** How often the audit sealer links new entries and signs a checkpoint. */
  auditSealMs: Type.Integer({ minimum: 50, maximum: 600000, default: 1000 }),
  /**
   * How many audit chains ("lanes") writers may link into at once, each with its own head row: a
   * writer takes a free one, so up to this many audited transactions commit without waiting on each
   * other. 1 = one chain. Lowering it later is safe (the higher lanes keep verifying and stop moving).
   */
  auditLanes: Type.Integer({ minimum: 1, maximum: 64, default: 8 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  rateLimitPerMinute: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 6000 }),
  /** Sign-in, registration and SMS-code requests per minute from one address (guessing and SMS cost). */
  authRateLimitPerMinute: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 30 }),
  sessionHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 30, default: 12 }),
  fileMaxBytes: Type.Integer({ minimum: 1024, maximum: 1024 * 1024 * 1024, default: 20 * 1024 * 1024 }),
  fileTypes: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), {
    default: ['application/pdf', 'image/png', 'image/jpeg', 'application/ofd', 'text/plain'],
  }),
  /** Where uploaded materials live: the local data folder, or an S3-compatible object store. */
  fileStorage: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  s3Endpoint: Type.Optional(Type.String({ pattern: '^https?://[^/]+' })),
  s3Bucket: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  s3Region: Type.String({ minLength: 1, default: 'us-east-1' }),
  s3AccessKeyId: Type.Optional(Type.String({ minLength: 1 })),
  s3SecretAccessKey: Type.Optional(Type.String({ minLength: 1 })),
  /** Bearer token for /metrics from other machines (unset: /metrics answers loopback only). */
  metricsToken: Type.Optional(Type.String({ minLength: 16 })),
  /** Load the demo region on first start. */
  seedDemo: Type.Boolean({ default: true }),
  /** Run timers, the outbox and the audit sealer in this process. */
  workers: Type.Boolean({ default: true }),
  /**
   * Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: comma-separated addresses or
   * CIDRs (or proxy-addr's names loopback, linklocal, uniquelocal). Unset: no forwarded header is
   * believed. A hop count is not accepted: it cannot tell a proxy from a client that sends the header.
   */
  trustProxy: Type.Optional(Type.String({ pattern: `^${TRUSTED}(\\s*,\\s*${TRUSTED})*$` })),
  /** What an uploaded OFD (a ZIP container) may unpack to; a bigger one is refused unopened. */
  fileMaxUnpackedBytes: Type.Integer({ minimum: 1024, maximum: 4 * 1024 * 1024 * 1024, default: 100 * 1024 * 1024 }),
  fileMaxArchiveEntries: Type.Integer({ minimum: 1, maximum: 65_534, default: 10_000 }),
  /** A request must arrive whole within this time (slow or stalled bodies are cut off). */
  requestTimeoutMs: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 120_000 }),
  /** The request line and headers must arrive within this time. */
  headersTimeoutMs: Type.Integer({ minimum: 1000, maximum: 600_000, default: 20_000 }),
  /** A socket with no traffic at all for this long is closed. */
  idleTimeoutMs: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 60_000 }),
  /** How long an idle keep-alive connection is kept open for the next request. */
  keepAliveTimeoutMs: Type.Integer({ minimum: 100, maximum: 600_000, default: 5000 }),
  /** PostgreSQL server: a statement running longer is cancelled. */
  dbStatementTimeoutMs: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000 }),
  /** PostgreSQL server: a session left idle inside a transaction this long is ended by the server. */
  dbIdleInTransactionTimeoutMs: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
  /** A request that cannot get a database connection within this time gets 503 instead of waiting. */
  dbAcquireTimeoutMs: Type.Integer({ minimum: 50, maximum: 600_000, default: 10_000 }),
  /**
   * Keep recurring statements prepared on each PostgreSQL connection (parsed and planned once, not
   * per call). Off behind a pooler that cannot carry them (PgBouncer in transaction mode before 1.21).
   */
  dbPreparedStatements: Type.Boolean({ default: true }),
  /** /readyz answers 503 when no connection can be had within this time (pool exhausted). */
  readyTimeoutMs: Type.Integer({ minimum: 50, maximum: 60_000, default: 2000 }),
  /** On SIGTERM, in-flight requests get this long to finish before their connections are closed. */
  shutdownGraceMs: Type.Integer({ minimum: 0, maximum: 600_000, default: 10_000 }),
  /** Where signed audit checkpoints are also kept, outside the database (docs/operations.md, Audit ledger). */
  auditWitness: Type.Union([Type.Literal('file'), Type.Literal('s3')], { default: 'file' }),
  /** The append-only witness file; relative to the data folder. Put it on another volume. */
  auditWitnessPath: Type.Optional(Type.String({ minLength: 1 })),
  /** S3 witness: a bucket created with object lock; endpoint, region and keys default to the file store's. */
  auditWitnessS3Bucket: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  auditWitnessS3Endpoint: Type.Optional(Type.String({ pattern: '^https?://[^/]+' })),
  auditWitnessS3Region: Type.Optional(Type.String({ minLength: 1 })),
  auditWitnessS3AccessKeyId: Type.Optional(Type.String({ minLength: 1 })),
  auditWitnessS3SecretAccessKey: Type.Optional(Type.String({ minLength: 1 })),
  /**
   * The maps' base layer. Unset: the offline vector base drawn from the region's own layers. `tiles`
   * names any XYZ tile server (a self-hosted one, or a provider's); `tiandituKey` uses 天地图's
   * vector tiles and labels with that browser key. The tile hosts are added to the CSP's img-src.
   */
  map: Type.Optional(
    Type.Object(
      {
        tiles: Type.Optional(
          Type.Object(
            {
              url: Type.String({ pattern: '^https?://[^/{}]*(\\{s\\}[^/{}]*)?/.*\\{z\\}.*$', maxLength: 500 }),
              attribution: Type.String({ maxLength: 200, default: '' }),
              subdomains: Type.String({ pattern: '^[a-z0-9]{0,16}$', default: '' }),
              maxZoom: Type.Integer({ minimum: 1, maximum: 22, default: 18 }),
            },
            { additionalProperties: false },
          ),
        ),
        tiandituKey: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{32}$' })),
      },
      { additionalProperties: false },
    ),
  ),
  /** Days each checkpoint object stays under COMPLIANCE-mode object lock. */
  auditWitnessRetentionDays: Type.Integer({ minimum: 1, maximum: 36500, default: 3650 }),
});

export type Config = Static<typeof ConfigSchema>;

/** Environment variable → config key. Values are strings and are converted by the schema. */
export const ENV_KEYS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  PUBLIC_URL: 'publicUrl',
  OPEN311_TEST_URL: 'open311TestUrl',
  MQTT_URL: 'mqttUrl',
  DATABASE_URL: 'databaseUrl',
  YIWANG_DATA_DIR: 'dataDir',
  YIWANG_REGION: 'regionCode',
  LOG_LEVEL: 'logLevel',
  YIWANG_AUDIT_HASH: 'auditHash',
  YIWANG_AUDIT_SEAL_MS: 'auditSealMs',
  YIWANG_AUDIT_LANES: 'auditLanes',
  YIWANG_BODY_LIMIT: 'bodyLimitBytes',
  YIWANG_RATE_LIMIT: 'rateLimitPerMinute',
  YIWANG_SESSION_HOURS: 'sessionHours',
  YIWANG_AUTH_RATE_LIMIT: 'authRateLimitPerMinute',
  YIWANG_FILE_MAX_BYTES: 'fileMaxBytes',
  YIWANG_FILE_STORAGE: 'fileStorage',
  YIWANG_S3_ENDPOINT: 's3Endpoint',
  YIWANG_S3_BUCKET: 's3Bucket',
  YIWANG_S3_REGION: 's3Region',
  YIWANG_S3_ACCESS_KEY_ID: 's3AccessKeyId',
  YIWANG_S3_SECRET_ACCESS_KEY: 's3SecretAccessKey',
  YIWANG_METRICS_TOKEN: 'metricsToken',
  YIWANG_SEED_DEMO: 'seedDemo',
  YIWANG_WORKERS: 'workers',
  YIWANG_TRUST_PROXY: 'trustProxy',
  YIWANG_FILE_MAX_UNPACKED_BYTES: 'fileMaxUnpackedBytes',
  YIWANG_FILE_MAX_ARCHIVE_ENTRIES: 'fileMaxArchiveEntries',
  YIWANG_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  YIWANG_HEADERS_TIMEOUT_MS: 'headersTimeoutMs',
  YIWANG_IDLE_TIMEOUT_MS: 'idleTimeoutMs',
  YIWANG_KEEP_ALIVE_TIMEOUT_MS: 'keepAliveTimeoutMs',
  YIWANG_DB_STATEMENT_TIMEOUT_MS: 'dbStatementTimeoutMs',
  YIWANG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'dbIdleInTransactionTimeoutMs',
  YIWANG_DB_ACQUIRE_TIMEOUT_MS: 'dbAcquireTimeoutMs',
  YIWANG_DB_PREPARED_STATEMENTS: 'dbPreparedStatements',
  YIWANG_READY_TIMEOUT_MS: 'readyTimeoutMs',
  YIWANG_SHUTDOWN_GRACE_MS: 'shutdownGraceMs',
  YIWANG_AUDIT_WITNESS: 'auditWitness',
  YIWANG_AUDIT_WITNESS_PATH: 'auditWitnessPath',
  YIWANG_AUDIT_WITNESS_S3_BUCKET: 'auditWitnessS3Bucket',
  YIWANG_AUDIT_WITNESS_S3_ENDPOINT: 'auditWitnessS3Endpoint',
  YIWANG_AUDIT_WITNESS_S3_REGION: 'auditWitnessS3Region',
  YIWANG_AUDIT_WITNESS_S3_ACCESS_KEY_ID: 'auditWitnessS3AccessKeyId',
  YIWANG_AUDIT_WITNESS_S3_SECRET_ACCESS_KEY: 'auditWitnessS3SecretAccessKey',
  YIWANG_AUDIT_WITNESS_RETENTION_DAYS: 'auditWitnessRetentionDays',
};
