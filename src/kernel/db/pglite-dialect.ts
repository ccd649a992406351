import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type QueryResult } from 'kysely';
import { databaseBusy } from './busy.ts';
import type { Db } from './index.ts';

/**
 * Kysely dialect over one embedded PGlite instance.
 *
 * PGlite has a single connection. kysely-pglite hands that connection to every caller at once, so
 * two concurrent requests would interleave inside each other's BEGIN…COMMIT. Here a connection is
 * leased: the next caller waits until the previous one releases it, which makes transactions
 * serial and correct (the price of an embedded database; a PostgreSQL server has a real pool).
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly client: PGlite,
    /** Waiting longer than this for the connection fails with DATABASE_BUSY; 0 waits forever. */
    private readonly acquireTimeoutMs = 0,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new LeasedPGliteDriver(this.client, this.acquireTimeoutMs);
  }
  createIntrospector(db: Db) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class LeasedPGliteDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(
    private readonly client: PGlite,
    private readonly acquireTimeoutMs: number,
  ) {}

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = this.tail;
    this.tail = before.then(() => mine);
    if (this.acquireTimeoutMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      const turn = before.then(() => 'turn' as const);
      const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), this.acquireTimeoutMs)));
      const first = await Promise.race([turn, late]);
      clearTimeout(timer);
      if (first === 'late') {
        // Give up the place in the queue: when the turn comes, pass it straight on.
        void turn.then(release);
        throw databaseBusy();
      }
    } else {
      await before;
    }
    const conn = new PGliteConnection(this.client);
    this.releases.set(conn, release);
    return conn;
  }

  async beginTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(conn: DatabaseConnection) {
    this.releases.get(conn)?.();
    this.releases.delete(conn);
  }
  async destroy() {
    await this.tail;
    await this.client.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.client.query<R>(query.sql, [...query.parameters]);
    const affected = res.affectedRows;
    return {
      rows: res.rows,
      ...(affected !== undefined && query.query.kind !== 'SelectQueryNode' ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream; page with keyset queries instead');
  }
}
