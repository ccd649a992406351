import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate, isWorkingDay, type DayRules } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { actorOf, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import type { OfficeContext } from '../area.ts';
import { DutyErrors } from './errors.ts';
import { INCIDENT_REPORTED } from './events.ts';
import type { GenerateInput, HandoverInput, IncidentInput, LogInput, ShiftInput } from './schema.ts';
import { dutyDb, type DayKind } from './tables.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
/** The first day of the month after (the rota's upper bound; '-31' is not a date in every month). */
const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};
const daysOf = (month: string): string[] => {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};
export const dayKind = (rules: DayRules, day: string): DayKind => (isWorkingDay(rules, day) ? 'workday' : rules.holidays.has(day) ? 'holiday' : 'weekend');

/** 值班: the rota, 交接班, 值班日志 and 突发事件信息 of one unit's duty desk. */
export class Duty {
  constructor(private readonly ctx: OfficeContext) {}

  private get k() {
    return this.ctx.k;
  }

  /** The duty desk's unit and region; writing needs 值班 in that unit (or the region's office manager). */
  private async desk(who: Principal, departmentId: string | undefined, write: boolean): Promise<{ departmentId: string; regionCode: string }> {
    const dept = departmentId ?? who.departmentId;
    if (!dept) throw DutyErrors.noUnit();
    const names = await this.ctx.org.departmentNames([dept]);
    const unit = names.get(dept);
    if (!unit || !regionWithin(unit.regionCode, who.regionCode)) throw Errors.forbidden();
    const scope = { regionCode: unit.regionCode, departmentId: dept };
    const manager = this.ctx.policy.can(who, 'office.manage', { regionCode: unit.regionCode });
    // A duty officer keeps their own unit's desk only, even where the role catalogue lets 值班 reach across units.
    const own = who.departmentId === dept;
    const allowed = manager || (own && this.ctx.policy.can(who, 'office.duty', scope)) || (!write && this.ctx.policy.can(who, 'office.use', scope));
    if (!allowed) throw Errors.forbidden();
    return { departmentId: dept, regionCode: unit.regionCode };
  }

  private canEdit(who: Principal, d: { departmentId: string; regionCode: string }) {
    return this.ctx.policy.can(who, 'office.manage', { regionCode: d.regionCode }) || (who.departmentId === d.departmentId && this.ctx.policy.can(who, 'office.duty', d));
  }

  async rota(who: Principal, month: string, departmentId?: string) {
    const d = await this.desk(who, departmentId, false);
    const rules = await this.k.calendar.rules();
    const rows = await dutyDb(this.k.db)
      .selectFrom('office_duty_shift')
      .selectAll()
      .where('department_id', '=', d.departmentId)
      .where('day', '>=', `${month}-01`)
      .where('day', '<', nextMonth(month))
      .execute();
    const byDay = new Map(rows.map((r) => [String(r.day), r]));
    return {
      departmentId: d.departmentId,
      month,
      today: cstDate(this.k.clock.now()),
      canEdit: this.canEdit(who, d),
      days: daysOf(month).map((day) => {
        const r = byDay.get(day);
        return { day, kind: r?.day_kind ?? dayKind(rules, day), leader: r?.leader ?? null, officers: r?.officers ?? [], planned: !!r };
      }),
    };
  }

