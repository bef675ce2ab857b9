// The same contract the embedded transport passes, against a real Apache
// Kafka broker (KAFKA_BROKERS, or the one the kafka global setup started).
import { randomUUID } from 'node:crypto';
import { KafkaEventBus } from '../../libs/bus/src/kafka/index.js';
import { describeBusContract } from '../../libs/bus/src/testing/bus-contract.js';

describeBusContract('Kafka', async () => {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: the kafka global setup should have started a broker',
    );
  const bus = new KafkaEventBus({
    brokers: brokers.split(','),
    clientId: `spean-contract-${randomUUID().slice(0, 8)}`,
    partitions: 4,
  });
  await bus.connect();
  return bus;
});
