import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import type { Actor } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Migration } from '../db/migrate.ts';
import { DomainError, Errors } from '../http/errors.ts';
import type { ChangeRecord } from '../index.ts';
import { isPlain, mergeOver, sourcesOf } from './merge.ts';

export { mergeOver, sourcesOf } from './merge.ts';

/** A region saved a new version of a setting (other nodes drop their cached copy). */
export const SETTING_SAVED = 'kernel.setting.saved';
export const SettingSaved = Type.Object({ key: Type.String(), regionCode: Type.String(), version: Type.Integer() });

/**
 * Versioned, per-region configuration. A module declares a key with a TypeBox schema and its
 * national default (in code); a region — a province, a city or a county, by its GB/T 2260 prefix —
 * saves an override as a new version. Reading merges default ← province ← city ← county one way
 * (see merge.ts). Every version is kept, so work that started under one can still read it (`asOf`).
 */
export const settingsMigration: Migration = {
  name: '0012_kernel_settings',
  sql: `
    CREATE TABLE kernel_setting (
      key text NOT NULL,
      region_code text NOT NULL,
      version integer NOT NULL,
      value jsonb NOT NULL,
      reason text NOT NULL,
      saved_by text NOT NULL,
      saved_at timestamptz NOT NULL,
      PRIMARY KEY (key, region_code, version)
    );
  `,
};

export interface SettingProblem {
  path: string;
  message: string;
}

export interface SettingDef<S extends TSchema = TSchema> {
  key: string;
  zh: string;
  en: string;
  schema: S;
  /** The national default; every region starts from it. */
  default: Static<S>;
  /** Who may read and save it, checked with the region as scope (e.g. `cases.manage`). */
  permission: string;
  /** Rules the schema cannot say (e.g. no `*` in a role), run on the merged value. */
  check?: (value: Static<S>) => SettingProblem[];
}

export interface SettingVersion {
  regionCode: string;
  version: number;
  value: unknown;
  reason: string;
  savedBy: string;
  savedAt: string;
}

export interface ResolvedSetting<T> {
  key: string;
  regionCode: string;
  value: T;
  default: T;
  /** The value the region inherits from above (the merge without its own level). */
  inherited: T;
  /** This region's own latest override, or null when it sets nothing itself. */
  own: SettingVersion | null;
  /** JSON-pointer path of each leaf → the region that set it ('' = the national default). */
  sources: Record<string, string>;
  /** The stored levels used, widest first. */
  levels: SettingVersion[];
}

export const SettingsErrors = {
  unknownKey: (key: string) => new DomainError('SETTING_UNKNOWN', 404, '没有这项配置', `There is no setting "${key}"`, [{ path: '/key', message: `unknown setting "${key}" / 配置项不存在` }]),
  invalid: (errors: SettingProblem[]) => new DomainError('SETTING_INVALID', 400, '配置值不符合要求', 'The setting value is not valid', errors),
  raced: () => new DomainError('SETTING_SAVED_MEANWHILE', 409, '该配置刚被他人保存，请刷新后重试', 'Someone saved this setting meanwhile; reload and try again'),
};

/** How long a node trusts its copy; a save on this node forgets it at once. */
export const SETTINGS_CACHE_MS = 5_000;

interface Row {
  key: string;
  region_code: string;
  version: number;
  value: unknown;
  reason: string;
  saved_by: string;
  saved_at: Date | string;
}

const toVersion = (r: Row): SettingVersion => ({
  regionCode: r.region_code,
  version: r.version,
  value: typeof r.value === 'string' ? JSON.parse(r.value) : r.value,
  reason: r.reason,
  savedBy: r.saved_by,
  savedAt: new Date(r.saved_at).toISOString(),
});

/** A declared key with its static type, for typed reads: `await ROLES_SETTING.get(k.settings, '152201')`. */
export interface SettingHandle<T> {
  key: string;
  get(regionCode: string, opts?: { asOf?: Date; ex?: Executor }): Promise<T>;
}

