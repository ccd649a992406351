import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCases, type CaseWorld } from '../../testing/cases.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { ERROR_TOPIC, TELEMETRY_TOPIC } from './index.ts';

const BROKER = process.env.MQTT_TEST_URL ?? 'mqtt://127.0.0.1:1883';
let t: TestPlatform;
let w: CaseWorld;
let admin: string;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
  admin = await staffToken(t, ['region_admin'], w.centre);
  const rule = (body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/cityops/rules', headers: bearer(admin), payload: body });
  expect((await rule({ deviceKind: 'water_level', metric: 'level_cm', op: '>=', threshold: 30, categoryCode: '010204', urgency: 'urgent', name: '积水超警戒' })).statusCode).toBe(200);
  expect((await rule({ deviceKind: 'smoke', metric: 'smoke', op: '>=', threshold: 1, categoryCode: '070101', urgency: 'urgent', name: '烟感报警' })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

async function device(id: string, kind: string, lon: number, lat: number) {
  const r = await t.app.inject({ method: 'POST', url: '/api/cityops/devices', headers: bearer(admin), payload: { id, kind, name: `${id}号监测点`, lon, lat } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().key as string;
}
const send = (id: string, key: string, readings: unknown) => t.app.inject({ method: 'POST', url: `/api/cityops/devices/${id}/telemetry`, headers: { 'x-device-key': key }, payload: { readings } });
const sensorCases = () => t.p.kernel.db.selectFrom('cases_case').selectAll().where('channel', '=', 'sensor').orderBy('number').execute();

describe('sensor events', () => {
  it('opens one case while a water level stays high, and links a recurrence to the open case', async () => {
    const key = await device('WL-001', 'water_level', 122.09, 46.07);
    expect((await send('WL-001', key, [{ metric: 'level_cm', value: 12 }])).json()).toMatchObject({ accepted: 1, opened: 0 });
    expect((await send('WL-001', key, [{ metric: 'level_cm', value: 35 }])).json()).toMatchObject({ opened: 1 });
    expect(
      (
        await send('WL-001', key, [
          { metric: 'level_cm', value: 41 },
          { metric: 'level_cm', value: 38 },
        ])
      ).json(),
    ).toMatchObject({ accepted: 2, opened: 0 });
    await t.p.kernel.events.dispatch(200);
    let cases = await sensorCases();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ category_code: '010204', urgency: 'urgent', street_code: '152201002', state: 'registered', kind: 'report' });
    expect(cases[0].content).toContain('level_cm = 35');
    const alarm = await t.p.kernel.db.selectFrom('cityops_alarm').selectAll().where('device_id', '=', 'WL-001').executeTakeFirstOrThrow();
    expect(alarm).toMatchObject({ readings: 3, peak_value: 41, cleared_at: null });
    expect((await send('WL-001', key, [{ metric: 'level_cm', value: 10 }])).json()).toMatchObject({ cleared: 1 });
    // The water rises again while the first case is still open: linked, not a second dispatch.
    expect((await send('WL-001', key, [{ metric: 'level_cm', value: 33 }])).json()).toMatchObject({ opened: 1 });
    await t.p.kernel.events.dispatch(200);
    cases = await sensorCases();
    expect(cases).toHaveLength(2);
    expect(cases[1]).toMatchObject({ state: 'merged', duplicate_of: cases[0].id });
  });

  it('refuses unknown devices, wrong keys and malformed readings, storing nothing', async () => {
    const key = await device('SM-001', 'smoke', 122.075, 46.078);
    const before = await t.p.kernel.db.selectFrom('cityops_reading').select('id').execute();
    expect((await send('SM-001', 'wrong-key', [{ metric: 'smoke', value: 1 }])).statusCode).toBe(403);
    expect((await send('NOPE-9', key, [{ metric: 'smoke', value: 1 }])).statusCode).toBe(403);
    for (const bad of [
      [],
      [{ metric: 'smoke' }],
      [{ metric: 'Smoke!', value: 1 }],
      [{ metric: 'smoke', value: 1e9 }],
      [{ metric: 'smoke', value: 'high' }],
      Array.from({ length: 101 }, () => ({ metric: 'smoke', value: 0 })),
    ]) {
      const r = await send('SM-001', key, bad);
      expect(r.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(r.json().zh).toBeTruthy();
    }
    const outside = await t.app.inject({ method: 'POST', url: '/api/cityops/devices', headers: bearer(admin), payload: { id: 'FAR-1', kind: 'noise', name: '北京', lon: 116.4, lat: 39.9 } });
    expect(outside.json().code).toBe('DEVICE_OUTSIDE');
    expect((await t.app.inject({ method: 'POST', url: '/api/cityops/devices', headers: bearer(w.agent), payload: { id: 'X-1', kind: 'noise', name: 'x', lon: 122.07, lat: 46.07 } })).statusCode).toBe(
      403,
    );
    const after = await t.p.kernel.db.selectFrom('cityops_reading').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('opens a case from a reading published to the MQTT broker, and answers a malformed message on the error topic', async () => {
    await device('SM-002', 'smoke', 122.06, 46.086);
    const listener = t.p.cityops.listenMqtt(BROKER);
    await listener.ready;
    const dev = mqtt.connect(BROKER, { protocolVersion: 5 });
    try {
      await new Promise<void>((resolve, reject) => (dev.once('connect', () => resolve()), dev.once('error', reject)));
      const errors: string[] = [];
      await dev.subscribeAsync(`${ERROR_TOPIC}SM-002`);
      dev.on('message', (_topic, msg) => errors.push(msg.toString()));
      await dev.publishAsync(`${TELEMETRY_TOPIC}SM-002`, '{not json', { qos: 1 });
      await dev.publishAsync(`${TELEMETRY_TOPIC}SM-002`, JSON.stringify({ metric: 'smoke', value: 1 }), { qos: 1 });
      const deadline = Date.now() + 10_000;
      let readings = 0;
      while (Date.now() < deadline && (readings === 0 || errors.length === 0)) {
        await new Promise((r) => setTimeout(r, 100));
        readings = (await t.p.kernel.db.selectFrom('cityops_reading').select('id').where('device_id', '=', 'SM-002').execute()).length;
      }
      expect(readings).toBe(1);
      expect(JSON.parse(errors[0])).toMatchObject({ code: 'MALFORMED_BODY' });
      await t.p.kernel.events.dispatch(200);
      const c = (await sensorCases()).find((x) => (x.attributes as Record<string, string>).device === 'SM-002');
      expect(c).toMatchObject({ category_code: '070101', street_code: '152201003', channel: 'sensor' });
      expect(c!.content).toContain('MQTT');
    } finally {
      dev.end(true);
      await listener.stop();
    }
  });
});
