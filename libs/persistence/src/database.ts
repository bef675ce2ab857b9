// The one way Spean code talks to PostgreSQL: parameterised SQL on a pooled
// connection. Repositories own their SQL; services never see a connection.
import pg from 'pg';

export interface Queryable {
  /**
   * `name` makes it a prepared statement: parsed and planned once per
   * connection, then only executed. For the hottest statements only; one name
   * must always mean the same SQL.
   */
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    name?: string,
  ): Promise<R[]>;
}

export interface DatabaseOptions {
  url: string;
  /** Shown in pg_stat_activity, so an operator can tell the apps apart. */
  applicationName: string;
  poolSize?: number;
}

// Counts and bigint ids come back as strings; timestamps as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export class Database implements Queryable {
  readonly pool: pg.Pool;

  constructor(readonly options: DatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      application_name: options.applicationName,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<R extends object = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    name?: string,
  ): Promise<R[]> {
    const result = name
      ? await this.pool.query<R>({ name, text: sql, values: params })
      : await this.pool.query<R>(sql, params);
    return result.rows;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Queryable = {
        query: async <R extends object>(sql: string, params: unknown[] = [], name?: string) =>
          (name
            ? await client.query<R>({ name, text: sql, values: params })
            : await client.query<R>(sql, params)
          ).rows,
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A dedicated connection outside the pool (LISTEN needs one). */
  async dedicatedClient(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `${this.options.applicationName}-listen`,
    });
    await client.connect();
    return client;
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
