import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { Catalogue, ItemVersion } from './catalogue.ts';
import { mergeForms, mergeMaterials, orderProblems } from './bundle-forms.ts';
import type { BundleDefinition, BundleDetail, BundleInput, BundlePatch, BundleQuery, BundleSummary, MergedForm, MergedMaterial } from './bundle-schema.ts';
import { servicesDb } from './tables.ts';

export const BundleErrors = {
  invalid: (errors: { path: string; message: string }[]) => new DomainError('BUNDLE_INVALID', 422, '一件事定义有误', 'The bundle definition is not valid', errors),
  codeTaken: () => new DomainError('BUNDLE_CODE_TAKEN', 409, '本区划已有相同编码的一件事', 'A bundle with this code already exists in this region'),
  stale: () => new DomainError('BUNDLE_VERSION_CONFLICT', 409, '一件事已被他人修改，请刷新后重试', 'The bundle was changed by someone else; reload and try again'),
  inactive: () => new DomainError('BUNDLE_NOT_AVAILABLE', 409, '该一件事已停止办理', 'This bundle is not available for application'),
  formInvalid: (errors: { path: string; message: string }[]) => new DomainError('BUNDLE_FORM_INVALID', 422, '一件事申请表填写有误', 'The bundle’s application form has errors', errors),
  notInState: () => new DomainError('BUNDLE_NOT_IN_STATE', 409, '一件事当前状态不允许此操作', 'The bundle application’s current state does not allow this'),
};

/** What a bundle version stores: the definition as edited, and what was derived from its members on save. */
export interface BundleContent extends BundleDefinition {
  memberItems: { itemCode: string; itemId: string; stage: number }[];
  form: MergedForm;
  materials: MergedMaterial[];
}

export interface BundleVersion {
  id: string;
  bundleId: string;
  version: number;
  regionCode: string;
  code: string;
  active: boolean;
  content: BundleContent;
}

/**
 * 一件事 definitions: versioned configuration like an item. On save the members are checked (known
 * active items of the region, no self-dependency, no cycle, the applicant type fits each item)
 * and the merged form is derived and stored with the version, so a later item edit never changes
 * how an old bundle application is read.
 */
