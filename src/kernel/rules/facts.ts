/**
 * Facts are what rules may speak of: named, typed values about one subject (a person or a market
 * entity), each declared with the catalogue resource and data item it comes from, so a decision can
 * say which source a value came from. The data backbone declares them and answers them in SQL; the
 * rules engine only checks rules against the declarations.
 */
export type FactType = 'number' | 'string' | 'boolean' | 'date';
export type Subject = 'person' | 'entity';

export interface FactDecl {
  /** The name rules use, e.g. `age` (`{"var":"age"}`). */
  code: string;
  subject: Subject;
  type: FactType;
  zh: string;
  en: string;
  unit?: { zh: string; en: string };
  /** The values a string fact may take, when they are a closed list (e.g. 低保 / 特困). */
  values?: readonly string[];
  /** Where the value comes from: a catalogue resource and one of its data items. */
  source: { resource: string; item: string; zh: string; en: string };
}

/** One subject's fact values; `null` is "not known", which never satisfies a condition. */
export type FactValues = Record<string, string | number | boolean | null>;

/** The declared facts by code, for one kind of subject. */
export type FactCatalog = ReadonlyMap<string, FactDecl>;

export function factCatalog(decls: readonly FactDecl[]): FactCatalog {
  return new Map(decls.map((d) => [d.code, d]));
}
