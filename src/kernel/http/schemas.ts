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

/** One entry of a bilingual code list (e.g. kinds of request, item types) as the API serves it. */
export const CodeLabel = Type.Object({ code: Type.Union([Type.String(), Type.Integer()]), zh: Type.String(), en: Type.String() });

/** A code list kept in code as [code, zh, en] tuples, in the shape of `CodeLabel`. */
export const codeLabels = (xs: readonly (readonly [string | number, string, string])[]) => xs.map(([code, zh, en]) => ({ code, zh, en }));
