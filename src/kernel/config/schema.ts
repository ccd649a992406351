import { Type, type Static } from '@sinclair/typebox';

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
  YIWANG_AUDIT_WITNESS: 'auditWitness',
  YIWANG_AUDIT_WITNESS_PATH: 'auditWitnessPath',
  YIWANG_AUDIT_WITNESS_S3_BUCKET: 'auditWitnessS3Bucket',
  YIWANG_AUDIT_WITNESS_S3_ENDPOINT: 'auditWitnessS3Endpoint',
  YIWANG_AUDIT_WITNESS_S3_REGION: 'auditWitnessS3Region',
  YIWANG_AUDIT_WITNESS_S3_ACCESS_KEY_ID: 'auditWitnessS3AccessKeyId',
  YIWANG_AUDIT_WITNESS_S3_SECRET_ACCESS_KEY: 'auditWitnessS3SecretAccessKey',
  YIWANG_AUDIT_WITNESS_RETENTION_DAYS: 'auditWitnessRetentionDays',
};
