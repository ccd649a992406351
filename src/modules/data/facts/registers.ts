import type { Compilable } from 'kysely';
import type { Kernel } from '../../../kernel/index.ts';
import { citizenIdProblem, creditCodeProblem, maskCitizenId } from '../../../kernel/ids/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import { DataErrors } from '../errors.ts';
import { DATA_BASE_CHANGED } from '../events.ts';
import { dataDb } from '../tables.ts';

export const DISABILITY_CATEGORIES = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;
const SIZES = ['大型', '中型', '小型', '微型'] as const;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The registers of other departments that the base data holds beside population and entities:
 * 死亡登记 (民政/公安), 残疾人 (残联), 社会救助 (民政), 单位参保 (人社). Each entry is one upsert, its
 * audit entry and a `data.base.changed` event in one transaction, so a rule over it (a benefit
 * stopped on death) is re-checked from the event, never from a poll.
 */
export class Registers {
  constructor(private readonly k: Kernel) {}

  async recordDeath(who: Principal, i: { idNumber: string; diedOn: string }): Promise<void> {
    const id = this.person(i.idNumber);
    // Before 1900 is no death a register records now (and year 0 is no date PostgreSQL stores).
    if (typeof i.diedOn !== 'string' || !DAY.test(i.diedOn) || i.diedOn < '1900-01-01' || i.diedOn > this.today()) throw DataErrors.badRegister('/diedOn', 'YYYY-MM-DD, not in the future / 日期格式有误或晚于今天');
    await this.write(who, 'MZ-DEATH', 'person', id.idx, (db) =>
      db
        .insertInto('data_death')
        .values({ ...id.row, died_on: i.diedOn, updated_at: this.k.clock.now() })
        .onConflict((oc) => oc.column('id_number_idx').doUpdateSet({ died_on: i.diedOn, updated_at: this.k.clock.now() }))
        .returning('id_number_idx'),
    );
  }

  async setDisability(who: Principal, i: { idNumber: string; grade: number; category: string }): Promise<void> {
    const id = this.person(i.idNumber);
    if (!Number.isInteger(i.grade) || i.grade < 1 || i.grade > 4) throw DataErrors.badRegister('/grade', '1–4 / 残疾等级为一至四级');
    if (!(DISABILITY_CATEGORIES as readonly string[]).includes(i.category)) throw DataErrors.badRegister('/category', DISABILITY_CATEGORIES.join('/'));
    const set = { grade: i.grade, category: i.category, updated_at: this.k.clock.now() };
    await this.write(who, 'CL-DISABILITY', 'person', id.idx, (db) =>
      db
        .insertInto('data_disability')
        .values({ ...id.row, ...set })
        .onConflict((oc) => oc.column('id_number_idx').doUpdateSet(set))
        .returning('id_number_idx'),
    );
  }

  async setAssistance(who: Principal, i: { idNumber: string; kind: string; householdSize: number; status: string }): Promise<void> {
    const id = this.person(i.idNumber);
    if (i.kind !== '低保' && i.kind !== '特困') throw DataErrors.badRegister('/kind', '低保/特困');
    if (i.status !== '在保' && i.status !== '退出') throw DataErrors.badRegister('/status', '在保/退出');
    if (!Number.isInteger(i.householdSize) || i.householdSize < 1 || i.householdSize > 30) throw DataErrors.badRegister('/householdSize', '1–30');
    const set = { kind: i.kind, household_size: i.householdSize, status: i.status, updated_at: this.k.clock.now() };
    await this.write(who, 'MZ-ASSISTANCE', 'person', id.idx, (db) =>
      db
        .insertInto('data_assistance')
        .values({ ...id.row, ...set })
        .onConflict((oc) => oc.column('id_number_idx').doUpdateSet(set))
        .returning('id_number_idx'),
    );
  }

  async setEmployerInsurance(who: Principal, i: { creditCode: string; size: string; insuredAvg: number; monthsPaid: number; lastYearContributionFen: number; newClaimants: number }): Promise<void> {
    const code = typeof i.creditCode === 'string' ? i.creditCode.trim().toUpperCase() : '';
    if (creditCodeProblem(code)) throw DataErrors.badRegister('/creditCode', 'not a valid 统一社会信用代码 / 统一社会信用代码有误');
    if (!(SIZES as readonly string[]).includes(i.size)) throw DataErrors.badRegister('/size', SIZES.join('/'));
    const count = (v: unknown, max: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
    for (const [path, v, max] of [['/insuredAvg', i.insuredAvg, 1e6], ['/monthsPaid', i.monthsPaid, 1200], ['/lastYearContributionFen', i.lastYearContributionFen, 1e13], ['/newClaimants', i.newClaimants, 1e6]] as const)
      if (!count(v, max)) throw DataErrors.badRegister(path, `integer 0–${max} / 须为不超过 ${max} 的非负整数`);
    if (i.newClaimants > i.insuredAvg) throw DataErrors.badRegister('/newClaimants', 'more than insured staff / 超过参保人数');
    const set = { size: i.size, insured_avg: i.insuredAvg, months_paid: i.monthsPaid, last_year_contribution_fen: i.lastYearContributionFen, new_claimants: i.newClaimants, updated_at: this.k.clock.now() };
    await this.write(who, 'SB-EMPLOYER', 'entity', code, (db) =>
      db
        .insertInto('data_employer_insurance')
        .values({ credit_code: code, region_code: code.slice(2, 8), ...set })
        .onConflict((oc) => oc.column('credit_code').doUpdateSet(set))
        .returning('credit_code'),
    );
  }

  private person(idNumber: string) {
    const v = typeof idNumber === 'string' ? idNumber.trim().toUpperCase() : '';
    if (citizenIdProblem(v)) throw DataErrors.badRegister('/idNumber', 'not a valid citizen ID number / 公民身份号码有误');
    const idx = this.k.crypto.blindIndex(v);
    return { idx, row: { id_number_idx: idx, id_number_enc: this.k.crypto.encryptField(v), id_number_masked: maskCitizenId(v), region_code: v.slice(0, 6) } };
  }

  private today(): string {
    return this.k.clock.now().toISOString().slice(0, 10);
  }

  private async write(who: Principal, resource: string, subject: 'person' | 'entity', key: string, main: (db: ReturnType<typeof dataDb>) => Compilable): Promise<void> {
    await this.k.db.transaction().execute(async (trx) => {
      await this.k.tracedWrite(trx, main(dataDb(trx)), {
        actor: actorOf(who),
        action: 'register-updated',
        objectType: 'data.register',
        objectId: resource,
        regionCode: who.regionCode || this.k.config.regionCode,
        // The key is a blind index (persons) or a public credit code: no personal data in the ledger.
        change: { resource, subject, key },
        event: { topic: DATA_BASE_CHANGED, payload: { id: resource, resource, subject, key } },
      });
    });
  }
}
