import { tell } from '../tell.ts';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate, isWorkingDay } from '../../../kernel/calendar/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { publicBase } from '../../identity/index.ts';
import type { OfficeContext } from '../area.ts';
import { CHECK_IN_TOKEN_MS, checkCheckInToken, issueCheckInToken } from './check-in-token.ts';
import { MeetingErrors } from './errors.ts';
import type { MeetingInput, MeetingView, MinutesInput, ReplyInput } from './schema.ts';
import { meetingsDb, type OfficeMeetingTable } from './tables.ts';

type Row = { [K in keyof OfficeMeetingTable]: OfficeMeetingTable[K] extends { __select__: infer S } ? S : OfficeMeetingTable[K] };
const OBJECT = 'office.meetings.meeting';
const iso = (d: Date | string) => new Date(d).toISOString();

/** 会议: notice → 报名回执 → 签到 → 纪要, each step one transaction with its audit entry and event. */
export class Meetings {
  constructor(private readonly ctx: OfficeContext) {}

  private get k() {
    return this.ctx.k;
  }

  /** Organiser-unit clerks (or a region's office manager) run the meeting. */
  private mayManage(who: Principal, m: { region_code: string; organiser_department_id: string }): boolean {
    return this.ctx.policy.can(who, 'office.clerk', { regionCode: m.region_code, departmentId: m.organiser_department_id }) || this.ctx.policy.can(who, 'office.manage', { regionCode: m.region_code });
  }

  private async row(id: string, ex: Executor = this.k.db, lock = false): Promise<Row> {
    const q = meetingsDb(ex).selectFrom('office_meeting').selectAll().where('id', '=', id);
    const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
    if (!r) throw MeetingErrors.notFound();
    return r as Row;
  }

  private async managed(who: Principal, id: string, ex: Executor, lock = false): Promise<Row> {
    const m = await this.row(id, ex, lock);
    if (!regionWithin(m.region_code, who.regionCode)) throw MeetingErrors.notFound();
    if (!this.mayManage(who, m)) throw Errors.forbidden();
    return m;
  }

