import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { searchVector } from '../../kernel/search/index.ts';
import { stepActorOf } from '../../kernel/workflow/index.ts';
import type { Grids, Placement } from '../cityops/index.ts';
import { applicantFacts } from '../identity/index.ts';
import type { Categories } from './categories.ts';
import { CasesErrors } from './errors.ts';
import { caseSettings } from './settings.ts';
import { CASE_LOG, checkPhotos } from './records.ts';
import type { CaseInput, Suggestion } from './schema.ts';
import type { Suggester, Understanding } from './suggestions.ts';
import type { Channel } from './workflow.ts';
import type { CaseWorkflows } from './workflows.ts';
import { CASE_REGISTERED } from './events.ts';

/** What the city-operations module tells us about an alarm that should become a case. */
export interface SensorAlarm {
  alarmId: string;
  deviceId: string;
  metric: string;
  value: number;
  threshold: number;
  categoryCode: string;
  urgency: string;
  title: string;
  content: string;
  lon: number;
  lat: number;
  address: string | null;
  streetCode: string | null;
  gridCode: string | null;
}

/** Sensor cases are reported by the platform itself. */
export const SENSOR_REPORTER: Principal = {
  accountId: 'sensor',
  type: 'client',
  name: '物联感知',
  regionCode: '',
  departmentId: null,
  roles: [],
  permissions: new Set(['cases.intake']),
  sessionId: null,
};

interface Prepared {
  channel: Channel;
  title: string;
  text: string;
  callerName: string | null;
  callerPhone: string | null;
  phoneIndex: string | null;
  streetCode: string | null;
  gridCode: string | null;
  suggestions: Suggestion[];
  /** What the classifier understood at intake (null for a sensor's case, whose rule names the category). */
  understanding: Understanding | null;
  original: { id: string; number: string } | null;
}

export interface IntakeResult {
  id: string;
  number: string;
  duplicateOf: string | null;
  suggestions: Suggestion[];
  /** The two slots (department, street) and 需人工判断, when the call was understood at intake. */
  understanding?: Omit<Understanding, 'suggestions'>;
  created: boolean;
}

/** What is kept of the first suggestion on the case row (cases_case.first_suggestion). */
export function firstSuggestion(u: Understanding) {
  const top = u.departments[0];
  return {
    departmentId: top?.departmentId ?? null,
    level: top?.level ?? null,
    categoryCode: top?.categoryCode ?? null,
    confidence: top?.confidence ?? 0,
    top3: u.departments.map((d) => d.departmentId).filter((x): x is string => !!x),
    manual: u.manual,
    streetCode: u.street?.code ?? null,
  };
}

/** Who a report is from, and by which channel, decided from the principal. */
function channelOf(who: Principal, asked: Channel | undefined): Channel {
  if (who.type === 'person') return asked === 'app' ? 'app' : 'web';
  if (who.type === 'client') return asked === 'open311' || asked === 'sensor' ? asked : 'api';
  if (who.permissions.has('cases.intake') || who.permissions.has('*')) return asked === 'grid' || asked === 'sensor' ? asked : 'hotline';
  return 'grid';
}

/**
 * 统一受理: one intake for every channel. Checks the place against the grids, refuses floods from one
 * caller, suggests category and unit, links a duplicate of an open case about the same place and
 * matter (so it is not dispatched twice), and stores the case with its first action row, audit
 * entry and event — one statement, or one transaction when a duplicate updates its original.
 */
