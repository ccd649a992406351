import { Type } from '@sinclair/typebox';

/** RFC 9457 problem details as this platform sends them (zh and en both present). */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.String(),
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  requestId: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});

/**
 * A calendar date (YYYY-MM-DD) that exists: the format checks the day of the month (no 2026-02-30),
 * the pattern keeps the year to 1000–2999 (PostgreSQL has no year 0000 and services compute with
 * JavaScript dates).
 */
export const DaySchema = Type.String({ format: 'date', pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });

/** One entry of a bilingual code list (e.g. kinds of request, item types) as the API serves it. */
export const CodeLabel = Type.Object({ code: Type.Union([Type.String(), Type.Integer()]), zh: Type.String(), en: Type.String() });

/** A code list kept in code as [code, zh, en] tuples, in the shape of `CodeLabel`. */
export const codeLabels = (xs: readonly (readonly [string | number, string, string])[]) => xs.map(([code, zh, en]) => ({ code, zh, en }));