  async create(who: Principal, input: MeetingInput, requestId?: string): Promise<{ id: string; state: 'draft' }> {
    const regionCode = who.regionCode || this.k.config.regionCode;
    assertAllowed(this.ctx.policy, who, 'office.clerk', { regionCode, departmentId: input.organiserDepartmentId });
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const replyDueAt = new Date(input.replyDueAt);
    const now = this.k.clock.now();
    if (startsAt <= now) throw MeetingErrors.badInput('/startsAt', '会议时间须在将来', 'The meeting must start in the future');
    if (endsAt <= startsAt) throw MeetingErrors.badInput('/endsAt', '结束时间须晚于开始时间', 'The meeting must end after it starts');
    if (endsAt.getTime() - startsAt.getTime() > 3 * 86_400_000) throw MeetingErrors.badInput('/endsAt', '会议最长三天', 'A meeting lasts at most three days');
    if (replyDueAt <= now || replyDueAt > startsAt) throw MeetingErrors.badInput('/replyDueAt', '回执截止时间须在现在与会议开始之间', 'The reply deadline must fall between now and the start');
    if (!input.invitedDepartmentIds.length && !input.invitedAccountIds?.length) throw MeetingErrors.badInput('/invitedDepartmentIds', '请至少邀请一个单位或一人', 'Invite at least one unit or person');
    const ids = [...new Set([input.organiserDepartmentId, ...input.invitedDepartmentIds])];
    const names = await this.ctx.org.departmentNames(ids);
    ids.forEach((d, i) => {
      const n = names.get(d);
      if (!n || !n.active || !regionWithin(n.regionCode, regionCode))
        throw MeetingErrors.badInput(i === 0 ? '/organiserDepartmentId' : '/invitedDepartmentIds', '单位不存在或不在本辖区', 'The unit does not exist or is outside your region');
    });
    const id = uuidv7();
    return this.k.db.transaction().execute(async (trx) => {
      const db = meetingsDb(trx);
      await db
        .insertInto('office_meeting')
        .values({
          id,
          region_code: regionCode,
          title: input.title.trim(),
          starts_at: startsAt,
          ends_at: endsAt,
          place: input.place.trim(),
          organiser_department_id: input.organiserDepartmentId,
          agenda: input.agenda,
          reply_due_at: replyDueAt,
          invited_accounts: JSON.stringify(input.invitedAccountIds ?? []),
          state: 'draft',
          created_by: who.accountId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (input.invitedDepartmentIds.length) {
        await db
          .insertInto('office_meeting_unit')
          .values(input.invitedDepartmentIds.map((d) => ({ meeting_id: id, department_id: d, department_name: names.get(d)!.name, reply: 'pending' as const })))
          .execute();
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: OBJECT,
        objectId: id,
        regionCode,
        change: { title: input.title, startsAt: iso(startsAt), units: input.invitedDepartmentIds, people: input.invitedAccountIds?.length ?? 0 },
        requestId,
      });
      return { id, state: 'draft' as const };
    });
  }

  /** 发通知: one call invites every unit (their clerks find it in 待办) and notifies each invited person. */
  async sendNotice(who: Principal, id: string, requestId?: string): Promise<{ id: string; state: 'notified'; notified: number }> {
    return this.k.db.transaction().execute(async (trx) => {
      const m = await this.managed(who, id, trx, true);
      if (m.state !== 'draft') throw MeetingErrors.notInState(m.state);
      const now = this.k.clock.now();
      if (m.reply_due_at <= now) throw MeetingErrors.replyClosed();
      await meetingsDb(trx).updateTable('office_meeting').set({ state: 'notified', notified_at: now, updated_at: now }).where('id', '=', id).execute();
      const link = `/workbench/office/meetings/${id}`;
      const when = `${cstDate(m.starts_at)} ${new Date(m.starts_at.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
      for (const recipientId of m.invited_accounts) {
        await this.k.notify.notify(trx, { regionCode: m.region_code, recipientId, title: `会议通知：${m.title}`, body: `${when} 于${m.place}`, link });
      }
      // Each invited unit's clerks get the notice in their inbox too (they reply for the unit).
      const invitedUnits = await meetingsDb(trx).selectFrom('office_meeting_unit').select('department_id').where('meeting_id', '=', id).execute();
      for (const u of invitedUnits) {
        await tell(this.k, trx, { regionCode: m.region_code, departmentId: u.department_id, role: 'office_clerk', title: `会议通知：${m.title}`, body: `${when} 于${m.place}，请报名回执`, link });
      }
      const units = await meetingsDb(trx)
        .selectFrom('office_meeting_unit')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('meeting_id', '=', id)
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'notified',
        objectType: OBJECT,
        objectId: id,
        regionCode: m.region_code,
        change: { units: Number(units.n), people: m.invited_accounts.length },
        requestId,
      });
      return { id, state: 'notified' as const, notified: Number(units.n) + m.invited_accounts.length };
    });
  }

  /** 报名回执: a unit's clerk answers for the unit; a new answer replaces the old one until the deadline. */
  async reply(who: Principal, id: string, departmentId: string, input: ReplyInput, requestId?: string) {
    const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
    if (input.attending && !attendees.length) throw MeetingErrors.badInput('/attendees', '请填写参会人员', 'Name who will attend');
    if (new Set(attendees).size !== attendees.length) throw MeetingErrors.badInput('/attendees', '参会人员有重复', 'An attendee is named twice');
    return this.k.db.transaction().execute(async (trx) => {
      const m = await this.row(id, trx, true);
      if (!regionWithin(m.region_code, who.regionCode)) throw MeetingErrors.notFound();
      assertAllowed(this.ctx.policy, who, 'office.clerk', { regionCode: m.region_code, departmentId });
      if (m.state !== 'notified') throw MeetingErrors.notInState(m.state);
      if (this.k.clock.now() > m.reply_due_at) throw MeetingErrors.replyClosed();
      const now = this.k.clock.now();
      const main = meetingsDb(trx)
        .updateTable('office_meeting_unit')
        .set({ reply: input.attending ? 'attending' : 'absent', attendees: JSON.stringify(input.attending ? attendees : []), replied_by: who.accountId, replied_at: now })
        .where('meeting_id', '=', id)
        .where('department_id', '=', departmentId)
        .returning('department_id');
      const done = await this.k.tracedWrite(trx, main, {
        actor: actorOf(who),
        action: 'replied',
        objectType: OBJECT,
        objectId: id,
        regionCode: m.region_code,
        change: { departmentId, attending: input.attending, attendees: attendees.length },
        summary: { departmentId },
        requestId,
      });
      if (!done.length) throw MeetingErrors.notInvited();
      return { departmentId, reply: input.attending ? ('attending' as const) : ('absent' as const), attendees: input.attending ? attendees : [] };
    });
  }

  /** The QR code shown at the door: a fresh signed token, its link and the code as SVG. */
  async checkInCode(who: Principal, id: string) {
    const m = await this.managed(who, id, this.k.db);
    if (m.state === 'draft') throw MeetingErrors.notInState(m.state);
    const expiresAt = new Date(this.k.clock.now().getTime() + CHECK_IN_TOKEN_MS);
    const token = issueCheckInToken(this.k.crypto, id, expiresAt);
    const url = `${publicBase(this.k)}/workbench/office/meetings/${id}/check-in?token=${encodeURIComponent(token)}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { token, url, qrSvg, expiresAt: expiresAt.toISOString() };
  }

  private async invited(who: Principal, m: Row, ex: Executor): Promise<boolean> {
    if (m.invited_accounts.includes(who.accountId)) return true;
    if (!who.departmentId) return false;
    if (who.departmentId === m.organiser_department_id) return true;
    const u = await meetingsDb(ex).selectFrom('office_meeting_unit').select('department_id').where('meeting_id', '=', m.id).where('department_id', '=', who.departmentId).executeTakeFirst();
    return !!u;
  }

  /** 签到: an invited person with a good token is checked in once; a second scan changes nothing. */
  async checkIn(who: Principal, id: string, token: string, requestId?: string): Promise<{ checkedInAt: string; first: boolean }> {
    return this.k.db.transaction().execute(async (trx) => {
      const m = await this.row(id, trx);
      if (!regionWithin(m.region_code, who.regionCode)) throw MeetingErrors.notFound();
      checkCheckInToken(this.k.crypto, token, id, this.k.clock.now());
      if (m.state === 'draft') throw MeetingErrors.notInState(m.state);
      if (!(await this.invited(who, m, trx))) throw MeetingErrors.notInvited();
      const now = this.k.clock.now();
      const main = meetingsDb(trx)
        .insertInto('office_meeting_checkin')
        .values({ meeting_id: id, account_id: who.accountId, name: who.name, department_id: who.departmentId, checked_in_at: now })
        .onConflict((oc) => oc.columns(['meeting_id', 'account_id']).doNothing())
        .returning('checked_in_at');
      const done = await this.k.tracedWrite(trx, main, {
        actor: actorOf(who),
        action: 'checked-in',
        objectType: OBJECT,
        objectId: id,
        regionCode: m.region_code,
        change: { accountId: who.accountId },
        requestId,
      });
      if (done.length) return { checkedInAt: now.toISOString(), first: true };
      const was = await meetingsDb(trx).selectFrom('office_meeting_checkin').select('checked_in_at').where('meeting_id', '=', id).where('account_id', '=', who.accountId).executeTakeFirstOrThrow();
      return { checkedInAt: iso(was.checked_in_at), first: false };
    });
  }

  /**
   * 纪要: the minutes and their 议定事项; each decision becomes a 督办 task through the supervision
   * port in the same transaction, so minutes never exist without their tasks (or the other way).
   */
  async writeMinutes(who: Principal, id: string, input: MinutesInput, requestId?: string) {
    const today = cstDate(this.k.clock.now());
    const rules = await this.k.calendar.rules();
    const deptIds = [...new Set(input.decisions.flatMap((d) => [d.leadDepartmentId, ...d.helperDepartmentIds]))];
    const names = await this.ctx.org.departmentNames(deptIds);
    input.decisions.forEach((d, i) => {
      const real = !Number.isNaN(Date.parse(`${d.dueDate}T00:00:00Z`)) && new Date(`${d.dueDate}T00:00:00Z`).toISOString().startsWith(d.dueDate);
      if (!real || d.dueDate < today || !isWorkingDay(rules, d.dueDate)) throw MeetingErrors.notDueDay(`/decisions/${i}/dueDate`, d.dueDate);
      for (const u of [d.leadDepartmentId, ...d.helperDepartmentIds]) {
        if (!names.get(u)?.active) throw MeetingErrors.badInput(`/decisions/${i}/leadDepartmentId`, '承办单位不存在', 'The unit does not exist');
      }
      if (d.helperDepartmentIds.includes(d.leadDepartmentId)) throw MeetingErrors.badInput(`/decisions/${i}/helperDepartmentIds`, '牵头单位不能同时是协办单位', 'The lead unit cannot also help');
    });
    const supervision = this.ctx.ports.supervision;
    if (input.decisions.length && !supervision) throw MeetingErrors.noSupervision();
    return this.k.db.transaction().execute(async (trx) => {
      const m = await this.managed(who, id, trx, true);
      if (m.state !== 'notified') throw MeetingErrors.notInState(m.state);
      const now = this.k.clock.now();
      if (now < m.starts_at) throw MeetingErrors.badInput('/text', '会议尚未召开，不能写纪要', 'The meeting has not started; there are no minutes yet');
      await meetingsDb(trx).updateTable('office_meeting').set({ state: 'minuted', minutes: input.text, minutes_by: who.accountId, minutes_at: now, updated_at: now }).where('id', '=', id).execute();
      const decisions = [];
      for (const [i, d] of input.decisions.entries()) {
        const task = await supervision!.raise(trx, who, {
          title: d.text.length > 60 ? `${d.text.slice(0, 59)}…` : d.text,
          detail: d.text,
          source: { kind: 'meeting', ref: id, label: m.title },
          leadDepartmentId: d.leadDepartmentId,
          helperDepartmentIds: d.helperDepartmentIds,
          dueDate: d.dueDate,
          regionCode: m.region_code,
        });
        const row = {
          id: uuidv7(),
          meeting_id: id,
          seq: i + 1,
          text: d.text,
          lead_department_id: d.leadDepartmentId,
          helper_department_ids: d.helperDepartmentIds,
          due_date: d.dueDate,
          task_id: task.id,
        };
        await meetingsDb(trx).insertInto('office_meeting_decision').values(row).execute();
        decisions.push({ id: row.id, seq: row.seq, taskId: task.id });
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'minuted',
        objectType: OBJECT,
        objectId: id,
        regionCode: m.region_code,
        change: { decisions: decisions.map((d) => ({ seq: d.seq, taskId: d.taskId })) },
        requestId,
      });
      return { id, state: 'minuted' as const, decisions };
    });
  }

  async get(who: Principal, id: string): Promise<MeetingView> {
    const m = await this.row(id);
    if (!regionWithin(m.region_code, who.regionCode)) throw MeetingErrors.notFound();
    const manage = this.mayManage(who, m);
    const invited = await this.invited(who, m, this.k.db);
    if (!manage && !invited) throw MeetingErrors.notFound();
    const db = meetingsDb(this.k.db);
    const [units, checkIns, decisions, organiser] = await Promise.all([
      db.selectFrom('office_meeting_unit').selectAll().where('meeting_id', '=', id).orderBy('department_name').execute(),
      db.selectFrom('office_meeting_checkin').selectAll().where('meeting_id', '=', id).orderBy('checked_in_at').execute(),
      db.selectFrom('office_meeting_decision').selectAll().where('meeting_id', '=', id).orderBy('seq').execute(),
      this.ctx.org.departmentNames([m.organiser_department_id]),
    ]);
    const now = this.k.clock.now();
    const replyOpen = m.state === 'notified' && now <= m.reply_due_at;
    return {
      ...this.summary(m, units),
      agenda: m.agenda,
      organiserName: organiser.get(m.organiser_department_id)?.name ?? '',
      invitedAccountIds: manage ? m.invited_accounts : [],
      replies: units.map((u) => ({ departmentId: u.department_id, departmentName: u.department_name, reply: u.reply, attendees: u.attendees, repliedAt: u.replied_at ? iso(u.replied_at) : null })),
      checkIns: checkIns.map((c) => ({ name: c.name, departmentId: c.department_id, at: iso(c.checked_in_at) })),
      minutes: m.minutes,
      decisions: decisions.map((d) => ({
        id: d.id,
        seq: d.seq,
        text: d.text,
        leadDepartmentId: d.lead_department_id,
        helperDepartmentIds: d.helper_department_ids,
        dueDate: String(d.due_date),
        taskId: d.task_id,
      })),
      can: {
        manage,
        reply:
          replyOpen &&
          !!who.departmentId &&
          units.some((u) => u.department_id === who.departmentId) &&
          this.ctx.policy.can(who, 'office.clerk', { regionCode: m.region_code, departmentId: who.departmentId }),
        checkIn: m.state !== 'draft' && invited,
      },
      checkedIn: checkIns.some((c) => c.account_id === who.accountId),
    };
  }

  private summary(m: Row, units: { reply: string; attendees: string[] }[]) {
    return {
      id: m.id,
      title: m.title,
      startsAt: iso(m.starts_at),
      endsAt: iso(m.ends_at),
      place: m.place,
      state: m.state,
      organiserDepartmentId: m.organiser_department_id,
      replyDueAt: iso(m.reply_due_at),
      units: units.length,
      replied: units.filter((u) => u.reply !== 'pending').length,
      attendees: units.reduce((n, u) => n + u.attendees.length, 0),
    };
  }

  /** Meetings the caller organises or is invited to (a region's office manager sees all), newest first. */
  async list(who: Principal, q: { after?: string; limit: number }) {
    assertAllowed(this.ctx.policy, who, 'office.use');
    const cursor = decodeCursor(q.after, 2);
    const all = this.ctx.policy.can(who, 'office.manage', { regionCode: who.regionCode || this.k.config.regionCode });
    const dept = who.departmentId;
    const rows = (await meetingsDb(this.k.db)
      .selectFrom('office_meeting as m')
      .selectAll('m')
      .where('m.region_code', 'like', `${who.regionCode}%`)
      .$if(!all, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('m.organiser_department_id', '=', dept ?? '00000000-0000-0000-0000-000000000000'),
            eb.exists(
              eb
                .selectFrom('office_meeting_unit as u')
                .select('u.meeting_id')
                .whereRef('u.meeting_id', '=', 'm.id')
                .where('u.department_id', '=', dept ?? '00000000-0000-0000-0000-000000000000'),
            ),
            sql<boolean>`m.invited_accounts ? ${who.accountId}`,
          ]),
        ),
      )
      .$if(!!cursor, (qb) => qb.where(sql<boolean>`(m.starts_at, m.id) < (${new Date(String(cursor![0]))}, ${cursor![1]}::uuid)`))
      .orderBy('m.starts_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(q.limit + 1)
      .execute()) as Row[];
    const page = pageOf(rows, q.limit, (r) => [iso(r.starts_at), r.id]);
    const units = page.items.length
      ? await meetingsDb(this.k.db)
          .selectFrom('office_meeting_unit')
          .select(['meeting_id', 'reply', 'attendees'])
          .where(
            'meeting_id',
            'in',
            page.items.map((r) => r.id),
          )
          .execute()
      : [];
    return {
      items: page.items.map((m) =>
        this.summary(
          m,
          units.filter((u) => u.meeting_id === m.id),
        ),
      ),
      next: page.next,
    };
  }
}
