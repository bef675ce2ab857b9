// The one way Spean code talks to PostgreSQL: parameterised SQL on a pooled
// connection. Repositories own their SQL; services never see a connection.
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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

/** A transaction: parameterised SQL, and COPY … FROM STDIN on its own connection. */
export interface Transaction extends Queryable {
  /**
   * Runs `statement` (a COPY … FROM STDIN) and streams `chunks` of COPY text
   * to it, waiting for the server whenever its buffer is full.
   */
  copyFrom(statement: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
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
    // Nor may a checked-out one: the pool stops listening to a client while it
    // is out, and a connection dropped between two statements is then an
    // unheard 'error' event. The caller learns of it from its next statement.
    this.pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
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

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.transactionOpenedWith('', work);
  }

  /**
   * A transaction whose first statements go to the server with its BEGIN, in
   * one round trip: `opening` is SQL without parameters, one or more
   * statements, each run with a fresh snapshot as if sent alone (so a lock
   * taken by one is in force when the next reads). `work` gets the rows of the
   * last. For the hottest transactions, where each round trip counts.
   */
  async transactionOpenedWith<R extends object, T>(
    opening: string,
    work: (tx: Transaction, opened: R[]) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    // While checked out, a client is not watched by the pool: a connection the
    // server drops between statements (a restart, pg_terminate_backend) is
    // reported as an 'error' event that would crash the process unheard. The
    // transaction fails at its next statement; the client is then discarded.
    let lost: Error | undefined;
    const onLost = (error: Error): void => {
      lost = error;
    };
    client.on('error', onLost);
    try {
      // A string of several statements comes back as one result per statement.
      const results = (await client.query(opening ? `BEGIN; ${opening}` : 'BEGIN')) as unknown as
        pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(results) ? results[results.length - 1]! : results;
      const tx: Transaction = {
        query: async <Q extends object>(sql: string, params: unknown[] = [], name?: string) =>
          (name
            ? await client.query<Q>({ name, text: sql, values: params })
            : await client.query<Q>(sql, params)
          ).rows,
        copyFrom: (statement, chunks) => copyInto(client, statement, chunks),
      };
      const result = await work(tx, opening ? (last.rows as R[]) : []);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        lost ??= rollbackError;
      });
      throw error;
    } finally {
      client.off('error', onLost);
      // Passing an error makes the pool destroy the client instead of reusing it.
      client.release(lost);
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

/** Streams COPY text to `statement` on `client`, honouring the server's back-pressure. */
async function copyInto(
  client: pg.PoolClient,
  statement: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A refused COPY errors the stream at once; the loop then stops writing.
  let failed: Error | undefined;
  stream.on('error', (error: Error) => (failed = error));
  for await (const chunk of chunks) {
    if (failed) break;
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  }
  stream.end();
  await done;
}
