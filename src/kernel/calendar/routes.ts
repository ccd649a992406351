import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { DomainError, Errors } from '../http/errors.ts';
import { NoInput, ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';
import { actorOf } from '../policy/index.ts';
import { chineseDaysYear } from './index.ts';

const tags = ['calendar'];
const Day = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const CalendarDay = Type.Object({ day: Type.String(), kind: Type.String(), name: Type.String(), source: Type.String() });
const errs = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

const invalidDate = () => new DomainError('DATE_INVALID', 422, '日期不存在', 'No such date');

/** Admin API of the working-day calendar: list a year, set or clear a day, load a published year. */
export function calendarRoutes(k: Kernel) {
  return async function (app: App) {
    app.get(
      '/api/kernel/calendar',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '节假日与调休 / Holidays and make-up days',
          querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
          response: { 200: Type.Array(CalendarDay), ...errs },
        },
      },
      async (req) =>
        k.db
          .selectFrom('kernel_calendar_day')
          .select(['day', 'kind', 'name', 'source'])
          .where('day', '>=', `${req.query.year}-01-01`)
          .where('day', '<=', `${req.query.year}-12-31`)
          .orderBy('day')
          .execute(),
    );
    app.get(
      '/api/kernel/calendar/status',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '日历年份状态 / Which years are loaded',
          response: { 200: Type.Object({ years: Type.Array(Type.Integer()), currentYear: Type.Integer(), nextYearLoaded: Type.Boolean(), nextYearPublished: Type.Boolean() }), 401: ProblemSchema },
        },
      },
      async () => {
        const s = await k.calendar.status();
        return { ...s, nextYearPublished: chineseDaysYear(s.currentYear + 1) !== null };
      },
    );
    app.put(
      '/api/kernel/calendar/days/:day',
      {
        config: { permission: 'calendar.manage' },
        schema: {
          tags,
          summary: '设置节假日或调休工作日 / Set a holiday or make-up workday',
          params: Type.Object({ day: Day }),
          body: Type.Object({ kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]), name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
          response: { 200: CalendarDay, ...errs },
        },
      },
      async (req) => {
        const who = req.principal!;
        const { day } = req.params;
        if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) throw invalidDate();
        const row = { day, kind: req.body.kind, name: req.body.name.trim(), source: 'admin' };
        await k.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('kernel_calendar_day')
            .values({ ...row, updated_by: who.accountId, updated_at: k.clock.now() })
            .onConflict((oc) => oc.column('day').doUpdateSet({ kind: row.kind, name: row.name, source: 'admin', updated_by: who.accountId, updated_at: k.clock.now() }))
            .execute();
          await k.recordChange(trx, {
            actor: actorOf(who),
            action: 'day-set',
            objectType: 'kernel.calendar',
            objectId: day,
            regionCode: k.config.regionCode,
            change: row,
            summary: row,
            requestId: String(req.id),
          });
        });
        k.calendar.invalidate();
        return row;
      },
    );
    app.delete(
      '/api/kernel/calendar/days/:day',
      { config: { permission: 'calendar.manage' }, schema: { tags, summary: '恢复为普通日 / Back to an ordinary day', params: Type.Object({ day: Day }), response: { 204: Type.Null(), ...errs } } },
      async (req, reply) => {
        const who = req.principal!;
        // The pattern lets 2026-02-30 through; PostgreSQL would refuse it with a 500.
        if (new Date(`${req.params.day}T00:00:00Z`).toISOString().slice(0, 10) !== req.params.day) throw invalidDate();
        const removed = await k.db.transaction().execute(async (trx) => {
          const r = await trx.deleteFrom('kernel_calendar_day').where('day', '=', req.params.day).executeTakeFirst();
          if (Number(r.numDeletedRows) === 0) return false;
          await k.recordChange(trx, {
            actor: actorOf(who),
            action: 'day-cleared',
            objectType: 'kernel.calendar',
            objectId: req.params.day,
            regionCode: k.config.regionCode,
            change: { day: req.params.day },
            requestId: String(req.id),
          });
          return true;
        });
        if (!removed) throw Errors.notFound('calendar day');
        k.calendar.invalidate();
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/kernel/calendar/years/:year/load',
      {
        config: { permission: 'calendar.manage', documentedBody: NoInput },
        schema: {
          tags,
          summary: '载入国务院公布的年度安排 / Load a published year',
          params: Type.Object({ year: Type.Integer({ minimum: 2004, maximum: 2100 }) }),
          response: { 200: Type.Object({ days: Type.Integer() }), ...errs },
        },
      },
      async (req) => {
        const who = req.principal!;
        const days = await k.db.transaction().execute(async (trx) => {
          const n = await k.calendar.seedYear(trx, req.params.year, who.accountId);
          if (n === 0) throw new DomainError('CALENDAR_YEAR_UNPUBLISHED', 404, '该年度节假日安排尚未收录，请手工录入', 'That year is not published in the bundled data yet; enter it by hand');
          await k.recordChange(trx, {
            actor: actorOf(who),
            action: 'year-loaded',
            objectType: 'kernel.calendar',
            objectId: String(req.params.year),
            regionCode: k.config.regionCode,
            change: { year: req.params.year, days: n },
            requestId: String(req.id),
          });
          return n;
        });
        return { days };
      },
    );
  };
}