export class BundleCatalogue {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: Catalogue,
    private readonly names: DepartmentNames,
  ) {}

  /** Current item versions of the region by code (active items only). */
  async itemsByCode(regionCode: string, codes: string[], ex: Executor = this.k.db): Promise<Map<string, ItemVersion>> {
    if (!codes.length) return new Map();
    const rows = await servicesDb(ex)
      .selectFrom('services_item as i')
      .innerJoin('services_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .select(['i.code', 'v.id'])
      .where('i.region_code', '=', regionCode)
      .where('i.active', '=', true)
      .where('i.code', 'in', codes)
      .execute();
    const out = new Map<string, ItemVersion>();
    for (const r of rows) out.set(r.code, await this.catalogue.version(r.id, ex));
    return out;
  }

  /** Checks a definition and derives what its version stores; throws BUNDLE_INVALID (422) with every problem. */
  async derive(regionCode: string, def: BundleDefinition, ex: Executor = this.k.db): Promise<BundleContent> {
    const items = await this.itemsByCode(
      regionCode,
      def.members.map((m) => m.itemCode),
      ex,
    );
    const { problems, stages } = orderProblems(def.members, new Set(items.keys()));
    def.members.forEach((m, i) => {
      const v = items.get(m.itemCode);
      if (v && !v.content.applicantTypes.includes(def.applicantType))
        problems.push({ path: `/content/members/${i}/itemCode`, message: `"${v.content.name}" is not open to this applicant type / 该事项不面向此类申请人` });
    });
    if (problems.length) throw BundleErrors.invalid(problems);
    const members = def.members.map((m) => ({ itemCode: m.itemCode, content: items.get(m.itemCode)!.content }));
    return {
      ...def,
      memberItems: def.members.map((m) => ({ itemCode: m.itemCode, itemId: items.get(m.itemCode)!.itemId, stage: stages.get(m.itemCode) ?? 0 })),
      form: mergeForms(members),
      materials: mergeMaterials(members),
    };
  }

  async create(who: Principal, input: BundleInput, requestId?: string): Promise<BundleDetail> {
    assertAllowed(this.policy, who, 'services.manage', { regionCode: input.regionCode });
    const content = await this.derive(input.regionCode, input.content);
    const id = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      const now = this.k.clock.now();
      const inserted = await servicesDb(trx)
        .insertInto('services_bundle')
        .values({ id, region_code: input.regionCode, code: input.code, current_version: 1, active: true, created_at: now, updated_at: now, ...columns(content) })
        .onConflict((oc) => oc.columns(['region_code', 'code']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw BundleErrors.codeTaken();
      await this.insertVersion(trx, id, 1, content, who, null);
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'services.bundle',
        objectId: id,
        regionCode: input.regionCode,
        change: { code: input.code, version: 1, members: input.content.members },
        summary: { code: input.code, name: input.content.name },
        requestId,
        event: false,
      });
    });
    return this.get(id, true);
  }

  /** A new version (the editor's base version must still be the current one). */
  async update(who: Principal, id: string, patch: BundlePatch, requestId?: string): Promise<BundleDetail> {
    const row = await this.row(id);
    assertAllowed(this.policy, who, 'services.manage', { regionCode: row.region_code });
    if (patch.baseVersion !== row.current_version) throw BundleErrors.stale();
    const content = await this.derive(row.region_code, patch.content);
    await this.k.db.transaction().execute(async (trx) => {
      const version = row.current_version + 1;
      const r = await servicesDb(trx)
        .updateTable('services_bundle')
        .set({ current_version: version, updated_at: this.k.clock.now(), ...columns(content) })
        .where('id', '=', id)
        .where('current_version', '=', row.current_version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw BundleErrors.stale();
      await this.insertVersion(trx, id, version, content, who, patch.note ?? null);
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'versioned',
        objectType: 'services.bundle',
        objectId: id,
        regionCode: row.region_code,
        change: { version, members: patch.content.members, note: patch.note ?? null },
        requestId,
        event: false,
      });
    });
    return this.get(id, true);
  }

  private async insertVersion(trx: Tx, bundleId: string, version: number, content: BundleContent, who: Principal, note: string | null) {
    await servicesDb(trx)
      .insertInto('services_bundle_version')
      .values({ id: uuidv7(), bundle_id: bundleId, version, content: JSON.stringify(content), note, created_by: who.accountId, created_at: this.k.clock.now() })
      .execute();
  }

  private async row(id: string) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('bundle');
    const row = await servicesDb(this.k.db).selectFrom('services_bundle').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw Errors.notFound('bundle');
    return row;
  }

  /** The current version of a bundle (or a given version id, as stamped on an application). */
  async current(id: string, ex: Executor = this.k.db): Promise<BundleVersion> {
    const r = await servicesDb(ex)
      .selectFrom('services_bundle as b')
      .innerJoin('services_bundle_version as v', (j) => j.onRef('v.bundle_id', '=', 'b.id').onRef('v.version', '=', 'b.current_version'))
      .select(['v.id', 'b.id as bundle_id', 'v.version', 'b.region_code', 'b.code', 'b.active', 'v.content'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!r) throw Errors.notFound('bundle');
    return { id: r.id, bundleId: r.bundle_id, version: r.version, regionCode: r.region_code, code: r.code, active: r.active, content: r.content as BundleContent };
  }

  async version(versionId: string, ex: Executor = this.k.db): Promise<BundleVersion> {
    const r = await servicesDb(ex)
      .selectFrom('services_bundle_version as v')
      .innerJoin('services_bundle as b', 'b.id', 'v.bundle_id')
      .select(['v.id', 'b.id as bundle_id', 'v.version', 'b.region_code', 'b.code', 'b.active', 'v.content'])
      .where('v.id', '=', versionId)
      .executeTakeFirstOrThrow();
    return { id: r.id, bundleId: r.bundle_id, version: r.version, regionCode: r.region_code, code: r.code, active: r.active, content: r.content as BundleContent };
  }

  async list(q: BundleQuery): Promise<BundleSummary[]> {
    let query = servicesDb(this.k.db)
      .selectFrom('services_bundle')
      .selectAll()
      .where('active', '=', true)
      .where('region_code', '=', q.regionCode ?? this.k.config.regionCode);
    if (q.lifeEvent) query = query.where(sql<boolean>`${q.lifeEvent} = ANY(life_events)`);
    if (q.enterpriseEvent) query = query.where(sql<boolean>`${q.enterpriseEvent} = ANY(enterprise_events)`);
    const rows = await query.orderBy('code').limit(200).execute();
    const versions = await Promise.all(rows.map((r) => this.current(r.id)));
    return rows.map((r, i) => summary(r, versions[i].content.members.length));
  }

  async get(id: string, includeInactive = false): Promise<BundleDetail> {
    const row = await this.row(id);
    if (!row.active && !includeInactive) throw Errors.notFound('bundle');
    const v = await this.current(id);
    const items = await Promise.all(v.content.memberItems.map((m) => this.catalogue.currentVersion(m.itemId).catch(() => null)));
    const deptIds = items.filter((x) => !!x).map((x) => x.content.departmentId);
    const [zh, en] = await Promise.all([this.names.of(deptIds), this.names.ofEn(deptIds)]);
    return {
      ...summary(row, v.content.members.length),
      version: v.version,
      versionId: v.id,
      description: v.content.description ?? null,
      descriptionEn: v.content.descriptionEn ?? null,
      memberItems: v.content.memberItems.map((m, i) => {
        const it = items[i];
        return {
          itemCode: m.itemCode,
          itemId: m.itemId,
          name: it?.content.name ?? m.itemCode,
          nameEn: it?.content.nameEn ?? null,
          departmentId: it?.content.departmentId ?? '',
          departmentName: (it && zh.get(it.content.departmentId)) || '',
          departmentNameEn: (it && en.get(it.content.departmentId)) ?? null,
          promisedDays: it?.content.promisedDays ?? 0,
          after: v.content.members[i].after,
          stage: m.stage,
        };
      }),
      form: v.content.form,
      materials: v.content.materials,
    };
  }
}

function columns(c: BundleContent) {
  return { name: c.name, name_en: c.nameEn ?? null, applicant_type: c.applicantType, life_events: c.lifeEvents, enterprise_events: c.enterpriseEvents };
}

function summary(
  r: { id: string; code: string; region_code: string; name: string; name_en: string | null; applicant_type: string; life_events: string[]; enterprise_events: string[]; active: boolean },
  members: number,
): BundleSummary {
  return {
    id: r.id,
    code: r.code,
    regionCode: r.region_code,
    name: r.name,
    nameEn: r.name_en,
    applicantType: r.applicant_type,
    lifeEvents: r.life_events,
    enterpriseEvents: r.enterprise_events,
    members,
    active: r.active,
  };
}
