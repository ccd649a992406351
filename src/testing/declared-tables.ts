import path from 'node:path';
import ts from 'typescript';

/** What a table interface says about one column, reduced to what can be compared with the database. */
export interface DeclaredColumn {
  /** The JS type a read gives: string, number, boolean, Date, string[] — or `json` for anything else. */
  kind: 'string' | 'number' | 'boolean' | 'Date' | 'string[]' | 'json';
  nullable: boolean;
  /** `Generated<…>`: an insert may leave it out (the database has a default). */
  generated: boolean;
  /** A ColumnType inside another (`Generated<Timestamp>`): Kysely reads the inner one as the value type. */
  nested: boolean;
}

/** table → column → declaration, plus which file declared each table. */
export type Declared = Map<string, { file: string; columns: Map<string, DeclaredColumn> }>;

/** A file to read: a `tables.ts` and the name of its interface listing every table (e.g. `OrgTables`). */
export interface TablesFile {
  file: string;
  listing: string;
  /** Source text to use instead of the file on disk (the test of the test gives a wrong one). */
  text?: string;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options;
}

/**
 * Reads the table interfaces with the TypeScript checker (the types do not exist at run time), so the
 * comparison sees what a query sees: `Generated<T>` and `ColumnType<S, I, U>` are unwrapped to their
 * select type, and aliases are followed.
 */
