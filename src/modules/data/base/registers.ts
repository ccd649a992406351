import type { Insertable, Kysely } from 'kysely';
import type { Kernel } from '../../../kernel/index.ts';
import { DISABILITY_CATEGORIES } from '../facts/registers.ts';
import type { DataAssistanceTable, DataDeathTable, DataDisabilityTable, DataEmployerInsuranceTable, DataEntityTable, DataPopulationTable, DataTables } from '../tables.ts';

/**
 * Synthetic registers beside the synthetic people and entities, at rates of the order a county
 * sees (about 0.8 % of people with a recorded death, 6 % with a disability certificate, 4 % on
 * 低保 or 特困; most employers insured, a few with layoffs), so rules over them find realistic
 * numbers of people. Rates are demo data, not statistics.
 */
export function syntheticRegisters(k: Kernel, rnd: () => number, now: Date) {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const day = (y0: number, y1: number) => `${int(y0, y1)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const thisYear = now.getUTCFullYear();
  return {
    async people(db: Kysely<DataTables>, rows: Insertable<DataPopulationTable>[]): Promise<void> {
      const deaths: Insertable<DataDeathTable>[] = [];
      const disabled: Insertable<DataDisabilityTable>[] = [];
      const assisted: Insertable<DataAssistanceTable>[] = [];
      for (const p of rows) {
        const id = { id_number_idx: p.id_number_idx!, id_number_enc: p.id_number_enc!, id_number_masked: p.id_number_masked!, region_code: p.region_code, updated_at: now };
        const old = Number(String(p.birth_date).slice(0, 4)) < thisYear - 70;
        if (rnd() < (old ? 0.03 : 0.003)) deaths.push({ ...id, died_on: day(thisYear - 3, thisYear - 1) });
        if (rnd() < 0.06) disabled.push({ ...id, grade: int(1, 4), category: DISABILITY_CATEGORIES[int(0, DISABILITY_CATEGORIES.length - 1)] });
        if (rnd() < 0.04) assisted.push({ ...id, kind: old && rnd() < 0.3 ? '特困' : '低保', household_size: int(1, 6), status: rnd() < 0.9 ? '在保' : '退出' });
      }
      if (deaths.length) await db.insertInto('data_death').values(deaths).onConflict((oc) => oc.doNothing()).execute();
      if (disabled.length) await db.insertInto('data_disability').values(disabled).onConflict((oc) => oc.doNothing()).execute();
      if (assisted.length) await db.insertInto('data_assistance').values(assisted).onConflict((oc) => oc.doNothing()).execute();
    },
    async entities(db: Kysely<DataTables>, rows: Insertable<DataEntityTable>[]): Promise<void> {
      const insured: Insertable<DataEmployerInsuranceTable>[] = [];
      for (const e of rows) {
        if (e.status !== '存续' || rnd() > 0.85) continue;
        const r = rnd();
        const [size, lo, hi] = r < 0.04 ? (['大型', 300, 2000] as const) : r < 0.16 ? (['中型', 50, 299] as const) : r < 0.5 ? (['小型', 11, 49] as const) : (['微型', 1, 10] as const);
        const staff = int(lo, hi);
        // 失业保险 1 % of a 4,500-yuan average wage, twelve months: about 540 yuan per insured person a year.
        const fen = staff * int(48_000, 60_000);
        const claimants = rnd() < 0.8 ? 0 : Math.min(staff, int(1, Math.max(1, Math.round(staff * 0.12))));
        insured.push({ credit_code: e.credit_code!, region_code: e.region_code, size, insured_avg: staff, months_paid: rnd() < 0.78 ? int(12, 96) : int(0, 11), last_year_contribution_fen: fen, new_claimants: claimants, updated_at: now });
      }
      if (insured.length) await db.insertInto('data_employer_insurance').values(insured).onConflict((oc) => oc.doNothing()).execute();
    },
  };
}
