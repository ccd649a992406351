import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { FakeClock } from '../kernel/clock/index.ts';
import { openTestDatabase, runMigrations, type Database, type Db } from '../kernel/db/index.ts';
import { DomainError } from '../kernel/http/errors.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { bearer, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { uploadPdf } from '../testing/services.ts';
import { DEMO_PASSWORD } from '../../seed/departments.ts';
import { seedDemo } from '../../seed/demo.ts';
import { dataTables, sequenceStates } from './backup-catalog.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';

const tmp = (name: string) => path.join(os.tmpdir(), `yw-${name}-${process.pid}.jsonl.gz`);

/** Every table's rows in PostgreSQL's own text form, sorted: equal dumps mean equal data. */
async function canonicalDump(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await dataTables(db)) {
    const r = await sql<{ r: string }>`SELECT x::text AS r FROM ${sql.table(t)} x ORDER BY 1`.execute(db);
    out[t] = r.rows.map((x) => x.r);
  }
  return out;
}

const rowsIn = async (db: Db) => Object.values(await canonicalDump(db)).reduce((n, rows) => n + rows.length, 0);

/** The refusal a restore threw, as an operator would read it. */
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

/** A fresh database migrated like `yiwang restore` does before loading. */
async function emptyTarget(t: TestPlatform): Promise<Database> {
  const db = await openTestDatabase();
  await runMigrations(db.db, t.p.migrations);
  return db;
}

