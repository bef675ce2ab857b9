// SASL credentials for a secured cluster, as every client of the Kafka
// transport (producer, consumers, admin) presents them. The password is handed
// to the client as a provider function, so it is read only while
// authenticating and never sits in a client's options where a debug dump
// could print it.
import type { SASLOptions } from '@platformatic/kafka';

export interface KafkaSasl {
  mechanism: 'SCRAM-SHA-512' | 'SCRAM-SHA-256' | 'PLAIN';
  username: string;
  readonly password: string;
}

export function saslOptions(sasl: KafkaSasl | undefined): { sasl?: SASLOptions } {
  if (!sasl) return {};
  return {
    sasl: { mechanism: sasl.mechanism, username: sasl.username, password: () => sasl.password },
  };
}