  /** 排班: fills the month's unplanned days in turn from the lists; days already planned keep their people. */
  async generate(who: Principal, input: GenerateInput, requestId?: string) {
    const d = await this.desk(who, input.departmentId, true);
    const rules = await this.k.calendar.rules();
    const perDay = Math.min(input.perDay ?? 1, input.officers.length);
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const taken = new Set(
        (
          await dutyDb(trx)
            .selectFrom('office_duty_shift')
            .select('day')
            .where('department_id', '=', d.departmentId)
            .where('day', '>=', `${input.month}-01`)
            .where('day', '<', nextMonth(input.month))
            .execute()
        ).map((r) => String(r.day)),
      );
      const rows = daysOf(input.month)
        .filter((day) => !taken.has(day))
        .map((day, i) => ({
          id: uuidv7(),
          region_code: d.regionCode,
          department_id: d.departmentId,
          day,
          day_kind: dayKind(rules, day),
          leader: input.leaders[i % input.leaders.length],
          officers: Array.from({ length: perDay }, (_, j) => input.officers[(i * perDay + j) % input.officers.length]),
          updated_by: who.accountId,
          created_at: now,
          updated_at: now,
        }));
      if (rows.length) await dutyDb(trx).insertInto('office_duty_shift').values(rows).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'generated',
        objectType: 'office.duty.rota',
        objectId: d.departmentId,
        regionCode: d.regionCode,
        change: { month: input.month, created: rows.length, kept: taken.size },
        requestId,
      });
      return { created: rows.length, kept: taken.size };
    });
  }

  /** One day's shift; a weekend or holiday must name its 带班领导. */
  async setShift(who: Principal, day: string, input: ShiftInput, requestId?: string) {
    const d = await this.desk(who, input.departmentId, true);
    const real = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(real.getTime()) || !real.toISOString().startsWith(day)) throw DutyErrors.badInput('/day', '日期无效', 'Not a real date');
    const kind = dayKind(await this.k.calendar.rules(), day);
    const leader = input.leader?.trim() || null;
    if (kind !== 'workday' && !leader) throw DutyErrors.leaderRequired(day);
    const officers = input.officers.map((o) => o.trim()).filter(Boolean);
    if (!officers.length) throw DutyErrors.badInput('/officers', '请安排值班员', 'Name at least one duty officer');
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      await dutyDb(trx)
        .insertInto('office_duty_shift')
        .values({ id: uuidv7(), region_code: d.regionCode, department_id: d.departmentId, day, day_kind: kind, leader, officers, updated_by: who.accountId, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['department_id', 'day']).doUpdateSet({ leader, officers, updated_by: who.accountId, updated_at: now }))
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'updated',
        objectType: 'office.duty.rota',
        objectId: d.departmentId,
        regionCode: d.regionCode,
        change: { day, leader, officers },
        requestId,
      });
      return { day, kind, leader, officers, planned: true };
    });
  }

  async handovers(who: Principal, departmentId?: string) {
    const d = await this.desk(who, departmentId, false);
    const rows = await dutyDb(this.k.db).selectFrom('office_duty_handover').selectAll().where('department_id', '=', d.departmentId).orderBy('created_at', 'desc').limit(30).execute();
    return rows.map((r) => ({
      id: r.id,
      day: String(r.day),
      fromName: r.from_name,
      toName: r.to_name,
      items: r.items,
      state: r.state,
      acknowledgedAt: r.acknowledged_at ? iso(r.acknowledged_at) : null,
      createdAt: iso(r.created_at),
      mine: r.state === 'open' && r.to_name === who.name && r.from_account_id !== who.accountId,
    }));
  }

  /** 交班: the outgoing officer hands over to a named colleague, who then acknowledges. */
  async handOver(who: Principal, input: HandoverInput, requestId?: string) {
    const d = await this.desk(who, input.departmentId, true);
    const toName = input.toName.trim();
    if (toName === who.name) throw DutyErrors.badInput('/toName', '不能交班给自己', 'You cannot hand over to yourself');
    const now = this.k.clock.now();
    const id = uuidv7();
    const main = dutyDb(this.k.db)
      .insertInto('office_duty_handover')
      .values({
        id,
        region_code: d.regionCode,
        department_id: d.departmentId,
        day: cstDate(now),
        from_account_id: who.accountId,
        from_name: who.name,
        to_name: toName,
        items: input.items,
        state: 'open',
        created_at: now,
      })
      .returning('id');
    await this.k.tracedWrite(this.k.db, main, {
      actor: actorOf(who),
      action: 'created',
      objectType: 'office.duty.handover',
      objectId: id,
      regionCode: d.regionCode,
      change: { to: toName },
      requestId,
    });
    return { id, state: 'open' as const };
  }

  /** 接班: only the named incoming officer acknowledges, once. */
  async acknowledge(who: Principal, id: string, requestId?: string) {
    const h = await dutyDb(this.k.db).selectFrom('office_duty_handover').selectAll().where('id', '=', id).executeTakeFirst();
    if (!h || !regionWithin(h.region_code, who.regionCode)) throw DutyErrors.notFound('handover');
    await this.desk(who, h.department_id, true);
    if (h.to_name !== who.name || h.from_account_id === who.accountId) throw DutyErrors.notIncoming();
    if (h.state !== 'open') throw DutyErrors.acknowledged();
    const now = this.k.clock.now();
    const main = dutyDb(this.k.db)
      .updateTable('office_duty_handover')
      .set({ state: 'acknowledged', acknowledged_by: who.accountId, acknowledged_at: now })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .returning('id');
    const done = await this.k.tracedWrite(this.k.db, main, {
      actor: actorOf(who),
      action: 'acknowledged',
      objectType: 'office.duty.handover',
      objectId: id,
      regionCode: h.region_code,
      change: { state: 'acknowledged' },
      requestId,
    });
    if (!done.length) throw DutyErrors.acknowledged();
    return { id, state: 'acknowledged' as const };
  }

  async logs(who: Principal, day: string | undefined, departmentId?: string) {
    const d = await this.desk(who, departmentId, false);
    const on = day ?? cstDate(this.k.clock.now());
    const from = new Date(`${on}T00:00:00+08:00`);
    if (Number.isNaN(from.getTime())) throw DutyErrors.badInput('/day', '日期无效', 'Not a real date');
    const rows = await dutyDb(this.k.db)
      .selectFrom('office_duty_log')
      .selectAll()
      .where('department_id', '=', d.departmentId)
      .where('at', '>=', from)
      .where('at', '<', new Date(from.getTime() + 86_400_000))
      .orderBy('at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ id: r.id, at: iso(r.at), kind: r.kind, text: r.text, authorName: r.author_name }));
  }

  private async writeLog(trx: Executor, who: Principal, d: { departmentId: string; regionCode: string }, input: { at: Date; kind: LogInput['kind']; text: string }, requestId?: string) {
    const id = uuidv7();
    const main = dutyDb(trx)
      .insertInto('office_duty_log')
      .values({
        id,
        region_code: d.regionCode,
        department_id: d.departmentId,
        at: input.at,
        kind: input.kind,
        text: input.text,
        author_id: who.accountId,
        author_name: who.name,
        created_at: this.k.clock.now(),
      })
      .returning('id');
    await this.k.tracedWrite(trx, main, { actor: actorOf(who), action: 'written', objectType: 'office.duty.log', objectId: id, regionCode: d.regionCode, change: { kind: input.kind }, requestId });
    return id;
  }

  /** 值班日志: an entry may be back-dated within the last day (written after the call), never in the future. */
  async log(who: Principal, input: LogInput, requestId?: string) {
    const d = await this.desk(who, input.departmentId, true);
    const now = this.k.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at > now || now.getTime() - at.getTime() > 86_400_000) throw DutyErrors.badInput('/at', '日志时间须在过去24小时内', 'The time must fall within the last 24 hours');
    const id = await this.writeLog(this.k.db, who, d, { at, kind: input.kind, text: input.text.trim() }, requestId);
    return { id };
  }

  /** 突发事件信息: recorded with a 值班日志 entry and published, so a flow can open a case from it. */
  async reportIncident(who: Principal, input: IncidentInput, requestId?: string) {
    const d = await this.desk(who, input.departmentId, true);
    const now = this.k.clock.now();
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt > new Date(now.getTime() + 60_000)) throw DutyErrors.badInput('/occurredAt', '发生时间不能晚于现在', 'It cannot have happened in the future');
    const id = uuidv7();
    const what = input.what.trim();
    return this.k.db.transaction().execute(async (trx) => {
      await dutyDb(trx)
        .insertInto('office_duty_incident')
        .values({
          id,
          region_code: d.regionCode,
          department_id: d.departmentId,
          what,
          place: input.place.trim(),
          occurred_at: occurredAt,
          casualties: input.casualties,
          reporter: input.reporter.trim(),
          lon: input.lon,
          lat: input.lat,
          reported_by: who.accountId,
          reported_at: now,
        })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'reported',
        objectType: 'office.duty.incident',
        objectId: id,
        regionCode: d.regionCode,
        change: { place: input.place, casualties: input.casualties },
        event: {
          topic: INCIDENT_REPORTED,
          payload: {
            id,
            departmentId: d.departmentId,
            what,
            place: input.place.trim(),
            occurredAt: occurredAt.toISOString(),
            casualties: input.casualties,
            reporter: input.reporter.trim(),
            lon: input.lon,
            lat: input.lat,
          },
        },
        requestId,
      });
      await this.writeLog(trx, who, d, { at: now, kind: 'incident', text: `${input.place.trim()}：${what}` }, requestId);
      return { id, caseNumber: null };
    });
  }

  async incidents(who: Principal, departmentId?: string) {
    const d = await this.desk(who, departmentId, false);
    const rows = await dutyDb(this.k.db).selectFrom('office_duty_incident').selectAll().where('department_id', '=', d.departmentId).orderBy('reported_at', 'desc').limit(50).execute();
    return rows.map((r) => this.incidentView(r));
  }

  async incident(who: Principal, id: string) {
    const r = await dutyDb(this.k.db).selectFrom('office_duty_incident').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !regionWithin(r.region_code, who.regionCode)) throw DutyErrors.notFound('incident');
    await this.desk(who, r.department_id, false);
    return this.incidentView(r);
  }

  private incidentView(r: { id: string; what: string; place: string; occurred_at: Date; casualties: number; reporter: string; reported_at: Date; case_number: string | null }) {
    return { id: r.id, what: r.what, place: r.place, occurredAt: iso(r.occurred_at), casualties: r.casualties, reporter: r.reporter, reportedAt: iso(r.reported_at), caseNumber: r.case_number };
  }

  /**
   * Called by the flow that opened a case from the report (src/flows/duty-cases.ts), inside its
   * transaction: the report shows the case number from then on. A redelivery writes nothing twice.
   */
  async linkCase(trx: Tx, incidentId: string, c: { caseId: string; number: string }): Promise<void> {
    const r = await dutyDb(trx).selectFrom('office_duty_incident').select(['region_code', 'case_id']).where('id', '=', incidentId).executeTakeFirst();
    if (!r || r.case_id) return;
    const main = dutyDb(trx).updateTable('office_duty_incident').set({ case_id: c.caseId, case_number: c.number }).where('id', '=', incidentId).where('case_id', 'is', null).returning('id');
    await this.k.tracedWrite(trx, main, {
      actor: { id: 'system', type: 'system', regionCode: r.region_code },
      action: 'case-linked',
      objectType: 'office.duty.incident',
      objectId: incidentId,
      regionCode: r.region_code,
      change: { caseNumber: c.number },
    });
  }

  /** Whether `who` is on today's shift (by name, as the rota names people) — for 待办. */
  async onShiftToday(who: Principal, ex: Executor) {
    const today = cstDate(this.k.clock.now());
    if (!who.departmentId) return null;
    return dutyDb(ex)
      .selectFrom('office_duty_shift')
      .selectAll()
      .where('department_id', '=', who.departmentId)
      .where('day', '=', today)
      .where((eb) => eb.or([eb('leader', '=', who.name), sql<boolean>`${who.name} = ANY(officers)`]))
      .executeTakeFirst();
  }
}
