// Records produced onto the canonical topics with a plain @platformatic/kafka
// client, as anyone who can write to the cluster could, bypassing every adapter.
import {
  ProduceAcks,
  Producer,
  compatibilityPartitioner,
  stringSerializer,
} from '@platformatic/kafka';
import { signedRecordsSuite } from './signed-records.suite.js';

signedRecordsSuite('kafka', 'signed_records_kafka', () => {
  let producer: Producer<string, Buffer, string, string> | undefined;
  return {
    async put(stack, messages) {
      producer ??= new Producer<string, Buffer, string, string>({
        clientId: `${stack.db.name}-intruder`,
        bootstrapBrokers: process.env.KAFKA_BROKERS!.split(','),
        acks: ProduceAcks.ALL,
        partitioner: compatibilityPartitioner,
        serializers: {
          key: stringSerializer,
          headerKey: stringSerializer,
          headerValue: stringSerializer,
        },
        autocreateTopics: false,
      });
      // The stack's topics carry its namespace (one per test file on the shared broker).
      await producer.send({
        messages: messages.map((message) => ({
          topic: `${stack.db.name}.${message.topic}`,
          key: message.key,
          value: message.value,
          headers: message.headers,
        })),
      });
    },
    async close() {
      await producer?.close();
    },
  };
});
