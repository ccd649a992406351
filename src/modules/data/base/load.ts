import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Insertable, Kysely } from 'kysely';
import { maskCitizenId, seededRandom } from '../../../kernel/ids/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { syntheticBase } from './synthetic.ts';
import { dataDb, type DataCreditTable, type DataEntityTable, type DataPopulationTable, type DataTables } from '../tables.ts';
import { syntheticRegisters } from './registers.ts';

const BATCH = 2000;

export interface LoadedBase {
  people: number;
  entities: number;
  places: number;
}

/**
 * Loads synthetic base data in batches: people (ID numbers SM4-encrypted, with a blind index and a
 * masked copy), legal entities whose legal representatives are among those people, a credit record
 * per entity, and named places. Each batch is one multi-row INSERT in its own transaction, so a
 * large load shows progress and never holds one huge transaction.
 */
export async function loadSyntheticBase(k: Kernel, opts: { people: number; entities: number; seed?: number; onProgress?: (done: number, total: number) => void }): Promise<LoadedBase> {
  const gen = syntheticBase(opts.seed ?? 1522);
  const now = k.clock.now();
  const reps: { idNumber: string; name: string }[] = [];
  const total = opts.people + opts.entities;
  // The registers draw from their own stream, so the people and entities stay those of earlier seeds.
  const registers = syntheticRegisters(k, seededRandom((opts.seed ?? 1522) + 7), now);
  // Each batch in a transaction of its own.
  const inBatch = (write: (db: Kysely<DataTables>) => Promise<unknown>) => k.db.transaction().execute((trx) => write(dataDb(trx)));
  for (let done = 0; done < opts.people; done += BATCH) {
    const rows: Insertable<DataPopulationTable>[] = [];
    for (let i = done; i < Math.min(done + BATCH, opts.people); i++) {
      const p = gen.person();
      if (reps.length < Math.max(opts.entities, 1) * 2) reps.push({ idNumber: p.idNumber, name: p.name });
      rows.push({ id: uuidv7(), region_code: p.regionCode, name: p.name, sex: p.sex === 'male' ? '男' : '女', birth_date: p.birthDate, nation: p.nation, id_number_enc: k.crypto.encryptField(p.idNumber), id_number_idx: k.crypto.blindIndex(p.idNumber), id_number_masked: maskCitizenId(p.idNumber), address: p.address, updated_at: now });
    }
    await inBatch(async (db) => {
      await db.insertInto('data_population').values(rows).execute();
      await registers.people(db, rows);
    });
    opts.onProgress?.(Math.min(done + BATCH, opts.people), total);
  }
  for (let done = 0; done < opts.entities; done += BATCH) {
    const entities: Insertable<DataEntityTable>[] = [];
    const credits: Insertable<DataCreditTable>[] = [];
    for (let i = done; i < Math.min(done + BATCH, opts.entities); i++) {
      const e = gen.entity(reps.length);
      const rep = reps[e.legalRep];
      entities.push({ id: uuidv7(), region_code: e.regionCode, credit_code: e.creditCode, name: e.name, entity_type: e.type, legal_rep_name: rep.name, legal_rep_enc: k.crypto.encryptField(rep.idNumber), legal_rep_idx: k.crypto.blindIndex(rep.idNumber), legal_rep_masked: maskCitizenId(rep.idNumber), registered_capital: e.capital, established_on: e.establishedOn, address: e.address, status: e.status, updated_at: now });
      const r = gen.int(1, 100);
      credits.push({ id: uuidv7(), region_code: e.regionCode, credit_code: e.creditCode, rating: r > 30 ? 'A' : r > 8 ? 'B' : r > 2 ? 'C' : 'D', penalties: r > 8 ? 0 : gen.int(1, 5), red_list: r > 97, black_list: r <= 1, updated_at: now });
    }
    await inBatch((db) => db.insertInto('data_entity').values(entities).execute());
    await inBatch(async (db) => {
      await db.insertInto('data_credit').values(credits).execute();
      await registers.entities(db, entities);
    });
    opts.onProgress?.(opts.people + Math.min(done + BATCH, opts.entities), total);
  }
  const PLACES: [string, string, number, number][] = [
    ['乌兰浩特市人民医院', '医院', 122.0683, 46.0775], ['兴安盟人民医院', '医院', 122.0552, 46.0861], ['乌兰浩特市第一中学', '学校', 122.0829, 46.0732],
    ['乌兰浩特市第四中学', '学校', 122.0531, 46.0952], ['兴安盟政务服务中心', '政务服务场所', 122.0613, 46.0837], ['乌兰浩特市火车站', '交通枢纽', 122.0879, 46.0655],
    ['罕山公园', '公园', 122.0762, 46.0913], ['成吉思汗庙', '文物保护单位', 122.0583, 46.0892], ['洮儿河湿地公园', '公园', 122.0325, 46.0682], ['乌兰浩特义勒力特机场', '交通枢纽', 122.0175, 46.1958],
  ];
  await inBatch((db) => db.insertInto('data_place').values(PLACES.map(([name, kind, lon, lat]) => ({ id: uuidv7(), region_code: '152201', name, kind, lon, lat, address: `乌兰浩特市${name}`, updated_at: now }))).execute());
  return { people: opts.people, entities: opts.entities, places: PLACES.length };
}
