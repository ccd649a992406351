import { compileJsonSchema, schemaProblems, type ValidateFunction } from '../../kernel/http/json-schema.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { creditCodeProblem } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { LicensesErrors } from './errors.ts';
import type { LicenceTypeDefinition, LicenceTypeInput } from './schema.ts';
import { licensesDb } from './tables.ts';

export interface LicenceType {
  key: string;
  version: number;
  active: boolean;
  definition: LicenceTypeDefinition;
}

const MAX_FIELDS_CHARS = 32 * 1024;

/**
 * Licence types (证照类型) are configuration: each save is a new version kept in history, and a
 * licence records the version it was issued under. Field schemas are compiled on save, so a type
 * that cannot validate its own licences is refused before anyone issues one.
 */
export class LicenceTypes {
  private readonly validators = new Map<string, ValidateFunction>();
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  private check(def: LicenceTypeDefinition): void {
    const fields = def.fields as { type?: unknown; properties?: Record<string, unknown> };
    if (JSON.stringify(fields).length > MAX_FIELDS_CHARS) throw LicensesErrors.badFields(`larger than ${MAX_FIELDS_CHARS} characters / 字段定义过大`);
    if (fields.type !== 'object' || typeof fields.properties !== 'object' || fields.properties === null)
      throw LicensesErrors.badFields('must be an object with properties / 须为含 properties 的 object');
    try {
      compileJsonSchema(fields);
    } catch (err) {
      throw LicensesErrors.badFields((err as Error).message.slice(0, 300));
    }
    const props = fields.properties;
    const problems: { path: string; message: string }[] = [];
    const authority = creditCodeProblem(def.typeCode.slice(0, 18));
    if (authority) problems.push({ path: '/definition/typeCode', message: `the authority’s credit code is not valid (${authority}) / 定义机构统一社会信用代码无效` });
    def.template.rows.forEach((r, i) => {
      if (!(r.field in props)) problems.push({ path: `/definition/template/rows/${i}/field`, message: `unknown field "${r.field}" / 字段不存在` });
    });
    def.items.forEach((it, i) => {
      for (const part of ['fieldMap', 'fixed', 'fromApplicant'] as const)
        for (const f of Object.keys(it[part] ?? {})) if (!(f in props)) problems.push({ path: `/definition/items/${i}/${part}/${f}`, message: `unknown field "${f}" / 字段不存在` });
      if (it.newEntity && def.holderType !== 'entity')
        problems.push({ path: `/definition/items/${i}/newEntity`, message: 'only an entity-held type registers a new entity / 仅法人类证照可登记新主体' });
    });
    if (problems.length) throw LicensesErrors.badTemplate(problems);
  }

  async save(who: Principal, input: LicenceTypeInput): Promise<LicenceType> {
    assertAllowed(this.policy, who, 'licenses.manage');
    this.check(input.definition);
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const current = await licensesDb(trx).selectFrom('licenses_type').select(['version', 'code']).where('key', '=', input.key).forUpdate().executeTakeFirst();
      if (current && input.baseVersion === undefined) throw LicensesErrors.typeExists();
      if (current && current.version !== input.baseVersion) throw LicensesErrors.typeChanged();
      if (!current && input.baseVersion !== undefined) throw Errors.notFound('licence type');
      const taken = await licensesDb(trx).selectFrom('licenses_type').select('key').where('code', '=', input.definition.typeCode).where('key', '<>', input.key).executeTakeFirst();
      if (taken) throw LicensesErrors.badTemplate([{ path: '/definition/typeCode', message: `used by "${taken.key}" / 类型代码已被使用` }]);
      const version = (current?.version ?? 0) + 1;
      const definition = JSON.stringify(input.definition);
      if (current) await licensesDb(trx).updateTable('licenses_type').set({ version, code: input.definition.typeCode, definition, updated_at: now }).where('key', '=', input.key).execute();
      else await licensesDb(trx).insertInto('licenses_type').values({ key: input.key, code: input.definition.typeCode, version, definition, active: true, updated_at: now }).execute();
      await licensesDb(trx).insertInto('licenses_type_version').values({ key: input.key, version, definition, changed_by: who.accountId, changed_at: now }).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: current ? 'updated' : 'created',
        objectType: 'licenses.type',
        objectId: input.key,
        regionCode: who.regionCode || this.k.config.regionCode,
        change: { version, name: input.definition.name, typeCode: input.definition.typeCode },
      });
      return { key: input.key, version, active: true, definition: input.definition };
    });
  }

  async list(ex: Executor = this.k.db): Promise<LicenceType[]> {
    const rows = await licensesDb(ex).selectFrom('licenses_type').selectAll().orderBy('key').execute();
    return rows.map((r) => ({ key: r.key, version: r.version, active: r.active, definition: r.definition as LicenceTypeDefinition }));
  }

  async get(key: string, ex: Executor = this.k.db): Promise<LicenceType | null> {
    const r = await licensesDb(ex).selectFrom('licenses_type').selectAll().where('key', '=', key).executeTakeFirst();
    return r ? { key: r.key, version: r.version, active: r.active, definition: r.definition as LicenceTypeDefinition } : null;
  }

  /** The types a completed application of this service item issues. */
  async forItem(itemCode: string, ex: Executor = this.k.db): Promise<LicenceType[]> {
    return (await this.list(ex)).filter((t) => t.active && t.definition.items.some((i) => i.itemCode === itemCode));
  }

  /** Checks licence data against the type version's field schema. */
  validate(t: LicenceType, data: Record<string, unknown>): void {
    const id = `${t.key}@${t.version}`;
    let v = this.validators.get(id);
    if (!v) {
      v = compileJsonSchema(t.definition.fields);
      this.validators.set(id, v);
    }
    if (JSON.stringify(data).length > MAX_FIELDS_CHARS) throw LicensesErrors.dataInvalid([{ path: '/data', message: 'too large / 内容过大' }]);
    if (!v(data)) throw LicensesErrors.dataInvalid(schemaProblems(v.errors ?? [], '/data'));
  }
}
