// The same dead-letter behaviour with Kafka as the transport (KAFKA_BROKERS, or
// the broker the kafka global setup started): the store and its replays live
// in PostgreSQL whichever transport delivered the messages.
import { randomUUID } from 'node:crypto';
import { KafkaEventBus } from '../../libs/bus/src/kafka/index.js';
import { describeDeadLetters } from './dead-letters.suite.js';

describeDeadLetters('Kafka', async () => {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: the kafka global setup should have started a broker',
    );
  const bus = new KafkaEventBus({
    brokers: brokers.split(','),
    clientId: `spean-dead-letters-${randomUUID().slice(0, 8)}`,
    partitions: 4,
  });
  await bus.connect();
  return bus;
});
