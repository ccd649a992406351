import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ConfigSchema, ENV_KEYS, type Config } from './schema.ts';

export type { Config } from './schema.ts';

/** Values never echoed in an error message. */
const SECRET_KEYS = new Set(['databaseUrl', 's3AccessKeyId', 's3SecretAccessKey', 'metricsToken', 'auditWitnessS3AccessKeyId', 'auditWitnessS3SecretAccessKey']);

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置有误 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Which source a key came from, so an error says where to fix it. */
function sourceName(key: string, fromEnv: Map<string, string>, file?: string): string {
  const env = fromEnv.get(key);
  return env ? `environment variable ${env}` : file ? `${file} → ${key}` : key;
}

/**
 * Reads `yiwang.config.json` (optional) then the environment (wins), converts strings to the
 * schema's types and validates. Throws ConfigError listing every wrong value at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}, cwd = process.cwd()): Config {
  const problems: string[] = [];
  let fromFile: Record<string, unknown> = {};
  const filePath = env.YIWANG_CONFIG ?? path.join(cwd, 'yiwang.config.json');
  const fileExists = fs.existsSync(filePath);
  if (fileExists) {
    try {
      const parsed = JSON.parse(fs.readFileSync(filePath, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      fromFile = parsed;
    } catch (err) {
      throw new ConfigError([`${filePath}: 不是有效的 JSON 对象 / not a valid JSON object (${(err as Error).message})`]);
    }
  } else if (env.YIWANG_CONFIG) {
    throw new ConfigError([`YIWANG_CONFIG: 文件不存在 / file not found: ${filePath}`]);
  }
  for (const key of Object.keys(fromFile)) {
    if (!(key in ConfigSchema.properties)) problems.push(`${filePath} → ${key}: 未知配置项 / unknown setting`);
  }
  const fromEnv = new Map<string, string>();
  const raw: Record<string, unknown> = { ...fromFile };
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v !== undefined && v !== '') {
      raw[key] = v;
      fromEnv.set(key, name);
    }
  }
  // The map's two most common settings also come from the environment (a container's usual way).
  const map = { ...((raw.map as Record<string, unknown> | undefined) ?? {}) };
  if (env.YIWANG_TIANDITU_KEY) map.tiandituKey = env.YIWANG_TIANDITU_KEY;
  if (env.YIWANG_MAP_TILES_URL) map.tiles = { ...((map.tiles as Record<string, unknown> | undefined) ?? {}), url: env.YIWANG_MAP_TILES_URL };
  if (Object.keys(map).length) raw.map = map;
  Object.assign(raw, overrides);
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  for (const e of Value.Errors(ConfigSchema, withDefaults)) {
    const key = e.path.split('/')[1] ?? e.path;
    const shown = SECRET_KEYS.has(key) ? '(hidden)' : JSON.stringify(e.value);
    problems.push(`${sourceName(key, fromEnv, fileExists ? filePath : undefined)}: ${e.message} (got ${shown})`);
  }
  const config = withDefaults as Config;
  if (config.fileStorage === 's3') {
    for (const k of ['s3Endpoint', 's3Bucket', 's3AccessKeyId', 's3SecretAccessKey'] as const) {
      if (!config[k]) problems.push(`${k}: 对象存储需要此项 / required when fileStorage is "s3"`);
    }
  }
  for (const entry of config.trustProxy?.split(',').map((e) => e.trim()) ?? []) {
    if (!trustedProxyOk(entry)) problems.push(`${sourceName('trustProxy', fromEnv, fileExists ? filePath : undefined)}: ${JSON.stringify(entry)} 不是地址或网段 / is not an address or CIDR range`);
  }
  if (config.auditWitness === 's3') {
    const need = {
      auditWitnessS3Bucket: config.auditWitnessS3Bucket,
      auditWitnessS3Endpoint: config.auditWitnessS3Endpoint ?? config.s3Endpoint,
      auditWitnessS3AccessKeyId: config.auditWitnessS3AccessKeyId ?? config.s3AccessKeyId,
      auditWitnessS3SecretAccessKey: config.auditWitnessS3SecretAccessKey ?? config.s3SecretAccessKey,
    };
    for (const [k, v] of Object.entries(need)) if (!v) problems.push(`${k}: 审计见证存储需要此项 / required when auditWitness is "s3"`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** An address, a CIDR range with a prefix its family allows, or one of proxy-addr's named ranges. */
function trustedProxyOk(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [addr, prefix, ...rest] = entry.split('/');
  const family = net.isIP(addr);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
