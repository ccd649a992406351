import { randomBytes } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { DomainError, Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { Grids } from './grids.ts';
import { ALARM_RAISED } from './events.ts';
import { cityopsDb } from './tables.ts';

export const DEVICE_KINDS = [
  ['water_level', '水位监测', 'Water-level gauge'],
  ['noise', '噪声监测', 'Noise monitor'],
  ['smoke', '烟感报警', 'Smoke detector'],
  ['manhole', '井盖监测', 'Manhole-cover sensor'],
] as const;

export const Reading = Type.Object(
  {
    metric: Type.String({ pattern: '^[a-z][a-z0-9_]{0,29}$' }),
    value: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const TelemetryBatch = Type.Object({ readings: Type.Array(Reading, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export type TelemetryBatch = Static<typeof TelemetryBatch>;

export const DeviceInput = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$' }),
    kind: Type.Union(DEVICE_KINDS.map(([c]) => Type.Literal(c))),
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
export type DeviceInput = Static<typeof DeviceInput>;

export const RuleInput = Type.Object(
  {
    deviceKind: Type.Union(DEVICE_KINDS.map(([c]) => Type.Literal(c))),
    metric: Type.String({ pattern: '^[a-z][a-z0-9_]{0,29}$' }),
    op: Type.Union([Type.Literal('>'), Type.Literal('>='), Type.Literal('<'), Type.Literal('<=')]),
    threshold: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    categoryCode: Type.String({ pattern: '^[0-9]{6}$' }),
    urgency: Type.Union([Type.Literal('urgent'), Type.Literal('ordinary')]),
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleInput>;

export const TelemetryErrors = {
  badDevice: () => new DomainError('DEVICE_UNKNOWN', 403, '设备未登记、已停用或密钥不符', 'The device is not registered, is inactive, or its key is wrong'),
  outside: () => new DomainError('DEVICE_OUTSIDE', 422, '设备位置不在本辖区内', 'The device is outside this jurisdiction', [{ path: '/lat', message: 'outside every street / 不在辖区任何街道内' }]),
  exists: () => new DomainError('DEVICE_EXISTS', 409, '设备编号已存在', 'A device with this id already exists'),
};

const breaches = (op: string, v: number, t: number) => (op === '>' ? v > t : op === '>=' ? v >= t : op === '<' ? v < t : v <= t);

/**
 * 物联感知: registered devices send readings (HTTP or MQTT); threshold rules per device kind turn a
 * breach into an alarm. While the condition lasts the alarm stays open and only counts readings,
 * so one flooded underpass is one case, not one per minute; a reading back within the threshold
 * clears it. Opening an alarm publishes an event in the same transaction, and the case engine
 * turns it into a case with the device's place and readings.
 */
export class Telemetry {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly grids: Grids,
  ) {}

  /** Registers a device and returns its key (shown once; only a keyed digest is kept). */
  async register(who: Principal, input: DeviceInput, requestId?: string): Promise<{ id: string; key: string }> {
    const region = this.k.config.regionCode;
    assertAllowed(this.policy, who, 'cityops.manage', { regionCode: region });
    const place = await this.grids.locate(input.lon, input.lat);
    if (!place) throw TelemetryErrors.outside();
    const key = randomBytes(24).toString('base64url');
    await this.k.db.transaction().execute(async (trx) => {
      const r = await cityopsDb(trx)
        .insertInto('cityops_device')
        .values({
          id: input.id,
          region_code: region,
          kind: input.kind,
          name: input.name.trim(),
          lon: input.lon,
          lat: input.lat,
          street_code: place.streetCode,
          grid_code: place.gridCode,
          key_index: this.k.crypto.blindIndex(key),
          created_at: this.k.clock.now(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw TelemetryErrors.exists();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'device-registered',
        objectType: 'cityops.device',
        objectId: input.id,
        regionCode: region,
        change: { ...input, streetCode: place.streetCode, gridCode: place.gridCode },
        requestId,
      });
    });
    return { id: input.id, key };
  }

  async devices(who: Principal) {
    assertAllowed(this.policy, who, 'cityops.view', { regionCode: this.k.config.regionCode });
    const rows = await cityopsDb(this.k.db).selectFrom('cityops_device').select(['id', 'kind', 'name', 'lon', 'lat', 'street_code', 'grid_code', 'active', 'last_seen_at']).orderBy('id').execute();
    const open = await cityopsDb(this.k.db)
      .selectFrom('cityops_alarm')
      .select(['device_id', sql<number>`count(*)::int`.as('n')])
      .where('cleared_at', 'is', null)
      .groupBy('device_id')
      .execute();
    const alarms = new Map(open.map((o) => [o.device_id, Number(o.n)]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      lon: r.lon,
      lat: r.lat,
      streetCode: r.street_code,
      gridCode: r.grid_code,
      active: r.active,
      lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
      openAlarms: alarms.get(r.id) ?? 0,
    }));
  }

  async saveRule(who: Principal, input: RuleInput, requestId?: string): Promise<{ id: string }> {
    const region = this.k.config.regionCode;
    assertAllowed(this.policy, who, 'cityops.manage', { regionCode: region });
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const row = {
        region_code: region,
        device_kind: input.deviceKind,
        metric: input.metric,
        op: input.op,
        threshold: input.threshold,
        category_code: input.categoryCode,
        urgency: input.urgency,
        name: input.name.trim(),
        active: input.active ?? true,
        updated_at: now,
      };
      const r = await cityopsDb(trx)
        .insertInto('cityops_rule')
        .values({ id: uuidv7(), ...row })
        .onConflict((oc) => oc.columns(['region_code', 'device_kind', 'metric', 'op']).doUpdateSet((eb) => ({ ...row, version: eb('cityops_rule.version', '+', 1) })))
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'rule-saved', objectType: 'cityops.rule', objectId: r.id, regionCode: region, change: input, requestId });
      return { id: r.id };
    });
  }

  /** Checks a device key (HTTP); MQTT devices are authenticated by the broker and pass `null`. */
  async device(id: string, key: string | null) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/.test(id)) throw TelemetryErrors.badDevice();
    const d = await cityopsDb(this.k.db).selectFrom('cityops_device').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
    if (!d || (key !== null && d.key_index !== this.k.crypto.blindIndex(key))) throw TelemetryErrors.badDevice();
    return d;
  }

  /** Validates an untrusted payload (e.g. an MQTT message) against the batch schema. */
  parse(payload: unknown): TelemetryBatch {
    const batch = payload && typeof payload === 'object' && !Array.isArray(payload) && !('readings' in payload) ? { readings: [payload] } : payload;
    if (!Value.Check(TelemetryBatch, batch)) throw Errors.validation([...Value.Errors(TelemetryBatch, batch)].slice(0, 5).map((e) => ({ path: e.path || '/', message: e.message })));
    return batch as TelemetryBatch;
  }

  /** Stores readings and opens or clears alarms, in one transaction. */
  async ingest(deviceId: string, key: string | null, batch: TelemetryBatch, channel: 'http' | 'mqtt'): Promise<{ accepted: number; opened: number; cleared: number }> {
    const d = await this.device(deviceId, key);
    const now = this.k.clock.now();
    const rules = await cityopsDb(this.k.db).selectFrom('cityops_rule').selectAll().where('region_code', '=', d.region_code).where('device_kind', '=', d.kind).where('active', '=', true).execute();
    const readings = batch.readings.map((r) => ({ ...r, when: r.at ? new Date(r.at) : now })).sort((a, b) => a.when.getTime() - b.when.getTime());
    let opened = 0;
    let cleared = 0;
    await this.k.db.transaction().execute(async (trx) => {
      await cityopsDb(trx)
        .insertInto('cityops_reading')
        .values(readings.map((r) => ({ id: uuidv7(), region_code: d.region_code, device_id: d.id, metric: r.metric, value: r.value, at: r.when, received_at: now })))
        .execute();
      await cityopsDb(trx).updateTable('cityops_device').set({ last_seen_at: now }).where('id', '=', d.id).execute();
      for (const r of readings) {
        for (const rule of rules.filter((x) => x.metric === r.metric)) {
          if (breaches(rule.op, r.value, rule.threshold)) {
            const res = await sql<{ id: string; fresh: boolean }>`
              INSERT INTO cityops_alarm (id, region_code, device_id, rule_id, opened_at, first_value, peak_value)
              VALUES (${uuidv7()}, ${d.region_code}, ${d.id}, ${rule.id}, ${r.when}, ${r.value}, ${r.value})
              ON CONFLICT (device_id, rule_id) WHERE cleared_at IS NULL
              DO UPDATE SET readings = cityops_alarm.readings + 1,
                peak_value = CASE WHEN ${rule.op} IN ('>', '>=') THEN greatest(cityops_alarm.peak_value, excluded.peak_value) ELSE least(cityops_alarm.peak_value, excluded.peak_value) END
              RETURNING id, (xmax = 0) AS fresh`.execute(trx);
            const alarm = res.rows[0];
            if (alarm.fresh) {
              opened += 1;
              const title = `${d.name}${rule.name}`;
              const content = `${d.name}（设备 ${d.id}）${rule.name}：${r.metric} = ${r.value}，阈值 ${rule.op} ${rule.threshold}，时间 ${r.when.toISOString()}。经${channel === 'mqtt' ? 'MQTT' : 'HTTP'}上报。`;
              await this.k.recordChange(trx, {
                actor: { id: `device:${d.id}`, type: 'system', regionCode: d.region_code },
                action: 'alarm-raised',
                objectType: 'cityops.alarm',
                objectId: alarm.id,
                regionCode: d.region_code,
                change: { device: d.id, rule: rule.id, metric: r.metric, value: r.value, threshold: rule.threshold },
                event: {
                  topic: ALARM_RAISED,
                  payload: {
                    alarmId: alarm.id,
                    deviceId: d.id,
                    metric: r.metric,
                    value: r.value,
                    threshold: rule.threshold,
                    categoryCode: rule.category_code,
                    urgency: rule.urgency,
                    title,
                    content,
                    lon: d.lon,
                    lat: d.lat,
                    address: d.name,
                    streetCode: d.street_code,
                    gridCode: d.grid_code,
                  },
                },
              });
            }
          } else {
            const res = await cityopsDb(trx)
              .updateTable('cityops_alarm')
              .set({ cleared_at: r.when })
              .where('device_id', '=', d.id)
              .where('rule_id', '=', rule.id)
              .where('cleared_at', 'is', null)
              .returning('id')
              .execute();
            for (const a of res) {
              cleared += 1;
              await this.k.recordChange(trx, {
                actor: { id: `device:${d.id}`, type: 'system', regionCode: d.region_code },
                action: 'alarm-cleared',
                objectType: 'cityops.alarm',
                objectId: a.id,
                regionCode: d.region_code,
                change: { value: r.value },
              });
            }
          }
        }
      }
    });
    return { accepted: readings.length, opened, cleared };
  }
}
