import { afterAll, beforeAll } from '@jest/globals';
import { EmbeddedEventBus } from '#spean/bus';
import { describeBusContract } from '../../libs/bus/src/testing/bus-contract.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('bus');
});
afterAll(async () => {
  await db.drop();
});

describeBusContract('embedded (PostgreSQL)', async () => {
  // A fast poll proves nothing extra; keep the default so NOTIFY is what wakes consumers.
  const bus = new EmbeddedEventBus({ database: db.database, partitions: 4, leaseMs: 5000 });
  await bus.connect();
  return bus;
});
