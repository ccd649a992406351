import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, regionWithin, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { OrgService } from '../org/index.ts';
import { CasesErrors } from './errors.ts';
import type { Category, CategoryInput, Duty, DutyInput, Limits } from './schema.ts';
import { casesDb } from './tables.ts';

/** Limits when a category names none and has no parent to inherit from. */
export const DEFAULT_LIMITS: Limits = {
  urgent: { responseHours: 1, completeDays: 1 },
  ordinary: { responseHours: 4, completeDays: 5 },
  consult: { responseHours: 4, completeDays: 2 },
};

interface Snapshot {
  categories: Map<string, Category>;
  duties: Duty[];
  at: number;
}

const CACHE_MS = 30_000;

/**
 * The category tree (事项分类) and the responsibility list (权责清单): which department, or the
 * street office where the case lies, handles a category in a region. Both are data edited in
 * admin; the most specific region wins (a street's own entry over the city's).
 */
export class Categories {
  private snap: Snapshot | null = null;
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
  ) {}

  private async snapshot(): Promise<Snapshot> {
    if (this.snap && Date.now() - this.snap.at < CACHE_MS) return this.snap;
    const [cats, duties] = await Promise.all([
      casesDb(this.k.db).selectFrom('cases_category').selectAll().orderBy('code').execute(),
      casesDb(this.k.db).selectFrom('cases_duty').selectAll().orderBy('region_code').orderBy('category_code').execute(),
    ]);
    const parents = new Set(cats.map((c) => c.parent_code).filter(Boolean));
    const names = await this.org.departmentNames(duties.flatMap((d) => (d.department_id ? [d.department_id] : [])));
    this.snap = {
      at: Date.now(),
      categories: new Map(
        cats.map((c) => [
          c.code,
          {
            code: c.code,
            parentCode: c.parent_code,
            name: c.name,
            nameEn: c.name_en,
            limits: typeof c.limits === 'string' ? JSON.parse(c.limits) : c.limits,
            active: c.active,
            leaf: !parents.has(c.code),
            version: c.version,
          },
        ]),
      ),
      duties: duties.map((d) => ({
        id: d.id,
        regionCode: d.region_code,
        categoryCode: d.category_code,
        level: d.level,
        departmentId: d.department_id,
        departmentName: d.department_id ? (names.get(d.department_id)?.name ?? null) : null,
        keywords: d.keywords,
        note: d.note,
        active: d.active,
        version: d.version,
      })),
    };
    return this.snap;
  }

  invalidate(): void {
    this.snap = null;
  }

  async list(): Promise<Category[]> {
    return [...(await this.snapshot()).categories.values()];
  }

  async get(code: string): Promise<Category | undefined> {
    return (await this.snapshot()).categories.get(code);
  }

  /** A category a case may be filed under: it exists, is active and is a leaf. */
  async leaf(code: string): Promise<Category> {
    const c = await this.get(code);
    if (!c || !c.active) throw CasesErrors.unknownCategory(code);
    if (!c.leaf) throw CasesErrors.notLeafCategory(code);
    return c;
  }

  /** The path from the root, e.g. 城乡建设 / 市容环卫 / 垃圾清运. */
  async path(code: string): Promise<Category[]> {
    const all = (await this.snapshot()).categories;
    const out: Category[] = [];
    for (let c = all.get(code); c; c = c.parentCode ? all.get(c.parentCode) : undefined) out.unshift(c);
    return out;
  }

  async duties(): Promise<Duty[]> {
    return (await this.snapshot()).duties;
  }

  /** The responsibility entry for a category at a place: the most specific region that covers it. */
  async dutyFor(categoryCode: string, regionCode: string): Promise<Duty | undefined> {
    return (await this.snapshot()).duties
      .filter((d) => d.active && d.categoryCode === categoryCode && regionWithin(regionCode, d.regionCode))
      .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  }

  async saveCategory(who: Principal, input: CategoryInput, requestId?: string): Promise<Category> {
    assertAllowed(this.policy, who, 'cases.manage', { regionCode: this.k.config.regionCode });
    const all = (await this.snapshot()).categories;
    const parentCode = input.parentCode ?? null;
    if (parentCode && (!all.has(parentCode) || !input.code.startsWith(parentCode) || input.code.length !== parentCode.length + 2))
      throw Errors.validation([{ path: '/parentCode', message: 'the parent must exist and the code must extend it by two digits / 上级分类须存在且编码在其后加两位' }]);
    if (!parentCode && input.code.length !== 2) throw Errors.validation([{ path: '/code', message: 'a top-level code has two digits / 一级分类编码为两位' }]);
    const existing = all.get(input.code);
    const limits = input.limits ?? existing?.limits ?? (parentCode ? all.get(parentCode)!.limits : DEFAULT_LIMITS);
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => {
      const row = { code: input.code, parent_code: parentCode, name: input.name.trim(), name_en: input.nameEn ?? null, limits: JSON.stringify(limits), active: input.active ?? true, updated_at: now };
      if (existing)
        await casesDb(trx)
          .updateTable('cases_category')
          .set({ ...row, version: existing.version + 1 })
          .where('code', '=', input.code)
          .execute();
      else await casesDb(trx).insertInto('cases_category').values(row).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: existing ? 'updated' : 'created',
        objectType: 'cases.category',
        objectId: input.code,
        regionCode: this.k.config.regionCode,
        change: { ...input, limits },
        requestId,
      });
    });
    this.invalidate();
    return (await this.get(input.code))!;
  }

  /** Adds or replaces the entry for (region, category). */
  async saveDuty(who: Principal, input: DutyInput, requestId?: string): Promise<Duty> {
    assertAllowed(this.policy, who, 'cases.manage', { regionCode: input.regionCode });
    const cat = await this.get(input.categoryCode);
    if (!cat) throw CasesErrors.unknownCategory(input.categoryCode);
    if (input.level === 'department') {
      if (!input.departmentId) throw Errors.validation([{ path: '/departmentId', message: 'a department entry names the department / 须指定承办部门' }]);
      const d = (await this.org.departmentNames([input.departmentId])).get(input.departmentId);
      if (!d || !d.active || !regionWithin(d.regionCode, input.regionCode.slice(0, 6))) throw CasesErrors.unknownUnit();
    }
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => this.writeDuty(trx, who, input, now, requestId));
    this.invalidate();
    return (await this.duties()).find((d) => d.regionCode === input.regionCode && d.categoryCode === input.categoryCode)!;
  }

  async writeDuty(trx: Executor, who: Principal, input: DutyInput, now: Date, requestId?: string): Promise<void> {
    const row = {
      region_code: input.regionCode,
      category_code: input.categoryCode,
      level: input.level,
      department_id: input.level === 'department' ? input.departmentId! : null,
      keywords: input.keywords.map((w) => w.trim()).filter(Boolean),
      note: input.note ?? null,
      active: input.active ?? true,
      updated_at: now,
    };
    const saved = await casesDb(trx)
      .insertInto('cases_duty')
      .values({ id: uuidv7(), ...row })
      .onConflict((oc) => oc.columns(['region_code', 'category_code']).doUpdateSet((eb) => ({ ...row, version: eb('cases_duty.version', '+', 1) })))
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await this.k.recordChange(trx, { actor: actorOf(who), action: 'duty-saved', objectType: 'cases.duty', objectId: saved.id, regionCode: input.regionCode, change: input, requestId });
  }
}
