import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Logger } from '../../kernel/log/index.ts';
import type { Telemetry } from './telemetry.ts';

/** Devices publish to yiwang/telemetry/<device id>; refusals go back on yiwang/telemetry-errors/<device id>. */
export const TELEMETRY_TOPIC = 'yiwang/telemetry/';
export const ERROR_TOPIC = 'yiwang/telemetry-errors/';
const MAX_MESSAGE = 64 * 1024;

/**
 * Listens to the broker for telemetry. A shared subscription ($share) lets the broker hand each
 * message to one app node only, so several nodes never store a reading twice. A refused message
 * is answered on the device's error topic with the problem, in both languages, and stores nothing.
 */
export function listenMqtt(url: string, telemetry: Telemetry, log: Logger): { ready: Promise<void>; stop(): Promise<void> } {
  const client = mqtt.connect(url, { protocolVersion: 5, clientId: `yiwang-${randomBytes(4).toString('hex')}`, reconnectPeriod: 2000, connectTimeout: 5000 });
  const ready = new Promise<void>((resolve, reject) => {
    client.once('connect', () => client.subscribe(`$share/yiwang/${TELEMETRY_TOPIC}+`, { qos: 1 }, (err) => (err ? reject(err) : resolve())));
    client.once('error', reject);
  });
  client.on('error', (err) => log.warn({ err: err.message }, 'mqtt: broker error'));
  client.on('message', (topic, payload) => {
    const deviceId = topic.slice(TELEMETRY_TOPIC.length);
    const refuse = (e: DomainError) => {
      log.warn({ device: deviceId.slice(0, 40), code: e.code }, 'mqtt: telemetry refused');
      client.publish(`${ERROR_TOPIC}${deviceId.slice(0, 40)}`, JSON.stringify({ code: e.code, zh: e.zh, en: e.en, errors: e.errors ?? [] }), { qos: 0 });
    };
    void (async () => {
      try {
        if (payload.length > MAX_MESSAGE) throw new DomainError('PAYLOAD_TOO_LARGE', 413, '消息过大', 'The message is too large');
        let body: unknown;
        try {
          body = JSON.parse(payload.toString('utf8'));
        } catch {
          throw new DomainError('MALFORMED_BODY', 400, '消息不是有效的JSON', 'The message is not valid JSON');
        }
        await telemetry.ingest(deviceId, null, telemetry.parse(body), 'mqtt');
      } catch (e) {
        if (e instanceof DomainError) refuse(e);
        else log.error({ err: (e as Error).message, device: deviceId.slice(0, 40) }, 'mqtt: telemetry failed');
      }
    })();
  });
  return {
    ready,
    stop: () => new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
  };
}