export class Intake {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly grids: Grids,
    private readonly categories: Categories,
    private readonly suggester: Suggester,
    private readonly workflows: CaseWorkflows,
  ) {}

  private allow(who: Principal, channel: Channel): void {
    const region = this.k.config.regionCode;
    if (channel === 'web' || channel === 'app') assertAllowed(this.policy, who, 'cases.submit', { ownerId: who.accountId });
    // A grid worker's own area is a street, below the region the case is filed in.
    else if (channel === 'grid') assertAllowed(this.policy, who, 'cases.report', { departmentId: who.departmentId });
    else assertAllowed(this.policy, who, 'cases.intake', { regionCode: region });
  }

  async place(input: Pick<CaseInput, 'lon' | 'lat'>): Promise<Placement | null> {
    if ((input.lon === undefined) !== (input.lat === undefined))
      throw Errors.validation([{ path: input.lon === undefined ? '/lon' : '/lat', message: 'give both longitude and latitude / 经纬度须同时提供' }]);
    if (input.lon === undefined || input.lat === undefined) return null;
    const p = await this.grids.locate(input.lon, input.lat);
    if (!p) throw CasesErrors.outsideRegion();
    return p;
  }

  /**
   * The refusals report() would give a client (a connected system or an Open311 app) before storing,
   * without storing anything: Open311 runs it before it keeps a posted photo, so a refused post
   * leaves no file, and for its sandbox, whose posts are not counted (`counted: false`).
   */
  async check(who: Principal, input: CaseInput, opts: { counted: boolean }): Promise<void> {
    const channel = channelOf(who, input.channel as Channel | undefined);
    this.allow(who, channel);
    const place = await this.place(input);
    if ((channel === 'grid' || channel === 'web' || channel === 'app') && !place && !input.address?.trim())
      throw Errors.validation([{ path: '/lat', message: 'mark the place on the map or give an address / 请在地图上标注位置或填写地址' }]);
    if (input.categoryCode) await this.categories.leaf(input.categoryCode);
    if (!opts.counted) return;
    await this.checkFlood(input.callerPhone ? { phone: this.k.crypto.blindIndex(input.callerPhone) } : null);
    if (who.type === 'client') await this.checkReporterRate(who.accountId);
  }

  async report(who: Principal, input: CaseInput, requestId?: string): Promise<IntakeResult> {
    const channel = channelOf(who, input.channel as Channel | undefined);
    this.allow(who, channel);
    const place = await this.place(input);
    if ((channel === 'grid' || channel === 'web' || channel === 'app') && !place && !input.address?.trim())
      throw Errors.validation([{ path: '/lat', message: 'mark the place on the map or give an address / 请在地图上标注位置或填写地址' }]);
    if (input.categoryCode) await this.categories.leaf(input.categoryCode);
    await checkPhotos(this.k, who, input.photoIds ?? []);
    const region = this.k.config.regionCode;
    const reporterId = who.accountId;
    if (input.externalRef) {
      const seen = await this.k.db
        .selectFrom('cases_case')
        .select(['id', 'number', 'duplicate_of', 'suggestions'])
        .where('reporter_id', '=', reporterId)
        .where('external_ref', '=', input.externalRef)
        .executeTakeFirst();
      if (seen) return { id: seen.id, number: seen.number, duplicateOf: seen.duplicate_of, suggestions: seen.suggestions as Suggestion[], created: false };
    }
    // The caller: typed in by the agent, or the signed-in person's own name and phone.
    let callerName = input.callerName?.trim() || null;
    let callerPhone = input.callerPhone ?? null;
    if (who.type === 'person') {
      const facts = await applicantFacts(this.k, who);
      callerName = who.name;
      callerPhone = facts.values['person.phone'] ?? callerPhone;
    }
    const phoneIndex = callerPhone ? this.k.crypto.blindIndex(callerPhone) : null;
    await this.checkFlood(who.type === 'person' ? { account: who.accountId } : phoneIndex ? { phone: phoneIndex } : null);
    if (who.type === 'client') await this.checkReporterRate(reporterId);
    const title = input.title?.trim() || input.content.trim().replace(/\s+/g, ' ').slice(0, 30);
    const text = `${title} ${input.content}`;
    const understanding = await this.suggester.understand(text, region, place, input.address);
    const suggestions = understanding.suggestions;
    const matter = input.categoryCode ?? suggestions[0]?.categoryCode ?? null;
    const original = matter ? await this.findOriginal(this.k.db, matter, !!place, input, input.lon, input.lat) : null;
    return this.store(
      this.k.db,
      who,
      input,
      { channel, title, text, callerName, callerPhone, phoneIndex, streetCode: place?.streetCode ?? null, gridCode: place?.gridCode ?? null, suggestions, understanding, original },
      requestId,
    );
  }

  /**
   * A case opened by a sensor alarm (一网统管), inside the event subscriber's transaction: the rule
   * names the category, the device's place is known, and the alarm id makes a redelivery harmless.
   */
  async reportSensor(trx: Tx, alarm: SensorAlarm): Promise<IntakeResult> {
    const seen = await trx
      .selectFrom('cases_case')
      .select(['id', 'number', 'duplicate_of'])
      .where('reporter_id', '=', SENSOR_REPORTER.accountId)
      .where('external_ref', '=', alarm.alarmId)
      .executeTakeFirst();
    if (seen) return { id: seen.id, number: seen.number, duplicateOf: seen.duplicate_of, suggestions: [], created: false };
    const input: CaseInput = {
      channel: 'sensor',
      kind: 'report',
      urgency: alarm.urgency as CaseInput['urgency'],
      title: alarm.title.slice(0, 100),
      content: alarm.content.slice(0, 2000),
      lon: alarm.lon,
      lat: alarm.lat,
      address: alarm.address ?? undefined,
      categoryCode: alarm.categoryCode,
      externalRef: alarm.alarmId,
      attributes: { device: alarm.deviceId, metric: alarm.metric, value: String(alarm.value), threshold: String(alarm.threshold) },
    };
    const original = await this.findOriginal(trx, alarm.categoryCode, true, input, alarm.lon, alarm.lat);
    return this.store(trx, SENSOR_REPORTER, input, {
      channel: 'sensor',
      title: input.title!,
      text: `${input.title} ${input.content}`,
      callerName: null,
      callerPhone: null,
      phoneIndex: null,
      streetCode: alarm.streetCode,
      gridCode: alarm.gridCode,
      suggestions: [],
      understanding: null,
      original,
    });
  }

  /** Writes a prepared case: one statement, or with its original's count when it is a duplicate. */
  private async store(ex: Executor, who: Principal, input: CaseInput, c: Prepared, requestId?: string): Promise<IntakeResult> {
    const { channel, title, text, callerName, callerPhone, phoneIndex, suggestions, original } = c;
    const region = this.k.config.regionCode;
    const reporterId = who.accountId;
    const matter = input.categoryCode ?? suggestions[0]?.categoryCode ?? null;
    const now = this.k.clock.now();
    const { version, def } = await this.workflows.latest(region, ex);
    const id = uuidv7();
    const state = original ? 'merged' : def.initial;
    const row = {
      id,
      number: sql`${`${region}-GD-${cstDate(now).replace(/-/g, '')}-`} || lpad(nextval('cases_case_seq')::text, 6, '0')`,
      region_code: region,
      workflow_version: version,
      channel,
      kind: input.kind,
      urgency: input.urgency ?? (input.kind === 'consult' ? 'consult' : 'ordinary'),
      title,
      content: input.content.trim(),
      search: searchVector(`${text} ${input.address ?? ''}`),
      caller_name_enc: callerName ? this.k.crypto.encryptField(callerName) : null,
      caller_phone_enc: callerPhone ? this.k.crypto.encryptField(callerPhone) : null,
      caller_phone_index: phoneIndex,
      caller_account_id: who.type === 'person' ? who.accountId : null,
      confidential: input.confidential ?? false,
      reporter_id: reporterId,
      external_ref: input.externalRef ?? null,
      address: input.address?.trim() || null,
      lon: input.lon ?? null,
      lat: input.lat ?? null,
      street_code: c.streetCode,
      grid_code: c.gridCode,
      photo_ids: input.photoIds ?? [],
      attributes: JSON.stringify(input.attributes ?? {}),
      category_code: input.categoryCode ?? (original ? matter : null),
      suggestions: JSON.stringify(suggestions),
      // The first suggestion, kept to measure accuracy against the unit that finally handles the case.
      first_suggestion: c.understanding ? JSON.stringify(firstSuggestion(c.understanding)) : null,
      state,
      open: !original,
      duplicate_of: original?.id ?? null,
      closed_at: original ? now : null,
      created_at: now,
      updated_at: now,
    };
    const main = (on: Executor) => on.insertInto('cases_case').values(row).returning(['id', 'region_code', 'number']);
    const trace = {
      actor: actorOf(who),
      action: 'registered',
      objectType: 'cases.case',
      objectId: id,
      regionCode: region,
      change: { channel, kind: input.kind, category: row.category_code, street: row.street_code, grid: row.grid_code, duplicateOf: original?.id ?? null },
      event: { topic: CASE_REGISTERED, payload: { id, channel, duplicateOf: original?.id ?? null, streetCode: row.street_code } },
      requestId,
    };
    const tail = CASE_LOG.appendFrom(
      'main',
      { action: original ? 'merge' : 'register', from: null, to: state, actor: stepActorOf(who), payload: { channel, duplicateOf: original?.number ?? null }, at: now },
      { returning: sql`(SELECT number FROM main)` },
    );
    let number: string;
    if (original) {
      const both = async (trx: Executor) => {
        const [r] = await this.k.tracedWrite<{ number: string }>(trx, main(trx), trace, tail);
        await trx
          .updateTable('cases_case')
          .set((eb) => ({ duplicates: eb('duplicates', '+', 1), updated_at: now }))
          .where('id', '=', original.id)
          .execute();
        return r.number;
      };
      number = ex.isTransaction ? await both(ex) : await this.k.db.transaction().execute(both);
    } else {
      const [r] = await this.k.tracedWrite<{ number: string }>(ex, main(ex), trace, tail);
      number = r.number;
    }
    const u = c.understanding;
    return { id, number, duplicateOf: original?.id ?? null, suggestions, ...(u ? { understanding: { departments: u.departments, street: u.street, manual: u.manual } } : {}), created: true };
  }

  private async checkFlood(caller: { phone: string } | { account: string } | null): Promise<void> {
    if (!caller) return;
    const { intake } = await caseSettings(this.k.settings, this.k.config.regionCode);
    const since = new Date(this.k.clock.now().getTime() - 3600_000);
    const q = this.k.db
      .selectFrom('cases_case')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('created_at', '>', since);
    const r = await ('phone' in caller ? q.where('caller_phone_index', '=', caller.phone) : q.where('caller_account_id', '=', caller.account)).executeTakeFirstOrThrow();
    if (Number(r.n) >= intake.callerHourlyLimit) throw CasesErrors.callerFlood();
  }

  private async checkReporterRate(reporterId: string): Promise<void> {
    const { intake } = await caseSettings(this.k.settings, this.k.config.regionCode);
    const since = new Date(this.k.clock.now().getTime() - 60_000);
    const r = await this.k.db
      .selectFrom('cases_case')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('reporter_id', '=', reporterId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) >= intake.reporterMinuteLimit) throw CasesErrors.reporterFlood();
  }

  /**
   * An open case about the same matter at the same place, recent enough to be the same event: by
   * distance when both have coordinates, else by the same address.
   */
  private async findOriginal(ex: Executor, matter: string, placed: boolean, input: CaseInput, lon?: number, lat?: number): Promise<{ id: string; number: string } | null> {
    const { intake } = await caseSettings(this.k.settings, this.k.config.regionCode, { ex });
    const since = new Date(this.k.clock.now().getTime() - intake.duplicateHours * 3600_000);
    let q = ex
      .selectFrom('cases_case')
      .select(['id', 'number'])
      .where('open', '=', true)
      .where('duplicate_of', 'is', null)
      .where('created_at', '>', since)
      .where((eb) => eb.or([eb('category_code', '=', matter), eb.and([eb('category_code', 'is', null), sql<boolean>`suggestions->0->>'categoryCode' = ${matter}`])]));
    if (placed && lon !== undefined && lat !== undefined) {
      const dLat = intake.duplicateMetres / 111_320;
      const dLon = intake.duplicateMetres / (111_320 * Math.cos((lat * Math.PI) / 180));
      q = q
        .where('lat', '>', lat - dLat)
        .where('lat', '<', lat + dLat)
        .where('lon', '>', lon - dLon)
        .where('lon', '<', lon + dLon);
    } else if (input.address?.trim()) {
      q = q.where('address', '=', input.address.trim());
    } else return null;
    return (await q.orderBy('created_at').limit(1).executeTakeFirst()) ?? null;
  }
}
