import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';

/** A person as the population base data (人口基础库) stores them: ID number encrypted, found by blind index. */
export function populationRow(k: Kernel, p: { name: string; idNumber: string; regionCode: string; sex?: string | null; birthDate?: string | null; nation?: string | null; address?: string | null }) {
  return {
    id: uuidv7(),
    region_code: p.regionCode,
    name: p.name,
    sex: p.sex ?? null,
    birth_date: p.birthDate ?? null,
    nation: p.nation ?? null,
    id_number_enc: k.crypto.encryptField(p.idNumber),
    id_number_idx: k.crypto.blindIndex(p.idNumber),
    id_number_masked: maskCitizenId(p.idNumber),
    address: p.address ?? null,
    updated_at: k.clock.now(),
  };
}

/**
 * 一数一源: the population base is the one source of population facts (docs/population.md).
 * Other modules read it through this, not its table: real-name checks ask who an ID number is.
 */
export class Population {
  constructor(private readonly k: Kernel) {}

  async byIdNumber(idNumber: string): Promise<{ name: string; regionCode: string } | null> {
    const r = await this.k.db
      .selectFrom('data_population')
      .select(['name', 'region_code'])
      .where('id_number_idx', '=', this.k.crypto.blindIndex(idNumber))
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.name ? { name: r.name as string, regionCode: r.region_code as string } : null;
  }
}
