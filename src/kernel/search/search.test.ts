import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type Database } from '../db/index.ts';
import { matchesQuery, queryRank, queryTokens, searchVector, tokenize } from './index.ts';

describe('Chinese text search', () => {
  it('keeps government terms whole', () => {
    expect(queryTokens('推进一网通办和一件事一次办，实现免申即享')).toEqual(expect.arrayContaining(['一网通办', '一件事一次办', '免申即享']));
    expect(tokenize('开展双随机一公开监管')).toContain('双随机一公开');
  });

  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await sql`CREATE TABLE doc (id int PRIMARY KEY, body text, tsv tsvector)`.execute(database.db);
    const docs = ['个体工商户设立登记', '食品经营许可证核发', '城乡居民养老保险参保登记', '推行一网通办，实现政务服务免申即享'];
    for (const [i, body] of docs.entries()) {
      await sql`INSERT INTO doc VALUES (${i}, ${body}, ${searchVector(body)})`.execute(database.db);
    }
  });
  afterAll(() => database.close());

  it('finds documents by a Chinese query in PostgreSQL full-text search', async () => {
    const find = async (q: string) => (await database.db.selectFrom('doc').select('body').where(matchesQuery('tsv', q)).orderBy(queryRank('tsv', q), 'desc').execute()).map((r) => r.body);
    expect(await find('登记')).toEqual(expect.arrayContaining(['个体工商户设立登记', '城乡居民养老保险参保登记']));
    expect(await find('食品许可')).toEqual(['食品经营许可证核发']);
    expect(await find('一网通办')).toEqual(['推行一网通办，实现政务服务免申即享']);
    expect(await find('房产证')).toEqual([]);
  });
});