export function declaredTables(root: string, files: TablesFile[]): Declared {
  const options = compilerOptions(root);
  const host = ts.createCompilerHost(options);
  const given = new Map(files.filter((f) => f.text !== undefined).map((f) => [path.resolve(f.file), f.text!]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (given.has(path.resolve(name)) ? ts.createSourceFile(name, given.get(path.resolve(name))!, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => given.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram(
    files.map((f) => f.file),
    options,
    host,
  );
  const checker = program.getTypeChecker();
  const declared: Declared = new Map();
  for (const f of files) {
    const source = program.getSourceFile(f.file);
    if (!source) throw new Error(`cannot read ${f.file}`);
    const listing = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === f.listing);
    if (!listing) throw new Error(`${f.file} declares no interface ${f.listing}`);
    for (const table of checker.getTypeAtLocation(listing).getProperties()) {
      const columns = new Map<string, DeclaredColumn>();
      for (const column of checker.getTypeOfSymbolAtLocation(table, listing).getProperties()) {
        columns.set(column.name, describe(checker, checker.getTypeOfSymbolAtLocation(column, listing), listing));
      }
      declared.set(table.name, { file: path.relative(root, f.file), columns });
    }
  }
  return declared;
}

function describe(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): DeclaredColumn {
  const parts = (t: ts.Type): ts.Type[] => (t.isUnion() ? t.types : [t]);
  // Kysely's ColumnType<S, I, U> (and so Generated<T>) is an object with phantom __select__/__insert__
  // keys; like Kysely, read `ColumnType<…> | null` part by part.
  const side = (key: string) =>
    parts(type).flatMap((t) => {
      const p = t.getProperty(key);
      return p ? parts(checker.getTypeOfSymbolAtLocation(p, at)) : [t];
    });
  const selectTypes = side('__select__');
  const nullable = selectTypes.some((t) => t.flags & ts.TypeFlags.Null);
  const generated = side('__insert__').some((t) => t.flags & ts.TypeFlags.Undefined);
  const rest = selectTypes.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  const nested = rest.some((t) => !!t.getProperty('__select__'));
  return { kind: kindOf(checker, rest), nullable, generated, nested };
}

function kindOf(checker: ts.TypeChecker, types: ts.Type[]): DeclaredColumn['kind'] {
  const all = (flags: ts.TypeFlags) => types.length > 0 && types.every((t) => t.flags & flags);
  if (all(ts.TypeFlags.StringLike)) return 'string';
  if (all(ts.TypeFlags.NumberLike)) return 'number';
  if (all(ts.TypeFlags.BooleanLike)) return 'boolean';
  if (types.length === 1 && types[0].getSymbol()?.name === 'Date') return 'Date';
  if (types.length === 1 && checker.isArrayType(types[0])) {
    const [element] = checker.getTypeArguments(types[0] as ts.TypeReference);
    if (element.flags & ts.TypeFlags.StringLike) return 'string[]';
  }
  return 'json';
}

/** What each PostgreSQL type is read as by our drivers (see the parsers in src/kernel/db/index.ts). */
const KIND_OF_SQL: Record<string, DeclaredColumn['kind'][]> = {
  text: ['string'],
  varchar: ['string'],
  bpchar: ['string'],
  uuid: ['string'],
  date: ['string'],
  tsvector: ['string'],
  int2: ['number'],
  int4: ['number'],
  int8: ['number'],
  float8: ['number'],
  numeric: ['number'],
  bool: ['boolean'],
  timestamptz: ['Date'],
  _text: ['string[]'],
  _uuid: ['string[]'],
  jsonb: ['json', 'string', 'number', 'boolean', 'string[]'],
};

/** One column as information_schema.columns describes it. */
export interface ActualColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: 'ALWAYS' | 'NEVER';
}

/**
 * Every way the declarations and the database disagree, one line each: a declared table or column
 * the database lacks, a column of the database no declaration names, a type, nullability or default
 * that differs, and a table declared outside the module its name belongs to.
 */
export function driftBetween(declared: Declared, actual: ActualColumn[]): string[] {
  const problems: string[] = [];
  const tables = new Map<string, Map<string, ActualColumn>>();
  for (const c of actual) {
    if (!tables.has(c.table_name)) tables.set(c.table_name, new Map());
    tables.get(c.table_name)!.set(c.column_name, c);
  }
  for (const [table, d] of declared) {
    // The folder a tables.ts lives in names its owner: src/kernel, src/modules/<module>.
    const owner = path.basename(path.dirname(d.file));
    if (!table.startsWith(`${owner}_`)) problems.push(`${d.file} declares ${table}, which is not a table of ${owner}`);
    const real = tables.get(table);
    if (!real) {
      problems.push(`${d.file} declares ${table}, which the migrations do not create`);
      continue;
    }
    for (const [column, dc] of d.columns) {
      const rc = real.get(column);
      if (!rc) {
        problems.push(`${d.file} declares ${table}.${column}, which the migrations do not create`);
        continue;
      }
      if (dc.nested) problems.push(`${table}.${column} is declared as a ColumnType inside another, which Kysely does not unwrap`);
      const kinds = KIND_OF_SQL[rc.udt_name];
      if (!kinds) problems.push(`${table}.${column} is ${rc.udt_name}, a type this check does not know yet`);
      else if (!kinds.includes(dc.kind)) problems.push(`${table}.${column} is ${rc.udt_name} in the database but declared as ${dc.kind}`);
      // A json column typed `unknown` swallows `| null`, so its nullability cannot be read from the type.
      const nullable = rc.is_nullable === 'YES';
      if (dc.nullable !== nullable && !(dc.kind === 'json' && nullable))
        problems.push(`${table}.${column} is ${nullable ? '' : 'NOT '}NULL in the database but declared ${dc.nullable ? 'with' : 'without'} null`);
      const hasDefault = rc.column_default !== null || rc.is_identity === 'YES' || rc.is_generated === 'ALWAYS';
      if (dc.generated !== hasDefault) problems.push(`${table}.${column} ${hasDefault ? 'has' : 'has no'} default in the database but is declared ${dc.generated ? '' : 'not '}Generated`);
    }
    for (const column of real.keys()) if (!d.columns.has(column)) problems.push(`${table}.${column} exists in the database but ${d.file} does not declare it`);
  }
  for (const table of tables.keys()) if (!declared.has(table)) problems.push(`${table} exists in the database but no tables.ts declares it`);
  return problems;
}