describe('backup and restore', () => {
  let t: TestPlatform;
  const file = tmp('backup');
  beforeAll(async () => {
    t = await startTestPlatform();
    // The demo region, small: applications in every state, sealed licences, 12345 cases, base data.
    await seedDemo(t.p, { people: 12, companies: 4, cases: 60, basePeople: 40, baseEntities: 12 });
    await t.p.kernel.events.dispatch(500);
    // Entries in three lanes (as concurrent writers leave them), signed by one checkpoint of all three heads.
    for (const lane of [1, 2, 2])
      await t.p.kernel.db
        .transaction()
        .execute((trx) =>
          t.p.kernel.audit.record(
            trx,
            { actor: { id: 'backup-test', type: 'staff' }, action: 'noted', objectType: 'test.thing', objectId: `lane-${lane}`, regionCode: '152201', change: { lane } },
            lane,
          ),
        );
    await t.p.kernel.audit.sealAll();
    await backup(t.p.kernel.db, file, () => {});
  }, 300_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(file, { force: true });
  });

  describe('into an empty database', () => {
    let target: Database;
    let restored: Platform;
    beforeAll(async () => {
      target = await emptyTarget(t);
      await restore(target.db, file, () => {});
      // Started afresh on the restored database with the same keys and files, on the same day (so
      // today's numbers would collide if the sequences had not been restored).
      restored = await createPlatform({ config: t.p.kernel.config, database: target, clock: new FakeClock(t.clock.now()), keys: t.keys, sink: { send: async () => {} } });
      await restored.migrate();
    }, 300_000);
    afterAll(() => restored.close());

    it('holds every row of every table, unchanged, and every sequence where it was', async () => {
      const before = await canonicalDump(t.p.kernel.db);
      const after = await canonicalDump(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      // The demo is realistic: jsonb arrays, Chinese text, numerics and every sequence in use.
      expect(before.services_application.length).toBeGreaterThan(5);
      expect(before.licenses_licence.length).toBeGreaterThan(3);
      expect(before.cases_case.length).toBeGreaterThan(10);
      expect(await sequenceStates(target.db)).toEqual(await sequenceStates(t.p.kernel.db));
    });

    it('verifies the restored audit chain as intact', async () => {
      const original = await t.p.kernel.audit.verify();
      const r = await restored.kernel.audit.verify();
      expect(r).toMatchObject({ ok: true, linked: original.linked, checkpoints: original.checkpoints, lanes: original.lanes });
      expect(r.linked).toBeGreaterThan(40);
      expect(r.lanes.map((l) => l.lane)).toEqual(expect.arrayContaining([0, 1, 2]));
    });

    it('keeps working: a new application, licence and case each get the next number after the restored ones', async () => {
      const app = await restored.http();
      const db = target.db;
      const signIn = async (username: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: DEMO_PASSWORD } });
        expect(res.statusCode, username).toBe(201);
        return res.json().token as string;
      };
      /** The serial part of every number in a column, and the one `make` added. */
      const serials = async (table: string, column: string, serialOf: (n: string) => number, make: () => Promise<void>) => {
        const list = async () => (await db.selectFrom(table).select(column).execute()).map((r) => String(r[column]));
        const before = await list();
        await make();
        const added = (await list()).filter((n) => !before.includes(n));
        expect(added).toHaveLength(1);
        return { restored: Math.max(...before.map(serialOf)), added: serialOf(added[0]) };
      };
      const last = (n: string) => Number(n.split('-').at(-1));

      const citizen = await signIn('citizen01');
      const item = await db.selectFrom('services_item').select('id').where('code', '=', 'XK-SCJG-001').executeTakeFirstOrThrow();
      const application = await serials('services_application', 'number', last, async () => {
        const materials = [];
        for (const code of ['m1', 'm2']) materials.push({ code, fileId: await uploadPdf({ app } as TestPlatform, citizen) });
        const res = await app.inject({
          method: 'POST',
          url: '/api/services/applications',
          headers: bearer(citizen),
          payload: { itemId: item.id, form: { shopName: '乌兰浩特市恢复测试小吃店', businessScope: '餐饮服务', capital: 5000 }, materials },
        });
        expect(res.statusCode, res.body).toBe(201);
      });
      expect(application.added).toBeGreaterThan(application.restored);

      const approver = await signIn('approver.scjg');
      const company = await db.selectFrom('identity_enterprise').select(['name', 'credit_code']).orderBy('id').executeTakeFirstOrThrow();
      const licence = await serials(
        'licenses_licence',
        'identifier',
        (id) => Number(id.split('.')[7]),
        async () => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/licenses',
            headers: bearer(approver),
            payload: {
              typeKey: 'business_licence',
              holder: { name: company.name, code: company.credit_code },
              data: { companyType: '有限责任公司', legalRep: '张三', capital: '100万元', scope: '日用百货销售', address: '乌兰浩特市五一南路8号' },
            },
          });
          expect(res.statusCode, res.body).toBe(201);
        },
      );
      expect(licence.added).toBeGreaterThan(licence.restored);

      const agent = await signIn('hotline01');
      const kase = await serials('cases_case', 'number', last, async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: bearer(agent),
          payload: { kind: 'complaint', content: '兴安北大路路灯不亮已经一周了', callerName: '市民', callerPhone: '13904827777' },
        });
        expect(res.statusCode, res.body).toBe(201);
      });
      expect(kase.added).toBeGreaterThan(kase.restored);
      // Their audit entries continue the restored lanes.
      expect(await restored.kernel.audit.verify()).toMatchObject({ ok: true, problems: [] });
    });

    it('refuses to restore over it again, in both languages, and changes nothing', async () => {
      const before = await canonicalDump(target.db);
      const err = await refusal(restore(target.db, file, () => {}));
      expect(err).toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY', status: 409 });
      expect(err.zh).toContain('不是空的');
      expect(err.en).toContain('not empty');
      expect(await canonicalDump(target.db)).toEqual(before);
    });
  });

  describe('refuses a damaged file and leaves the target empty', () => {
    let target: Database;
    beforeAll(async () => {
      target = await emptyTarget(t);
    });
    const written: string[] = [];
    afterAll(async () => {
      await target.close();
      for (const f of written) fs.rmSync(f, { force: true });
    });
    const lines = () => gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const write = (name: string, content: Buffer) => {
      const f = tmp(name);
      fs.writeFileSync(f, content);
      written.push(f);
      return f;
    };

    it('a file cut short', async () => {
      const whole = fs.readFileSync(file);
      const cut = write('cut', whole.subarray(0, Math.floor(whole.length * 0.7)));
      const err = await refusal(restore(target.db, cut, () => {}));
      expect(err).toMatchObject({ code: 'BACKUP_DAMAGED' });
      expect(err.zh).toContain('未恢复任何数据');
      expect(await rowsIn(target.db)).toBe(0);
    });

    it('a file whose last lines were lost before it was compressed', async () => {
      const all = lines();
      const short = write('short', gzipSync(all.slice(0, Math.floor(all.length * 0.8)).join('\n')));
      expect(await refusal(restore(target.db, short, () => {}))).toMatchObject({ code: 'BACKUP_DAMAGED', en: expect.stringContaining('end marker') });
      expect(await rowsIn(target.db)).toBe(0);
    });

    it('a file with a row missing or a row garbled near its end', async () => {
      const all = lines();
      const lastRow = all.findLastIndex((l) => l.startsWith('['));
      const missing = write('missing', gzipSync(all.filter((_, i) => i !== lastRow).join('\n')));
      expect(await refusal(restore(target.db, missing, () => {}))).toMatchObject({ code: 'BACKUP_DAMAGED', en: expect.stringContaining('rows') });
      const garbled = write('garbled', gzipSync(all.map((l, i) => (i === lastRow ? l.slice(0, l.length / 2) : l)).join('\n')));
      expect(await refusal(restore(target.db, garbled, () => {}))).toMatchObject({ code: 'BACKUP_DAMAGED' });
      expect(await rowsIn(target.db)).toBe(0);
    });

    it('a file that is not a Yiwang backup, or was made by another schema', async () => {
      const bogus = write('bogus', gzipSync('{"hello":"world"}\n'));
      expect(await refusal(restore(target.db, bogus, () => {}))).toMatchObject({ code: 'BACKUP_NOT_RECOGNISED' });
      const plain = write('plain', Buffer.from('just some text\n'));
      expect(await refusal(restore(target.db, plain, () => {}))).toMatchObject({ code: 'BACKUP_NOT_RECOGNISED' });
      const all = lines();
      const header = JSON.parse(all[0]);
      const other = write('other', gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, '9999-future'] }), ...all.slice(1)].join('\n')));
      expect(await refusal(restore(target.db, other, () => {}))).toMatchObject({ code: 'BACKUP_SCHEMA_MISMATCH', en: expect.stringContaining('9999-future') });
      expect(await rowsIn(target.db)).toBe(0);
    });
  });
});