export class Settings {
  private readonly defs = new Map<string, SettingDef>();
  private readonly cache = new Map<string, { rows: SettingVersion[]; until: number }>();
  private readonly listeners = new Map<string, ((regionCode: string) => void)[]>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly recordChange: (ex: Executor, rec: ChangeRecord) => Promise<void>,
  ) {}

  declare<S extends TSchema>(def: SettingDef<S>): SettingHandle<Static<S>> {
    if (this.defs.has(def.key)) throw new Error(`setting ${def.key} declared twice`);
    const problems = [...Value.Errors(def.schema, def.default)];
    if (problems.length) throw new Error(`setting ${def.key}: default breaks its schema at ${problems[0].path}: ${problems[0].message}`);
    this.defs.set(def.key, def as unknown as SettingDef);
    return { key: def.key, get: (regionCode, opts) => this.get<Static<S>>(def.key, regionCode, opts) };
  }

  definitions(): SettingDef[] {
    return [...this.defs.values()];
  }

  definition(key: string): SettingDef {
    const d = this.defs.get(key);
    if (!d) throw SettingsErrors.unknownKey(key);
    return d;
  }

  /** Runs after a save on this node (e.g. identity forgets cached principals when roles change). */
  onSaved(key: string, fn: (regionCode: string) => void): void {
    this.listeners.set(key, [...(this.listeners.get(key) ?? []), fn]);
  }

  private async rows(key: string, ex: Executor): Promise<SettingVersion[]> {
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.rows;
    const rows = (await ex.selectFrom('kernel_setting').selectAll().where('key', '=', key).orderBy('region_code').orderBy('version').execute()) as Row[];
    const out = rows.map(toVersion);
    // Inside a caller's transaction the rows may include its own uncommitted save: not cached.
    if (!ex.isTransaction) this.cache.set(key, { rows: out, until: Date.now() + SETTINGS_CACHE_MS });
    return out;
  }

  /** The latest version of each region above and at `regionCode` (widest first), as of a time if given. */
  private levels(rows: SettingVersion[], regionCode: string, asOf?: Date): SettingVersion[] {
    const latest = new Map<string, SettingVersion>();
    for (const r of rows) {
      if (!regionCode.startsWith(r.regionCode)) continue;
      if (asOf && new Date(r.savedAt).getTime() > asOf.getTime()) continue;
      const prev = latest.get(r.regionCode);
      if (!prev || prev.version < r.version) latest.set(r.regionCode, r);
    }
    return [...latest.values()].sort((a, b) => a.regionCode.length - b.regionCode.length);
  }

  async resolve<T>(key: string, regionCode: string, opts: { asOf?: Date; ex?: Executor } = {}): Promise<ResolvedSetting<T>> {
    const def = this.definition(key);
    const levels = this.levels(await this.rows(key, opts.ex ?? this.db), regionCode, opts.asOf);
    const own = levels.at(-1)?.regionCode === regionCode ? levels.at(-1)! : null;
    const above = own ? levels.slice(0, -1) : levels;
    const merge = (ls: SettingVersion[]) => ls.reduce<unknown>((acc, l) => mergeOver(acc, l.value), structuredClone(def.default)) as T;
    return {
      key,
      regionCode,
      value: merge(levels),
      default: structuredClone(def.default) as T,
      inherited: merge(above),
      own,
      sources: sourcesOf([{ regionCode: '', value: def.default }, ...levels]),
      levels,
    };
  }

  /** The merged value for a region; `asOf` pins it to the versions saved by then (work that started earlier). */
  async get<T>(key: string, regionCode: string, opts: { asOf?: Date; ex?: Executor } = {}): Promise<T> {
    return (await this.resolve<T>(key, regionCode, opts)).value;
  }

  /** Every version a region saved for a key, newest first. */
  async history(key: string, regionCode: string): Promise<SettingVersion[]> {
    this.definition(key);
    return (await this.rows(key, this.db)).filter((r) => r.regionCode === regionCode).reverse();
  }

  /**
   * Checks an override against the schema as it would merge for the region; the problems name the
   * field under `/value`. An override sets some keys of the value; the merged value must be whole.
   */
  async problems(key: string, regionCode: string, value: unknown, ex: Executor = this.db): Promise<SettingProblem[]> {
    const def = this.definition(key);
    if (isPlain(def.default) && !isPlain(value)) return [{ path: '/value', message: 'must be an object / 须为对象' }];
    const { inherited } = await this.resolve(key, regionCode, { ex });
    const merged = mergeOver(inherited, value);
    const errs = [...Value.Errors(def.schema, merged)].map((e) => ({ path: `/value${e.path}`, message: e.message }));
    // One message per field is enough (a union reports each branch).
    const seen = new Set<string>();
    const out = errs.filter((e) => !seen.has(e.path) && seen.add(e.path));
    if (out.length) return out.slice(0, 20);
    return (def.check?.(merged as never) ?? []).map((p) => ({ path: `/value${p.path}`, message: p.message }));
  }

  /**
   * Saves a region's override as its next version, with the audit entry and event in the same
   * transaction. The caller has checked the policy (the key's permission, the region as scope).
   */
  async save(who: Actor, key: string, regionCode: string, value: unknown, reason: string, requestId?: string): Promise<SettingVersion> {
    this.definition(key);
    if (!/^[0-9]{2,12}$/.test(regionCode)) throw Errors.validation([{ path: '/regionCode', message: 'a GB/T 2260 region code / 须为行政区划代码' }]);
    const problems = await this.problems(key, regionCode, value);
    if (problems.length) throw SettingsErrors.invalid(problems);
    const now = this.clock.now();
    const saved = await this.db
      .transaction()
      .execute(async (trx) => {
        const row = (
          await sql<Row>`
          INSERT INTO kernel_setting (key, region_code, version, value, reason, saved_by, saved_at)
          SELECT ${key}, ${regionCode}, coalesce(max(version), 0) + 1, ${JSON.stringify(value)}::jsonb, ${reason}, ${who.id}, ${now}
          FROM kernel_setting WHERE key = ${key} AND region_code = ${regionCode}
          RETURNING *`.execute(trx)
        ).rows[0];
        await this.recordChange(trx, {
          actor: who,
          action: 'setting-saved',
          objectType: 'kernel.setting',
          objectId: `${key}@${regionCode}`,
          regionCode,
          change: { key, version: row.version, value, reason },
          event: { topic: SETTING_SAVED, payload: { key, regionCode, version: row.version } },
          requestId,
        });
        return toVersion(row);
      })
      .catch((err: { code?: string }) => {
        // Two saves of one key and region at once: the second finds the version taken.
        if (err?.code === '23505') throw SettingsErrors.raced();
        throw err;
      });
    this.cache.delete(key);
    for (const fn of this.listeners.get(key) ?? []) fn(regionCode);
    return saved;
  }
}
