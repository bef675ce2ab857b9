// Dead letters on the embedded (PostgreSQL) transport: stored, listed, kept as
// one row when redelivered, and replayed by stewards once the cause is fixed.
import { EmbeddedEventBus } from '#spean/bus';
import { describeDeadLetters } from './dead-letters.suite.js';

describeDeadLetters('embedded (PostgreSQL)', async (db) => {
  const bus = new EmbeddedEventBus({ database: db.database, partitions: 4, leaseMs: 5000 });
  await bus.connect();
  return bus;
});
