import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DomainError } from '../http/errors.ts';

/** A module's topics and the schema of each one's payload (what its events.ts exports). */
export type EventCatalogue = Record<string, TSchema>;

/**
 * The payload of a change event: a record without an explicit `event` publishes
 * `<objectType>.<action>` with `{ id, ...summary }` (see ChangeRecord in kernel/index.ts).
 */
export const ChangeEvent = Type.Object({ id: Type.String() });
export type ChangeEvent = Static<typeof ChangeEvent> & Record<string, unknown>;

/** The change-event topics of one object type, for a module's catalogue. */
export function changeEvents(objectType: string, actions: readonly string[]): EventCatalogue {
  return Object.fromEntries(actions.map((a) => [`${objectType}.${a}`, ChangeEvent]));
}

export const EventErrors = {
  undeclared: (topic: string) => new DomainError('EVENT_TOPIC_UNDECLARED', 500, `事件主题 ${topic} 未声明`, `The event topic ${topic} is not declared`),
  invalid: (topic: string, errors: { path: string; message: string }[]) =>
    new DomainError('EVENT_PAYLOAD_INVALID', 500, `事件 ${topic} 的内容不符合其声明`, `The payload of event ${topic} does not match its declared schema`, errors),
};

/**
 * Which topics exist and what their payloads look like. A module declares its topics when it is
 * created; publishing an undeclared topic or a payload that breaks its schema is refused before
 * anything is written, and a subscriber only ever receives a payload that passed the same check.
 */
export class EventRegistry {
  private readonly schemas = new Map<string, TSchema>();

  declare(topic: string, schema: TSchema): void {
    const known = this.schemas.get(topic);
    // Two modules claiming one topic would make its payload ambiguous; the same module declaring twice is harmless.
    if (known && known !== schema) throw new Error(`event topic ${topic} is declared twice with different schemas`);
    this.schemas.set(topic, schema);
  }

  declareAll(catalogue: EventCatalogue): void {
    for (const [topic, schema] of Object.entries(catalogue)) this.declare(topic, schema);
  }

  has(topic: string): boolean {
    return this.schemas.has(topic);
  }

  /**
   * Checks a payload as its subscribers will see it (after the JSON round trip of the outbox, so a
   * Date is checked as the string it becomes); returns that JSON text.
   */
  check(topic: string, payload: unknown): string {
    const schema = this.schemas.get(topic);
    if (!schema) throw EventErrors.undeclared(topic);
    const json = JSON.stringify(payload);
    this.checkParsed(topic, JSON.parse(json), schema);
    return json;
  }

  /** Checks a payload read back from the outbox. */
  checkParsed(topic: string, payload: unknown, schema = this.schemas.get(topic)): void {
    if (!schema) throw EventErrors.undeclared(topic);
    if (!Value.Check(schema, payload)) {
      throw EventErrors.invalid(
        topic,
        [...Value.Errors(schema, payload)].slice(0, 5).map((e) => ({ path: e.path || '/', message: e.message })),
      );
    }
  }
}
