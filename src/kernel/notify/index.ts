import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { sql, type Compilable, type RawBuilder } from 'kysely';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Clock } from '../clock/index.ts';
import type { PlatformCrypto } from '../crypto/index.ts';
import type { Db, Executor } from '../db/index.ts';
import type { Outbox } from '../events/index.ts';
import type { Logger } from '../log/index.ts';

export interface Message {
  channel: 'sms' | 'email';
  to: string;
  text: string;
}

/** Where SMS and email go. A deployment plugs in its gateway; development uses the log sink. */
export interface MessageSink {
  send(message: Message): Promise<void>;
}

export function maskAddress(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  return to.length > 7 ? `${to.slice(0, 3)}****${to.slice(-4)}` : '****';
}

/** Development sink: writes a masked line to the log, never the full number or address. */
export function logSink(log: Logger): MessageSink {
  return {
    async send(m) {
      log.info({ channel: m.channel, to: maskAddress(m.to), chars: m.text.length }, 'message sent (development sink)');
    },
  };
}

/**
 * Development sink: the log gets a masked line; the whole message goes to
 * `<dataDir>/outgoing-messages.txt` (mode 0600), which stands in for the phone or mailbox so a
 * developer can read a one-time code. A deployment replaces it with its SMS and mail gateways.
 */
export function devFileSink(dataDir: string, log: Logger): MessageSink {
  const file = path.join(dataDir, 'outgoing-messages.txt');
  return {
    async send(m) {
      log.info({ channel: m.channel, to: maskAddress(m.to), chars: m.text.length }, 'message sent (development sink)');
      await fs.promises.mkdir(dataDir, { recursive: true });
      await fs.promises.appendFile(file, `${new Date().toISOString()}\t${m.channel}\t${m.to}\t${m.text}\n`, { mode: 0o600 });
    },
  };
}

export interface NotifyInput {
  regionCode: string;
  recipientId: string;
  title: string;
  body: string;
  link?: string;
  sms?: string;
  email?: string;
}

const TOPIC = 'kernel.message.requested';
/** A message for the sink; the address (and a secret text) travel encrypted. */
const MessageRequested = Type.Object({
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  to: Type.String(),
  text: Type.Optional(Type.String()),
  textEnc: Type.Optional(Type.String()),
});

/**
 * One interface for every notification: an in-app inbox entry, plus SMS and email handed to the
 * outbox in the caller's transaction, so a crash after commit loses no message and a rollback
 * sends none. Addresses travel encrypted through the outbox.
 */
export class Notifier {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly crypto: PlatformCrypto,
    private readonly sink: MessageSink,
  ) {
    outbox.declare(TOPIC, MessageRequested);
    outbox.subscribe<typeof MessageRequested>(TOPIC, async (event, trx) => {
      const p = event.payload;
      const to = this.crypto.decryptField(p.to);
      const text = p.textEnc ? this.crypto.decryptField(p.textEnc) : (p.text ?? '');
      // The log row is unique per event: a redelivery after a crash fails here before sending twice.
      await trx
        .insertInto('kernel_message_log')
        .values({ id: uuidv7(), channel: p.channel, recipient_masked: maskAddress(to), event_id: event.id, sent_at: this.clock.now() })
        .execute();
      await this.sink.send({ channel: p.channel, to, text });
    });
  }

  async notify(trx: Executor, n: NotifyInput): Promise<string> {
    const id = uuidv7();
    await trx
      .insertInto('kernel_notification')
      .values({ id, region_code: n.regionCode, recipient_id: n.recipientId, title: n.title, body: n.body, link: n.link ?? null, created_at: this.clock.now() })
      .execute();
    const text = `【一网】${n.title}：${n.body}`;
    if (n.sms) await this.outbox.publish(trx, TOPIC, n.regionCode, { channel: 'sms', to: this.crypto.encryptField(n.sms), text });
    if (n.email) await this.outbox.publish(trx, TOPIC, n.regionCode, { channel: 'email', to: this.crypto.encryptField(n.email), text });
    return id;
  }

  /**
   * An inbox entry whose region, recipient and body come from the one row `from` selects (columns
   * `region_code`, `recipient_id`, `body`), written in the same statement (INSERT … SELECT): a
   * subscriber need not read a record first to address its message. Nothing is written when `from`
   * finds no row; answers whether an entry was written. No SMS or email (see `notify`).
   */
  async notifyFrom(trx: Executor, from: Compilable | RawBuilder<unknown>, n: { title: string; link?: string }): Promise<boolean> {
    const r = await sql`INSERT INTO kernel_notification (id, region_code, recipient_id, title, body, link, created_at)
      SELECT ${uuidv7()}::uuid, f.region_code, f.recipient_id, ${n.title}, f.body, ${n.link ?? null}, ${this.clock.now()} FROM (${from}) f LIMIT 1`.execute(trx);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /**
   * An SMS with no inbox entry (e.g. a one-time code to a number with no account yet). Secret texts
   * travel encrypted through the outbox, so the event log never holds a usable code.
   */
  async sms(trx: Executor, regionCode: string, to: string, text: string, opts: { secret?: boolean } = {}): Promise<void> {
    const body = `【一网】${text}`;
    await this.outbox.publish(trx, TOPIC, regionCode, {
      channel: 'sms',
      to: this.crypto.encryptField(to),
      ...(opts.secret ? { textEnc: this.crypto.encryptField(body) } : { text: body }),
    });
  }

  /** The recipient's messages, unread first (each part newest first): two indexed reads, no sort over the whole inbox. */
  async inbox(recipientId: string, limit = 50, opts: { unreadOnly?: boolean } = {}) {
    const part = (unread: boolean, n: number) =>
      this.db
        .selectFrom('kernel_notification')
        .select(['id', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
        .where('recipient_id', '=', recipientId)
        .where('read_at', unread ? 'is' : 'is not', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(n)
        .execute();
    const unread = await part(true, limit);
    if (opts.unreadOnly || unread.length >= limit) return unread;
    return [...unread, ...(await part(false, limit - unread.length))];
  }

  async unreadCount(recipientId: string): Promise<number> {
    const r = await this.db
      .selectFrom('kernel_notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('recipient_id', '=', recipientId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
