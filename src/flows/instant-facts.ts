import type { DataModule } from '../modules/data/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 秒批 reads the applicant's facts from their one source, the data backbone's base databases.
 * Services may not import the data module, so it declares what it needs (InstantFacts) and this
 * flow plugs the backbone's fact catalogue and one-subject answers in.
 */
export function instantFacts(services: ServicesModule, data: Pick<DataModule, 'facts'>): void {
  services.useFacts({
    catalog: (subject) => data.facts.catalog(subject),
    valuesOf: (subject, ref, asOf) => data.facts.valuesOf(subject, ref, asOf),
  });
}
