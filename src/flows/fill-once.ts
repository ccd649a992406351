import type { Kernel } from '../kernel/index.ts';
import { BaseProfiles } from '../modules/data/index.ts';
import type { BaseData, BaseRecord, ServicesModule } from '../modules/services/index.ts';

const PERSON_REFS = new Set(['population', 'RK-POPULATION']);
const ENTITY_REFS = new Set(['entity', 'FR-ENTITY']);
const present = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '')) as Record<string, string>;

/**
 * 只填一次 / 免提交: forms are filled from the base databases, and a material the base data can stand
 * for (a copy of the 居民身份证, of the entity's registration) is not asked for. Services asks its
 * BaseData port; this flow answers from the data module's base profiles, so neither module imports
 * the other. Services asks only with the applicant's own verified ID number or credit code.
 */
export function fillOnce(k: Kernel, services: ServicesModule): void {
  const profiles = new BaseProfiles(k);
  const base: BaseData = {
    async person(idNumber): Promise<BaseRecord | null> {
      const p = await profiles.person(idNumber);
      if (!p) return null;
      const values = present({ 'person.birthDate': p.birthDate, 'person.sex': p.sex, 'person.nation': p.nation, 'person.address': p.address, 'person.regionCode': p.regionCode });
      return { resource: p.resource, zh: '人口基础库', en: 'the population base', values };
    },
    async entity(creditCode): Promise<BaseRecord | null> {
      const e = await profiles.entity(creditCode);
      if (!e) return null;
      const values = present({
        'enterprise.name': e.name,
        'enterprise.legalRepName': e.legalRepName,
        'enterprise.address': e.address,
        'enterprise.type': e.entityType,
        'enterprise.capital': e.registeredCapital,
        'enterprise.establishedOn': e.establishedOn,
      });
      return { resource: e.resource, zh: '法人基础库', en: 'the legal-entity base', values };
    },
    baseOf: (ref) => (PERSON_REFS.has(ref) ? 'person' : ENTITY_REFS.has(ref) ? 'entity' : null),
  };
  services.useBaseData(base);
}
