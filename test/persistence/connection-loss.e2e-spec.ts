// A connection that the server drops (a PostgreSQL restart, an operator's
// pg_terminate_backend) must cost the work that was using it, never the
// process: pg reports such a loss as an 'error' event, which crashes a
// process when nobody listens.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#spean/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('Database when the server drops a connection', () => {
  let db: TestDatabase;
  let database: Database;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => void uncaught.push(error);

  beforeAll(async () => {
    db = await createTestDatabase('connection_loss');
    database = new Database({ url: db.appUrl, applicationName: 'connection-loss-spec' });
    process.on('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await database.close();
    await db.drop();
  });

  /** Ends the server side of this session from another connection of the same role. */
  async function terminate(pid: number): Promise<void> {
    await db.database.query('SELECT pg_terminate_backend($1)', [pid]);
  }

  it('fails the transaction whose connection was dropped between statements, and goes on', async () => {
    const outcome = database.transaction(async (tx) => {
      const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(row!.pid);
      // The loss arrives while no statement runs: pg emits it as an 'error' event.
      await sleep(300);
      await tx.query('SELECT 1');
    });
    await expect(outcome).rejects.toThrow();
    expect(uncaught).toEqual([]);
    // The pool hands out a working connection afterwards.
    await expect(database.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('survives the loss of a connection checked out of the pool by hand', async () => {
    const client = await database.pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0]!.pid);
    await sleep(300);
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect(uncaught).toEqual([]);
  });

  it('drops an idle pooled connection the server ended, without an uncaught error', async () => {
    const [row] = await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(row!.pid);
    await sleep(300);
    expect(uncaught).toEqual([]);
    await expect(database.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
  });
});
